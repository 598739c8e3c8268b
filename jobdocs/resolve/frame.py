"""The wording of the document frame, resolved once for every writer.

Section headings and their lead-ins, the approval block, the heading
requisites, the author's signature, the visas, the acknowledgement and the
лист ознакомления: translated, dated and filled in here, so that the
Markdown template and the DOCX writer only lay them out.
"""

from __future__ import annotations

import datetime as dt
import gettext
from collections.abc import Mapping

from babel.dates import format_date

from ..config.organization import Organization, Person, localized
from ..model import DocHeading, Frame, Line, Sheet, SignedBlock, Title
from . import i18n
from .typography import NBSP


def N_(message: str) -> str:
    """Mark a message for extraction; it is translated when a document is built."""
    return message


HEADINGS = {
    "general": N_("General Provisions"),
    "duties": N_("Job Duties"),
    "rights": N_("Rights"),
    "responsibility": N_("Responsibility"),
    "evaluation": N_("Performance Evaluation Criteria"),
    "relationships": N_("Working Relationships"),
    "final": N_("Final Provisions"),
}
INTROS = {
    # Translators: {nominative}, {genitive}, {dative} stand for the job title
    # in that form; use any form your language declares in the "title forms"
    # message. A one-form language prints the title for each.
    "duties": N_("The {nominative} shall:"),
    "rights": N_("The {dative} has the right to:"),
    "responsibility": N_("The {nominative} is liable for:"),
    "evaluation": N_("The performance of the {genitive} is evaluated against "
                     "the following criteria:"),
}
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

    def date(self, value: dt.date | None) -> str:
        # CLDR's narrow no-break space («2026 г.») prints as nothing in the usual fonts.
        return i18n.format_date(value, self.lang, self.locale, self.folders).replace(
            "\u202f", NBSP)

    def short_date(self, value: dt.date | None) -> str:
        """Return a date in the short form a table cell has room for (22.11.2026)."""
        if value is None:
            return ""
        return format_date(value, "short", locale=self.locale).replace("\u202f", NBSP)

    def acknowledgement(self, gender: str) -> str:
        """Return the acknowledgement sentence, agreeing with the reader's gender where
        it is known («ознакомлена»), else neutral («ознакомлен(а)»)."""
        if gender == "f":
            return self.t.pgettext("a woman", "I have read this job description and received "
                                   "one copy:")
        if gender == "m":
            return self.t.pgettext("a man", "I have read this job description and received "
                                   "one copy:")
        return self._("I have read this job description and received one copy:")

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


def build_frame(*, lang: str, locale: str, title: Title, org: Organization, role_id: str,
                role_version: str, content_hash: str) -> Frame:
    """Return the frame of a job description of `title` in `lang` for `org`."""
    w = FrameWords(lang, locale, tuple(org.wording))
    forms = i18n.title_arguments(title)  # a translation may print any form its language has
    _ = w._
    short, full = localized(org.name, lang), localized(org.full_name, lang)
    approval = w.signed(_("APPROVED"), (
        w.line(localized(org.approver.position, lang), N_("(position)")),
        w.line(short or full, N_("(organization)")),
    ), org.approver)
    number = org.number.for_document(role_id, lang)
    if not number and lang in NUMBERED_FORMS:
        number = NO_NUMBER
    heading = DocHeading(
        # ГОСТ Р 7.0.97: the full name, and the short one in brackets under it.
        organization=((Line(full), Line(f"({short})")) if full and short else
                      (w.line(full or short, N_("(organization)")),)),
        kind=_("JOB DESCRIPTION"),
        date=w.date(org.date),
        number=_("No.") + " " + number if number else "",
        place=w.line(localized(org.place, lang), N_("(place)")),
        title=title.genitive,
        full_title=_("Job Description: {genitive}").format_map(forms),
    )
    author = w.signed(localized(org.author.position, lang) or _("Head of the structural unit"),
                      (), org.author)
    visas = org.agreements or (Person(),) * org.blank_agreements
    agreements = tuple(
        w.signed(_("AGREED"), (w.line(localized(p.position, lang), N_("(position)")),), p)
        for p in visas)
    employee = org.employee
    reader = Person(name=_as_map(employee.name), date=employee.date) if employee else Person()
    acknowledgement = w.signed(w.acknowledgement(employee.gender if employee else ""), (),
                               reader)
    columns = (w.t.pgettext("acknowledgement table", "No."), _("Full name"), _("Position"),
               _("Date of acknowledgement"), _("Signature"))
    # The sheet names its document: title, date and number, as the heading gives them.
    when = heading.date if org.date else w.t.pgettext("within a line", "«__» __________ 20__")
    dated = " ".join(filter(None, [_("dated %(date)s") % {"date": when}, heading.number]))
    sheet = Sheet(
        title=_("ACKNOWLEDGEMENT SHEET"),
        subtitle=(_("for the job description of the {genitive}").format_map(forms), dated),
        columns=columns,
        rows=_rows(w, org),
    )
    facts = {"role": role_id, "version": role_version, "hash": content_hash}
    return Frame(
        approval=approval, heading=heading, author=author, agreements=agreements,
        acknowledgement=acknowledgement, sheet=sheet,
        trace=_("Role %(role)s, version %(version)s, content %(hash)s") % facts,
        generated=_("Generated by jobdocs from role %(role)s version %(version)s, "
                    "content %(hash)s.") % facts,
    )

