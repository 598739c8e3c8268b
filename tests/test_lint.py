"""A lawyer's lint: each rule flags the clause a lawyer strikes and lets the close
clause a lawyer signs stand, under the jurisdiction it rests on."""

from __future__ import annotations

import json
import textwrap

import pytest

from jobdocs.check import RULES, check_file, check_paths
from jobdocs.check.lint import LINT_RULES

TITLES = {
    "ru": "{nominative: менеджер, genitive: менеджера, dative: менеджеру, "
          "instrumental: менеджером}",
    "en": "Account Manager",
    "de": "{nominative: der Account Manager (m/w/d), genitive: des Account Managers (m/w/d)}",
    "sv": "Kundansvarig",
}
FILLER = {  # one plain clause per required section, which no rule flags
    "ru": ("Ведёт учёт заказов.", "Получать информацию.", "Выполнение заказов в срок."),
    "en": ("Keep a record of orders.", "Receive information.", "Orders delivered on time."),
    "de": ("Erfassung der Aufträge.", "Einsicht in Informationen.", "Termingerechte Aufträge."),
    "sv": ("Registrera beställningar.", "Ta del av information.", "Leveranser i tid."),
}


def role_text(law: str, lang: str, section: str, text: str, extra: str = "",
              title: str | None = None) -> str:
    """Return a role in one language under one law, with `text` as clause 'probe' in
    `section` (and `extra` keys under it) and a plain clause in every other section."""
    duty, right, criterion = FILLER[lang]
    plain = {"general": duty, "duties": duty, "rights": right, "responsibility": duty,
             "evaluation": criterion}
    body = ""
    for key, filler in plain.items():
        body += f"  {key}:\n    - id: {key}-plain\n      text: {{{lang}: {json.dumps(filler)}}}\n"
        if key == section:
            body += (f"    - id: probe\n      text: {{{lang}: "
                     f"{json.dumps(text, ensure_ascii=False)}}}\n")
            body += textwrap.indent(extra, "      ")
    return (f"id: probe-role\nversion: '1'\nlanguages: [{lang}]\nlaw: {{{law}: [{lang}]}}\n"
            f"title: {{{lang}: {title or TITLES[lang]}}}\nsections:\n{body}")


def findings(tmp_path, law, lang, section, text, extra="", title=None):
    path = tmp_path / "probe-role.yaml"
    path.write_text(role_text(law, lang, section, text, extra, title), encoding="utf-8")
    problems, _ = check_file(path)
    assert not [p for p in problems if p.severity == "error"], problems
    return [p for p in problems if p.rule in LINT_RULES]


