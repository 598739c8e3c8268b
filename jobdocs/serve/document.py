"""A role as it prints, in HTML from the same Document as Markdown and DOCX, and its files."""

from __future__ import annotations

from collections.abc import Iterator
from importlib import import_module

from starlette.requests import Request
from starlette.responses import Response

from ..errors import InvalidInput, JobdocsError
from ..formats import FORMATS, file_name
from ..model import Document
from ..production.documents import produce
from ..resolve import resolve
from . import ahead
from .ahead import Ahead, Source
from .pages import message, page, say, site_of, ui_language
from .site import Entry, Site


def formats() -> tuple[str, ...]:
    """Return the formats of the registry this machine can make (a printed one, PDF,
    needs its printer: LibreOffice)."""
    return tuple(name for name, spec in FORMATS.items()
                 if not spec.printed_from or import_module(spec.writer).available())


def choose(request: Request, site: Site, entry: Entry) -> tuple[str, str]:
    """Return the document language and organization key a request asks for."""
    assert entry.role is not None
    langs = entry.role.languages
    lang = request.query_params.get("lang", "")
    if lang not in langs:
        ui_lang = ui_language(request)
        lang = ui_lang if ui_lang in langs else langs[0]
    org = request.query_params.get("org")
    if org is None or (org and org not in site.organizations()):
        org = site.default_organization()
    return lang, org


def build(site: Site, entry: Entry, lang: str, org_key: str) -> Document:
    assert entry.role is not None
    return resolve(entry.role, lang, site.organization(org_key))


def find(request: Request) -> tuple[Site, Entry | None, Response | None]:
    """Return the role a URL names, or the page that says why there is none."""
    site = site_of(request)
    entry = site.entry(request.path_params["role_id"])
    if entry is None:
        return site, None, message(request, 404, say(request, "There is no role with that id."))
    return site, entry, None


def role_page(request: Request) -> Response:
    site, entry, refused = find(request)
    if refused:
        return refused
    assert entry is not None
    if entry.role is None:
        return page(request, "broken.html", 200, entry=entry, relative=site.relative,
                    problems=())
    lang, org = choose(request, site, entry)
    try:
        doc = build(site, entry, lang, org)
    except JobdocsError as e:
        problems = e.problems if isinstance(e, InvalidInput) else ()
        return page(request, "broken.html", 200, entry=entry, relative=site.relative,
                    error=str(e), problems=problems)
    return page(request, "role.html", entry=entry, role=entry.role, doc=doc, lang=lang,
                org=org, organizations=site.organization_names(ui_language(request)),
                formats=formats())


def download(request: Request) -> Response:
    site, entry, refused = find(request)
    if refused:
        return refused
    assert entry is not None
    fmt = request.query_params.get("format", "")
    if entry.role is None or fmt not in formats():
        return message(request, 400, say(request, "That download is not available."))
    lang, org = choose(request, site, entry)
    try:
        asked = request.query_params.get("lang")
        if asked is not None:  # a file in a language the role is not written in: none
            entry.role.require_language(asked)
        profile = site.organization(org)
        doc = resolve(entry.role, lang, profile)
        source = FORMATS[fmt].printed_from
        data = (printer(request).printed(fmt, produce(doc, source, site.letterhead(profile)),
                                       stem(doc))
                if source else produce(doc, fmt, site.letterhead(profile)))
    except JobdocsError as e:
        return message(request, 422, str(e))
    name = file_name(entry.id, lang, fmt)
    return Response(data, media_type=FORMATS[fmt].media_type,
                    headers={"content-disposition": f'attachment; filename="{name}"'})


def printer(request: Request) -> Ahead:
    """Return the server's printed files made ahead (jobdocs.serve.ahead)."""
    printed: Ahead = request.app.state.ahead
    return printed


def stem(doc: Document) -> str:
    """Return the name a printed document is printed under (as render prints it)."""
    return f"{doc.role_id}.{doc.lang}"


def print_ahead(request: Request, role_id: str) -> None:
    """After a save: print the role's printed formats (PDF) in the background, in each of
    its languages for the default organization, so that their download answers at once."""
    site = site_of(request)
    printed = [name for name in formats() if FORMATS[name].printed_from]
    if printed:
        printer(request).schedule(role_id, lambda: _sources(site, role_id, printed))


def _sources(site: Site, role_id: str, printed: list[str]) -> Iterator[Source]:
    """Yield what printing a role ahead prints (nothing for a role that is not valid,
    or whose file is larger than printing ahead takes)."""
    entry = site.entry(role_id)
    if entry is None or entry.role is None or entry.errors:
        return
    try:
        if entry.path.stat().st_size > ahead.MAX_SOURCE:
            return
    except OSError:
        return
    org = site.default_organization()
    for lang in entry.role.languages:
        try:
            doc = build(site, entry, lang, org)
            profile = site.organization(org)
        except JobdocsError:
            continue
        for fmt in printed:
            yield fmt, produce(doc, FORMATS[fmt].printed_from, site.letterhead(profile)), stem(doc)
