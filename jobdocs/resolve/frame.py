"""The frame of a document, resolved once for every writer.

The frame (jobdocs/frame: a preset, or a company's definition over one) says
which blocks the document has and how they are worded; here each block is
translated, dated and filled in from the profile and the role, so that the
Markdown template, the DOCX writer, the redline and serve's page only lay
them out.
"""

from __future__ import annotations

import datetime as dt
import gettext
from collections.abc import Mapping

from babel.dates import format_date

from ..config.organization import Organization, Person, localized
from ..frame import FrameSpec, Msg, Wording, fill
from ..frame.presets import RU_GOST
from ..frame.printed import DocHeading, Frame, Line, Sheet, SignedBlock
from ..house_style import HouseStyle
from ..model import CASES, Role, Title
from . import i18n
from .typography import NBSP


def N_(message: str) -> str:
    """Mark a message for extraction; it is translated when a document is built."""
    return message


#: The built-in sections' ГОСТ headings, as catalog messages (a document's own come from
#: its frame: `doc.sections[n].heading`; jobdocs/frame `frame_spec(...).headings`).
HEADINGS = {key: words.msgid for key, words in RU_GOST["sections"]["headings"].items()}


def pgettext(context: str, message: str) -> str:
    """Mark a message with its context for extraction (the lookup is FrameWords.agreed)."""
    return message


#: The acknowledgement agreed in gender with a reader who is known: the same message in
#: the context "a woman" or "a man" («ознакомлена», «ознакомлен»).
AGREED = (
    pgettext("a woman", "I have read this job description and received one copy:"),
    pgettext("a man", "I have read this job description and received one copy:"),
)

#: What the number line prints where no number is given, in the languages whose paper
#: form has a registration number to fill in (ГОСТ Р 7.0.97: регистрационный номер);
#: elsewhere a document without a number prints none.
NO_NUMBER = "________"
NUMBERED_FORMS = frozenset({"ru"})


class FrameWords:
    """Translate and date the frame of one document in one language."""

    def __init__(self, lang: str, locale: str, folders: tuple[str, ...] = ()) -> None:
        self.lang = lang
        self.locale = locale
        self.folders = folders  # a company's wording, searched before the packaged catalogs
        self.t: gettext.GNUTranslations = i18n.translations(lang, folders)

    def _(self, message: str) -> str:
        return self.t.gettext(message)

    def say(self, words: Wording, values: Mapping[str, str] | None = None) -> str:
        """Return a frame's wording in this language, with the values it names filled in."""
        text = words.text(self.lang, self.t)
        return fill(text, values) if values else text

    def date(self, value: dt.date | None) -> str:
        # CLDR's narrow no-break space («2026 г.») prints as nothing in the usual fonts.
        return i18n.format_date(value, self.lang, self.locale, self.folders).replace(
            "\u202f", NBSP)

    def short_date(self, value: dt.date | None) -> str:
        """Return a date in the short form a table cell has room for (22.11.2026)."""
        if value is None:
            return ""
        return format_date(value, "short", locale=self.locale).replace("\u202f", NBSP)

    def agreed(self, words: Wording, gender: str) -> str:
        """Return a sentence the reader says of themself, agreeing with their gender where
        it is known («ознакомлена»), else neutral («ознакомлен(а)»)."""
        neutral = self.say(words)
        if gender in ("f", "m") and isinstance(words, Msg):
            context = "a woman" if gender == "f" else "a man"
            agreed = self.t.pgettext(context, words.msgid)
            return neutral if agreed == words.msgid else agreed
        return neutral

    def line(self, value: str, caption: str) -> Line:
        """Return a line holding `value`, or a blank with its translated caption."""
        return Line(value) if value else Line("", self._(caption))

    def signed(self, title: str, lines: tuple[Line, ...], person: Person) -> SignedBlock:
        """Return a block signed by `person` (a blank signature when the name is unknown)."""
        return SignedBlock(title=title, lines=lines, name=localized(person.name, self.lang),
                           sign_caption=self._("(signature)"),
                           name_caption=self._("(full name)"), date=self.date(person.date))


def _as_map(value: str | Mapping[str, str]) -> Mapping[str, str]:
    return value if isinstance(value, Mapping) else {"*": value}


def _rows(w: FrameWords, org: Organization) -> tuple[tuple[str, ...], ...]:
    """Return the sheet's rows: one per employee of the staff list, then blank ones up to
    the profile's number of rows."""
    rows = [(str(n), localized(e.name, w.lang), localized(e.position, w.lang),
             w.short_date(e.date), "") for n, e in enumerate(org.staff, start=1)]
    first_blank = len(rows) + 1
    rows += [(str(n), "", "", "", "") for n in range(first_blank, org.acknowledgement_rows + 1)]
    return tuple(rows)


