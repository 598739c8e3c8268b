"""Turn a clause's edited wording back into clause text: the template it was printed from,
with the reviewer's words in it.

A clause prints `{{ title.genitive }}`, `{{ years(vars.experience_years) }}` or
`{{ ref('advise-on-orders') }}` as words and numbers. Where the reviewer left
the words an expression printed untouched, the expression stays; where she
changed them, her words replace it. A clause number she typed after «п.»,
"clause" or «Punkt» (in her own words, not in text she kept) becomes
`{{ ref('id') }}` to the clause printed with that number in her document.
Text of hers that looks like a template (`{{`, `{%`) stays text.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from ..diff.words import word_diff
from ..errors import Problem
from ..importer.words import NUMBER, REFERENCE
from ..model import Clause, Mark
from ..resolve import sandbox
from .edited import normal

_PIECE = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}", re.S)
_JINJA = re.compile(r"\{[{%#]|[}%#]\}")
_REF = re.compile(r"""^\{\{\s*ref\(\s*['"]([^'"]+)['"]\s*\)\s*\}\}$""")


@dataclass
class Result:
    """A clause's new source text, and what a reviewer of the import should know."""

    text: str
    dropped: list[str] = field(default_factory=list)  # expressions now typed words
    refs: list[tuple[str, str]] = field(default_factory=list)  # (number, id) made ref()
    dangling: list[str] = field(default_factory=list)  # numbers that name no clause
    logic: bool = False  # the source has {% %}: its edit is plain text now


def escape(text: str) -> str:
    """Keep `{{`, `{%`, `{#` of typed text as text: clause text is a Jinja template."""
    return _JINJA.sub(lambda m: f"{{{{ '{m.group(0)}' }}}}", text)


def untemplate(source: str, edited: str, lang: str, context: Mapping[str, Any],
               labels: Mapping[str, str]) -> Result:
    """Return the clause text that prints `edited`, keeping what it can of `source`.

    `context` is what the source was rendered with; `labels` maps a clause number as
    printed in the reviewed document to the id of the clause printed with it.
    """
    edited = normal(edited)
    pieces = _pieces(source, lang, context)
    if pieces is None:  # template logic ({% if %}), or a text that renders otherwise
        return Result(_convert(edited, [(0, len(edited))], [], labels).text,
                      logic="{%" in source or "{#" in source)
    printed, spans = _collapse(pieces)
    at, inserted = _alignment(printed, edited)
    anchors: list[tuple[int, int, str]] = []
    dropped = []
    for (start, end), (expr, value) in spans:
        if not value:
            continue
        first, last = at.get(start), at.get(end - 1)
        kept = all(i in at for i in range(start, end))
        if kept and first is not None and last is not None and last - first == end - start - 1:
            anchors.append((first, last + 1, expr))
        else:
            dropped.append(expr)
    result = _convert(edited, inserted, anchors, labels)
    result.dropped = dropped
    if not _prints(result.text, edited, lang, context, anchors, result.refs, labels):
        result = _convert(edited, [(0, len(edited))], [], labels)
        result.dropped = [e for _, (e, v) in spans if v]
    return result


def _pieces(source: str, lang: str, context: Mapping[str, Any]
            ) -> list[tuple[str, str | None]] | None:
    """Return the source as (literal, None) and (expression, value) pieces, or None when
    it holds statements or does not print as its pieces do."""
    if "{%" in source or "{#" in source:
        return None
    out: list[tuple[str, str | None]] = []
    end = 0
    for m in _PIECE.finditer(source):
        out.append((source[end:m.start()], None))
        value = _render(m.group(0), lang, context)
        if value is None:
            return None
        out.append((m.group(0), value))
        end = m.end()
    out.append((source[end:], None))
    whole = _render(source, lang, context)
    if whole is None or normal(whole) != _collapse(out)[0]:
        return None
    return out


