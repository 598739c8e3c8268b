"""The document frame is translated completely, through Babel's workflow."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from jobdocs.check.catalogs import catalog_problems
from jobdocs.errors import InvalidInput
from jobdocs.resolve.i18n import format_date

ROOT = Path(__file__).parent.parent
LANGS = ["ru", "en", "de", "sv"]


def catalog(lang: str):
    with open(ROOT / "locales" / lang / "LC_MESSAGES" / "messages.po", "rb") as f:
        return read_po(f, locale=lang)


@pytest.mark.parametrize("lang", LANGS)
def test_catalog_is_complete(lang):
    cat = catalog(lang)
    untranslated = [m.id for m in cat if m.id and not (
        all(m.string) if isinstance(m.string, tuple) else m.string)]
    fuzzy = [m.id for m in cat if m.id and m.fuzzy]
    assert untranslated == [] and fuzzy == []


def test_catalogs_pass_the_checks_validate_runs():
    """Placeholders (a title message may use any form its language declares), complete,
    nothing fuzzy: what `jobdocs validate` reports for a company's catalog too."""
    assert list(catalog_problems(LANGS, ROOT)) == []


@pytest.mark.parametrize("lang", ["ru", "en"])
def test_catalog_placeholders_match(lang):
    errors = [(m.id, err) for m in catalog(lang) for err in m.check()]
    assert errors == []


def test_catalogs_hold_every_message_the_sources_use(tmp_path):
    pot = tmp_path / "messages.pot"
    pybabel = "import sys; from babel.messages.frontend import main; sys.exit(main())"
    subprocess.run([sys.executable, "-c", pybabel, "--quiet", "extract", "-F", "babel.cfg",
                    "-o", str(pot), "."], cwd=ROOT, check=True)
    with open(pot, "rb") as f:
        wanted = {(m.context, m.id if isinstance(m.id, str) else m.id[0]) for m in read_po(f)
                  if m.id}
    for lang in LANGS:
        have = {(m.context, m.id if isinstance(m.id, str) else m.id[0]) for m in catalog(lang)
                if m.id}
        assert wanted - have == set(), f"{lang}: run pybabel update (see CONTRIBUTING)"


def test_dates_in_each_locale_and_the_blank_form():
    day = dt.date(2026, 3, 5)
    assert format_date(day, "ru") == "5 марта 2026\u202fг."  # CLDR: narrow no-break space
    assert format_date(day, "en") == "March 5, 2026"
    assert format_date(day, "en", "en_GB") == "5 March 2026"
    assert format_date(None, "ru") == "«__» __________ 20__ г."
    assert format_date(None, "en") == "Date: ________________"


def test_german_and_swedish_dates_in_their_countries_forms():
    day = dt.date(2026, 11, 22)
    assert format_date(day, "de") == "22. November 2026"
    assert format_date(day, "sv") == "22 november 2026"
    assert format_date(None, "de") == "__.__.20__"
    assert format_date(None, "sv") == "____-__-__"


def test_a_catalog_is_parsed_once_and_again_once_edited(tmp_path):
    from jobdocs.resolve import i18n

    po = tmp_path / "locales" / "fi" / "LC_MESSAGES" / "messages.po"
    po.parent.mkdir(parents=True)
    head = 'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
    po.write_text(head + 'msgid "Rights"\nmsgstr "Oikeudet"\n', encoding="utf-8")
    first = i18n.read_catalog(po, "fi")
    assert i18n.read_catalog(po, "fi") is first  # the translations and the check share it
    po.write_text(head + 'msgid "Rights"\nmsgstr "Työntekijän oikeudet"\n', encoding="utf-8")
    assert i18n.read_catalog(po, "fi").get("Rights").string == "Työntekijän oikeudet"
    po.write_text(head + 'msgid "Rights"\nmsgstr "Oikeudet"\nmsgid garbage\n', encoding="utf-8")
    for _ in range(2):  # a broken file is not kept: it is reported each time
        with pytest.raises(InvalidInput) as e:
            i18n.read_catalog(po, "fi")
        assert [(p.path, p.line, p.rule) for p in e.value.problems] == [
            (str(po), 6, "catalog-syntax")]


def test_validate_parses_each_catalog_once(tmp_path, monkeypatch):
    from jobdocs.check import check_paths
    from jobdocs.resolve import i18n

    parsed = []
    monkeypatch.setattr(i18n, "read_po", lambda f, **kw: parsed.append(kw) or read_po(f, **kw))
    i18n._read_catalog.cache_clear()
    i18n._translations.cache_clear()
    report = check_paths([ROOT / "roles" / "key-account-manager.yaml"])
    assert report.errors == 0
    langs = [kw["locale"] for kw in parsed]
    assert "ru" in langs and len(langs) == len(set(langs))
