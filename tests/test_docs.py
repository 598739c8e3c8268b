"""Docs are tests: every `console` example in README.md and docs/ runs as shown.

Each example runs in a folder of its own, made by the setup this file names for it
(from its page and first command), with `jobdocs` from this checkout. Where an example
shows what a command prints, that is what it must print (stdout and stderr, as a
terminal shows them; `...` stands for the rest of a line, a time in seconds for any
time); where it shows no output at all, its commands must succeed (exit 0, or 1 for a
command that reports findings or differences). An example nobody can run here says
why in NOT_RUN; a new example that is in neither table fails the first test.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).parent.parent
FIXTURES = ROOT / "tests" / "fixtures" / "docs" / "roles"
PAGES = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
pytestmark = pytest.mark.skipif(os.name == "nt" or not shutil.which("bash"),
                                reason="the examples are shell sessions (bash)")


@dataclass
class Example:
    page: str  # README.md, docs/build.md
    line: int
    commands: list[tuple[str, list[str]]]  # (command, the lines shown after it)

    @property
    def key(self) -> tuple[str, str]:
        return self.page, self.commands[0][0]


def examples() -> list[Example]:
    """Return every ```console block of the README and docs/, parsed."""
    found = []
    for page in PAGES:
        lines = page.read_text(encoding="utf-8").splitlines()
        i = 0
        while i < len(lines):
            if lines[i].strip() != "```console":
                i += 1
                continue
            start, commands = i + 1, []
            i += 1
            while lines[i].strip() != "```":
                line = lines[i]
                if line.startswith("$ "):
                    command = line[2:]
                    while command.endswith("\\"):
                        i += 1
                        command = command[:-1] + " " + lines[i].strip()
                    commands.append((command, []))
                else:
                    commands[-1][1].append(line)
                i += 1
            found.append(Example(page.relative_to(ROOT).as_posix(), start, commands))
            i += 1
    return found


# -- what each example needs -----------------------------------------------------------


def copy(*names: str) -> Callable[[Path], None]:
    """A setup that copies files or folders of the repository into the example's folder."""
    def setup(here: Path) -> None:
        for name in names:
            source, target = ROOT / name, here / name
            if source.is_dir():
                shutil.copytree(source, target)
            else:
                target.parent.mkdir(parents=True, exist_ok=True)
                shutil.copy(source, target)
    return setup


def empty(here: Path) -> None:
    """A folder with nothing in it: jobdocs' own library of roles."""


def my_roles(here: Path) -> None:
    """Three role files of a company, in a folder of their own (docs/build.md)."""
    (here / "my-roles").mkdir()
    for role in ("client-manager", "junior-account-manager", "senior-account-manager"):
        shutil.copy(ROOT / "roles" / f"{role}.yaml", here / "my-roles")


def project(here: Path) -> None:
    """A company's project: jobdocs.yaml and the shipped roles."""
    shutil.copytree(ROOT / "roles", here / "roles")
    (here / "jobdocs.yaml").write_text("format: 1\nroles: roles\n", encoding="utf-8")


def catalog(here: Path) -> None:
    """A company's Finnish catalog, begun as docs/translating.md begins it."""
    ready(here, "jobdocs catalog-template > messages.pot && "
          "pybabel init -i messages.pot -d wording/locales -l fi")


def history(here: Path) -> None:
    """A git repository with the key account manager tagged v1.0 and v1.1, three commits
    after v1.0, and two versions of it as files (docs/diff.md)."""
    project(here)
    kam = here / "roles" / "key-account-manager.yaml"
    text = kam.read_text(encoding="utf-8")
    git = "git -c user.name=HR -c user.email=hr@example.org"
    ready(here, f"git init -q && {git} add -A && {git} commit -qm v1.0 && git tag v1.0")
    shutil.copy(kam, here / "old.yaml")
    version = re.search(r"^version: .*$", text, re.M)
    assert version
    for n, (old, new) in enumerate([("При необходимости", "По запросу клиента"),
                                    (version.group(), 'version: "99.1"'),
                                    ("По запросу клиента", "По просьбе клиента")]):
        assert old in text
        text = text.replace(old, new, 1)
        kam.write_text(text, encoding="utf-8")
        ready(here, f"{git} commit -qam 'change {n}'" + (" && git tag v1.1" if n == 1 else ""))
    shutil.copy(kam, here / "new.yaml")


def ready(here: Path, script: str) -> None:
    """Run a step of a setup; it must succeed."""
    done = run(here, script)
    assert done.returncode == 0, done.stdout + done.stderr


def sales(here: Path) -> None:
    """A company's roles with two mistakes (tests/fixtures/docs/roles)."""
    (here / "roles").mkdir()
    for name in ("sales-assistant", "sales-manager"):
        shutil.copy(FIXTURES / f"{name}.yaml", here / "roles")


