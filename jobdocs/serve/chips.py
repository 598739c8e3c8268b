"""Clause text as the reader sees it: every template tag of a clause is a chip that
shows what it prints (the number `ref()` prints, «менеджера по работе с ключевыми
клиентами») and says what it is; the menu of chips an author may insert.

With a script, the editor keeps the source in the form (`{{ title.genitive }}`
stays as written) and shows the chips over it; a chip is never edited, only
inserted or removed. Without one, the text field shows each chip as the words it
prints in brackets (⟦менеджера по работе с ключевыми клиентами⟧) and the form
carries the (words, tag) pairs: a save gives each bracketed chip its tag back
(`unmarked`), and refuses words in brackets that stand for none.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from ..config.organization import Organization
from ..errors import Problem
from ..model import CASES, Clause, Mark, Role
from ..resolve import clause_context, sandbox
from ..resolve.numbering import number_clauses
from ..resolve.sections import layout
from ..roles.yamledit import EditError
from .ui import tr

#: A template tag in clause text: what a chip stands for.
TAG = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}", re.S)
_REF = re.compile(r"\{\{\s*ref\(\s*['\"]([a-z0-9-]+)['\"]\s*\)\s*\}\}")
_TITLE = re.compile(r"\{\{\s*title(?:\s*\.\s*(\w+))?\s*(\|\s*upfirst\s*)?\}\}")
_YEARS = re.compile(r"\{\{\s*years(_from)?\(")
#: How many words of a clause the reference menu shows after its number.
PREVIEW_WORDS = 7

CASE_NAMES = {"nominative": tr("nominative"), "genitive": tr("genitive"),
              "dative": tr("dative"), "accusative": tr("accusative"),
              "instrumental": tr("instrumental"), "prepositional": tr("prepositional")}


#: The brackets a chip's words are shown in where the page has no script: a person reads
#: the words the chip prints, and may keep, move or delete them whole.
OPEN, CLOSE = "⟦", "⟧"
_MARKED = re.compile(f"{OPEN}([^{OPEN}{CLOSE}\\n]*){CLOSE}")


def marked(source: str, labels: Mapping[str, str]) -> tuple[str, list[list[str]]]:
    """Return clause text with each template tag shown as the words it prints in
    brackets (⟦менеджера по работе с ключевыми клиентами⟧), and the (words, tag) pairs
    that take it back (`unmarked`)."""
    out, pairs = [], []
    for part, is_tag in parts(source):
        if not is_tag:
            out.append(part)
            continue
        words = " ".join((labels.get(part) or part.strip("{}%# ").strip()).split())
        words = words.replace(OPEN, "").replace(CLOSE, "")
        out.append(f"{OPEN}{words}{CLOSE}")
        pairs.append([words, part])
    return "".join(out), pairs


def unmarked(text: str, pairs: Iterable[Sequence[str]], menu: Mapping[str, str]) -> str:
    """Return the clause text a person edited without a script, each bracketed chip
    given back its tag: the first unused one this text showed with those words, else
    the menu's (words → tag). Raise EditError for words in brackets that stand for no
    chip, and for a bracket left alone (a chip half deleted): nothing is guessed."""
    unused: dict[str, list[str]] = {}
    for words, tag in pairs:
        unused.setdefault(words, []).append(tag)

    def back(m: re.Match[str]) -> str:
        words = " ".join(m.group(1).split())
        if unused.get(words):
            return unused[words].pop(0)
        if words in menu:
            return menu[words]
        raise EditError(tr("“%(words)s” in brackets ⟦ ⟧ is not a word jobdocs fills in: "
                           "restore the words as they were, or remove the brackets."),
                        {"words": words})

    source = _MARKED.sub(back, text)
    if OPEN in _MARKED.sub("", text) or CLOSE in _MARKED.sub("", text):
        raise EditError(tr("A bracket ⟦ or ⟧ is left alone: delete a filled-in word with "
                           "both its brackets, or restore them."))
    return source


def read_pairs(raw: str) -> list[list[str]]:
    """Return the (words, tag) pairs a form carries (`marked`'s, as JSON); raise EditError
    when they are not that."""
    try:
        pairs = json.loads(raw) if raw else []
    except ValueError:
        pairs = None
    if not isinstance(pairs, list) or not all(
            isinstance(p, list) and len(p) == 2 and all(isinstance(x, str) for x in p)
            for p in pairs):
        raise EditError(tr("The form is damaged; reload the page."))
    return pairs


def labels(data: Mapping[str, Any], lang: str) -> dict[str, str]:
    """Return tag → the words it prints in `lang`, from what `chips` returned."""
    return {source: shown[0] for source, shown in data.get(lang, {}).get("chips", {}).items()}


def menu_words(data: Mapping[str, Any], lang: str) -> dict[str, str]:
    """Return the words of each chip of the menu in `lang` → its tag (the first of a menu
    whose chips print the same words)."""
    table = labels(data, lang)
    out: dict[str, str] = {}
    for _, sources in data.get(lang, {}).get("menu", ()):
        for source in sources:
            out.setdefault(" ".join(table.get(source, "").split()), source)
    out.pop("", None)
    return out


@dataclass(frozen=True)
class Chip:
    """A template tag as the editor shows it."""

    source: str  # as written in the role file
    label: str  # what the reader sees in its place
    note: str  # what it is, in the interface language
    group: str  # the menu it is offered in ("" for none)


def parts(source: str) -> list[tuple[str, bool]]:
    """Split clause text into (text, is_tag) parts, in order."""
    out: list[tuple[str, bool]] = []
    end = 0
    for m in TAG.finditer(source):
        if m.start() > end:
            out.append((source[end:m.start()], False))
        out.append((m.group(0), True))
        end = m.end()
    if end < len(source):
        out.append((source[end:], False))
    return out


def context(role: Role, lang: str, org: Organization | None
            ) -> tuple[dict[str, Any], dict[str, str]]:
    """Return the names clause text may use in `lang`, and every clause's number."""
    org = org or Organization()
    numbers, items = clause_numbers(role, org)
    return clause_context(role, lang, org, numbers, items), numbers


def clause_numbers(role: Role, org: Organization | None
                   ) -> tuple[dict[str, str], dict[str, str]]:
    """Return every clause's printed number, and each dashed item's clause."""
    plan = layout(role, org or Organization(), [])
    return number_clauses(role, [k for k in plan.order if role.sections.get(k)])


def printed(source: str, lang: str, names: Mapping[str, Any]) -> str:
    """Return what one tag prints in `lang` ('' when it cannot print: the check says why)."""
    if not source.startswith("{{"):
        return ""
    problems: list[Problem] = []
    text = sandbox.render(Clause("chip", {lang: source}, mark=Mark("", 1, 1)), lang, names,
                          problems)
    return "" if problems else text


def describe(source: str, say: Callable[[str], str], numbers: Mapping[str, str]) -> str:
    """Return what a tag is, in the interface language."""
    if m := _REF.fullmatch(source):
        number = numbers.get(m.group(1))
        return (say(tr("Reference to clause %(number)s")) % {"number": number} if number
                else say(tr("Reference to a clause")))
    if m := _TITLE.fullmatch(source):
        note = say(tr("Job title"))
        if m.group(1) in CASE_NAMES:
            note += ", " + say(CASE_NAMES[m.group(1)])
        return note + (", " + say(tr("capitalized")) if m.group(2) else "")
    if _YEARS.match(source):
        return say(tr("Years of experience"))
    if re.fullmatch(r"\{\{\s*jurisdiction\s*\}\}", source):
        return say(tr("The law that applies"))
    if re.fullmatch(r"\{\{\s*(org|officers)\.\w+.*\}\}", source, re.S):
        return say(tr("From the organization profile"))
    return say(tr("Template code"))


def menu(role: Role, lang: str, numbers: Mapping[str, str]) -> list[tuple[str, list[str]]]:
    """Return the chips an author may insert in `lang`, by group."""
    title = role.title.get(lang)
    forms = list(title.forms) if title is not None else []
    titles = []
    if len(set((title.forms if title is not None else {}).values())) > 1:
        titles = [f"{{{{ title.{c} }}}}" for c in [*CASES, *sorted(set(forms) - set(CASES))]
                  if c in forms]
        titles.insert(1, "{{ title.nominative | upfirst }}")
    elif title is not None:
        titles = ["{{ title }}"]
    years = [f"{{{{ years(vars.{k}) }}}}" for k, v in role.vars.items()
             if isinstance(v, int) and not isinstance(v, bool)]
    refs = [f"{{{{ ref('{cid}') }}}}" for cid in numbers]
    return [(tr("Job title"), titles), (tr("Years and law"), [*years, "{{ jurisdiction }}"]),
            (tr("Reference to a clause"), refs)]


def chips(role: Role, langs: Iterable[str], org: Organization | None, texts: Iterable[str],
          say: Callable[[str], str]) -> dict[str, dict[str, Any]]:
    """Return, per language, every chip of `texts` and of the menu (source → label, note)
    and the menu's groups: what the editor page hands its script."""
    texts = list(texts)
    out: dict[str, dict[str, Any]] = {}
    for lang in langs:
        if lang not in role.languages:
            continue
        names, numbers = context(role, lang, org)
        groups = menu(role, lang, numbers)
        found = {m.group(0) for t in texts for m in TAG.finditer(t)}
        found |= {s for _, sources in groups for s in sources}
        first = _first_words(role, lang, names)
        table = {}
        for source in sorted(found):
            label = printed(source, lang, names) or source.strip("{}%# ").strip()
            note = describe(source, say, numbers)
            if m := _REF.fullmatch(source):
                note = f"{note}: {first.get(m.group(1), '')}".rstrip(": ")
            table[source] = [label, note]
        out[lang] = {"chips": table,
                     "menu": [[say(g), [s for s in sources if s in table]]
                              for g, sources in groups if sources]}
    return out


def _first_words(role: Role, lang: str, names: Mapping[str, Any]) -> dict[str, str]:
    """Return the first words of every clause as it prints (for the reference menu)."""
    out: dict[str, str] = {}
    for clauses in role.sections.values():
        for top in clauses:
            for c in top.walk():
                problems: list[Problem] = []
                probe = Clause(c.id, {lang: c.text.get(lang, "")}, mark=Mark("", 1, 1))
                words = sandbox.render(probe, lang, names, problems).split()
                short = " ".join(words[:PREVIEW_WORDS])
                out[c.id] = short + ("…" if len(words) > PREVIEW_WORDS else "")
    return out