CASES = [
    # rule, law, lang, section, a clause it flags, a close clause it lets stand
    ("fine", "ru", "ru", "responsibility",
     "За опоздание на работу — штраф в размере 1000 рублей.",
     "За опоздание на работу — дисциплинарное взыскание в порядке статьи 193 ТК РФ."),
    ("fine", "ru", "ru", "duties",
     "За нарушение сроков отчётности на работника налагается штраф.",
     "Контролирует уплату поставщиками неустоек и штрафов, предусмотренных договорами."),
    ("fine", "ru", "en", "responsibility",
     "Lateness, for which the employee is fined.",
     "Lateness, for which a disciplinary penalty may be imposed."),
    ("unlimited-liability", "ru", "ru", "responsibility",
     "Несёт полную материальную ответственность за сохранность вверенного имущества.",
     "Несёт полную материальную ответственность за вверенные ценности на основании "
     "письменного договора о полной индивидуальной материальной ответственности."),
    ("unlimited-liability", "de", "de", "responsibility",
     "Die Stelleninhaberin oder der Stelleninhaber haftet für alle Schäden aus der Arbeit.",
     "Für Schäden aus der Arbeit gelten die Grundsätze der Arbeitnehmerhaftung: volle "
     "Haftung nur bei Vorsatz und grober Fahrlässigkeit."),
    ("unlimited-liability", "se", "sv", "responsibility",
     "Medarbetaren ersätter all skada som uppstår i arbetet.",
     "Skada som medarbetaren vållar i tjänsten ersätts bara om det finns synnerliga skäl "
     "(skadeståndslagen 4 kap. 1 §)."),
    ("employer-duty", "ru", "ru", "duties",
     "Обеспечивает соблюдение режима коммерческой тайны.",
     "Соблюдает режим коммерческой тайны, установленный в организации."),
    ("employer-duty", "ru", "en", "duties",
     "Ensure compliance with the trade secret regime.",
     "Comply with the trade secret regime established by the employer."),
    ("other-instructions", "ru", "ru", "duties",
     "Выполняет иные поручения руководства.",
     "Выполняет поручения непосредственного руководителя в пределах трудовой функции, "
     "определённой настоящей инструкцией."),
    ("other-instructions", "ru", "en", "duties",
     "Carry out other instructions of the management.",
     "Carry out the instructions of the line manager within the labour function set out in "
     "this job description."),
    ("overtime-duty", "ru", "ru", "duties",
     "При необходимости работает сверхурочно и в выходные дни.",
     "Привлекается к сверхурочной работе только с письменного согласия, в порядке статьи "
     "99 ТК РФ."),
    ("acknowledgement-wording", "ru", "ru", "duties",
     "Знакомится с приказами по организации под подпись.",
     "Знакомится с приказами по организации под роспись."),
    ("result-liability", "ru", "ru", "responsibility",
     "За невыполнение плана продаж — в пределах, определённых трудовым законодательством.",
     "За неисполнение своих должностных обязанностей — в пределах, определённых трудовым "
     "законодательством."),
    ("result-liability", "gb-eaw", "en", "responsibility",
     "Failure to meet the sales plan.",
     "Failure to perform the duties in this job description."),
    ("result-liability", "de", "de", "responsibility",
     "Die Nichterfüllung des Absatzplans.",
     "Die schuldhafte Verletzung der Pflichten aus dieser Stellenbeschreibung."),
    ("result-liability", "se", "sv", "responsibility",
     "Att försäljningsplanen inte uppfylls.",
     "Att arbetsuppgifterna i denna arbetsbeskrivning inte utförs."),
    ("gendered-wording", "gb-eaw", "en", "duties",
     "Keep the line manager informed of his decisions.",
     "Keep the line manager informed of the decisions made."),
    ("gendered-wording", "gb-eaw", "en", "duties",
     "Support the salesmen in the field.",
     "Support the sales team in the field."),
    ("gendered-wording", "us", "en", "duties",
     "Report to the chairman of the board.",
     "Report to the chair of the board; keep him or her informed."),
    ("age-wording", "gb-eaw", "en", "general",
     "The post suits a young graduate with sales experience.",
     "The post suits a person with at least two years of sales experience."),
    ("age-wording", "ru", "ru", "general",
     "Для работы принимается лицо не старше 35 лет.",
     "Для работы принимается лицо, имеющее опыт работы не менее 2 лет."),
    ("age-wording", "de", "de", "general",
     "Die Stelle passt zu einer jungen Persönlichkeit mit Vertriebserfahrung.",
     "Die Stelle verlangt mindestens zwei Jahre Vertriebserfahrung."),
    ("age-wording", "se", "sv", "general",
     "Tjänsten passar en ung säljare.",
     "Tjänsten kräver minst två års erfarenhet av försäljning."),
    ("vague-duty", "ru", "ru", "duties",
     "Поддерживает хорошие рабочие взаимоотношения в коллективе.",
     "Отвечает на запросы коллег в течение одного рабочего дня."),
    ("vague-duty", "gb-eaw", "en", "duties",
     "Maintain good working relationships within the team.",
     "Answer colleagues' requests within one working day."),
    ("vague-duty", "gb-eaw", "en", "duties",
     "Give clients outstanding service.",
     "Chase outstanding debts weekly, within the client's credit terms."),
    ("vague-duty", "de", "de", "duties",
     "Pflege einer guten Zusammenarbeit im Team.",
     "Beantwortung von Anfragen aus dem Team innerhalb eines Arbeitstages."),
    ("vague-duty", "se", "sv", "duties",
     "Upprätthålla goda relationer inom gruppen.",
     "Besvara kollegors frågor inom en arbetsdag."),
    ("russian-construct", "gb-eaw", "en", "general",
     "The Account Manager is appointed and dismissed by order of the Managing Director.",
     "The Account Manager is employed by the Company under a contract of employment."),
    ("russian-construct", "gb-eaw", "en", "duties",
     "Keep the sales records in 1C.",
     "Keep the sales records in the CRM system."),
    ("russian-construct", "de", "de", "responsibility",
     "Rechtsverstöße nach dem Verwaltungs-, Straf- und Zivilrecht.",
     "Ordnungswidrigkeiten und Straftaten nach den gesetzlichen Vorschriften."),
    ("russian-construct", "se", "sv", "general",
     "Befattningshavaren anställs och entledigas av verkställande direktören.",
     "Befattningshavaren anställs av verkställande direktören."),
]


