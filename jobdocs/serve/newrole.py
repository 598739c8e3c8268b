"""A new role in the browser: from scratch or extending one, through a short form.

Step one asks for the title in each language the role is written in (and the
role it extends, if any); step two proposes the id, the title's forms (Russian
cases by pymorphy3 with the `morph` extra) and, for a role from scratch, the
first clause of each section the house style requires, written with the chips
of the editor (the title in its forms, the law: jobdocs.serve.chips). The role is
written only when it passes the checks of `jobdocs validate`, never over another
file.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

from ..errors import JobdocsError
from ..files import FileChanged, write_atomic
from ..importer import ids, yaml_out
from ..model import SectionRules
from ..resolve import i18n, inflect
from ..resolve.frame import HEADINGS
from ..roles import loader
from ..roles.build import build_role
from ..roles.yamledit import EditError
from . import chips, history
from .document import print_ahead
from .draft import CLAUSE_ID
from .edit import refusal, remember
from .findings import localized
from .pages import message, page, say, site_of, ui_language
from .security import csrf_ok
from .site import ROLE_ID, Site, check_candidate
from .ui import tr

#: The languages a role can be written in here (jobdocs has their documents' catalogs).
LANGUAGES = ("ru", "en", "de", "sv")


async def new_role(request: Request) -> Response:
    form = await request.form() if request.method == "POST" else None
    fields = {k: v.strip() for k, v in form.items() if isinstance(v, str)} if form else {}
    return await run_in_threadpool(_new, request, fields, form is not None)


def _new(request: Request, fields: dict[str, str], posted: bool) -> Response:
    site = site_of(request)
    if not site.local_dir.is_dir():
        return message(request, 403, say(request,
            "The project has no roles folder of its own to write a role into."))
    if not posted:
        return _form(request, site, fields, step=1)
    if not csrf_ok(request, fields.get("csrf", "")):
        return message(request, 403, say(request,
            "The form expired or came from another site; reload the page and try again."))
    langs = [lang for lang in LANGUAGES if fields.get(f"title.{lang}")]
    parent = fields.get("extends", "")
    if parent and site.entry(parent) is None:
        parent = ""
    if not langs:
        return _form(request, site, fields, step=1, status=422, refusal=say(
            request, "Give the title in at least one language."))
    try:
        _unmark(request, site, fields, langs)
    except EditError as e:
        return _form(request, site, fields, 2, 422, refusal(request, e))
    if fields.get("op") != "create":
        return _form(request, site, _proposed(site, fields, langs), step=2)
    return _create(request, site, fields, langs, parent)


def _proposed(site: Site, fields: dict[str, str], langs: list[str]) -> dict[str, str]:
    """Return the form with the id and the title's forms proposed where still empty."""
    out = dict(fields)
    first = fields.get("title.en") or fields[f"title.{langs[0]}"]
    if not out.get("id"):
        taken = set(site.role_files())
        base, n = ids.slug(first), 2
        out["id"] = base
        while out["id"] in taken:
            out["id"], n = f"{base}-{n}", n + 1
    for lang in langs:
        title = fields[f"title.{lang}"]
        forms = i18n.title_forms(lang)
        proposal: Mapping[str, str] = {}
        if lang == "ru" and len(forms) > 1 and inflect.available():
            try:
                proposal = inflect.propose(title[:1].lower() + title[1:])
            except inflect.CannotInflect:
                proposal = {}
        for form in forms:
            key = f"form.{lang}.{form}"
            if not out.get(key):
                out[key] = proposal.get(form, title if form == "nominative" else "")
    return out


def required_sections(site: Site) -> list[str]:
    """Return the sections the house style requires a role to fill, in printed order."""
    rules = site.profile().section_rules or SectionRules()
    return [k for k in rules.order if k in rules.required]


def _form(request: Request, site: Site, fields: dict[str, str], step: int, status: int = 200,
          refusal: str = "", problems: tuple[Any, ...] = ()) -> Response:
    lang = ui_language(request)
    langs = [x for x in LANGUAGES if fields.get(f"title.{x}")]
    first = langs[0] if langs else lang
    t = i18n.translations(lang if lang in LANGUAGES else first)
    sections = [(k, t.gettext(HEADINGS[k]) if k in HEADINGS else k)
                for k in required_sections(site)]
    data = _chips(request, site, fields, langs) if step == 2 and not fields.get(
        "extends") else {}
    shown = {}  # clause.KEY.LANG → its text with the chips in brackets, the pairs undoing them
    for key, _ in sections:
        for x in langs:
            words, pairs = chips.marked(fields.get(f"clause.{key}.{x}", ""),
                                        chips.labels(data, x))
            kept = fields.get(f"chips.clause.{key}.{x}", "") if chips.OPEN in words else ""
            shown[f"{key}.{x}"] = (words, json.dumps(pairs, ensure_ascii=False)
                                   if pairs else kept)
    return page(request, "new_role.html", status, fields=fields, step=step, langs=langs,
                shown=shown, chips_json=json.dumps(data, ensure_ascii=False).replace(
                    "</", "<\\/"),
                all_langs=LANGUAGES, roles=sorted(site.role_files()), sections=sections,
                forms={x: i18n.title_forms(x) for x in langs}, refusal=refusal,
                problems=localized(problems, lang, site), morph=inflect.available())


