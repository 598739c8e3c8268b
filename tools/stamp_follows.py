"""Record that the translations of a role follow its current reference text.

After the translations of every clause have been checked against the reference
text (reference: ru), this writes each clause's `follows:` hash right after its
text, touching no other line of the file:

    python tools/stamp_follows.py roles/key-account-manager.yaml [--missing]

With --missing, only clauses that record no hash yet are stamped (new clauses),
so a translation due for review stays due. Clauses written as one flow mapping
(`- {id: x, text: {...}}`) are reported, not changed. See docs/role-format.md,
"Translations that follow the reference text".
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path
from typing import Any

from jobdocs import load_role
from jobdocs.roles.loader import Key, Loaded, load
from jobdocs.roles.reference import as_yaml, text_hash


def clauses(data: Any, key: Key) -> list[tuple[dict[str, Any], Key]]:
    """Return every clause of a list of clauses at every depth, with its key path."""
    out = []
    for i, clause in enumerate(data or ()):
        out.append((clause, (*key, i)))
        for kind in ("clauses", "items"):
            out += clauses(clause.get(kind), (*key, i, kind))
    return out


def edits(loaded: Loaded, reference: str, missing: bool
          ) -> tuple[dict[int, str], dict[int, str], list[str]]:
    """Return the lines to replace and to insert (after line n, 0-based), and skipped ids."""
    lines = Path(loaded.path).read_text(encoding="utf-8").splitlines()
    replace, insert, skipped = {}, {}, []
    found = [c for key, value in (loaded.data.get("sections") or {}).items()
             for c in clauses(value, ("sections", key))]
    for clause, key in found:
        text = clause.get("text") or {}
        if reference not in text or len(text) < 2 or (missing and "follows" in clause):
            continue
        now = as_yaml(text_hash(text[reference]))
        at = loaded.key_marks.get((*key, "text"))
        if at is None or not lines[at.line - 1][:at.column - 1].strip(" -") == "":
            skipped.append(clause["id"])
            continue
        if "follows" in clause:
            mark = loaded.marks[(*key, "follows")]
            line = lines[mark.line - 1]
            replace[mark.line - 1] = re.sub(r"follows:.*", f"follows: {now}", line)
            continue
        end = at.line  # the first line after the text's value
        while end < len(lines) and (not lines[end].strip()
                                    or len(lines[end]) - len(lines[end].lstrip()) >= at.column):
            end += 1
        insert[end - 1] = " " * (at.column - 1) + f"follows: {now}"
    return replace, insert, skipped


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="+", type=Path)
    parser.add_argument("--missing", action="store_true",
                        help="stamp only the clauses without follows:")
    args = parser.parse_args()
    for path in args.files:
        loaded = load(path)
        reference = load_role(path).reference  # a derived role inherits it
        if not reference:
            print(f"{path}: names no reference language (reference: ru)", file=sys.stderr)
            continue
        replace, insert, skipped = edits(loaded, reference, args.missing)
        lines = path.read_text(encoding="utf-8").splitlines()
        out = []
        for n, line in enumerate(lines):
            out.append(replace.get(n, line))
            if n in insert:
                out.append(insert[n])
        path.write_text("\n".join(out) + "\n", encoding="utf-8")
        print(f"{path}: {len(replace) + len(insert)} clauses stamped"
              + (f"; written in flow style, not changed: {', '.join(skipped)}" if skipped
                 else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main())
