"""The officers clause text names: who approves, who proposes an appointment, the line
manager. Their positions come from the organization profile, else from the role's
own defaults, never from clause text: `{{ officers.line_manager.dative }}`.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ..config.organization import Organization, Person
from ..model import BLANK, Document, Role, Title
from .i18n import title_forms

#: The officers every document offers to clause text, whoever gives them.
NAMES = ("approver", "proposer", "line_manager")


def officers(role: Role, org: Organization, lang: str) -> dict[str, Title]:
    """Return each officer's position in `lang` as a Title (its forms), or a blank.

    The profile's officer (for the line manager: the one the role `reports_to`,
    default `line_manager`; for the approver also the profile's approver), else the
    role's own default."""
    given = {"line_manager": role.reports_to or "line_manager"}
    out = {}
    for name in dict.fromkeys((*NAMES, *role.officers)):
        found = _position(org.officers.get(given.get(name, name)), lang)
        if found is None and name == "approver":
            found = _position(org.approver, lang)
            if found is not None and len(found.forms) == 1 and len(title_forms(
                    lang, org.wording)) > 1:
                found = None  # a caption for the signature, without the cases text needs
        if found is None:
            own = role.officers.get(name, {})
            found = own.get(lang) or own.get("*")
        out[name] = found or Title.plain(BLANK)
    return out


def _position(person: Person | None, lang: str) -> Title | None:
    positions: Mapping[str, Any] = person.position if person else {}
    value = positions.get(lang, positions.get("*"))
    if value is None:
        return None
    return Title(dict(value)) if isinstance(value, Mapping) else Title({"nominative": str(value)})


#: German definite articles, which a position carries in a sentence but not as a caption.
_ARTICLES = {"de": ("der ", "die ", "das ")}


def caption(doc: Document, name: str) -> str:
    """Return an officer's position as a heading or a table cell prints it: the
    nominative, capitalised, without the article a German sentence form carries
    ("die Vertriebsleitung" → "Vertriebsleitung")."""
    title = doc.officers.get(name)
    return "" if title is None else title_caption(title, doc.lang)


def title_caption(title: Title, lang: str) -> str:
    """Return a title or position as a caption prints it: its nominative, capitalised,
    without a German sentence form's article ("der Key Account Manager")."""
    text = str(title)
    for article in _ARTICLES.get(lang, ()):
        if text.startswith(article):
            text = text[len(article):]
    return text[:1].upper() + text[1:]
