"""Fuzzing corpora for the other doors in: documents to import, build manifests,
the serve forms. Each runs in a process of its own under a memory limit set by
the test that starts it (test_fuzz_inputs.py), every input under a time limit:

    python fuzz_inputs.py MODE SEED N

prints what became of the inputs on its last line, and exits 1 naming the first
input that raised anything but jobdocs' own errors, hung, or answered 500.
"""

from __future__ import annotations

import json
import os
import random
import shutil
import signal
import sys
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).parent.parent
#: Seconds one input may take.
TIME_LIMIT = 20

LINES = [
    "Должностная инструкция менеджера по продажам", "Job Description: Sales Manager",
    "1. Общие положения", "2. Должностные обязанности", "3. Права", "4. Ответственность",
    "I. Общие положения", "Раздел 2. Права", "1. General Provisions", "2. Job Duties",
    "1.1. Относится к категории специалистов.", "1.2. Должен знать:", "1.2.1. законы;",
    "2.1. Принимает заказы.", "2.2. Консультирует клиентов в пределах п. 2.1 и п. 9.9.",
    "- пункт списка;", "а) подпункт;", "1) первый;", "Просто абзац без номера.", "Итог:",
    "УТВЕРЖДАЮ", "Генеральный директор", "ООО «Ромашка»", "________ И.И. Иванов",
    "«__» ____ 20__ г.", "22 ноября 2026 г.", "С инструкцией ознакомлен:", "Лист ознакомления",
    "СОГЛАСОВАНО", "№ 15-ДИ", "м.п.", "{{ title }} и {% if x %}", "\x1b]0;owned\x07",
    "1.1.1.1.1.1.1.1.1. Глубоко.", "999. Большой номер", "0. Ноль", "1..2. Странно",
    "# Заголовок", "## 1. Общие положения ##", "#" + " " * 300 + "x", "| a | b | c |",
    "**УТВЕРЖДАЮ**\\", "<!-- комментарий", "-->", "\t \u00a0 ", "x" * 2000,
]


def _lines(rng: random.Random, xml: bool = False) -> list[str]:
    lines = [rng.choice(LINES) for _ in range(rng.randrange(1, 40))]
    # python-docx writes no control character into XML: a Word document holds none
    return ["".join(c for c in x if c >= " " or c == "\t") for x in lines] if xml else lines


def text_document(rng: random.Random, folder: Path, k: int) -> Path:
    suffix = rng.choice([".txt", ".md", ".text", ".markdown"])
    path = folder / f"doc-{k}{suffix}"
    text = "\n".join(_lines(rng))
    if rng.random() < 0.2:
        pos = rng.randrange(len(text) + 1)
        text = text[:pos] + "".join(chr(rng.randrange(0, 0x500)) for _ in range(5)) + text[pos:]
    path.write_text(text, encoding="utf-8", errors="surrogatepass")
    return path


_NUMBERS = ["0", "1", "8", "9", "-1", "²", "x", "", "999999999", "2147483648", "1e3", " 3 "]
_FORMATS = ["decimal", "upperRoman", "lowerRoman", "upperLetter", "lowerLetter", "bullet",
            "none", "russianLower", "decimalZero", "ordinal", "garbage"]
