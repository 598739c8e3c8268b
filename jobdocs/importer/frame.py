"""Recognize the frame around the clauses: the approval block, the heading
requisites, the author's signature, the visas and the acknowledgement. They
are left out of the role; what they held goes to a suggested organization
profile, and any other text there is a finding."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from . import words
from .draft import Draft
from .lines import Line

_MONTHS = {
    **{m: i for i, m in enumerate(("января", "февраля", "марта", "апреля", "мая", "июня",
                                   "июля", "августа", "сентября", "октября", "ноября",
                                   "декабря"), start=1)},
    **{m: i for i, m in enumerate(("january", "february", "march", "april", "may", "june",
                                   "july", "august", "september", "october", "november",
                                   "december"), start=1)},
    **{m: i for i, m in enumerate(("januar", "februar", "märz", "april", "mai", "juni", "juli",
                                   "august", "september", "oktober", "november", "dezember"),
                                  start=1)},
    **{m: i for i, m in enumerate(("januari", "februari", "mars", "april", "maj", "juni", "juli",
                                   "augusti", "september", "oktober", "november", "december"),
                                  start=1)},
}
_DATE_FORMS = (
    re.compile(r"(?P<d>\d{1,2})\.(?P<m>\d{1,2})\.(?P<y>\d{4})\b"),
    re.compile(r"\b(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})\b"),
    re.compile(r"«?(?P<d>\d{1,2})»?\.?\s+(?P<mn>[^\W\d_]+)\s+(?P<y>\d{4})", re.I),
    re.compile(r"\b(?P<mn>[^\W\d_]+)\s+(?P<d>\d{1,2}),\s+(?P<y>\d{4})", re.I),
)
_NAMES = (re.compile(r"(?:[A-ZА-ЯЁ]\.\s?){1,2}\s?[A-ZА-ЯЁ][a-zа-яё]+(?:-[A-ZА-ЯЁ][a-zа-яё]+)?"),
          re.compile(r"\b[A-ZА-ЯЁ][a-zа-яё]+\s+(?:[A-ZА-ЯЁ]\.\s?){1,2}(?!\w)"))
_PLACEHOLDER = re.compile(r"^(фамилия|efternamn|nachname|surname|last name|name)\b", re.I)
_NUMBER = re.compile(r"(?:№|\bNo\.|\b[Nn]r\.?)\s*([^\s_,]*[^\W_][^\s,]*)")
#: A number left blank to fill by hand, on a line of its own (a cell beside the date).
_BLANK_NUMBER = re.compile(r"^\s*(?:№|No\.|[Nn]r\.?)\s*_+\s*$")
_ORG = re.compile(r"«[^»]+»|\b(ООО|ОАО|ПАО|ЗАО|АО|ИП|ФГУП|LLC|Ltd|Inc|PLC|GmbH|AG|AB|KG|"
                  r"Limited|Company|Corporation|Gesellschaft|Aktiebolag)\b|"
                  r"(общество|акционерное общество|учреждение|предприятие)\s", re.I)
_PLACE = re.compile(r"^(г\.|город|пос\.|с\.)\s*\S")
_BLANK_DATE = re.compile(r"^(date|datum|дата)\b[:\s]*_|[«\"]\s*_+\s*[»\"]|\b00\.00\.|"
                         r"\b20_{1,2}|\b20\d_|_+\s*(г|g)\.?$", re.I)
_SEAL = re.compile(r"^(м\.\s?п\.|m\.\s?p\.|l\.\s?s\.)$", re.I)


def parse_date(text: str) -> dt.date | None:
    """Return the first real date in a text (22.11.2026, 22 ноября 2026 г., ...), or None."""
    for form in _DATE_FORMS:
        for m in form.finditer(text):
            try:
                month = int(m.group("m")) if "m" in form.groupindex else \
                    _MONTHS[m.group("mn").lower()]
                return dt.date(int(m.group("y")), month, int(m.group("d")))
            except (KeyError, ValueError):
                continue
    return None


def is_frame(text: str) -> bool:
    """Tell whether a line belongs to a signature, a visa or the acknowledgement."""
    return bool(words.block(text, "approval") or words.block(text, "agreed")
                or words.block(text, "acknowledgement") or words.block(text, "sheet")
                or words.SIGNATURE_LINE.search(text) or words.block(text, "author")
                or _is_caption(text) or (_BLANK_DATE.search(text) and len(text) < 40))


def _is_caption(text: str) -> bool:
    return bool(words.CAPTION.fullmatch(text.strip())) or bool(
        re.fullmatch(r"[\s_]*(\([^)]*\)[\s_]*)+", text))


def _strip(text: str) -> str:
    """Return a frame line without its blanks, captions and seal mark."""
    text = words.CAPTION.sub(" ", text)
    text = re.sub(r"[_«»]{2,}|_+", " ", text)
    return " ".join(text.split()).strip(" :,")


def signed_block(lines: list[Line]) -> dict[str, Any]:
    """Return what a block someone signs holds: position, organization, name, date."""
    out: dict[str, Any] = {}
    texts = []
    for line in lines:
        date = parse_date(line.text)
        if date and "date" not in out:
            out["date"] = date
            continue
        text = _strip(line.text)
        name = next((m for m in (r.search(text) for r in _NAMES) if m), None)
        if name and not _PLACEHOLDER.match(name.group(0)) and "name" not in out:
            out["name"] = name.group(0).strip()
            text = _strip(text[: name.start()] + " " + text[name.end():])
        if (not text or "(" in line.text or ")" in line.text or _SEAL.match(text)
                or _PLACEHOLDER.match(text) or _BLANK_DATE.search(line.text)):
            continue
        texts.append(text)
    for text in texts:
        if "organization" not in out and _ORG.search(text) and "position" in out:
            out["organization"] = text
        elif "position" not in out:
            out["position"] = text
    return out


def read_preamble(draft: Draft, lines: list[Line]) -> None:
    """Find the title, the approval block and the heading requisites before the first section."""
    title_at = _title(draft, lines)
    used = {title_at} if title_at is not None else set()
    i = 0
    while i < len(lines):
        line = lines[i]
        if words.block(line.text, "approval") or words.block(line.text, "agreed"):
            end = i + 1
            while end < len(lines) and end != title_at and not words.DOC_TYPE.match(
                    lines[end].text) and not (lines[end].style or "").startswith("Heading"):
                end += 1
                if parse_date(lines[end - 1].text) or _BLANK_DATE.search(lines[end - 1].text):
                    break
            block = signed_block(lines[i + 1:end])
            if words.block(line.text, "approval"):
                _put(draft, "approver", block)
            else:
                _agreed(draft, block)
            used.update(range(i, end))
            i = end
            continue
        i += 1
    for n, line in enumerate(lines):
        if n in used:
            continue
        text = line.text
        if words.DOC_TYPE.match(text) or _is_caption(text) or set(text) <= set("-—–_=*‐ "):
            continue
        date, number = parse_date(text), _NUMBER.search(text)
        if date or number or _BLANK_DATE.search(text) or _BLANK_NUMBER.match(text):
            if date:
                draft.profile.setdefault("date", date)
            if number and not set(number.group(1)) <= set("0_"):
                draft.profile.setdefault("number", number.group(1))
            continue
        value = _strip(text)
        if not value or _SEAL.match(value):
            continue
        if _PLACE.match(value):
            draft.profile.setdefault("place", {draft.lang: value})
        elif _ORG.search(value) and len(value.split()) <= 10:
            _organization(draft, value.strip("()"))
        elif _after_date(lines, n) and len(value.split()) <= 3:
            draft.profile.setdefault("place", {draft.lang: value})  # under the date: the place
        else:
            draft.find(line.line, f"left out: text before the first section: «{text}»",
                       "unplaced-text")


def _after_date(lines: list[Line], n: int) -> bool:
    """Whether line `n` comes right under the date line (the number beside it, printed in
    a cell of its own, and empty lines aside)."""
    for before in reversed(lines[:n]):
        text = before.text.strip()
        if not text or _BLANK_NUMBER.match(text) or (_NUMBER.match(text) and
                                                     not parse_date(text)):
            continue
        return parse_date(text) is not None
    return False


def _title(draft: Draft, lines: list[Line]) -> int | None:
    """Find the title line; return its index in `lines`."""
    for n, line in enumerate(lines):
        if line.style == "Document Title":
            draft.title, draft.title_line = line.text, line.line
            return n
    for n, line in enumerate(lines):
        m = words.DOC_TYPE.match(line.text) or _doc_type_inside(line.text)
        if not m:
            continue
        if m.group(2).strip(" :"):
            draft.title, draft.title_line = m.group(2).strip(" :"), line.line
            return n
        for k in range(n + 1, min(n + 4, len(lines))):
            text = lines[k].text
            if not (parse_date(text) or _NUMBER.search(text) or _is_caption(text)
                    or is_frame(text) or set(text) <= set("-—–_ ")):
                draft.title, draft.title_line = text, lines[k].line
                return k
    return None


def _doc_type_inside(text: str) -> re.Match[str] | None:
    """A document type after a sentence on the same line (a web page's title line)."""
    for m in re.finditer(r"[.!?]\s+(?=\S)", text):
        found = words.DOC_TYPE.match(text[m.end():])
        if found:
            return found
    return None


def read_tail(draft: Draft, lines: list[Line]) -> None:
    """Read the author's signature, the visas and the acknowledgement after the last clause."""
    blocks: list[tuple[str, list[Line]]] = [("author", [])]
    for line in lines:
        text = line.text
        if words.block(text, "sheet"):
            blocks.append(("sheet", [line]))
        elif words.block(text, "agreed"):
            blocks.append(("agreed", []))
        elif words.block(text, "acknowledgement"):
            blocks.append(("acknowledgement", [line]))
        elif words.block(text, "approval"):
            blocks.append(("approver", []))
        else:
            blocks[-1][1].append(line)
    for kind, block in blocks:
        if kind in ("sheet", "acknowledgement") or not block:
            continue
        values = signed_block(block)
        if kind == "agreed":
            _agreed(draft, values)
            continue
        if kind == "author" and words.block(values.get("position", ""), "author"):
            del values["position"]  # the blank form's caption, not a person's position
        _put(draft, kind, values)


def _agreed(draft: Draft, block: dict[str, Any]) -> None:
    """Add a visa to the profile; a blank one (a form to fill by hand) adds nothing."""
    visa = _localize(draft, block)
    if visa:
        draft.profile.setdefault("agreements", []).append(visa)


def _localize(draft: Draft, block: dict[str, Any]) -> dict[str, Any]:
    return {k: v if k == "date" else {draft.lang: v} for k, v in block.items()
            if k != "organization"}


def _organization(draft: Draft, value: str) -> None:
    """Keep the short name as `name` and a longer one as `full_name`."""
    both = re.fullmatch(r"(.+?)\s*\((.+)\)?", value)
    if both and _ORG.search(both.group(2)):
        _organization(draft, both.group(1))
        value = both.group(2).rstrip(")")
    known = [v[draft.lang] for k in ("name", "full_name") if (v := draft.profile.get(k))]
    if value in known:
        return
    names = sorted({value, *known}, key=len)
    draft.profile["name"] = {draft.lang: names[0]}
    if len(names) > 1:
        draft.profile["full_name"] = {draft.lang: names[-1]}


def _put(draft: Draft, key: str, block: dict[str, Any]) -> None:
    if block.get("organization"):
        _organization(draft, block["organization"])
    person = _localize(draft, block)
    if person:
        draft.profile.setdefault(key, person)
