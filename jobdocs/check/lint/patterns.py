"""What a lawyer strikes in a job description: each lint rule's wording per language,
the jurisdictions it applies under, and the article it rests on there.

A pattern is written with single spaces between words; each space matches any run
of blanks, so a phrase is found across the line breaks of a folded YAML string.
A clause matching a rule's `unless` pattern (in its language) is not flagged:
that is the close clause a lawyer lets stand. docs/validation.md explains every
rule with its source; tests hold a clause each rule flags and one it must not.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field

OUTSIDE_RUSSIA = ("gb-eaw", "us", "de", "se")


def _re(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern.replace(" ", r"\s+"), re.IGNORECASE | re.UNICODE)


@dataclass(frozen=True)
class Wording:
    """What a rule flags in one language, and the close wording it lets stand."""

    flags: re.Pattern[str]
    unless: re.Pattern[str] | None = None
    note: str = ""  # what the match is, where a rule flags several things
    laws: tuple[str, ...] = ()  # only under these of the rule's jurisdictions (() all)


@dataclass(frozen=True)
class LintRule:
    """A rule: its one-line reason, the article per jurisdiction (it applies under those
    only), what it flags per language, and the sections it looks at (() all)."""

    id: str
    reason: str
    articles: Mapping[str, str]
    wording: Mapping[str, tuple[Wording, ...]]
    sections: tuple[str, ...] = ()
    anywhere: Mapping[str, tuple[Wording, ...]] = field(default_factory=dict)  # all sections


def _w(flags: str, unless: str | None = None, note: str = "",
       laws: tuple[str, ...] = ()) -> Wording:
    return Wording(_re(flags), _re(unless) if unless else None, note, laws)


_ORDER = "приказ о приёме и увольнении: ТК РФ ст. 68, 84.1"
_TERM = "a term of Russian law: ТК РФ, КоАП РФ"
_THING = "a Russian document, system or term: УПД, «1С», ТК РФ ст. 8, 189"

#: What a construct of Russian law reads like in each language, the first that matches
#: reported: (what it is, the pattern, the only jurisdictions it is one under, () all).
_RUSSIAN_CONSTRUCTS: dict[str, tuple[tuple[str, str, tuple[str, ...]], ...]] = {
    "en": (
        (_ORDER, r"\bby (an )?order of\b|\border of the (general|managing) director\b", ()),
        (_TERM, r"\bfederal\b", ("gb-eaw", "de", "se")),
        (_TERM, r"\bsocial guarantees\b|\badministrative(,)? (criminal|and)"
                r"[^.;]{0,40}legislation\b|\badministrative legislation\b|\blabour "
                r"legislation\b|\bmaterial (liability|damage)\b", ()),
        (_THING, r"\buniversal transfer documents?\b|\b1C\b|\bstructural (unit|subdivision)s?"
                 r"\b|\blocal (normative |regulatory )?acts\b|\binternal labour regulations"
                 r"\b|\bbelongs? to the category of\b|\bGeneral Director\b", ()),
    ),
    "de": (
        (_ORDER, r"durch Anordnung|Anordnung (der|des) (Geschäftsführ|Direktor)\w*", ()),
        (_TERM, r"Verwaltungsrecht\w*|Verwaltungs-|\bföderal\w*|Föderation|materielle[nr]? "
                r"Haftung|Arbeitsgesetzgebung|soziale[n]? Garantien", ()),
        (_THING, r"\b1C\b|\bSatzung\b|Gruppe der Fachkräfte|Struktureinheit\w*|lokale[nr]? "
                 r"(Normativ|Rechts)akt\w*|kaufmännische[nr]? Direktor\w*|Generaldirektor\w*", ()),
    ),
    "sv": (
        (_ORDER, r"\bentledig\w*|genom beslut av (organisationens )?verkställande direktör", ()),
        (_TERM, r"förvaltningsrätt\w*|\bfederal\w*|materiellt? ansvar|materiell skada|"
                r"sociala garantier|arbetslagstiftning", ()),
        (_THING, r"\b1C\b|\barbetsordning\w*|strukturell\w* enhet\w*|lokala normativa|"
                 r"specialistbefattning|försäljningsdirektör\w*", ()),
    ),
}

_EQUALITY = {
    "gb-eaw": "Equality Act 2010 ss. 13, 39",
    "us": "Title VII of the Civil Rights Act of 1964, 42 U.S.C. § 2000e-2",
    "ru": "ТК РФ ст. 3",
    "de": "AGG §§ 1, 7, 11",
    "se": "diskrimineringslagen (2008:567) 2 kap. 1 §",
}

RULES: tuple[LintRule, ...] = (
    LintRule(
        "fine", "a fine is no disciplinary penalty: the law lists the penalties",
        {"ru": "ТК РФ ст. 192 (замечание, выговор, увольнение)",
         "gb-eaw": "Employment Rights Act 1996 s. 13 (deductions from wages)"},
        {"ru": (_w(r"штраф\w*"),), "en": (_w(r"\bfine[sd]?\b"),)},
        sections=("responsibility",),
        anywhere={"ru": (_w(r"(налага\w*|наложени\w*|подверга\w*|взыска\w*) (\w+ )?штраф\w*"
                            r"|штрафу(ет|ется|ются)\b"),),
                  "en": (_w(r"\b(be|is|are) fined\b|\bfine of\b"),)}),
    LintRule(
        "unlimited-liability", "the employee's liability for damage is limited by law",
        {"ru": "ТК РФ ст. 241–244 (full liability only under a written agreement)",
         "de": "§ 619a BGB; BAG GS 1/89 (innerbetrieblicher Schadensausgleich)",
         "se": "skadeståndslagen (1972:207) 4 kap. 1 §"},
        {"de": (_w(r"Sch(a|ä)den\w*|Schadensersatz",
                   r"Arbeitnehmerhaftung|innerbetrieblich\w* Schadensausgleich|grob "
                   r"fahrlässig|Vorsatz|vorsätzlich"),),
         "sv": (_w(r"\bskad(a|or|an|orna)\b|skadestånd",
                   r"skadeståndslagen|synnerliga skäl"),)},
        sections=("responsibility",),
        anywhere={"ru": (_w(r"полн\w* (индивидуальн\w* |коллективн\w* \(бригадн\w*\) |"
                            r"коллективн\w* )?материальн\w* ответственност\w*|в полном "
                            r"(размере|объёме|объеме) (причинённого |причиненного )?ущерб\w*",
                            r"договор\w* о полной|ст(\.|атьёй|атьей|атьями) 24[2-4]"),),
                  "en": (_w(r"\bfull (individual |collective )?(material |financial )?"
                            r"liability\b|\b(damage|loss) in full\b",
                            r"\bagreement\b|Article 24[2-4]"),)}),
    LintRule(
        "employer-duty", "this duty is the employer's: the employee complies with it",
        {"ru": "98-ФЗ «О коммерческой тайне» ст. 10–11; ТК РФ ст. 214"},
        {},
        anywhere={"ru": (_w(r"обеспечива\w* (соблюдение |охрану )?режим\w* "
                            r"(коммерческой тайны|конфиденциальности)|устанавлива\w* режим\w* "
                            r"коммерческой тайны|обеспечива\w* безопасн\w* услови\w* "
                            r"(и охрану )?труда"),),
                  "en": (_w(r"\bensure (compliance with |observance of )?the (trade secret|"
                            r"confidentiality) regime|\bensure (safe|healthy) working "
                            r"conditions"),)}),
    LintRule(
        "other-instructions", "work outside the labour function cannot be demanded",
        {"ru": "ТК РФ ст. 60"},
        {"ru": (_w(r"(ины\w*|други\w*|разов\w*) (служебн\w* )?(поручени\w*|задани\w*)|"
                   r"служебн\w* поручени\w*|поручени\w* (непосредственного |вышестоящ\w* )?"
                   r"руковод\w*",
                   r"в пределах (своей |его |трудовой )?(трудовой функции|функции|должностных "
                   r"обязанностей|компетенции)|связанн\w* с (трудовой функцией|должностными "
                   r"обязанностями)"),),
         "en": (_w(r"\bother (duties|tasks|instructions|assignments)\b|\b(instructions|orders) "
                   r"of (the )?(immediate |line )?(supervisor|manager|management)\b|\bas "
                   r"(assigned|directed|instructed)\b",
                   r"\bwithin (the scope of )?(the|this|their|his|her) (job|role|labour "
                   r"function|duties)|\brelated to (the|this) (job|role)"),)},
        sections=("duties",)),
    LintRule(
        "overtime-duty", "overtime and work on days off are no standing duty",
        {"ru": "ТК РФ ст. 99, 113"},
        {},
        anywhere={"ru": (_w(r"сверхурочн\w*|в выходн\w* (и (нерабочие )?праздничн\w* )?дн\w*|"
                            r"в нерабоч\w* праздничн\w* дн\w*|за пределами (установленной |"
                            r"нормальной )?продолжительности рабочего времени",
                            r"согласи\w*|в (случаях и )?порядке,? (установленн|предусмотренн)"
                            r"\w*|ст(\.|атьёй|атьей|атьями) (99|113)"),),
                  "en": (_w(r"\bovertime\b|\b(at|on|during) (the )?weekends?\b|\bpublic "
                            r"holidays\b|\boutside (normal |contractual )?working hours\b",
                            r"\bconsent\b|Articles? (99|113)\b|\bin accordance with\b"),)}),
    LintRule(
        "acknowledgement-wording", "the Labour Code says «под роспись»",
        {"ru": "ТК РФ ст. 22, 68"},
        {"ru": (_w(r"под подпись"),)}),
    LintRule(
        "result-liability", "an employee owes work, not a result: a missed plan is no breach",
        {"ru": "ТК РФ ст. 15, 57, 192",
         "gb-eaw": "Employment Rights Act 1996 s. 98(2)(a) (capability, not liability)",
         "us": "at-will employment: a job description creates no liability for results",
         "de": "§ 611a Abs. 1 BGB",
         "se": "lagen (1982:80) om anställningsskydd 7 §"},
        {"ru": (_w(r"(невыполнени\w*|не выполнени\w*|недостижени\w*|не достижени\w*|"
                   r"не выполн\w*)[^.;]{0,80}(план\w*|показател\w*|цел\w*|KPI)"),),
         "en": (_w(r"\b(fail\w*|failure) to (meet|achieve|reach|fulfil|fulfill)\b[^.;]{0,80}"
                   r"(plan|target|quota|KPI)|\bnon-?(fulfilment|fulfillment|achievement) of\b"
                   r"[^.;]{0,60}(plan|target|quota)"),),
         "de": (_w(r"(Nichterfüllung|Nicht-Erfüllung|Nichterreichung|Verfehlung|nicht "
                   r"erreicht|nicht erfüllt)[^.;]{0,80}(Plan|Pläne|Ziel|Umsatz|Absatz)"),),
         "sv": (_w(r"(plan|mål|budget)\w*[^.;]{0,120}\binte (uppfylls|uppnås|nås)\b|"
                   r"\binte (uppfylls|uppnås|nås)\b[^.;]{0,60}(plan|mål|budget)"),)},
        sections=("responsibility",),
        anywhere={"ru": (_w(r"ответственност\w* за (выполнение|достижение|невыполнение)"
                            r"[^.;]{0,40}план\w*"),),
                  "de": (_w(r"(haftet|Haftung|verantwortlich) für (die )?(Erreichung|Erfüllung)"
                            r"[^.;]{0,40}(Plan|Ziel|Umsatz)"),),
                  "sv": (_w(r"ansvar\w* för att[^.;]{0,40}(plan|mål|budget)\w* "
                            r"(uppfylls|uppnås|nås)"),)}),
    LintRule(
        "gendered-wording", "a gendered word tells one sex the job is not for them",
        _EQUALITY,
        {},
        anywhere={"en": (
            _w(r"(?<!or\s)(?<!/)\b(he|him|his|himself|she|her|hers|herself)\b(?! or\b)(?!/)",
               note="a gendered pronoun: write 'they' or name the role"),
            _w(r"\b(sales|chair|fore|spokes|work|middle|business|crafts|repair|trades|"
               r"delivery|counter)(man|men)\b|\bman(power|-hours?|ned)\b",
               note="a gendered noun"))}),
    LintRule(
        "age-wording", "age-coded wording excludes applicants by age",
        {**_EQUALITY, "gb-eaw": "Equality Act 2010 ss. 5, 13, 39",
         "us": "Age Discrimination in Employment Act, 29 U.S.C. § 623(e)",
         "ru": "ТК РФ ст. 3, 64", "se": "diskrimineringslagen (2008:567) 1 kap. 5 §"},
        {},
        anywhere={"en": (_w(r"\b(young|youthful|digital natives?|(recent|fresh|new) "
                            r"graduates?)\b|\b(under|below|not older than|no older than) \d\d\b|"
                            r"\b(no|not) more than \d+ years'? (of )?experience"),),
                  "ru": (_w(r"\bмолод\w*|в возрасте (до|не старше)|не старше \d+|моложе \d+"),),
                  "de": (_w(r"\bj(u|ü)ng(e|er|es|en|em)?\b|Berufsanfänger\w*|Digital Natives?"),),
                  "sv": (_w(r"\b(ung|unga|unge|yngre)\b"),)}),
    LintRule(
        "vague-duty", "a duty no one can check grounds no penalty and no appraisal",
        {"ru": "ТК РФ ст. 57, 192",
         "gb-eaw": "Acas Code of Practice on disciplinary and grievance procedures, para. 9",
         "us": "29 C.F.R. § 1630.2(n) (essential functions)",
         "de": "§ 106 GewO",
         "se": "lagen (1982:80) om anställningsskydd 7 §"},
        {"ru": (_w(r"поддержива\w* (хорош\w*|добр\w*|дружеск\w*|конструктивн\w*) (рабоч\w* )?"
                   r"(взаимо)?отношени\w*|\b(хорош\w*|отличн\w*|всемерно|всячески|по мере "
                   r"возможности|на высоком уровне|агрессивн\w*)\b"),),
         "en": (_w(r"\b(maintain|build|foster|keep) (good|positive|excellent|harmonious|"
                   r"constructive) (working )?(relations|relationships)\b|\b(excellent|"
                   r"outstanding(?! (debts?|balances?|invoices?|payments?|amounts?|orders?|"
                   r"receivables?|items?))|to a high standard|as far as possible|"
                   r"aggressive\w*)\b|"
                   r"\bgood (working )?(relations|relationships|communication|performance)"),),
         "de": (_w(r"\bgute[nrs]? (Zusammenarbeit|Beziehung\w*|Arbeitsklima|Verhältnis\w*)|"
                   r"hervorragend\w*|bestmöglich\w*|nach Möglichkeit|aggressiv\w*"),),
         "sv": (_w(r"\bgoda? (relation\w*|samarbete\w*|arbetsklimat\w*|kontakt\w*)|"
                   r"bästa möjliga|i mån av möjlighet|så långt (det är )?möjligt|aggressiv\w*"),)},
        sections=("duties",)),
    LintRule(
        "russian-construct", "a construct of Russian law has no meaning under this law",
        {code: "" for code in OUTSIDE_RUSSIA},  # each wording names its source
        {},
        anywhere={lang: tuple(_w(flags, note=note, laws=laws) for note, flags, laws in rows)
                  for lang, rows in _RUSSIAN_CONSTRUCTS.items()}),
)

#: The lint rules by id.
BY_ID = {r.id: r for r in RULES}

#: German job titles that name no one's sex: a function, not a person.
NEUTRAL_TITLE = _re(r"(leitung|kraft|person|hilfe|team|assistenz)\b")
GENDER_MARK = _re(r"\((m|w|d|f|x|i|gn)(/(m|w|d|f|x|i|gn))+\)|\(gn\)|\*in\b|:in\b|/-?in\b|Innen\b")
TITLE_GENDER = LintRule(
    "title-gender", "a German job title names every sex: (m/w/d)", {"de": "AGG §§ 1, 7, 11"}, {})