W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def word_document(rng: random.Random, folder: Path, k: int) -> Path:
    import docx
    from docx.oxml import parse_xml

    d = docx.Document()
    numbering = d.part.numbering_part.element
    for a in range(3):
        levels = "".join(
            f'<w:lvl w:ilvl="{rng.choice(_NUMBERS)}"><w:start w:val="{rng.choice(_NUMBERS)}"/>'
            f'<w:numFmt w:val="{rng.choice(_FORMATS)}"/><w:lvlText w:val="'
            f'{rng.choice(["%1.", "%1.%2.", "%9.", "%1%1%1", ""])}"/></w:lvl>'
            for _ in range(rng.randrange(1, 4)))
        numbering.insert(0, parse_xml(f'<w:abstractNum {W} w:abstractNumId="{a}">{levels}'
                                      '</w:abstractNum>'))
        numbering.append(parse_xml(
            f'<w:num {W} w:numId="{a + 1}"><w:abstractNumId w:val="{a}"/><w:lvlOverride '
            f'w:ilvl="{rng.choice(_NUMBERS)}"><w:startOverride w:val="{rng.choice(_NUMBERS)}"/>'
            '</w:lvlOverride></w:num>'))
    for text in _lines(rng, xml=True):
        what = rng.randrange(6)
        if what == 0:
            d.add_heading(text, rng.randrange(0, 10))
        elif what == 1:
            table = d.add_table(rows=1, cols=rng.choice([1, 2, 3, 4]))
            cell = table.cell(0, 0)
            cell.paragraphs[0].text = text
            if rng.random() < 0.5:
                cell.add_table(rows=1, cols=1).cell(0, 0).paragraphs[0].text = text
        else:
            p = d.add_paragraph(text)
            if what == 2:
                p._p.get_or_add_pPr().append(parse_xml(
                    f'<w:numPr {W}><w:ilvl w:val="{rng.choice(_NUMBERS)}"/>'
                    f'<w:numId w:val="{rng.choice(["1", "2", "3", "0", "7"])}"/></w:numPr>'))
            elif what == 3:
                p._p.get_or_add_pPr().append(parse_xml(
                    f'<w:outlineLvl {W} w:val="{rng.choice(_NUMBERS)}"/>'))
    path = folder / f"doc-{k}.docx"
    d.save(str(path))
    if rng.random() < 0.3:  # then damage the package itself
        data = bytearray(path.read_bytes())
        for _ in range(rng.randrange(1, 6)):
            data[rng.randrange(len(data))] = rng.randrange(256)
        path.write_bytes(bytes(data[:rng.randrange(len(data) // 2, len(data) + 1)]))
    return path


def _guarded(run: Callable[[], str], what: str) -> str:
    """Run one input under the time limit; raise AssertionError for anything but
    jobdocs' own errors, naming the input."""
    from jobdocs import JobdocsError

    def timeout(*_: object) -> None:
        raise TimeoutError(f"more than {TIME_LIMIT} s")

    signal.signal(signal.SIGALRM, timeout)
    signal.alarm(TIME_LIMIT)
    try:
        return run()
    except JobdocsError:
        return "refused"
    except Exception as e:  # noqa: BLE001 - the point: nothing else may escape
        raise AssertionError(f"{what}: {type(e).__name__}: {e}") from e
    finally:
        signal.alarm(0)


def imports(seed: int, n: int, folder: Path) -> Iterator[str]:
    from jobdocs.importer import import_document
    from jobdocs.importer.output import write

    rng = random.Random(seed)
    out = folder / "roles"
    for k in range(n):
        make = word_document if rng.random() < 0.5 else text_document
        path = make(rng, folder, k)

        def run(path: Path = path) -> str:
            result = import_document(path)
            write(result, out, True, set())
            return "imported"

        yield _guarded(run, f"import {path.name}: {path.read_bytes()[:3000]!r}")


def manifests(seed: int, n: int, folder: Path) -> Iterator[str]:
    from jobdocs.production import build_project
    from jobdocs.settings import load_settings

    project = folder / "project"
    (project / "roles").mkdir(parents=True)
    shutil.copy(ROOT / "roles" / "client-manager.yaml", project / "roles")
    (project / "jobdocs.yaml").write_text("formats: [md]\nlanguages: [en]\noutput: out\n",
                                          encoding="utf-8")
    (folder / "secret.txt").write_text("password: hunter2\n", encoding="utf-8")
    settings = load_settings(start=project)
    build_project(settings, jobs=1)
    manifest = project / "out" / ".jobdocs-manifest.json"
    good = json.loads(manifest.read_text(encoding="utf-8"))
    rng = random.Random(seed)
    values = [None, 1, -1, 2**70, "x", "", [], {}, [1, "a"], {"a": 1}, "/dev/zero",
              str(folder / "secret.txt"), "../" * 50, True, 1.5, "\x00"]

    def mangle(node: object, depth: int = 0) -> object:
        if isinstance(node, dict):
            return {k if rng.random() > 0.1 else rng.choice(["", "x", "files"]):
                    mangle(v, depth + 1) if rng.random() > 0.2 else rng.choice(values)
                    for k, v in node.items()}
        if isinstance(node, list):
            return [mangle(v, depth + 1) if rng.random() > 0.2 else rng.choice(values)
                    for v in node]
        return node if rng.random() > 0.3 else rng.choice(values)

    for _ in range(n):
        kind = rng.randrange(4)
        if kind == 0:
            data = json.dumps(mangle(good)).encode()
        elif kind == 1:
            raw = json.dumps(good).encode()
            data = raw[:rng.randrange(len(raw))]
        elif kind == 2:
            files = {rng.choice(values[10:12]): "0" * 64}
            data = json.dumps({**good, "units": {u: {**e, "files": files}
                                                 for u, e in good["units"].items()}}).encode()
        else:
            data = bytes(rng.randrange(256) for _ in range(rng.randrange(1, 200)))
        manifest.write_bytes(data)

        def run() -> str:
            summary = build_project(settings, jobs=1)
            assert summary.ok, summary.errors
            return "built"

        yield _guarded(run, f"manifest {data[:2000]!r}")


def forms(seed: int, n: int, folder: Path) -> Iterator[str]:
    import re
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from starlette.testclient import TestClient
    from serve_project import KAM, make_project

    from jobdocs.serve.app import create_app
    from jobdocs.serve.site import Site

    root = make_project(folder / "project")
    client = TestClient(create_app(Site.here(root)), base_url="http://localhost")
    rng = random.Random(seed)
    texts = ["", " ", "Новый текст.", "{{ title }}", "{{ titel }}", "{% for %}", "x" * 20_001,
             "a: b\n- c", "\x00\x1b", "'\"", "|\n  x", "{{ 'a' * 99999999 }}", "#", "---"]
    ids = ["appointment", "category", "nope", "", "a" * 200, "../x", "duties", "Z"]
    for _ in range(n):
        page = client.get(f"/roles/{KAM}/edit").text
        hidden = dict(re.findall(r'type="hidden" name="(\w+)" value="([^"]*)"', page))
        data = {"csrf": hidden.get("csrf", ""), "base": hidden.get("base", ""),
                "action": rng.choice(["save", "up", "down", "remove", "add", "x", ""]),
                "clause": rng.choice(ids), "section": rng.choice(["duties", "rights", "x", ""]),
                "new_id": rng.choice(ids + ["new-clause"]), "under": rng.choice(ids)}
        for lang in rng.sample(["ru", "en", "de", "sv", "xx"], rng.randrange(0, 5)):
            data[f"text-{lang}"] = rng.choice(texts)
        if rng.random() < 0.1:
            data["base"] = "stale"
        url = rng.choice([f"/roles/{KAM}/edit"] * 3 + [f"/roles/{KAM}", "/compare", "/validate"])
        if url.endswith("/edit"):
            response = client.post(url, data=data)
        else:
            response = client.get(url, params={k: v for k, v in data.items() if k != "csrf"})

        def check(response: Any = response, url: str = url, data: dict[str, str] = data) -> str:
            assert response.status_code < 500, (url, data, response.text[:500])
            from jobdocs.roles import loader

            loader.load(root / "roles" / f"{KAM}.yaml")  # still YAML jobdocs reads
            return str(response.status_code)

        yield _guarded(check, f"{url} {data!r}")


MODES = {"import": imports, "manifest": manifests, "serve": forms}


def main(mode: str, seed: int, n: int) -> None:
    import warnings

    from jobdocs.errors import JobdocsWarning

    warnings.simplefilter("ignore", JobdocsWarning)
    counts: dict[str, int] = {}
    with tempfile.TemporaryDirectory() as tmp:
        os.chdir(tmp)
        for outcome in MODES[mode](seed, n, Path(tmp)):
            counts[outcome] = counts.get(outcome, 0) + 1
    print(" ".join(f"{k}={v}" for k, v in sorted(counts.items())))


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]), int(sys.argv[3]))
