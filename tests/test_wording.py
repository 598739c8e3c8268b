"""A company's own wording and languages, from its own folder, without forking jobdocs.

The Finnish test follows docs/translating.md step by step, with Babel's own
commands: catalog template, `pybabel init`, translate, `pybabel compile`, role
texts, validate, render.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from babel.messages.pofile import read_po, write_po

from jobdocs import load_role, render_document, resolve
from jobdocs.cli import cli
from jobdocs.config.organization import Organization
from jobdocs.resolve import i18n

PYBABEL = "import sys; from babel.messages.frontend import main; sys.exit(main())"

# What a Finnish reader sees in the document frame; the diff report's messages keep
# their English wording (a translator may leave a message as it is).
FINNISH = {
    (None, "(full name)"): "(nimenselvennys)", (None, "(organization)"): "(organisaatio)",
    (None, "(place)"): "(paikka)", (None, "(position)"): "(asema)",
    (None, "(signature)"): "(allekirjoitus)",
    (None, "ACKNOWLEDGEMENT SHEET"): "VASTAANOTTOKUITTAUS", (None, "AGREED"): "Tarkastettu",
    (None, "APPROVED"): "Hyväksytty", (None, "Date of acknowledgement"): "Päiväys",
    (None, "Final Provisions"): "Loppumääräykset", (None, "Full name"): "Nimi",
    (None, "General Provisions"): "Yleiset määräykset",
    (None, "Head of the structural unit"): "Yksikön esihenkilö",
    (None, "I have read this job description and received one copy:"):
        "Olen tutustunut toimenkuvaan ja saanut siitä kappaleen:",
    (None, "JOB DESCRIPTION"): "TOIMENKUVA",
    (None, "Job Description: {genitive}"): "Toimenkuva: {nominative}",
    (None, "Job Duties"): "Tehtävät", (None, "No."): "Nro", ("acknowledgement table", "No."): "Nro",
    (None, "Performance Evaluation Criteria"): "Arviointiperusteet",
    (None, "Position"): "Asema", (None, "Responsibility"): "Vastuu", (None, "Rights"): "Valtuudet",
    (None, "Signature"): "Allekirjoitus",
    (None, "The {dative} has the right to:"): "Valtuudet:",
    (None, "The {nominative} is liable for:"): "Vastuu:",
    (None, "The {nominative} shall:"): "Tehtävät ovat seuraavat:",
    (None, "Working Relationships"): "Yhteistyö",
    (None, "for the job description of the {genitive}"): "toimenkuvaan {nominative}",
    (None, "dated %(date)s"): "päivätty %(date)s",
    ("jurisdiction", "the country of employment"): "työskentelymaan",
    ("at least", "%(num)d year"): ("%(num)d vuosi", "%(num)d vuotta"),
    ("from", "%(num)d year"): ("%(num)d vuodesta", "%(num)d vuodesta"),
}

ROLE = """\
id: myyja
version: "1.0"
languages: [fi]
title: {fi: Myyjä}
sections:
  general:
    - id: category
      text: {fi: "{{ title | upfirst }} on asiantuntija, kokemusta vähintään {{ years(2) }}."}
  duties:
    - id: sell
      text: {fi: Myy tuotteita.}
  rights:
    - id: information
      text: {fi: Saada tietoja.}
  responsibility:
    - id: breach
      text: {fi: "Rikkomukset {{ jurisdiction }} lain mukaan."}
  evaluation:
    - id: plan
      text: {fi: Myyntisuunnitelman toteutuminen.}