def title_values(title: Title, organization: str = "") -> dict[str, str]:
    """Return what a frame's words may name: each form of the title (a form the title
    lacks prints its nominative) and the organization."""
    forms = {case: title.forms.get(case, title.forms["nominative"]) for case in CASES}
    return {**forms, "organization": organization}


def _organization(w: FrameWords, spec: FrameSpec, org: Organization) -> tuple[Line, ...]:
    """Return the letterhead's lines: ГОСТ Р 7.0.97's full name with the short one in
    brackets under it, or the short name alone; a blank to fill in, or nothing."""
    short, full = localized(org.name, w.lang), localized(org.full_name, w.lang)
    if spec.letterhead_full and full and short:
        return Line(full), Line(f"({short})")
    name = (full or short) if spec.letterhead_full else (short or full)
    if name or spec.letterhead_blank:
        return (w.line(name, N_("(organization)")),)
    return ()


def build_frame(*, spec: FrameSpec, lang: str, locale: str, title: Title, org: Organization,
                role: Role, officers: Mapping[str, Title], content_hash: str) -> Frame:
    """Return the frame `spec` of a job description of `title` in `lang` for `org`."""
    from .lines import fields, marked, signatures, statements

    w = FrameWords(lang, locale, tuple(org.wording))
    on = set(spec.blocks)
    _ = w._
    short = localized(org.name, lang)
    title = marked(w, spec, title)
    values = title_values(title, short or _("the Company"))
    approval = None
    if "approval" in on:
        approval = w.signed(w.say(spec.approval_title), (
            w.line(localized(org.approver.position, lang), N_("(position)")),
            w.line(short or localized(org.full_name, lang), N_("(organization)")),
        ), org.approver)
    number = org.number.for_document(role.id, lang)
    if not number and lang in NUMBERED_FORMS and spec.heading_form == "gost":
        number = NO_NUMBER
    heading = DocHeading(
        organization=_organization(w, spec, org),
        kind=w.say(spec.kind, values),
        date=w.date(org.date),
        number=_("No.") + " " + number if number else "",
        place=w.line(localized(org.place, lang), N_("(place)")),
        title=values["genitive"],
        full_title=w.say(spec.full_title, values),
    )
    author = None
    if "author" in on:
        author = w.signed(localized(org.author.position, lang) or w.say(spec.author_title),
                          (), org.author)
    agreements: tuple[SignedBlock, ...] = ()
    if "agreements" in on:
        visas = org.agreements or (Person(),) * org.blank_agreements
        agreements = tuple(w.signed(w.say(spec.agreements_title), (
            w.line(localized(p.position, lang), N_("(position)")),), p) for p in visas)
    employee = org.employee
    acknowledgement = None
    if "acknowledgement" in on:
        reader = Person(name=_as_map(employee.name), date=employee.date) if employee else Person()
        acknowledgement = w.signed(w.agreed(spec.acknowledgement,
                                            employee.gender if employee else ""), (), reader)
    facts = {"role": role.id, "version": role.version, "hash": content_hash}
    return Frame(
        approval=approval, heading=heading, author=author, agreements=agreements,
        acknowledgement=acknowledgement,
        sheet=_sheet(w, org, heading, values) if "sheet" in on else None,
        trace=_trace(w, spec, facts),
        generated=_("Generated by jobdocs from role %(role)s version %(version)s, "
                    "content %(hash)s.") % facts,
        name=spec.name,
        blocks=spec.blocks,
        approval_align=spec.approval_align,
        heading_form=spec.heading_form,
        fields=fields(w, spec, title, org, role, officers),
        numbered=spec.numbered,
        statements=statements(w, spec, values) if "statements" in on else (),
        signatures=signatures(w, spec, org, role) if "signatures" in on else (),
        look=HouseStyle(page=spec.page, font=spec.font, paragraphs=spec.paragraphs),
    )


def _sheet(w: FrameWords, org: Organization, heading: DocHeading,
           values: Mapping[str, str]) -> Sheet:
    """Return the лист ознакомления, naming its document: title, date and number, as the
    heading gives them."""
    _ = w._
    columns = (w.t.pgettext("acknowledgement table", "No."), _("Full name"), _("Position"),
               _("Date of acknowledgement"), _("Signature"))
    when = heading.date if org.date else w.t.pgettext("within a line", "«__» __________ 20__")
    dated = " ".join(filter(None, [_("dated %(date)s") % {"date": when}, heading.number]))
    return Sheet(
        title=_("ACKNOWLEDGEMENT SHEET"),
        subtitle=(fill(_("for the job description of the {genitive}"), values), dated),
        columns=columns,
        rows=_rows(w, org),
    )


def _trace(w: FrameWords, spec: FrameSpec, facts: Mapping[str, str]) -> str:
    """Return the footer line that ties a printed page to its inputs, or "" for none."""
    if spec.trace is None:
        return ""
    if isinstance(spec.trace, Msg):
        return w.say(spec.trace) % facts
    return w.say(spec.trace, facts)