@pytest.mark.parametrize("rule,law,lang,section,flagged,clean", CASES,
                         ids=[f"{c[0]}-{c[1]}-{c[2]}" for c in CASES])
def test_each_rule_flags_what_a_lawyer_strikes_and_not_the_close_clause(
        tmp_path, rule, law, lang, section, flagged, clean):
    [finding] = findings(tmp_path, law, lang, section, flagged)
    assert finding.rule == rule
    assert finding.severity == "warning"
    assert "clause 'probe'" in finding.message
    assert findings(tmp_path, law, lang, section, clean) == []


def test_every_lint_rule_has_a_case():
    assert {c[0] for c in CASES} | {"title-gender"} == set(LINT_RULES)


def test_each_lint_rule_is_explained_by_its_reason_as_a_sentence():
    """The explanation beside a finding (SARIF, the server, translated there) says what
    the finding's message says."""
    from jobdocs.check.lint.patterns import RULES as LINT
    from jobdocs.check.lint.patterns import TITLE_GENDER

    for rule in (*LINT, TITLE_GENDER):
        assert RULES[rule.id] == ("warning", rule.reason[:1].upper() + rule.reason[1:] + ".")


def test_a_finding_names_the_article_and_points_at_the_word(tmp_path):
    [f] = findings(tmp_path, "ru", "ru", "responsibility",
                   "За опоздание на работу — штраф в размере 1000 рублей.")
    assert "ТК РФ ст. 192" in f.message
    line = (tmp_path / "probe-role.yaml").read_text(encoding="utf-8").splitlines()[f.line - 1]
    assert line[f.column - 1:].startswith("штраф")


def test_a_finding_quotes_whole_words(tmp_path):
    [f] = findings(tmp_path, "de", "de", "responsibility", "Die Nichterfüllung des Absatzplans.")
    assert '"Nichterfüllung des Absatzplans"' in f.message  # not "…des Absatzplan"


def test_a_rule_applies_only_under_its_law(tmp_path):
    # Overtime as a duty is struck under Russian law; an English clause is no Russian one.
    assert findings(tmp_path, "gb-eaw", "en", "duties", "Work overtime at weekends.") == []
    # "federal" is American law's own word, and Russian law's: not English law's.
    assert findings(tmp_path, "us", "en", "duties", "Comply with federal and state law.") == []
    [f] = findings(tmp_path, "gb-eaw", "en", "duties", "Comply with federal law.")
    assert f.rule == "russian-construct"
    # "by order of" is what a Russian document says (приказ), in Russian and in English.
    assert findings(tmp_path, "ru", "en", "general",
                    "The Account Manager is appointed by order of the General Director.") == []


def test_a_german_title_names_every_sex(tmp_path):
    title = "{nominative: der Account Manager, genitive: des Account Managers}"
    [f] = findings(tmp_path, "de", "de", "duties", "Pflege der Kundendaten.", title=title)
    assert f.rule == "title-gender" and "AGG" in f.message
    assert f.line == 5  # the title
    neutral = "{nominative: die Vertriebsleitung, genitive: der Vertriebsleitung}"
    assert findings(tmp_path, "de", "de", "duties", "Pflege der Kundendaten.",
                    title=neutral) == []


