"""Compare two roles, or one role at two git revisions: word diff, and the Word redline."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlencode

from starlette.requests import Request
from starlette.responses import Response

from ..diff import RoleDiff, diff_roles
from ..diff.changes import LangDiff
from ..diff.labels import KINDS
from ..errors import InvalidInput, JobdocsError
from ..formats import FORMATS
from ..model import Role
from ..roles import git as gitsource
from . import ui
from .chips import CASE_NAMES
from .pages import message, page, say, site_of, ui_language
from .security import valid_revision
from .site import Site
from .ui import tr

#: How many commits of a role file the revision lists offer.
HISTORY = 30


@dataclass(frozen=True)
class Commit:
    rev: str
    date: str
    subject: str


@dataclass(frozen=True)
class Sides:
    """What a compare request names, loaded: both roles, labels, and who changed it."""

    old: Role
    new: Role
    old_label: str
    new_label: str
    author: str = ""
    date: dt.datetime | None = None


class Refused(Exception):
    """A request the compare page cannot answer, with what to tell the person."""

    def __init__(self, text: str, status: int = 400) -> None:
        super().__init__(text)
        self.text = text
        self.status = status


def history(path: Path) -> list[Commit]:
    """Return the latest commits that changed a role file (none outside git)."""
    try:
        out = subprocess.run(
            ["git", "log", f"-n{HISTORY}", "--format=%h%x09%as%x09%s", "--", os.path.relpath(
                path)], capture_output=True, check=False, timeout=20)
    except (OSError, subprocess.TimeoutExpired, ValueError):
        return []
    if out.returncode != 0:
        return []
    lines = out.stdout.decode("utf-8", "replace").splitlines()
    return [Commit(*line.split("\t", 2)) for line in lines if line.count("\t") >= 2]


def load_sides(site: Site, request: Request) -> Sides | None:
    """Return the two sides a request names, None when it names none yet."""
    q = request.query_params
    if q.get("a") and q.get("b"):
        a, b = site.entry(q["a"]), site.entry(q["b"])
        if a is None or b is None:
            raise Refused(say(request, "There is no role with that id."), 404)
        if a.role is None or b.role is None:
            raise Refused(say(request, "Both roles must be valid to be compared."), 422)
        return Sides(a.role, b.role, a.id, b.id)
    if not (q.get("role") and q.get("from")):
        return None
    entry = site.entry(q["role"])
    if entry is None:
        raise Refused(say(request, "There is no role with that id."), 404)
    revs = [q["from"], q.get("to", "")]
    for rev in revs:
        if rev and (not valid_revision(rev) or not gitsource.is_revision(rev)):
            raise Refused(say(request, "'%(rev)s' is not a git revision of this project.")
                          % {"rev": rev})
    path = os.path.relpath(entry.path)
    old = gitsource.load_at(revs[0], path)
    if revs[1]:
        new = gitsource.load_at(revs[1], path)
        author, date = gitsource.Revision(revs[1]).author_and_date(Path(path))
    elif entry.role is None:
        raise Refused(say(request, "Both roles must be valid to be compared."), 422)
    else:
        new, author, date = entry.role, "", None
    now = say(request, "as it is now")
    return Sides(old, new, f"{entry.id} @ {revs[0]}", f"{entry.id} @ {revs[1] or now}",
                 author, date)


def _diff(request: Request) -> tuple[Sides | None, RoleDiff | None, str]:
    site = site_of(request)
    sides = load_sides(site, request)
    if sides is None:
        return None, None, ""
    common = [lang for lang in sides.new.languages if lang in sides.old.languages]
    lang = request.query_params.get("lang", "")
    if lang not in common:
        ui_lang = ui_language(request)
        lang = ui_lang if ui_lang in common else (common[0] if common else "")
    if not lang:
        raise Refused(say(request,
            "The two versions have no language in common."), 422)
    # The profile `jobdocs diff` compares with here: the settings' finished profile.
    return sides, diff_roles(sides.old, sides.new, [lang], site.profile()), lang


def compare(request: Request) -> Response:
    site = site_of(request)
    try:
        sides, result, lang = _diff(request)
    except Refused as e:
        return message(request, e.status, e.text)
    except InvalidInput as e:
        return message(request, 422, "; ".join(str(p) for p in e.problems[:5]))
    except JobdocsError as e:
        return message(request, 422, str(e))
    q = request.query_params
    role_id = q.get("role") or q.get("a") or ""
    entry = site.entry(role_id) if role_id else None
    commits = history(entry.path) if entry else []
    return page(request, "compare.html", ids=sorted(site.role_files()), sides=sides,
                summary=summary, field_label=field_label, field_value=field_value,
                diff=result, lang=lang, q=q, commits=commits, role_id=role_id,
                query=urlencode([(k, v) for k, v in q.multi_items() if k != "lang"]))


def summary(d: LangDiff, lang: str) -> str:
    """Return "1 clause added, 2 clauses changed" in the interface language, each number
    with its word's plural form."""
    t = ui.catalog(lang)
    n = {k: sum(c.kind == k for c in d.changes) for k in KINDS}
    parts = [t.ngettext("%(num)d clause added", "%(num)d clauses added", n["added"]),
             t.ngettext("%(num)d clause changed", "%(num)d clauses changed", n["changed"]),
             t.ngettext("%(num)d clause moved", "%(num)d clauses moved", n["moved"]),
             t.ngettext("%(num)d clause removed", "%(num)d clauses removed", n["removed"]),
             t.ngettext("%(num)d reference renumbered", "%(num)d references renumbered",
                        n["references"])]
    counts = [text % {"num": n[k]} for k, text in zip(KINDS, parts, strict=True) if n[k]]
    return ", ".join(counts) if counts or d.fields else t.gettext("No changes.")


def field_label(name: str, lang: str) -> str:
    """Return what a changed field is, in the interface language ("Job title, genitive")."""
    say = ui.catalog(lang).gettext
    key, _, rest = name.partition(".")
    if key == "title":
        return say(tr("Job title")) + (f", {say(CASE_NAMES[rest])}" if rest in CASE_NAMES
                                       else f" ({rest})" if rest else "")
    labels = {"section": tr("Section"), "version": tr("Version"), "id": tr("Id"),
              "languages": tr("Languages"), "extends": tr("Parent role")}
    return say(labels[key]) if key in labels else name


def field_value(name: str, value: str, lang: str) -> str:
    """Return a changed field's value as a person reads it (languages by name)."""
    if name != "languages" or not value:
        return value
    return ", ".join(ui.language_name(code.strip(), lang) for code in value.split(","))


def redline_download(request: Request) -> Response:
    try:
        sides, result, lang = _diff(request)
    except Refused as e:
        return message(request, e.status, e.text)
    except JobdocsError as e:
        return message(request, 422, str(e))
    if sides is None or result is None:
        return message(request, 400, say(request,
            "Choose the two versions to compare first."))
    from ..diff.redline import redline

    # As `jobdocs diff -f docx`: the profile's date, else NEW's commit; its letterhead.
    org = site_of(request).profile()
    data = redline(result, author=sides.author or "jobdocs", date=org.date or sides.date,
                   lang=lang, reference_doc=site_of(request).letterhead(org))
    name = f"{sides.new.id}.{lang}.redline.docx"
    return Response(data, media_type=FORMATS["docx"].media_type,
                    headers={"content-disposition": f'attachment; filename="{name}"'})
