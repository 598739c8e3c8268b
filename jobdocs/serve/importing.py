"""Import a job description by upload: a DOCX, Markdown or text document is read as
`jobdocs import` reads it; the page shows the role it made, clause by clause, with
the findings of the checks and of the import at the clause (or section) they are
about, and the rest (the title, the signatures) above; "Save" writes the role (and
the profile its signatures suggest) into the project."""

from __future__ import annotations

import tempfile
from bisect import bisect_right
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

from starlette.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

from ..errors import InvalidInput, JobdocsError, Problem
from ..files import FileChanged, write_atomic
from ..resolve import i18n
from ..resolve.frame import HEADINGS
from ..roles import loader
from ..roles.build import build_role
from . import chips, history
from .document import print_ahead
from .edit import remember
from .findings import localized
from .library import lines_of
from .newrole import LANGUAGES
from .pages import message, page, say, site_of, ui_language
from .security import csrf_ok
from .site import ROLE_ID, Site, check_candidate

#: The documents an upload may be, by the suffix of its name.
SUFFIXES = (".docx", ".md", ".txt")


async def import_page(request: Request) -> Response:
    if request.method != "POST":
        return page(request, "import.html", step=1, languages=LANGUAGES, refusal="")
    form = await request.form()
    fields = {k: v for k, v in form.items() if isinstance(v, str)}
    upload = form.get("document")
    data, name = b"", ""
    if isinstance(upload, UploadFile):
        data, name = await upload.read(), upload.filename or ""
    await form.close()
    return await run_in_threadpool(_import, request, fields, data, name)


def _import(request: Request, fields: dict[str, str], data: bytes, name: str) -> Response:
    site = site_of(request)
    if not csrf_ok(request, fields.get("csrf", "")):
        return message(request, 403, say(request,
            "The form expired or came from another site; reload the page and try again."))
    if fields.get("op") == "save":
        return _save(request, site, fields)
    suffix = Path(name).suffix.lower()
    if not data or suffix not in SUFFIXES:
        return page(request, "import.html", 422, step=1, languages=LANGUAGES, refusal=say(
            request, "Choose a Word document (.docx), or a Markdown or text file."))
    lang = fields.get("lang", "")
    from ..importer.document import import_document

    with tempfile.TemporaryDirectory(prefix="jobdocs-upload-") as folder:
        path = Path(folder) / f"document{suffix}"
        path.write_bytes(data)
        try:
            result = import_document(path, lang if lang in LANGUAGES else None)
        except JobdocsError as e:
            return page(request, "import.html", 422, step=1, languages=LANGUAGES,
                        refusal=_said(e, name))
        findings = [Problem(name, p.line, p.column, p.message, p.rule, p.severity)
                    for p in result.findings]
    role_id = _free(site, result.role_id)
    text = result.role_yaml.replace(f"\nid: {result.role_id}\n", f"\nid: {role_id}\n", 1)
    return _review(request, site, role_id, text, result.profile_yaml, findings, name,
                   places=result.places)


def _free(site: Site, role_id: str) -> str:
    taken, free, n = set(site.role_files()), role_id, 2
    while free in taken:
        free, n = f"{role_id}-{n}", n + 1
    return free


def _said(error: JobdocsError, name: str) -> str:
    if isinstance(error, InvalidInput) and error.problems:
        return f"{name}: {error.problems[0].message}"
    return f"{name}: {error}"


def place(line: int | None, places: Sequence[tuple[int, str, str]]) -> tuple[str, str]:
    """Return the (section key, clause id or "") a finding at a line of the imported
    document is about: the clause or heading on that line, or the one it continues;
    ("", "") for a line before the first section or after the last clause (the title,
    the signatures)."""
    if not line:
        return "", ""
    at = bisect_right([p[0] for p in places], line) - 1
    if at < 0 or (places[at][0] != line and at == len(places) - 1):
        return "", ""
    return places[at][1], places[at][2]


def _review(request: Request, site: Site, role_id: str, text: str, profile: str,
            report: list[Problem], name: str, status: int = 200, refusal: str = "",
            places: Sequence[tuple[int, str, str]] = ()) -> Response:
    """Show the role an import made: its clauses with the findings at each (the checks'
    and the import's), the rest of the import's report above."""
    path = site.local_dir / f"{role_id}.yaml"
    checked = list(dict.fromkeys(check_candidate(path, text, site.profile())))
    at: dict[str, list[Any]] = {}
    lang = ui_language(request)
    try:
        loaded = loader.parse(text, str(path))
        lines = lines_of(loaded)
        data: Any = loaded.data
    except JobdocsError:
        loaded, lines, data = None, [], {}
    shown, numbers = _shown(request, site, loaded)
    for p, f in zip(checked, localized(checked, lang, site), strict=True):
        clause = next((cid for first, cid in reversed(lines) if p.line and first <= p.line), "")
        at.setdefault(clause, []).append(f)
    unplaced: list[Any] = []  # the import's findings about no clause or section: above
    headed: dict[str, list[Any]] = {}  # about a section: at its heading
    for p, f in zip(report, localized(report, lang, site), strict=True):
        key, clause = place(p.line, places)
        if clause:
            at.setdefault(clause, []).append(f)
        elif key:
            headed.setdefault(key, []).append(f)
        else:
            unplaced.append(f)
    return page(request, "import.html", status, step=2, languages=LANGUAGES, role_id=role_id,
                text=text, profile=profile, document=name, at=at,
                clauses=clauses_of(data, shown), numbers=numbers,
                report=unplaced, headed=headed, refusal=refusal,
                errors=sum(p.severity == "error" for p in checked))