def _render(text: str, lang: str, context: Mapping[str, Any]) -> str | None:
    problems: list[Problem] = []
    clause = Clause(id="edited", text={lang: text}, mark=Mark("", 1, 1))
    out = sandbox.render(clause, lang, context, problems)
    return None if problems else out


def _collapse(pieces: list[tuple[str, str | None]]
              ) -> tuple[str, list[tuple[tuple[int, int], tuple[str, str]]]]:
    """Return the printed text (blanks collapsed, as a document prints it) and where each
    expression's words stand in it."""
    chars: list[tuple[str, int]] = []
    for n, (text, value) in enumerate(pieces):
        for ch in (text if value is None else value):
            chars.append((ch, n))
    out: list[str] = []
    owner: list[int] = []
    for ch, n in chars:
        if ch == "\u00ad":
            continue
        if ch.isspace():
            if out and out[-1] != " ":
                out.append(" ")
                owner.append(n)
            continue
        out.append("-" if ch == "\u2011" else ch)
        owner.append(n)
    while out and out[-1] == " ":
        out.pop()
        owner.pop()
    text = "".join(out)
    spans = []
    for n, (expr, value) in enumerate(pieces):
        if value is None:
            continue
        where = [i for i, o in enumerate(owner) if o == n and text[i] != " "]
        if where:
            spans.append(((where[0], where[-1] + 1), (expr, value)))
        else:
            spans.append(((0, 0), (expr, "")))
    return text, spans


def _alignment(old: str, new: str) -> tuple[dict[int, int], list[tuple[int, int]]]:
    """Return where each kept character of `old` stands in `new`, and the spans of `new`
    that are the reviewer's own words."""
    at: dict[int, int] = {}
    inserted = []
    i = j = 0
    for seg in word_diff(old, new):
        n = len(seg.text)
        if seg.op == "equal":
            at.update({i + k: j + k for k in range(n)})
            i, j = i + n, j + n
        elif seg.op == "delete":
            i += n
        else:
            inserted.append((j, j + n))
            j += n
    return at, inserted


def _convert(edited: str, inserted: list[tuple[int, int]], anchors: list[tuple[int, int, str]],
             labels: Mapping[str, str]) -> Result:
    """Return `edited` as source: anchored expressions back, typed clause numbers in the
    reviewer's own words made ref(), everything else escaped text."""
    result = Result("")
    cuts = sorted(anchors)
    refs: list[tuple[int, int, str]] = []
    for m in REFERENCE.finditer(edited):
        base = m.start(2)
        for n in NUMBER.finditer(m.group(2)):
            a, b = base + n.start(), base + n.end()
            if not any(s <= a and b <= e for s, e in inserted):
                continue
            if any(s < b and a < e for s, e, _ in cuts):
                continue
            cid = labels.get(n.group(0))
            if cid is None:
                result.dangling.append(n.group(0))
                continue
            refs.append((a, b, f"{{{{ ref('{cid}') }}}}"))
            result.refs.append((n.group(0), cid))
    out, pos = [], 0
    for start, end, expr in sorted([*cuts, *refs]):
        out += [escape(edited[pos:start]), expr]
        pos = end
    out.append(escape(edited[pos:]))
    result.text = "".join(out)
    return result


def _prints(source: str, edited: str, lang: str, context: Mapping[str, Any],
            anchors: list[tuple[int, int, str]], refs: list[tuple[str, str]],
            labels: Mapping[str, str]) -> bool:
    """Whether `source` prints `edited`, each ref() printing the number it stands for."""
    shown: dict[str, str] = {cid: number for number, cid in refs}
    for start, end, expr in anchors:
        m = _REF.match(expr)
        if m:
            if shown.setdefault(m.group(1), edited[start:end]) != edited[start:end]:
                return True  # one clause printed two ways: nothing to check it against
    fallback: Callable[[str], str] = context["ref"] if "ref" in context else (lambda c: c)

    def ref(cid: str) -> str:
        return shown[cid] if cid in shown else fallback(cid)

    out = _render(source, lang, {**context, "ref": ref})
    return out is not None and normal(out) == edited
