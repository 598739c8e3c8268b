"""The register's tables, and the migrations that bring any older register up to date.

Each migration is a list of statements, applied once, in order, in one
transaction under the register's write lock; `ack_schema` holds the number of
the last one applied. A register written by a newer jobdocs is refused rather
than changed. docs/acknowledgements.md describes every table for HR systems
that read them.
"""

from __future__ import annotations

from .database import Database, Writer

#: The type words that differ between SQLite and PostgreSQL.
TYPES = {
    "sqlite": {"id": "INTEGER PRIMARY KEY AUTOINCREMENT", "date": "TEXT", "time": "TEXT"},
    "postgresql": {"id": "BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY", "date": "DATE",
                   "time": "TIMESTAMP WITH TIME ZONE"},
}

#: Migration n (from 1) is MIGRATIONS[n - 1]. Never change one that has shipped: add one.
MIGRATIONS: tuple[tuple[str, ...], ...] = (
    (
        # Every version of a role that someone acknowledged, with the role as it then was
        # (jobdocs.ack.snapshot), so that a later version can be compared with it.
        """CREATE TABLE ack_role_versions (
            id {id},
            organization TEXT NOT NULL,
            role_id TEXT NOT NULL,
            version TEXT NOT NULL,
            content_hash TEXT NOT NULL,
            snapshot TEXT NOT NULL,
            first_recorded {time} NOT NULL,
            UNIQUE (organization, role_id, content_hash))""",
        # One employee's signature under one version of their role's job description.
        """CREATE TABLE ack_acknowledgements (
            id {id},
            organization TEXT NOT NULL,
            employee_number TEXT NOT NULL,
            employee_name TEXT NOT NULL,
            position TEXT NOT NULL,
            unit TEXT NOT NULL,
            role_id TEXT NOT NULL,
            version TEXT NOT NULL,
            content_hash TEXT NOT NULL,
            lang TEXT NOT NULL,
            signed_on {date} NOT NULL,
            method TEXT NOT NULL CHECK (method IN ('paper', 'electronic')),
            recorded_at {time} NOT NULL,
            source TEXT NOT NULL,
            UNIQUE (organization, employee_number, role_id, content_hash),
            FOREIGN KEY (organization, role_id, content_hash)
                REFERENCES ack_role_versions (organization, role_id, content_hash))""",
        """CREATE INDEX ack_by_employee
            ON ack_acknowledgements (organization, employee_number, role_id, signed_on)""",
        """CREATE INDEX ack_by_role ON ack_acknowledgements (organization, role_id)""",
    ),
)

#: The schema this jobdocs writes.
LATEST = len(MIGRATIONS)
#: Any number will do, as long as nothing else on the server takes the same lock.
_PG_LOCK = 7_302_026


class TooNew(Exception):
    """The register was written by a newer jobdocs."""


def migrate(db: Database) -> int:
    """Bring the register's tables up to LATEST; return the schema it was at before."""
    if current(db) == LATEST:  # the usual case: read without taking the write lock
        return LATEST
    with db.transaction() as tx:
        if db.kind == "postgresql":  # two first uses at once: one creates, one waits
            tx.rows("SELECT pg_advisory_xact_lock(?)", (_PG_LOCK,))
        tx.execute("CREATE TABLE IF NOT EXISTS ack_schema (version INTEGER NOT NULL)")
        found = tx.rows("SELECT version FROM ack_schema")
        before = int(found[0][0]) if found else 0
        if before > LATEST:
            raise TooNew(str(before))
        for statements in MIGRATIONS[before:]:
            apply(tx, db.kind, statements)
        if found:
            tx.execute("UPDATE ack_schema SET version = ?", (LATEST,))
        else:
            tx.execute("INSERT INTO ack_schema (version) VALUES (?)", (LATEST,))
    return before


def current(db: Database) -> int | None:
    """Return the register's schema version (None when it has no tables yet)."""
    table = ("SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'ack_schema'"
             if db.kind == "sqlite" else "SELECT to_regclass('ack_schema')::text")
    if next(db.rows(table), (None,))[0] is None:
        return None
    row = next(db.rows("SELECT version FROM ack_schema"), None)
    return int(row[0]) if row else 0


def apply(tx: Writer, kind: str, statements: tuple[str, ...]) -> None:
    """Run one migration's statements."""
    for statement in statements:
        tx.execute(statement.format(**TYPES[kind]))