"""


def pybabel(*args: str, cwd: Path) -> None:
    subprocess.run([sys.executable, "-c", PYBABEL, "--quiet", *args], cwd=cwd, check=True)


def translate(po: Path, strings: dict) -> None:
    """What the translator does in their editor: fill in every msgstr."""
    with po.open("rb") as f:
        catalog = read_po(f, locale="fi")
    for message in catalog:
        if not message.id:
            continue
        key = (message.context, message.id if isinstance(message.id, str) else message.id[0])
        message.string = strings.get(key, message.id)  # the rest: as in English
    with po.open("wb") as f:
        write_po(f, catalog)


@pytest.fixture
def company(tmp_path, runner, monkeypatch):
    """A company folder with a Finnish catalog made as docs/translating.md says."""
    monkeypatch.chdir(tmp_path)
    pot = runner.invoke(cli, ["catalog-template"])
    assert pot.exit_code == 0
    (tmp_path / "messages.pot").write_text(pot.output, encoding="utf-8")
    pybabel("init", "-i", "messages.pot", "-d", "wording/locales", "-l", "fi", cwd=tmp_path)
    po = tmp_path / "wording" / "locales" / "fi" / "LC_MESSAGES" / "messages.po"
    translate(po, FINNISH)
    pybabel("compile", "-d", "wording/locales", cwd=tmp_path)
    (tmp_path / "roles").mkdir()
    (tmp_path / "roles" / "myyja.yaml").write_text(ROLE, encoding="utf-8")
    (tmp_path / "jobdocs.yaml").write_text("format: 1\nwording: wording\n", encoding="utf-8")
    return tmp_path


def test_a_language_added_in_the_company_folder_only(company, runner):
    assert "fi" not in i18n.available_languages()  # jobdocs itself has no Finnish
    assert runner.invoke(cli, ["validate"]).exit_code == 0
    result = runner.invoke(cli, ["render", "myyja", "-o", "out", "--set", "date=2026-11-22"])
    assert result.exit_code == 0, result.output
    md = (company / "out" / "myyja.fi.md").read_text(encoding="utf-8")
    assert md.splitlines()[2] == "**Hyväksytty**\\"
    assert "# Toimenkuva: Myyjä\n" in md
    assert "22. marraskuuta 2026" in md  # Babel's Finnish date
    assert "1.1. Myyjä on asiantuntija, kokemusta vähintään 2 vuotta.\n" in md
    assert "4.1. Rikkomukset työskentelymaan lain mukaan.\n" in md
    assert "Olen tutustunut toimenkuvaan ja saanut siitä kappaleen:" in md
    assert "## VASTAANOTTOKUITTAUS" in md


def test_the_library_takes_the_wording_folder_as_an_argument(company, monkeypatch, tmp_path):
    monkeypatch.chdir(Path(__file__).parent)  # not the company's folder
    role = load_role(company / "roles" / "myyja.yaml")
    doc = resolve(role, "fi", Organization(wording=(str(company / "wording"),)))
    assert doc.sections[1].heading == "Tehtävät"
    assert render_document(doc, "md").decode().count("Hyväksytty") == 1


def test_validate_names_an_untranslated_message_in_the_company_catalog(company, runner):
    po = company / "wording" / "locales" / "fi" / "LC_MESSAGES" / "messages.po"
    text = po.read_text(encoding="utf-8")
    po.write_text(text.replace('msgstr "Valtuudet"', 'msgstr ""'), encoding="utf-8")
    line = next(n for n, text_line in enumerate(po.read_text(encoding="utf-8").splitlines(), 1)
                if text_line == 'msgid "Rights"')
    result = runner.invoke(cli, ["validate"])
    assert result.exit_code == 1
    assert f"wording/locales/fi/LC_MESSAGES/messages.po:{line}:1: error [catalog-untranslated]" \
        in result.output


def test_a_company_overrides_one_message_and_keeps_the_rest(tmp_path, runner, monkeypatch):
    monkeypatch.chdir(tmp_path)
    po = tmp_path / "wording" / "locales" / "ru" / "LC_MESSAGES" / "messages.po"
    po.parent.mkdir(parents=True)
    po.write_text('msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
                  'msgid "APPROVED"\nmsgstr "УТВЕРЖДЕНА"\n', encoding="utf-8")
    template = tmp_path / "wording" / "templates" / "markdown" / "document.md.j2"
    template.parent.mkdir(parents=True)
    packaged = i18n.template_dirs()[0] / "markdown" / "document.md.j2"
    template.write_text(packaged.read_text(encoding="utf-8") + "\nООО «Ромашка», 2026\n",
                        encoding="utf-8")
    (tmp_path / "jobdocs.yaml").write_text("format: 1\nwording: wording\n", encoding="utf-8")
    result = runner.invoke(cli, ["render", "key-account-manager", "-l", "ru", "-o", "out"])
    assert result.exit_code == 0, result.output
    md = (tmp_path / "out" / "key-account-manager.ru.md").read_text(encoding="utf-8")
    assert "**УТВЕРЖДЕНА**" in md and "УТВЕРЖДАЮ" not in md
    assert "## 1. Общие положения" in md  # every other message: the packaged catalog
    assert md.endswith("ООО «Ромашка», 2026\n")
    root = Path(__file__).parent.parent  # purchasing-manager needs a house style like Romashka's
    assert runner.invoke(cli, ["validate", str(root / "roles"), "--org",
                               str(root / "examples" / "romashka" / "organization.yaml")]
                         ).exit_code == 0


def test_a_missing_wording_folder_is_one_line(tmp_path, runner, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "jobdocs.yaml").write_text("format: 1\nwording: wording\n", encoding="utf-8")
    result = runner.invoke(cli, ["render", "key-account-manager", "-l", "ru", "-o", "out"])
    assert result.exit_code == 1
    assert "jobdocs.yaml:2:10: wording: no such folder" in result.output
    assert "Traceback" not in result.output


def test_a_template_counts_years_in_the_document_language(tmp_path):
    template = tmp_path / "wording" / "templates" / "markdown" / "document.md.j2"
    template.parent.mkdir(parents=True)
    template.write_text("{{ doc.lang }}: {{ years(21) }} / {{ years_from(5) }}\n", encoding="utf-8")
    org = Organization(wording=(str(tmp_path / "wording"),))
    role = load_role("key-account-manager")
    printed = {lang: render_document(resolve(role, lang, org), "md").decode()
               for lang in ("ru", "de")}
    assert printed == {"ru": "ru: 21 года / 5 лет\n", "de": "de: 21 Jahre / 5 Jahren\n"}


def test_the_content_hash_does_not_depend_on_where_the_wording_folder_lies(company, tmp_path):
    role = load_role(company / "roles" / "myyja.yaml")
    moved = tmp_path / "elsewhere"
    shutil.copytree(company / "wording", moved)
    here = resolve(role, "fi", Organization(wording=(str(company / "wording"),)))
    there = resolve(role, "fi", Organization(wording=(str(moved),)))
    assert here.content_hash == there.content_hash


@pytest.mark.parametrize("broken, line", [
    (b'msgid "APPROVED"\nmsgstr "\xff\xfe"\n', 1),                      # not UTF-8
    (b'msgid "APPROVED"\nmsgstr "ok"\nmsgid garbage\n', 6),             # not gettext syntax
])
def test_a_broken_company_catalog_is_one_line_at_its_file(tmp_path, runner, monkeypatch,
                                                          broken, line):
    monkeypatch.chdir(tmp_path)
    po = tmp_path / "wording" / "locales" / "ru" / "LC_MESSAGES" / "messages.po"
    po.parent.mkdir(parents=True)
    header = b'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
    po.write_bytes(header + broken)
    (tmp_path / "jobdocs.yaml").write_text("format: 1\nwording: wording\n", encoding="utf-8")
    result = runner.invoke(cli, ["render", "key-account-manager", "-l", "ru", "-o", "out"])
    assert result.exit_code == 1
    shown = po.relative_to(tmp_path)  # from the folder jobdocs runs in
    assert result.output.startswith(f"{shown}:{line}:1: not a readable gettext catalog")
    assert len(result.output.splitlines()) == 1
    # The project's roles are checked with its wording (its catalogs checked too).
    shutil.copytree(Path(__file__).parent.parent / "roles", tmp_path / "roles")
    checked = runner.invoke(cli, ["validate"])
    assert checked.exit_code == 1
    assert f"{shown}:{line}:1: error [catalog-syntax]" in checked.output