def test_a_finding_is_silenced_in_the_clause_with_a_reason(tmp_path):
    text = "При необходимости работает сверхурочно."
    reason = "silence: {overtime-duty: 'Ненормированный рабочий день по трудовому договору.'}\n"
    assert findings(tmp_path, "ru", "ru", "duties", text, extra=reason) == []
    path = tmp_path / "probe-role.yaml"
    unused = check_file(path.with_name("probe-role.yaml"))[0]
    assert unused == []
    path.write_text(role_text("ru", "ru", "duties", "Ведёт учёт договоров.", reason),
                    encoding="utf-8")
    [p] = check_file(path)[0]
    assert (p.rule, p.severity) == ("unused-silence", "warning")
    path.write_text(role_text("ru", "ru", "duties", text, "silence: {overtime: why}\n"),
                    encoding="utf-8")
    rules = sorted(p.rule for p in check_file(path)[0])
    assert rules == ["overtime-duty", "unknown-rule"]
    assert RULES["unknown-rule"].severity == "error"


def test_a_reason_is_required(tmp_path):
    path = tmp_path / "probe-role.yaml"
    path.write_text(role_text("ru", "ru", "duties", "Работает сверхурочно.",
                              "silence: {overtime-duty: ''}\n"), encoding="utf-8")
    assert [p.rule for p in check_file(path)[0]] == ["empty"]


def test_jobdocs_yaml_raises_or_switches_off_a_rule(tmp_path):
    roles = tmp_path / "roles"
    roles.mkdir()
    (roles / "probe-role.yaml").write_text(
        role_text("ru", "ru", "duties", "Работает сверхурочно и в выходные дни."),
        encoding="utf-8")
    project = tmp_path / "jobdocs.yaml"
    project.write_text("lint: {overtime-duty: error}\n", encoding="utf-8")
    [p] = check_paths([roles]).problems
    assert (p.rule, p.severity) == ("overtime-duty", "error")
    project.write_text("lint: {overtime-duty: 'off'}\n", encoding="utf-8")
    assert check_paths([roles]).problems == ()
    project.write_text("lint: {overtime: error}\n", encoding="utf-8")
    found = check_paths([roles]).problems
    assert sorted((p.rule, p.severity) for p in found) == [
        ("overtime-duty", "warning"), ("unknown-rule", "error")]


def test_strict_makes_a_finding_an_error(tmp_path):
    path = tmp_path / "probe-role.yaml"
    path.write_text(role_text("ru", "ru", "duties", "Работает сверхурочно."), encoding="utf-8")
    report = check_paths([path], strict=True)
    assert [(p.rule, p.severity) for p in report.problems] == [("overtime-duty", "error")]
    assert not report.ok


def test_jobdocs_validate_names_each_finding_with_its_article(invoke, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    role = tmp_path / "seller.yaml"
    role.write_text(textwrap.dedent("""\
        id: seller
        version: "1"
        languages: [ru, en]
        law: {ru: [ru], gb-eaw: [en]}
        title:
          ru: {nominative: продавец, genitive: продавца, dative: продавцу, instrumental: продавцом}
          en: Salesperson
        sections:
          general:
            - id: category
              text: {ru: Продавец относится к категории специалистов.,
                     en: The post suits a sales specialist.}
          duties:
            - id: sell
              text: {ru: Продаёт товары.,
                     en: Sell the goods and keep the manager informed of his orders.}
          rights:
            - {id: information, text: {ru: Получать информацию., en: Receive information.}}
          responsibility:
            - {id: fine, law: [ru], text: {ru: "За опоздание — штраф 500 рублей."}}
            - id: full
              law: [ru]
              text: {ru: Несёт полную материальную ответственность за товар.}
            - id: plan
              text: {ru: За невыполнение плана продаж., en: Failure to meet the sales plan.}
          evaluation:
            - {id: sales, text: {ru: Объём продаж., en: Sales volume.}}
        """), encoding="utf-8")
    result = invoke("validate", str(role))
    assert result.exit_code == 0  # warnings pass
    lines = result.output.splitlines()
    expected = {("fine", "ТК РФ ст. 192"), ("unlimited-liability", "ТК РФ ст. 241–244"),
                ("result-liability", "ТК РФ ст. 15, 57, 192"),
                ("result-liability", "Employment Rights Act 1996 s. 98(2)(a)"),
                ("gendered-wording", "Equality Act 2010 ss. 13, 39")}
    for rule, article in expected:
        assert any(f"warning [{rule}]" in line and article in line for line in lines), rule
    assert invoke("validate", "--strict", str(role)).exit_code == 1