def _save(request: Request, site: Site, fields: dict[str, str]) -> Response:
    role_id, text = fields.get("role_id", ""), fields.get("text", "")
    profile = fields.get("profile", "")
    if not ROLE_ID.fullmatch(role_id) or role_id in site.role_files():
        return _review(request, site, _free(site, role_id or "role"), text, profile, [],
                       fields.get("name", ""), 409, say(
                           request, "That id is taken now; the role is shown under a free one."))
    path = site.local_dir / f"{role_id}.yaml"
    try:
        loaded = loader.parse(text, str(path))
    except InvalidInput as e:
        return message(request, 422, str(e.problems[0].message))
    if not isinstance(loaded.data, dict) or loaded.data.get("id") != role_id:
        return message(request, 422, say(request, "The form is damaged; reload the page."))
    try:
        write_atomic(path, text.encode("utf-8"), unchanged=lambda: not path.exists())
    except FileChanged:
        return _review(request, site, _free(site, role_id), text, profile, [],
                       fields.get("name", ""), 409, say(
                           request, "That id is taken now; the role is shown under a free one."))
    except OSError as e:
        return message(request, 500, say(request, "The file could not be written: %(why)s")
                       % {"why": e.strerror or str(e)})
    _suggested(site, role_id, profile)
    author = history.valid_name(fields.get("author", ""))
    history.record(site.folder, path, author, say(request, "%(role)s: imported from %(file)s")
                   % {"role": role_id, "file": fields.get("name", "")})
    print_ahead(request, role_id)
    return remember(RedirectResponse(f"/roles/{role_id}/edit?saved=1", 303), author)


def _suggested(site: Site, role_id: str, profile: str) -> None:
    """Write the profile the document's signatures suggest beside the roles, as `jobdocs
    import` does (never over one, never a damaged one)."""
    if not profile.strip():
        return
    target = site.local_dir / "organizations" / f"{role_id}.yaml"
    try:
        loader.parse(profile, str(target))
        target.parent.mkdir(exist_ok=True)
        write_atomic(target, profile.encode("utf-8"), unchanged=lambda: not target.exists())
    except (FileChanged, InvalidInput, OSError):
        pass


#: A clause's text as the preview shows it: (words, what the chip is) pieces, the note
#: "" for plain text.
Pieces = list[tuple[str, str]]


def _shown(request: Request, site: Site, loaded: loader.Loaded | None
           ) -> tuple[Callable[[str, str], Pieces], dict[str, str]]:
    """Return how the preview shows a text in a language: each template tag (a reference
    the import made, the title) as the chip it is in the editor, never as code; and
    each clause's number as it will print."""
    table: dict[str, Any] = {}
    numbers: dict[str, str] = {}
    if loaded is not None:
        try:
            role = build_role(loaded, keep_going=[])
            texts = [t for c in _all(role) for t in c.text.values()]
            table = chips.chips(role, role.languages, site.profile(), texts,
                                lambda s: say(request, s))
            numbers = chips.clause_numbers(role, site.profile())[0]
        except JobdocsError:
            table = {}

    def shown(text: str, lang: str) -> Pieces:
        known = table.get(lang, {}).get("chips", {})
        out = []
        for part, is_tag in chips.parts(text):
            words, note = known.get(part) or (part.strip("{}%# ").strip(), "")
            out.append((words, note or say(request, "Template code")) if is_tag
                       else (part, ""))
        return out

    return shown, numbers


def _all(role: Any) -> Iterator[Any]:
    for clauses in role.sections.values():
        for top in clauses:
            yield from top.walk()


def clauses_of(data: Any, shown: Callable[[str, str], Pieces]
               ) -> list[tuple[str, str, list[tuple[int, str, dict[str, Pieces]]]]]:
    """Return each section of a role file's data (key, heading: the role's own, or the
    built-in heading in the role's first language) with its clauses (depth, id, text per
    language as `shown`), in order."""
    sections = data.get("sections") if isinstance(data, dict) else None
    declared = data.get("declare_sections") or {} if isinstance(data, dict) else {}
    langs = data.get("languages") if isinstance(data, dict) else None
    t = i18n.translations(str(langs[0]) if isinstance(langs, list) and langs else "en")
    out = []
    for key, seq in (sections or {}).items():
        rows: list[tuple[int, str, dict[str, Pieces]]] = []
        _walk(seq, 0, rows, shown)
        heading = (declared.get(key) or {}).get("heading") if isinstance(declared, dict) else {}
        built_in = t.gettext(HEADINGS[key]) if key in HEADINGS else str(key)
        shown_heading = next(iter(heading.values()), built_in) if isinstance(
            heading, dict) else built_in
        out.append((str(key), str(shown_heading), rows))
    return out


def _walk(items: Any, depth: int, rows: list[tuple[int, str, dict[str, Pieces]]],
          shown: Callable[[str, str], Pieces]) -> None:
    for c in items if isinstance(items, list) else ():
        if isinstance(c, dict):
            text = c.get("text")
            rows.append((depth, str(c.get("id", "")), {str(k): shown(str(v), str(k))
                                                       for k, v in text.items()}
                         if isinstance(text, dict) else {}))
            for k in ("clauses", "items"):
                _walk(c.get(k), depth + 1, rows, shown)
