"""The registration number of each document: «№ 15-ДИ».

A profile gives one number (for a single document), a number per role and,
where wanted, per language, or a pattern such as `{seq}-ДИ` whose sequence
numbers a register file keeps, so that a role keeps the number it was issued.
"""

from __future__ import annotations

import string
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from ..errors import InvalidInput, Problem, UsageError

#: The names a pattern may use.
PATTERN_FIELDS = ("seq", "role")
HOW = ("give a number per role (number: {key-account-manager: 15-ДИ, client-manager: "
       "16-ДИ}) or a pattern with a register (number: {pattern: '{seq}-ДИ', register: "
       "numbers.yaml}) in the profile, or render one role at a time with --set number=...")


@dataclass(frozen=True)
class Numbers:
    """Every number a profile gives; each mapping is per language, "*" for every one."""

    single: Mapping[str, str] = field(default_factory=dict)
    per_role: Mapping[str, Mapping[str, str]] = field(default_factory=dict)
    pattern: Mapping[str, str] = field(default_factory=dict)
    register: str = ""  # the register file, absolute or relative to the working directory
    start: int = 1
    issued: Mapping[str, int] = field(default_factory=dict)  # role id → sequence number

    def __bool__(self) -> bool:
        return bool(self.single or self.per_role or self.pattern)

    def for_document(self, role_id: str, lang: str) -> str:
        """Return the number of the document of `role_id` in `lang` ("" when none is given)."""
        if role_id in self.per_role:
            return _in(self.per_role[role_id], lang)
        if self.pattern:
            pattern = _in(self.pattern, lang)
            seq = self.issued.get(role_id)
            if not pattern or seq is None:
                return ""
            return pattern.format(seq=seq, role=role_id)
        return _in(self.single, lang)

    def assign(self, role_ids: Iterable[str]) -> Numbers:
        """Return these numbers with a sequence number for every role a pattern numbers.

        Raise UsageError when one number would go on several roles' documents.
        """
        ids = list(dict.fromkeys(role_ids))
        if self.single and not self.per_role and not self.pattern and len(ids) > 1:
            number = next(iter(self.single.values()))
            raise UsageError(f"the number {number} would go on {len(ids)} documents "
                             f"({', '.join(ids)}): {HOW}")
        if not self.pattern:
            return self
        issued = dict(self.issued)
        for role_id in ids:
            if role_id not in issued and role_id not in self.per_role:
                issued[role_id] = max([self.start - 1, *issued.values()]) + 1
        return replace(self, issued=issued)

    def register_text(self) -> str:
        """Return the register file's text: every issued number, one role a line."""
        lines = ["# Registration numbers jobdocs issued (the {seq} of the profile's pattern).",
                 "# Keep this file with the profile: a role keeps the number it was issued.",
                 *(f"{role_id}: {seq}" for role_id, seq in sorted(self.issued.items(),
                                                                  key=lambda kv: kv[1]))]
        return "\n".join(lines) + "\n"


def _in(values: Mapping[str, str], lang: str) -> str:
    return str(values.get(lang, values.get("*", "")))


def _per_language(value: Any) -> dict[str, str]:
    if value is None or value == "":
        return {}
    if isinstance(value, Mapping):
        return {str(k): str(v) for k, v in value.items()}
    return {"*": str(value)}


def from_data(value: Any, base: Path | None, problem: Any,
              within: Path | None = None) -> Numbers:
    """Return the Numbers a profile's checked `number:` value gives.

    `base` is the profile's folder (a register path is relative to it);
    `problem(key, message)` makes a positioned Problem. With `within` (the
    project's folder), the register must lie inside it: it is written there.
    """
    if not isinstance(value, Mapping):
        return Numbers(single=_per_language(value))
    problems: list[Problem] = []
    pattern = _per_language(value.get("pattern"))
    for lang, text in pattern.items():
        where = ("number", "pattern") if lang == "*" else ("number", "pattern", lang)
        try:
            names = {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}
        except ValueError as e:
            problems.append(problem(where, f"number.pattern: {e}; write e.g. '{{seq}}-ДИ'"))
            continue
        unknown = names - set(PATTERN_FIELDS)
        if unknown or "seq" not in names:
            problems.append(problem(where, f"number.pattern {text!r} must hold {{seq}} (and "
                                    f"may hold {{role}}), e.g. '{{seq}}-ДИ'"))
    register = str(value.get("register") or "")
    issued: dict[str, int] = {}
    if register:
        full = (base / register) if base is not None else Path(register)
        register = str(full)
        if within is not None and not full.resolve().is_relative_to(within.resolve()):
            problems.append(problem(("number", "register"), f"number.register: {full} is "
                                    f"outside the project folder {within}; keep the register "
                                    "inside it (jobdocs writes it)", "outside-project"))
        else:
            issued = read_register(full, within)
    elif pattern:
        problems.append(problem(("number",), "number.pattern needs a register file that keeps "
                                "issued numbers: add register: numbers.yaml"))
    if problems:
        raise InvalidInput(problems)
    per_role = {str(k): _per_language(v) for k, v in value.items()
                if k not in ("pattern", "register", "start")}
    return Numbers(per_role=per_role, pattern=pattern, register=register,
                   start=int(value.get("start") or 1), issued=issued)


def read_register(path: Path, within: Path | None = None) -> dict[str, int]:
    """Return the sequence number of every role in a register file (none when it is new)."""
    from ..intake import reader
    from ..roles import loader

    if not path.exists():
        return {}
    loaded = loader.load(path, reader.REGISTER, within)
    data = loaded.data or {}
    if not isinstance(data, dict) or not all(
            isinstance(v, int) and not isinstance(v, bool) and v > 0 for v in data.values()):
        raise InvalidInput(Problem(str(path), 1, 1, "a number register maps role ids to whole "
                                   "numbers (key-account-manager: 15); fix or remove the file",
                                   "invalid"))
    seqs = list(data.values())
    if len(set(seqs)) != len(seqs):
        raise InvalidInput(Problem(str(path), 1, 1, "a number register gives one number to "
                                   "two roles; give each role its own", "invalid"))
    return {str(k): int(v) for k, v in data.items()}
