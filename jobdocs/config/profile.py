"""Load an organization profile and apply one-off `--set key=value` values."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

from ..errors import InvalidInput, Problem, UsageError
from ..intake import reader
from ..model import Mark
from ..roles import loader, sections
from ..roles.profile_schema import ORGANIZATION_SCHEMA
from ..roles.schema_check import check
from . import numbers
from .organization import Organization, from_data


def load_organization(path: Path | str | None = None, settings: Sequence[str] = (),
                      within: Path | None = None) -> Organization:
    """Return the organization profile at `path` (or an empty one) with `settings`
    (`key=value`, dotted keys such as `approver.name.ru=И.И. Иванов`) applied.

    With `within` (the project's folder, for a profile the project names), the
    profile and the files it names (reference document, wording, number register)
    must lie inside that folder, links resolved: each one outside is a finding."""
    if path is not None:
        loaded = loader.load(path, reader.PROFILE, within)
        if loaded.data is None:
            loaded.data = {}
    else:
        loaded = loader.Loaded("--set", {})
    if not isinstance(loaded.data, dict):
        raise InvalidInput(loaded.problem((), "an organization profile is a mapping of keys "
                                          "such as name, approver, date", "type"))
    if path is not None and {"sections", "title"} <= loaded.data.keys():
        # A role given as the profile (--org roles/x.yaml): say so, not a line per key.
        raise InvalidInput(loaded.problem((), "this is a role file, not an organization "
                                          "profile: give the role as ROLE, and a profile "
                                          "(name, approver, date...) with --org", "type"))
    for setting in settings:
        _apply(loaded, setting)
    problems = check(loaded, ORGANIZATION_SCHEMA)
    problems += _locales(loaded)
    reference = loaded.data.get("reference_doc")
    if isinstance(reference, str) and reference and path is not None:
        # A path in the profile is relative to the profile, wherever jobdocs runs.
        full = Path(path).parent / reference
        loaded.data["reference_doc"] = str(full)
        if _inside(loaded, "reference_doc", full, within, problems) and not full.is_file():
            problems.append(loaded.problem(("reference_doc",), f"reference_doc: no such file "
                                           f"{full}", "io"))
    wording = loaded.data.get("wording")
    if isinstance(wording, str) and wording and path is not None:
        full = Path(path).parent / wording  # relative to the profile, like reference_doc
        loaded.data["wording"] = [str(full)]
        if _inside(loaded, "wording", full, within, problems) and not full.is_dir():
            problems.append(loaded.problem(("wording",), f"wording: no such folder {full}",
                                           "io"))
    elif isinstance(wording, str):
        loaded.data["wording"] = [wording]
    if problems:
        raise InvalidInput(problems)
    base = Path(path).parent if path is not None else None
    number = numbers.from_data(loaded.data.get("number"), base, loaded.problem, within)
    return replace(from_data(loaded.data, str(path or ""), number),
                   declared=sections.declarations(loaded, "profile"),
                   section_rules=sections.rules(loaded))


def _locales(loaded: loader.Loaded) -> list[Problem]:
    """Return a finding for each locale Babel does not know (it would fail every date)."""
    from babel import Locale, UnknownLocaleError

    locales = loaded.data.get("locale")
    out = []
    for lang, value in (locales.items() if isinstance(locales, dict) else ()):
        try:
            Locale.parse(str(value))
        except (ValueError, TypeError, UnknownLocaleError):
            out.append(loaded.problem(("locale", lang), f"locale.{lang}: {str(value)[:40]!r} is "
                                      "not a locale Babel knows; write one such as en_GB",
                                      "locale"))
    return out


def _inside(loaded: loader.Loaded, key: str, full: Path, within: Path | None,
            problems: list[Problem]) -> bool:
    """Whether `full`, which the profile's `key` names, lies inside `within` (when given);
    add a finding when it does not."""
    if within is None or full.resolve().is_relative_to(within.resolve()):
        return True
    problems.append(loaded.problem((key,), f"{key}: {full} is outside the project folder "
                                   f"{within}; keep the profile's files inside it",
                                   "outside-project"))
    return False


def _apply(loaded: loader.Loaded, setting: str) -> None:
    key, sep, text = setting.partition("=")
    if not sep or not key.strip():
        raise UsageError(f"--set {setting!r}: write key=value, e.g. --set date=2026-11-22")
    parts = tuple(key.strip().split("."))
    try:
        value: Any = loader.parse(text, f"--set {key}").data if text.strip() else ""
    except InvalidInput:
        value = text
    if isinstance(value, dict | list):
        value = text
    node = loaded.data
    for n, part in enumerate(parts[:-1], start=1):
        child = node.setdefault(part, {})
        if not isinstance(child, dict):
            where = ".".join(parts[:n])
            raise UsageError(f"--set {key}: {where} is a single value in the profile, not a "
                             f"mapping; set {where}=... instead")
        node = child
    node[parts[-1]] = value
    _mark_all(loaded, parts, setting)


def _mark_all(loaded: loader.Loaded, parts: tuple[str, ...], setting: str) -> None:
    mark = Mark(f"--set {setting}", 1, 1)
    for n in range(1, len(parts) + 1):
        loaded.marks.setdefault(parts[:n], mark)
    loaded.marks[parts] = mark