def failing_build(here: Path) -> None:
    """The project docs/build.md begins, with a role whose clause text has a typo."""
    my_roles(here)
    ready(here, "jobdocs init >/dev/null && cp my-roles/*.yaml roles/")
    shutil.copy(FIXTURES / "sales-clerk.yaml", here / "roles")


STAFF = """\
name,position,gender,role
Иванова Мария Петровна,Менеджер по работе с ключевыми клиентами,ж,key-account-manager
Петров Иван Сергеевич,Менеджер по работе с ключевыми клиентами,м,key-account-manager
Сидоров Алексей Викторович,Менеджер по работе с клиентами,м,client-manager
"""


def staff(here: Path) -> None:
    """A project writing Russian DOCX, with its staff list (docs/build.md)."""
    (here / "roles").mkdir()
    for role in ("client-manager", "key-account-manager"):
        shutil.copy(ROOT / "roles" / f"{role}.yaml", here / "roles")
    (here / "jobdocs.yaml").write_text("format: 1\nlanguages: [ru]\nformats: [docx]\n"
                                       "output: documents\n", encoding="utf-8")
    (here / "staff.csv").write_text(STAFF, encoding="utf-8")


def old_documents(here: Path) -> None:
    """Job descriptions in Word, as a company has them (docs/importing.md)."""
    ready(here, "jobdocs render key-account-manager client-manager -l ru -f docx -o old "
          ">/dev/null && jobdocs render key-account-manager -l ru -l en -f docx -o . "
          ">/dev/null && mv key-account-manager.ru.docx kam.ru.docx && "
          "mv key-account-manager.en.docx kam.en.docx")


def seed_text(here: Path) -> None:
    """The English seed as a company's text file (docs/importing.md)."""
    shutil.copy(ROOT / "tests" / "fixtures" / "seeds" / "000-key-account-manager.en.txt",
                here / "kam.en.txt")


SETUPS: dict[tuple[str, str], Callable[[Path], None]] = {
    ("README.md", "pip install . && jobdocs render key-account-manager --lang ru --lang en "
     "-o out"): empty,
    ("docs/organization-format.md", "jobdocs render key-account-manager --set date=2026-11-22 "
     "--set number=15-ДИ"): copy("examples/romashka"),
    ("docs/validation.md", "jobdocs validate --strict --format sarif --format junit "
     "--format github -o jobdocs.sarif -o junit.xml"): project,
    ("docs/validation.md", "mkdir -p schemas && jobdocs schema > schemas/role-1.json && "
     "jobdocs schema organization > schemas/organization-1.json"): empty,
    ("docs/build.md", "jobdocs build"): my_roles,
    ("docs/translating.md", "pybabel init -i messages.pot -d wording/locales -l fi"): empty,
    ("docs/translating.md", "pybabel update -i messages.pot -d wording/locales "
     "--no-fuzzy-matching"): catalog,
    ("docs/translating.md", "pybabel compile -d wording/locales --statistics"): catalog,
    ("docs/importing.md", "jobdocs import kam.en.txt"): seed_text,
    ("docs/diff.md", "jobdocs diff old.yaml new.yaml -l ru -f docx -o redline.docx     "
     "# a Word redline"): history,
    ("docs/diff.md", "jobdocs diff --from v1.0 key-account-manager -f docx -l ru -o "
     "redline.ru.docx"): history,
    ("docs/serve.md", "python tools/serve_catalogs.py     # English reads as written"):
        copy("jobdocs", "locales", "tools", "babel-serve.cfg"),
    ("README.md", "jobdocs validate"): sales,
    ("docs/validation.md", "jobdocs validate"): sales,
    ("docs/build.md", "echo $?"): failing_build,
    ("docs/build.md", "ls documents"): staff,
    ("docs/importing.md", "jobdocs import kam.ru.docx --translation kam.en.docx   "
     "# one bilingual role"): old_documents,
}

WORD = ("a document a person reviewed in Word: tests/test_roundtrip_libreoffice.py has "
        "LibreOffice edit one as a reviewer would, and brings it back with import --into")
REGISTER = ("a company's register of signatures and staff list of 412: tests/test_ack.py "
            "runs these commands on registers it makes")
FINNISH = "the Finnish role and catalog the page has the reader write"