def _create(request: Request, site: Site, fields: dict[str, str], langs: list[str],
            parent: str) -> Response:
    role_id = fields.get("id", "")
    if not ROLE_ID.fullmatch(role_id) or not CLAUSE_ID.fullmatch(role_id):
        return _form(request, site, fields, 2, 422, say(request, tr(
            "An id is lowercase letters, digits and hyphens, like 'key-account-manager'.")))
    if role_id in site.role_files():
        return _form(request, site, fields, 2, 409, say(
            request, "There is already a role with the id %(id)s: choose another.") % {
            "id": role_id})
    text = yaml_out.dump(_data(site, fields, langs, parent, role_id))
    path = site.local_dir / f"{role_id}.yaml"
    problems = tuple(p for p in check_candidate(path, text, site.profile())
                     if p.severity == "error")
    if problems:
        return _form(request, site, fields, 2, 422, say(
            request, "The role is not valid yet, so it was not written:"), problems)
    try:
        write_atomic(path, text.encode("utf-8"), unchanged=lambda: not path.exists())
    except FileChanged:
        return _form(request, site, fields, 2, 409, say(
            request, "There is already a role with the id %(id)s: choose another.") % {
            "id": role_id})
    except OSError as e:
        return message(request, 500, say(request, "The file could not be written: %(why)s")
                       % {"why": e.strerror or str(e)})
    author = history.valid_name(fields.get("author", ""))
    history.record(site.folder, path, author, say(request, "%(role)s: a new role") % {
        "role": role_id})
    print_ahead(request, role_id)
    return remember(RedirectResponse(f"/roles/{role_id}", 303), author)


def _data(site: Site, fields: dict[str, str], langs: list[str], parent: str,
          role_id: str) -> dict[str, Any]:
    titles: dict[str, Any] = {}
    for lang in langs:
        forms = {f: fields.get(f"form.{lang}.{f}", "") for f in i18n.title_forms(lang)}
        titles[lang] = forms if len(forms) > 1 else forms.get("nominative") or fields[
            f"title.{lang}"]
    data: dict[str, Any] = {"format": 2, "id": role_id, "version": "1.0"}
    if parent:
        data["extends"] = parent
    data |= {"languages": langs, "title": titles}
    if parent:
        return data
    taken: set[str] = set()
    sections: dict[str, Any] = {}
    for key in required_sections(site):
        texts = {lang: fields.get(f"clause.{key}.{lang}", "") for lang in langs}
        if any(texts.values()):
            sections[key] = [{"id": ids.clause_id(texts, taken, titles), "text": texts}]
    data["sections"] = sections
    return data


def _chips(request: Request, site: Site, fields: Mapping[str, str], langs: list[str]
           ) -> dict[str, Any]:
    """Return the chips the first clauses may hold (the title in its forms, the law), per
    language, from the role the form would make: none while its title is incomplete."""
    data = _data(site, dict(fields), langs, "", "new-role")
    data["sections"] = {k: [{"id": f"clause-{i}", "text": dict.fromkeys(langs, ".")}]
                        for i, k in enumerate(required_sections(site))}
    try:
        role = build_role(loader.parse(yaml_out.dump(data), "new-role.yaml"))
    except JobdocsError:
        return {}
    texts = [v for k, v in fields.items() if k.startswith("clause.")]
    out = chips.chips(role, langs, site.profile(), texts, lambda s: say(request, s))
    for menu in out.values():  # the other clauses have no ids yet: nothing to refer to
        menu["menu"] = [g for g in menu["menu"] if not any("ref(" in s for s in g[1])]
    return out


def _unmark(request: Request, site: Site, fields: dict[str, str], langs: list[str]) -> None:
    """Give the chips a page without a script showed in brackets their tags back."""
    menus: dict[str, dict[str, str]] | None = None
    for name, text in list(fields.items()):
        if not name.startswith("clause.") or (chips.OPEN not in text
                                              and chips.CLOSE not in text):
            continue
        lang = name.rpartition(".")[2]
        pairs = chips.read_pairs(fields.get(f"chips.{name}", ""))
        if menus is None:
            data = _chips(request, site, fields, langs)
            menus = {x: chips.menu_words(data, x) for x in langs}
        fields[name] = chips.unmarked(text, pairs, menus.get(lang, {}))
