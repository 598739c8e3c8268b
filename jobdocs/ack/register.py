"""The acknowledgement register: who signed which version of which job description.

    >>> register = Register.open("acknowledgements.db", organization="ООО «Ромашка»")
    >>> register.record([Acknowledgement(...)], {("kam", "e41b1128f6c4"): role})
    >>> register.latest(["0042", "0043"])

One register may hold several organizations; a Register object reads and
writes the rows of one.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from ..errors import JobdocsError
from ..model import Role
from . import schema, snapshot
from .database import Database, connect
from .sheet import METHODS

#: How many personnel numbers one query asks about.
CHUNK = 500


@dataclass(frozen=True)
class Acknowledgement:
    """One employee's signature under one version of their role's job description."""

    number: str  # personnel number (табельный номер)
    role_id: str
    version: str
    content_hash: str
    signed_on: dt.date
    name: str = ""
    position: str = ""
    unit: str = ""
    lang: str = ""
    method: str = "paper"
    source: str = ""  # the sheet it came from, or how it was recorded


@dataclass(frozen=True)
class Last:
    """The latest acknowledgement of one employee for one role."""

    version: str
    content_hash: str
    signed_on: dt.date
    lang: str = ""  # the language of the copy signed, where the sheet gave it


@dataclass(frozen=True)
class Recorded:
    """What a call to `record` did."""

    added: int
    already: int  # the same employee, role and version were in the register


COLUMNS = ("organization", "employee_number", "employee_name", "position", "unit", "role_id",
           "version", "content_hash", "lang", "signed_on", "method", "recorded_at", "source")


class Register:
    """The register of one organization in a database."""

    def __init__(self, db: Database, organization: str) -> None:
        self.db = db
        self.organization = organization
        try:
            schema.migrate(db)
        except schema.TooNew as e:
            raise JobdocsError(f"{db.where}: the register was written by a newer jobdocs "
                               f"(schema {e}, this one knows {schema.LATEST}); upgrade "
                               "jobdocs") from None

    @classmethod
    def open(cls, target: str | Path, organization: str = "") -> Register:
        """Open (creating on first use) the register at a file path or postgresql:// URL."""
        return cls(connect(target), organization)

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> Register:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- writing ------------------------------------------------------------------------

    def record(self, acks: Sequence[Acknowledgement],
               roles: Mapping[tuple[str, str], Role]) -> Recorded:
        """Record every acknowledgement in one transaction: all of them, or none.

        `roles` holds, by (role id, content hash), the role each version is; a
        version the register does not know yet is kept with it, to be compared
        with later ones.
        """
        now = _now(self.db)
        added = 0
        with self.db.transaction() as tx:
            for (role_id, digest), role in roles.items():
                tx.execute("INSERT INTO ack_role_versions (organization, role_id, version, "
                           "content_hash, snapshot, first_recorded) VALUES (?, ?, ?, ?, ?, ?) "
                           "ON CONFLICT DO NOTHING", (self.organization, role_id, role.version,
                                                      digest, snapshot.dump(role), now))
            for a in acks:
                if a.method not in METHODS:
                    raise ValueError(f"method {a.method!r}")
                added += tx.execute(
                    f"INSERT INTO ack_acknowledgements ({', '.join(COLUMNS)}) VALUES "
                    f"({', '.join('?' * len(COLUMNS))}) ON CONFLICT DO NOTHING",
                    (self.organization, a.number, a.name, a.position, a.unit, a.role_id,
                     a.version, a.content_hash, a.lang, _date_in(self.db, a.signed_on),
                     a.method, now, a.source))
        return Recorded(added, len(acks) - added)

    # -- reading ------------------------------------------------------------------------

    def latest(self, numbers: Iterable[str]) -> dict[tuple[str, str], Last]:
        """Return, by (personnel number, role id), each employee's latest acknowledgement."""
        out: dict[tuple[str, str], Last] = {}
        wanted = list(dict.fromkeys(numbers))
        for start in range(0, len(wanted), CHUNK):
            chunk = wanted[start:start + CHUNK]
            sql = ("SELECT employee_number, role_id, version, content_hash, signed_on, lang "
                   "FROM ack_acknowledgements WHERE organization = ? AND employee_number IN "
                   f"({', '.join('?' * len(chunk))}) ORDER BY signed_on, id")
            for number, role_id, version, digest, signed, lang in self.db.rows(
                    sql, (self.organization, *chunk)):
                out[(number, role_id)] = Last(version, digest, _date_out(signed), lang or "")
        return out

    def version(self, role_id: str, content_hash: str) -> Role | None:
        """Return the role as it was in the version with this hash, if anyone signed it."""
        row = next(self.db.rows(
            "SELECT snapshot, version FROM ack_role_versions WHERE organization = ? AND "
            "role_id = ? AND content_hash = ?", (self.organization, role_id, content_hash)),
            None)
        if row is None:
            return None
        return snapshot.load(row[0], f"{role_id} version {row[1]} ({content_hash})")

    def hashes_of(self, role_id: str, version: str) -> list[str]:
        """Return the content hashes the register knows for a version label, latest first."""
        return [r[0] for r in self.db.rows(
            "SELECT content_hash FROM ack_role_versions WHERE organization = ? AND role_id = ? "
            "AND version = ? ORDER BY first_recorded DESC, id DESC",
            (self.organization, role_id, version))]

    def rows(self, role_id: str | None = None) -> Iterator[dict[str, object]]:
        """Yield every acknowledgement of the organization (of one role), oldest first."""
        sql = (f"SELECT {', '.join(COLUMNS)} FROM ack_acknowledgements WHERE organization = ?"
               + (" AND role_id = ?" if role_id else "") + " ORDER BY signed_on, id")
        for row in self.db.rows(sql, (self.organization, *([role_id] if role_id else []))):
            record = dict(zip(COLUMNS, row, strict=True))
            record["signed_on"] = _date_out(record["signed_on"])
            record["recorded_at"] = str(record["recorded_at"])
            yield record


def _now(db: Database) -> object:
    now = dt.datetime.now(dt.UTC).replace(microsecond=0)
    return now if db.kind == "postgresql" else now.isoformat()


def _date_in(db: Database, value: dt.date) -> object:
    return value if db.kind == "postgresql" else value.isoformat()


def _date_out(value: object) -> dt.date:
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value))
