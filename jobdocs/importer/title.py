"""The job title from the document's heading, in the forms a role needs.

In Russian the heading gives the genitive («Должностная инструкция
менеджера по …»); the other cases are proposed with pymorphy3 (the `morph`
extra) when it is installed, else left for the author with a finding.
"""

from __future__ import annotations

from typing import Any

from ..extras import install
from .draft import Draft


def title_value(draft: Draft) -> Any:
    """Return the role's `title` for the draft's language: a string, or Russian cases."""
    text = draft.title.strip(" .:")
    if text.isupper():
        text = text.lower() if draft.lang == "ru" else text.title()
    if draft.lang != "ru":
        return _other_forms(draft, text)
    text = text[:1].lower() + text[1:] if text[1:2].islower() or len(text) < 2 else text
    forms = inflect_genitive(text)
    if forms is None:
        draft.find(draft.title_line, f"title «{text}» is taken as the genitive; write its "
                   "nominative, dative and instrumental into the role (or have them "
                   f"proposed: {install('morph')})", "title-cases")
        return {"genitive": text}
    draft.find(draft.title_line, f"title cases proposed from the genitive «{text}» "
               f"(nominative «{forms['nominative']}», dative «{forms['dative']}»): check them",
               "title-cases", "info")
    return forms


def _other_forms(draft: Draft, text: str) -> Any:
    """Return a German, Swedish or English title; propose the forms the catalog asks for."""
    from ..resolve import i18n

    try:
        needed = [f for f in i18n.title_forms(draft.lang) if f != "nominative"]
    except Exception:  # no catalog for the language: validation says so
        return text
    if not needed:
        return text
    if draft.lang == "de" and text.startswith(("des ", "der ")):
        text = text[4:]  # «Stellenbeschreibung des Key Account Managers»: the genitive
    forms = {"nominative": text}
    if needed == ["genitive"] and draft.lang == "de" and text.endswith("ers"):
        # jobdocs' heading prints the genitive: Stellenbeschreibung Key Account Managers.
        return {"nominative": text[:-1], "genitive": text}
    if needed == ["genitive"] and draft.lang == "de":
        # An English loan title takes -s in the genitive: des Account Managers.
        forms["genitive"] = text if text.endswith(("s", "x", "z", "ß", "in")) else text + "s"
        draft.find(draft.title_line, f"title genitive «{forms['genitive']}» proposed from "
                   f"«{text}»: check it", "title-cases", "info")
    else:
        draft.find(draft.title_line, f"title.{draft.lang}: write the {', '.join(needed)} of "
                   f"«{text}» into the role", "title-cases")
    return forms


def inflect_genitive(phrase: str) -> dict[str, str] | None:
    """Return every case of a Russian title given in the genitive, or None without pymorphy3.

    The head noun and the adjectives before it go back to the nominative here;
    `jobdocs.resolve.inflect` (the same proposals as `jobdocs inflect`) gives
    the other cases from it. The genitive stays as the document wrote it.
    """
    from ..resolve import inflect

    if not inflect.available():
        return None
    morph = inflect._analyzer()
    words = phrase.split()
    head = noun = None
    for i, word in enumerate(words):
        parsed = morph.parse(word)
        noun = next((p for p in parsed if {"NOUN", "gent", "sing"} <= p.tag.grammemes), None)
        if noun is not None and not any(p.tag.POS in ("ADJF", "PRTF") for p in parsed):
            head = i
            break
    if head is None or noun is None:
        return None
    out = []
    for word in words[:head]:
        adj = next((p for p in morph.parse(word) if p.tag.POS in ("ADJF", "PRTF")
                    and {"gent", "sing", noun.tag.gender} <= p.tag.grammemes), None)
        nominative = adj.inflect({"nomn", "sing"}) if adj is not None else None
        if nominative is None:
            return None
        out.append(_keep_case(word, nominative.word))
    head_form = noun.inflect({"nomn", "sing"})
    if head_form is None:
        return None
    out.append(_keep_case(words[head], head_form.word))
    try:
        forms = inflect.propose(" ".join(out + words[head + 1:]))
    except inflect.CannotInflect:
        return None
    return {**forms, "genitive": phrase}


def _keep_case(original: str, new: str) -> str:
    if original.isupper():
        return new.upper()
    if original[:1].isupper():
        return new[:1].upper() + new[1:]
    return new
