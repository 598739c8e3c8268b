"""The register's database: a SQLite file in the project, or a PostgreSQL server.

jobdocs writes one SQL dialect, with `?` placeholders; each backend adapts it.
Every write runs in one transaction that takes the write lock at its start
(SQLite's BEGIN IMMEDIATE; PostgreSQL's row locks and ON CONFLICT), so two
processes recording at once wait for each other and lose nothing.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Protocol

from ..errors import JobdocsError, UsageError
from ..extras import install

#: How long a write waits for another process's write to finish, in seconds.
LOCK_TIMEOUT = 60.0
#: What installs the PostgreSQL driver.
POSTGRES_EXTRA = install("postgres")


class Database(Protocol):
    """What the register asks of a database."""

    kind: str  # "sqlite" or "postgresql"
    where: str  # the file or the server, as a person reads it (no password)

    def rows(self, sql: str, params: Sequence[Any] = ()) -> Iterator[tuple[Any, ...]]: ...

    def transaction(self) -> Any: ...  # a context manager yielding a Writer

    def close(self) -> None: ...


class Writer(Protocol):
    def execute(self, sql: str, params: Sequence[Any] = ()) -> int: ...

    def rows(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]: ...


def is_url(target: str) -> bool:
    """Return whether a database setting names a PostgreSQL server rather than a file."""
    return target.startswith(("postgresql://", "postgres://"))


def connect(target: str | Path) -> Database:
    """Open the database `target` names: a postgresql:// URL, else a SQLite file
    (created, with its folder, on first use)."""
    if isinstance(target, str) and is_url(target):
        return Postgres(target)
    return SQLite(Path(target))


class SQLite:
    """A SQLite file: the register of one project, created on first use."""

    kind = "sqlite"

    def __init__(self, path: Path) -> None:
        self.where = str(path)
        if path.is_dir():
            raise UsageError(f"{path}: is a folder; name the register's database file")
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            # isolation_level=None: jobdocs says where each transaction begins and ends.
            self.conn = sqlite3.connect(path, timeout=LOCK_TIMEOUT, isolation_level=None,
                                        check_same_thread=False)
            self.conn.execute("PRAGMA foreign_keys = ON")
        except (OSError, sqlite3.Error) as e:
            raise JobdocsError(f"{path}: cannot open the acknowledgement register: {e}; "
                               "check the folder's permissions") from e

    def rows(self, sql: str, params: Sequence[Any] = ()) -> Iterator[tuple[Any, ...]]:
        try:
            cursor = self.conn.execute(sql, tuple(params))
            while batch := cursor.fetchmany(1000):
                yield from batch
        except sqlite3.DatabaseError as e:
            raise _failure(self.where, e) from e

    @contextmanager
    def transaction(self) -> Iterator[Writer]:
        try:
            self.conn.execute("BEGIN IMMEDIATE")  # the write lock now, not at the first write
        except sqlite3.DatabaseError as e:
            raise _failure(self.where, e) from e
        try:
            yield _SQLiteWriter(self.conn)
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        try:
            self.conn.execute("COMMIT")
        except sqlite3.DatabaseError as e:
            self.conn.execute("ROLLBACK")
            raise _failure(self.where, e) from e

    def close(self) -> None:
        self.conn.close()


class _SQLiteWriter:
    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn

    def execute(self, sql: str, params: Sequence[Any] = ()) -> int:
        try:
            return self.conn.execute(sql, tuple(params)).rowcount
        except sqlite3.DatabaseError as e:
            raise _failure("the register", e) from e

    def rows(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        return self.conn.execute(sql, tuple(params)).fetchall()


def _failure(where: str, e: Exception) -> JobdocsError:
    if isinstance(e, sqlite3.OperationalError) and "locked" in str(e):
        return JobdocsError(f"{where}: the register stayed locked by another process for "
                            f"{LOCK_TIMEOUT:.0f} s; try again when it has finished")
    return JobdocsError(f"{where}: the acknowledgement register cannot be used: {e}")


class Postgres:
    """A PostgreSQL server, for HR departments that share one register."""

    kind = "postgresql"

    def __init__(self, url: str) -> None:
        try:
            import psycopg
        except ImportError:
            raise UsageError(f"a PostgreSQL register needs the driver: {POSTGRES_EXTRA}"
                             ) from None
        self.psycopg = psycopg
        self.where = _without_password(url)
        try:
            self.conn = psycopg.connect(url, autocommit=True, connect_timeout=20)
        except psycopg.Error as e:
            raise JobdocsError(f"{self.where}: cannot connect to the acknowledgement "
                               f"register: {_first_line(e)}") from e

    def rows(self, sql: str, params: Sequence[Any] = ()) -> Iterator[tuple[Any, ...]]:
        try:
            with self.conn.cursor() as cursor:
                cursor.execute(_pg(sql), tuple(params))
                while batch := cursor.fetchmany(1000):
                    yield from batch
        except self.psycopg.Error as e:
            raise JobdocsError(f"{self.where}: {_first_line(e)}") from e

    @contextmanager
    def transaction(self) -> Iterator[Writer]:
        try:
            with self.conn.transaction(), self.conn.cursor() as cursor:
                yield _PostgresWriter(cursor)
        except self.psycopg.Error as e:
            raise JobdocsError(f"{self.where}: the acknowledgement register cannot be used: "
                               f"{_first_line(e)}") from e

    def close(self) -> None:
        self.conn.close()


class _PostgresWriter:
    def __init__(self, cursor: Any) -> None:
        self.cursor = cursor

    def execute(self, sql: str, params: Sequence[Any] = ()) -> int:
        self.cursor.execute(_pg(sql), tuple(params))
        return int(self.cursor.rowcount)

    def rows(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        self.cursor.execute(_pg(sql), tuple(params))
        return list(self.cursor.fetchall())


def _pg(sql: str) -> str:
    """Return jobdocs' SQL with psycopg's placeholders (jobdocs' SQL holds no '%')."""
    return sql.replace("?", "%s")


def _first_line(e: Exception) -> str:
    return (str(e).strip().splitlines() or [type(e).__name__])[0]


def _without_password(url: str) -> str:
    """Return a URL as it may be printed: without the password it may hold."""
    scheme, sep, rest = url.partition("://")
    if "@" not in rest:
        return url
    credentials, at, host = rest.rpartition("@")
    user = credentials.split(":", 1)[0]
    return f"{scheme}{sep}{user}{at}{host}"