#: Examples nobody can run here, and why.
NOT_RUN: dict[tuple[str, str], str] = {
    ("README.md", "pip install -e '.[test]' && pytest"):
        "it runs this suite: .ci/run runs it, on a fresh machine",
    ("docs/serve.md", "jobdocs serve"):
        "the server runs until Ctrl+C; tests/test_serve.py starts the command and reaches it",
    ("docs/acknowledgements.md", "jobdocs ack record signed.xlsx"): REGISTER,
    ("docs/acknowledgements.md", "jobdocs ack record signed.csv"): REGISTER,
    ("docs/importing.md", "jobdocs import --into key-account-manager reviewed.docx"): WORD,
    ("docs/review-in-word.md", 'git commit -am "Legal review of the key account manager '
     '(A. Petrova)"  # 6. commit'): WORD,
    ("docs/review-in-word.md", "jobdocs import --into key-account-manager "
     "key-account-manager.ru.reviewed.docx"): WORD,
    ("docs/review-in-word.md", "jobdocs diff --from HEAD roles/key-account-manager.yaml -l ru"):
        WORD,
    ("docs/importing.md", "jobdocs render sales-manager --org "
     "roles/organizations/sales-manager.yaml -f docx"):
        "the reader's own folder of old job descriptions; the example above imports a folder",
    ("docs/translating.md", "jobdocs validate"): FINNISH,
    ("docs/validation.md", "jobdocs validate roles/sales-manager.yaml"):
        "a German clause of the reader's that promises a result; tests/test_lint.py holds "
        "every rule's finding",
    ("docs/translating.md", "jobdocs render myyja --lang fi --format docx"): FINNISH,
}


def key(example: Example) -> tuple[str, str]:
    """Return how the tables name an example: its page and its last command."""
    return example.page, example.commands[-1][0]


def test_every_example_is_run_or_says_why():
    unknown = [f"{e.page}:{e.line}: {key(e)[1]}" for e in examples()
               if key(e) not in SETUPS and key(e) not in NOT_RUN]
    assert unknown == []
    keys = {key(e) for e in examples()}
    assert set(SETUPS) | set(NOT_RUN) <= keys  # (none left behind when a page changes)


MARK = "@@@jobdocs-docs-test@@@"


def run(here: Path, script: str) -> subprocess.CompletedProcess[str]:
    """Run a shell script as a user would, with this checkout's jobdocs."""
    path = os.environ.get("PYTHONPATH")
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT), *([path] if path else [])]),
           "PATH": os.pathsep.join([str(BIN), os.environ["PATH"]]), "NO_COLOR": "1",
           "JOBDOCS_CACHE": "off", "LC_ALL": "C.UTF-8", "PYTHONIOENCODING": "utf-8"}
    for name in ("GITHUB_ACTIONS", "GITHUB_STEP_SUMMARY", "JOBDOCS_SOFFICE"):
        env.pop(name, None)
    return subprocess.run(["bash", "-c", script], cwd=here, env=env, capture_output=True,
                          text=True, encoding="utf-8", timeout=900, stdin=subprocess.DEVNULL)


BIN = Path(__file__).parent / "artifacts" / "docs-bin"


@pytest.fixture(scope="module", autouse=True)
def jobdocs_command() -> None:
    """`jobdocs` on PATH is this checkout's, run by this Python."""
    BIN.mkdir(parents=True, exist_ok=True)
    script = BIN / "jobdocs"
    script.write_text(f'#!/bin/sh\nexec "{sys.executable}" -m jobdocs "$@"\n')
    script.chmod(0o755)


def normal(line: str) -> str:
    """Return a line with its times made one (a build takes what it takes)."""
    return re.sub(r"\b\d+(\.\d+)? s\b", "N s", line.rstrip())


def shown(line: str) -> re.Pattern[str]:
    """Return what a line the page shows matches: itself, `...` standing for the rest."""
    return re.compile(".*".join(re.escape(part) for part in normal(line).split("...")))


@pytest.mark.slow  # each example is a shell session of jobdocs processes
@pytest.mark.parametrize("example", [e for e in examples() if key(e) in SETUPS],
                         ids=lambda e: f"{e.page}:{e.line}")
def test_the_example_runs_as_shown(example: Example, tmp_path: Path):
    here = tmp_path / "example"
    here.mkdir()
    SETUPS[key(example)](here)
    commands = []
    for command, _ in example.commands:
        if command.startswith("pip install "):  # the install is the machine's (CI's)
            command = command.partition(" && ")[2] or ":"
        commands.append(f"{{ {command}\n}} 2>&1 </dev/null; s=$?; printf '\\n{MARK}%s\\n' $s;"
                        " (exit $s)")  # `echo $?` sees the command's status
    result = run(here, "\n".join(commands))
    parts = re.split(rf"\n{MARK}(\d+)\n", result.stdout)
    assert len(parts) == 2 * len(commands) + 1, result.stdout + result.stderr
    checks_output = any(lines for _, lines in example.commands)
    for (command, lines), out, status in zip(example.commands, parts[0::2], parts[1::2],
                                             strict=False):
        where = f"{example.page}:{example.line}: $ {command}"
        assert int(status) in (0, 1), f"{where}\nexit {status}\n{out}"
        if checks_output:
            got = [normal(x) for x in out.splitlines() if x.strip()]
            want = [x for x in lines if x.strip() and not x.startswith("building  [")]
            assert len(got) == len(want) and all(
                shown(w).fullmatch(g) for w, g in zip(want, got, strict=True)), \
                f"{where}\nshown:\n" + "\n".join(want) + "\nprinted:\n" + "\n".join(got)
