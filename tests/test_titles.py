"""Each language declares the title forms its documents print; a role must give them."""

from __future__ import annotations

import pytest

from jobdocs import load_role, resolve
from jobdocs.errors import InvalidInput
from jobdocs.resolve import i18n, inflect

GERMAN = """\
  de:
    nominative: der Vertriebsassistent
    genitive: des Vertriebsassistenten
"""
DE_TEXTS = {
    "en: \"The {{ title }} is a specialist.\"":
        "en: \"The {{ title }} is a specialist.\"\n"
        "        de: \"{{ title.nominative | upfirst }} gehört zu den Fachkräften.\"",
    "en: Take orders.}": "en: Take orders., de: Aufträge annehmen.}",
    "en: \"Advise clients within clause {{ ref('take-orders') }}.\"":
        "en: \"Advise clients within clause {{ ref('take-orders') }}.\"\n"
        "        de: \"Kunden im Rahmen von Punkt {{ ref('take-orders') }} beraten.\"",
    "en: Receive information.}": "en: Receive information., de: Informationen erhalten.}",
    "en: \"Breach, under the legislation of {{ jurisdiction }}.\"":
        "en: \"Breach, under the legislation of {{ jurisdiction }}.\"\n"
        "        de: \"Verstöße nach dem Recht {{ jurisdiction }}.\"",
    "en: Fulfilment of the plan.}": "en: Fulfilment of the plan., de: Erfüllung des Plans.}",
}


def problems(role, lang):
    with pytest.raises(InvalidInput) as e:
        resolve(role, lang)
    return [(p.line, p.column, p.rule, p.message) for p in e.value.problems]


@pytest.fixture
def german_role(write_role):
    def write(title: str = GERMAN):
        fields = {"languages: [ru, en]": "languages: [ru, en, de]",
                  "  en: Sales Assistant\n": "  en: Sales Assistant\n" + title, **DE_TEXTS}
        return load_role(write_role(**fields))
    return write


def test_each_language_declares_its_forms_in_its_catalog():
    assert i18n.title_forms("ru") == ("nominative", "genitive", "dative", "instrumental")
    assert i18n.title_forms("de") == ("nominative", "genitive")
    assert i18n.title_forms("en") == ("nominative",)
    assert i18n.title_forms("sv") == ("nominative",)


def test_a_russian_title_missing_a_case_is_an_error_at_the_title(write_role):
    role = load_role(write_role(**{"    dative: помощнику менеджера\n": ""}))
    [(line, column, rule, message)] = problems(role, "ru")
    assert (line, column, rule) == (6, 5, "title-case")
    assert message.startswith("title.ru: give the title in the dative form too")
    resolve(role, "en")  # English takes one form


@pytest.mark.skipif(not inflect.available(), reason="the morph extra is not installed")
def test_the_error_proposes_the_missing_form(write_role):
    role = load_role(write_role(**{"    dative: помощнику менеджера\n": "",
                                   "    instrumental: помощником менеджера\n": ""}))
    [(*_, message)] = problems(role, "ru")
    assert message.endswith("proposed, check before pasting: dative: помощнику менеджера; "
                            "instrumental: помощником менеджера")


def test_forms_written_in_yaml_win_over_any_proposal(write_role):
    role = load_role(write_role(**{"dative: помощнику менеджера": "dative: Помощнику Менеджера"}))
    assert resolve(role, "ru").sections[2].intro.startswith("Помощнику Менеджера")


def test_a_german_title_gives_nominative_and_genitive_with_the_article(german_role):
    doc = resolve(german_role(), "de")
    assert doc.frame.heading.full_title == "Stellenbeschreibung des Vertriebsassistenten"
    assert doc.sections[0].clauses[0].text == "Der Vertriebsassistent gehört zu den Fachkräften."
    assert doc.sections[1].intro == "Der Vertriebsassistent hat folgende Aufgaben:"


def test_a_german_title_as_one_string_asks_for_the_genitive(german_role):
    role = german_role("  de: Vertriebsassistent\n")
    [(line, column, rule, message)] = problems(role, "de")
    assert (line, column, rule) == (11, 7, "title-case")
    assert "genitive" in message and "title.de as a mapping" in message


def test_without_the_morph_extra_the_error_says_how_to_get_proposals(write_role, monkeypatch,
                                                                     runner):
    monkeypatch.setattr(inflect, "available", lambda: False)
    role = load_role(write_role(**{"    dative: помощнику менеджера\n": ""}))
    [(*_, message)] = problems(role, "ru")
    assert message.endswith("(the morph extra proposes them: pip install '.[morph]' in the "
                            "jobdocs checkout)")
    from jobdocs.cli import cli

    result = runner.invoke(cli, ["inflect", "генеральный директор"])
    assert result.exit_code == 1
    assert result.output == ("Error: jobdocs inflect needs pymorphy3: pip install '.[morph]' in "
                             "the jobdocs checkout\n")


def test_a_company_catalog_may_ask_for_more_forms(write_role, tmp_path):
    po = tmp_path / "wording" / "locales" / "ru" / "LC_MESSAGES" / "messages.po"
    po.parent.mkdir(parents=True)
    po.write_text('msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
                  'msgctxt "title forms"\nmsgid "nominative"\n'
                  'msgstr "nominative genitive dative instrumental accusative"\n',
                  encoding="utf-8")
    from jobdocs.config.organization import Organization

    org = Organization(wording=(str(tmp_path / "wording"),))
    role = load_role(write_role())
    resolve(role, "ru")  # jobdocs' own Russian needs no accusative
    with pytest.raises(InvalidInput) as e:
        resolve(role, "ru", org)
    [problem] = e.value.problems
    assert (problem.line, problem.column, problem.rule) == (6, 5, "title-case")
    assert "accusative" in problem.message
