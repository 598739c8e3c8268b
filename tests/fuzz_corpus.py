"""A mutation corpus from the shipped roles, and the road every input is sent down.

`exercise(text)` loads a role file's text, validates it, resolves and renders it
(Markdown and DOCX), shows it and diffs it against the original. Anything but
jobdocs' own errors is a failure; what renders must be valid UTF-8 Markdown and a
DOCX that opens again. `main()` runs the corpus in a process of its own, under a
memory limit set by the test that starts it (see test_fuzz.py).
"""

from __future__ import annotations

import io
import random
import sys
import tempfile
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).parent.parent
SHIPPED = sorted((ROOT / "roles").glob("*.yaml"))

#: Values a mutation swaps in for another: other types, templates, hostile text.
SWAPS = [
    "[1, 2]", "{a: 1}", "123", "-1", "1.5e308", "null", "true", '""', "'   '", "~",
    '"{{ title }}"', '"{{ title.genetive }}"', '"{{ ref(\'nope\') }}"', '"{{ vars.x }}"',
    "\"{{ 'a'.ljust(1999999999) }}\"", '"{{ (1,) * 2000000000 }}"',
    "\"{{ '{0:>1999999999}'.format(1) }}\"", "\"{{ '%1999999999d' % 1 }}\"",
    '"{{ org.approver.forms.update({}) }}"', '"{% for x in y %}{% endfor %}"',
    '"' + "(" * 300 + '"', '"\\e]0;PWNED\\a -->"', '"~~struck~~ <b>x</b> | # h"',
    "!!bool maybe", "!!timestamp foo", "&a x", "*a", "!!python/object:os.system x",
]


def mutate(text: str, rng: random.Random) -> str:
    """Return `text` with one random mutation: a line deleted, a value swapped for
    another type, the file truncated, a key renamed, random bytes or lines shuffled."""
    lines = text.splitlines(keepends=True)
    kind = rng.randrange(7)
    i = rng.randrange(len(lines))
    if kind == 0:
        del lines[i]
    elif kind == 1 and ":" in lines[i]:
        key, _, _ = lines[i].partition(":")
        lines[i] = f"{key}: {rng.choice(SWAPS)}\n"
    elif kind == 2:
        return text[:rng.randrange(len(text))]
    elif kind == 3 and ":" in lines[i]:
        key, sep, rest = lines[i].partition(":")
        lines[i] = key + "x" + sep + rest
    elif kind == 4:
        noise = "".join(chr(rng.choice([rng.randrange(32, 127), rng.randrange(0, 32),
                                        rng.randrange(0x400, 0x500), 0xFFFE]))
                        for _ in range(rng.randrange(1, 20)))
        pos = rng.randrange(len(text))
        return text[:pos] + noise + text[pos:]
    elif kind == 5:
        j = rng.randrange(len(lines))
        lines[i], lines[j] = lines[j], lines[i]
    else:
        lines.insert(i, lines[rng.randrange(len(lines))])
    return "".join(lines)


def corpus(seed: int, n: int) -> Iterator[tuple[str, str]]:
    """Yield (name, text): `n` mutated role files, each from a shipped role."""
    rng = random.Random(seed)
    for k in range(n):
        source = rng.choice(SHIPPED)
        text = source.read_text(encoding="utf-8")
        for _ in range(rng.randrange(1, 4)):
            text = mutate(text, rng)
        yield f"{source.stem}-{k}", text


def exercise(text: str | bytes, folder: Path, name: str = "role") -> str:
    """Send one role file down every road; return what became of it.

    Raise AssertionError (with the input) when jobdocs raises anything but its
    own errors, or renders something that is not valid.
    """
    import docx

    from jobdocs import JobdocsError, render_document, resolve
    from jobdocs.check import check_paths
    from jobdocs.diff.align import diff_roles
    from jobdocs.roles.library import Library
    from jobdocs.settings import load_settings
    from jobdocs.show import show_role

    path = folder / f"{name}.yaml"
    path.write_bytes(text.encode("utf-8", "surrogatepass") if isinstance(text, str) else text)
    library = Library([ROOT / "roles"])
    try:
        check_paths([path], settings=replace(load_settings([path]), library=library))
        role = library.load(path)
    except JobdocsError:
        return "refused"
    except Exception as e:  # noqa: BLE001 - the point: nothing else may escape
        raise AssertionError(f"{type(e).__name__}: {e}\n--- input ---\n{text!r}") from e
    outcome = "loaded"
    for lang in role.languages:
        try:
            doc = resolve(role, lang)
            md = render_document(doc, "md")
            md.decode("utf-8")
            docx.Document(io.BytesIO(render_document(doc, "docx")))
            outcome = "rendered"
        except JobdocsError:
            continue
        except Exception as e:  # noqa: BLE001
            raise AssertionError(f"{lang}: {type(e).__name__}: {e}\n--- input ---\n{text!r}"
                                 ) from e
    try:
        show_role(role)
        original = library.load(ROOT / "roles" / "key-account-manager.yaml")
        diff_roles(original, role, [lang for lang in role.languages
                                    if lang in original.languages][:1])
    except JobdocsError:
        pass
    except Exception as e:  # noqa: BLE001
        raise AssertionError(f"show/diff: {type(e).__name__}: {e}\n--- input ---\n{text!r}"
                             ) from e
    return outcome


def main(seed: int = 0, n: int = 200) -> None:
    """Run the corpus; print what became of the inputs (the test reads the last line)."""
    import warnings

    from jobdocs.errors import JobdocsWarning

    warnings.simplefilter("ignore", JobdocsWarning)
    counts: dict[str, int] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for name, text in corpus(seed, n):
            outcome = exercise(text, Path(tmp), name)
            counts[outcome] = counts.get(outcome, 0) + 1
    print(" ".join(f"{k}={v}" for k, v in sorted(counts.items())))


if __name__ == "__main__":
    main(int(sys.argv[1]), int(sys.argv[2]))
