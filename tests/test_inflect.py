"""`jobdocs inflect`: the case forms of a Russian title, proposed by pymorphy3 and checked here."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from jobdocs.resolve import inflect

pytestmark = pytest.mark.skipif(not inflect.available(), reason="needs the morph extra")

ROOT = Path(__file__).parent.parent
CASES = ("nominative", "genitive", "dative", "accusative", "instrumental", "prepositional")

# Every title ../shared/DOMAIN.md names, in its six cases, as a Russian reader writes them.
DOMAIN_TITLES = [
    ("генеральный директор", "генерального директора", "генеральному директору",
     "генерального директора", "генеральным директором", "генеральном директоре"),
    ("Генеральный директор", "Генерального директора", "Генеральному директору",
     "Генерального директора", "Генеральным директором", "Генеральном директоре"),
    ("заместитель генерального директора по коммерческим вопросам",
     "заместителя генерального директора по коммерческим вопросам",
     "заместителю генерального директора по коммерческим вопросам",
     "заместителя генерального директора по коммерческим вопросам",
     "заместителем генерального директора по коммерческим вопросам",
     "заместителе генерального директора по коммерческим вопросам"),
    ("старший менеджер по работе с корпоративными клиентами",
     "старшего менеджера по работе с корпоративными клиентами",
     "старшему менеджеру по работе с корпоративными клиентами",
     "старшего менеджера по работе с корпоративными клиентами",
     "старшим менеджером по работе с корпоративными клиентами",
     "старшем менеджере по работе с корпоративными клиентами"),
    ("менеджер по работе с ключевыми клиентами", "менеджера по работе с ключевыми клиентами",
     "менеджеру по работе с ключевыми клиентами", "менеджера по работе с ключевыми клиентами",
     "менеджером по работе с ключевыми клиентами", "менеджере по работе с ключевыми клиентами"),
    ("Начальник юридического отдела", "Начальника юридического отдела",
     "Начальнику юридического отдела", "Начальника юридического отдела",
     "Начальником юридического отдела", "Начальнике юридического отдела"),
    ("руководитель структурного подразделения", "руководителя структурного подразделения",
     "руководителю структурного подразделения", "руководителя структурного подразделения",
     "руководителем структурного подразделения", "руководителе структурного подразделения"),
    ("коммерческий директор", "коммерческого директора", "коммерческому директору",
     "коммерческого директора", "коммерческим директором", "коммерческом директоре"),
    ("вице-президент по продажам", "вице-президента по продажам", "вице-президенту по продажам",
     "вице-президента по продажам", "вице-президентом по продажам",
     "вице-президенте по продажам"),
    ("Инженер-программист", "Инженера-программиста", "Инженеру-программисту",
     "Инженера-программиста", "Инженером-программистом", "Инженере-программисте"),
]


@pytest.mark.parametrize("forms", DOMAIN_TITLES, ids=lambda f: f[0])
def test_every_domain_title_in_every_case(forms):
    assert inflect.propose(forms[0]) == dict(zip(CASES, forms, strict=True))


@pytest.mark.parametrize("path", sorted((ROOT / "roles").glob("*.yaml")), ids=lambda p: p.stem)
def test_proposals_match_the_forms_written_in_the_shipped_roles(path):
    title = yaml.safe_load(path.read_text(encoding="utf-8"))["title"]["ru"]
    proposed = inflect.propose(title["nominative"])
    assert {case: proposed[case] for case in title} == title


def test_a_title_without_a_russian_head_noun_is_refused_not_guessed(invoke):
    with pytest.raises(inflect.CannotInflect):
        inflect.propose("Key Account Manager")


def test_the_command_prints_yaml_to_paste(runner):
    from jobdocs.cli import cli

    result = runner.invoke(cli, ["inflect", "генеральный директор"])
    assert result.exit_code == 0
    assert yaml.safe_load(result.output) == {"title": {"ru": dict(zip(
        CASES, DOMAIN_TITLES[0], strict=True))}}
    bad = runner.invoke(cli, ["inflect", "Key Account Manager"])
    assert bad.exit_code == 2 and "Traceback" not in bad.output
