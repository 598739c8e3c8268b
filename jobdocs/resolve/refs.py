"""Cross-references in a document whose clauses carry no numbers.

A frame without legal numbering (en-us: headed bulleted lists) has no number
for `ref()` to print, and a number the reader cannot see is worse than none:
there `ref('advise-on-orders')` prints the words of the clause it names,
quoted («Advise clients on the make-up of their orders…»), and a warning
(rule `unnumbered-ref`) asks the author to say in words what is meant.
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Sequence
from dataclasses import replace

from ..errors import JobdocsWarning, Problem
from ..model import Clause, DocClause, DocSection, Role
from .sandbox import _problem

#: What `ref()` prints while the clauses are rendered; replaced once every text is known.
#: The control characters keep it apart from anything a role's text can print.
REF = "\x02{}\x03"
_REF = re.compile("\x02([^\x02\x03]*)\x03")
#: At most this many words of a clause are quoted; a longer one ends in an ellipsis.
WORDS = 8


#: Each language's quotation marks (CLDR's; Babel does not expose them).
QUOTES = {"ru": ("«", "»"), "de": ("„", "“"), "sv": ("”", "”"), "en": ("“", "”")}


def quoted(text: str, lang: str) -> str:
    """Return the first words of a clause, quoted the way `lang` quotes."""
    words = _REF.sub("…", text).rstrip(" ;:,.").split()
    cut = " ".join(words[:WORDS]) + ("…" if len(words) > WORDS else "")
    start, end = QUOTES.get(lang, QUOTES["en"])
    return f"{start}{cut}{end}"


def worded_refs(sections: Sequence[DocSection], role: Role, lang: str, frame: str,
                notes: list[Problem] | None) -> list[DocSection]:
    """Return the sections with every reference printed as the quoted words of the
    clause it names; each reference is a warning at the clause that makes it."""
    texts = {c.id: c.text for s in sections for top in s.clauses for c in top.walk()}
    clauses = {c.id: c for top in (c for cs in role.sections.values() for c in cs)
               for c in top.walk()}
    found: list[Problem] = []

    def words(clause: DocClause) -> DocClause:
        text = clause.text
        for target in dict.fromkeys(_REF.findall(text)):
            source: Clause | None = clauses.get(clause.id)
            if source is not None:
                found.append(_problem(
                    source, lang, f"ref('{target}') has no number to print under the frame "
                    f"{frame}, whose clauses are unnumbered, so it prints the words of "
                    "that clause; say in words what you refer to", "unnumbered-ref",
                    ref=target))
            text = text.replace(REF.format(target), quoted(texts.get(target, ""), lang))
        return replace(clause, text=text, children=tuple(words(c) for c in clause.children))

    out = [replace(s, clauses=tuple(words(c) for c in s.clauses)) for s in sections]
    found = [replace(p, severity="warning") for p in found]
    if notes is None:
        for note in found:
            warnings.warn(str(note), JobdocsWarning, stacklevel=3)
    else:
        notes += found
    return out
