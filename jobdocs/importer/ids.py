"""Give every clause an id from its text: short, stable, kebab-case, Latin, unique."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from typing import Any

_CYRILLIC = dict(zip(
    "абвгдеёжзийклмнопрстуфхцчшщъыьэюя",
    ("a b v g d e e zh z i i k l m n o p r s t u f kh ts ch sh shch  y  e yu ya").split(" "),
    strict=True))
_STOP = set("""
a an the and or of to in on for with by at from as is are be its his her their this that
these those all any other such into within upon not no shall must may can will about
и в во на по с со к ко о об от до из за для при без или а но не ни что как его ее её их
свой своих своей своего свою своим своими своё все всех всей весь всю это этот также
der die das und oder des den dem ein eine einer eines mit von zu im am für auf aus bei
nach über unter sowie sein seine seiner seinen ihre ihrer nicht
och att för med av som till på om inom vid från den det de en ett sin sina sitt eller
""".split())
MAX_WORDS = 4
MAX_LENGTH = 40


def transliterate(text: str) -> str:
    """Return lower-case Latin letters and digits for a text in any of our languages."""
    out = []
    for ch in text.lower():
        if ch in _CYRILLIC:
            out.append(_CYRILLIC[ch])
        elif ch == "ß":
            out.append("ss")
        else:
            out.append(unicodedata.normalize("NFKD", ch))
    ascii_text = "".join(out).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", " ", ascii_text).strip()


def slug(text: str, limit: int = 60) -> str:
    """Return every word of a text, transliterated and joined by hyphens (a role's id)."""
    out = transliterate(text).replace(" ", "-")[:limit].strip("-")
    return out or "role"


def make_id(text: str, taken: set[str], lang: str = "", skip: Iterable[str] = ()) -> str:
    """Return a new id for a clause's text, not in `taken`; add it to `taken`.

    Function words and the words of the job title are left out ("The Key Account
    Manager belongs to the category of specialists" gives belongs-category-specialists);
    the same text always gives the same id.
    """
    skipped = {_stem(w) for w in skip}
    tokens = re.findall(r"\w+", re.sub(r"\{\{.*?\}\}", " ", text.lower()))
    chosen = [w for w in tokens if w not in _STOP and _stem(w) not in skipped and not w.isdigit()
              and len(w) > 1]
    base = "-".join(transliterate(w).replace(" ", "-") for w in chosen[:MAX_WORDS]) or \
        "-".join(transliterate(w).replace(" ", "-") for w in tokens[:MAX_WORDS]) or "clause"
    base = base.strip("-")
    while len(base) > MAX_LENGTH and "-" in base:
        base = base.rsplit("-", 1)[0]
    base = base[:MAX_LENGTH].strip("-") or "clause"
    candidate, n = base, 2
    while candidate in taken:
        candidate, n = f"{base}-{n}", n + 1
    taken.add(candidate)
    return candidate


def _stem(word: str) -> str:
    return word.lower()[:5]


def title_words(titles: Mapping[str, Any]) -> list[str]:
    """Return every word of a role's titles in every language and form: the words a
    clause id leaves out (every clause of a Key Account Manager is about one)."""
    words: list[str] = []
    for title in titles.values():
        forms = title.values() if isinstance(title, Mapping) else getattr(
            title, "forms", {"": title}).values()
        words += [w for form in forms for w in str(form).split()]
    return words


def clause_id(texts: Mapping[str, str], taken: set[str], titles: Mapping[str, Any]) -> str:
    """Return a new id for a clause written in `texts` (language → text), as `import`
    names clauses: from the English text where there is one; add it to `taken`."""
    lang = "en" if texts.get("en", "").strip() else next(
        (k for k, v in texts.items() if v.strip()), "")
    return make_id(texts.get(lang, ""), taken, lang, skip=title_words(titles))
