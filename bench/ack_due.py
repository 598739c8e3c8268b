"""`jobdocs ack due` at scale: 200,000 employees in 4,000 roles, against a register.

    python bench/ack_due.py [--employees 200000] [--roles 4000] [--changed 200]

Builds, in a temporary folder, a project of ROLES small roles (shaped like the
tests' sales assistant), a staff list of EMPLOYEES spread evenly over them, and
a SQLite register in which 95 % of them signed version 1.0. It times, each in
a fresh process:

- the floor: what any answer from the roles as they are costs, reading the
  staff list with Python's csv module and loading and hashing every role once;
- `due`, the first run: the whole answer (the staff list checked and compared
  chunk by chunk with the register), written as text; it loads every role and
  remembers each one's version (jobdocs.ack.cache);
- `due` after CHANGED roles got a new version (a reworded and an added duty):
  only those are loaded again, and each is compared with the version signed;

and prints the time of each, the ratio to the floor, and the peak memory of
`due` with the full staff list and with a tenth of it: memory bounded means the
two stay close.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROLE = """\
id: {id}
version: "{version}"
languages: [ru, en]
title:
  ru:
    nominative: специалист {n}
    genitive: специалиста {n}
    dative: специалисту {n}
    instrumental: специалистом {n}
  en: Specialist {n}
sections:
  general:
    - id: category
      text: {{ru: "Относится к категории специалистов {n}.", en: "Belongs to specialists {n}."}}
  duties:
    - id: take-orders
      text: {{ru: "{duty}", en: "{duty_en}"}}
{extra}    - id: advise
      text: {{ru: "Консультирует клиентов по вопросам {n}.", en: "Advise clients on {n}."}}
  rights:
    - id: information
      text: {{ru: Получать информацию., en: Receive information.}}
  responsibility:
    - id: breach
      text: {{ru: За нарушение трудовой дисциплины., en: For breaches of discipline.}}
  evaluation:
    - id: plan
      text: {{ru: Выполнение плана., en: Fulfilment of the plan.}}
"""
EXTRA = ("    - id: check-stock\n"
         "      text: {ru: Проверяет остатки на складе., en: Check the stock.}\n")


def role_text(n: int, changed: bool) -> str:
    return ROLE.format(id=f"role-{n:04d}", n=n, version="1.1" if changed else "1.0",
                       duty=("Принимает и проверяет заказы" if changed else "Принимает заказы")
                       + f" отдела {n}.", duty_en=f"Take orders of unit {n}.",
                       extra=EXTRA if changed else "")


def build(root: Path, employees: int, roles: int) -> None:
    from jobdocs.ack import Acknowledgement, Register, Versions
    from jobdocs.config.organization import Organization
    from jobdocs.roles.library import Library

    (root / "roles").mkdir(parents=True)
    for n in range(roles):
        (root / "roles" / f"role-{n:04d}.yaml").write_text(role_text(n, False), "utf-8")
    (root / "jobdocs.yaml").write_text("roles: roles\nacknowledgements:\n  staff: staff.csv\n",
                                       "utf-8")
    with (root / "staff.csv").open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, delimiter=";")
        w.writerow(["number", "name", "position", "role", "unit", "gender"])
        for e in range(employees):
            w.writerow([f"E{e:06d}", f"Сотрудник {e:06d}", "Специалист",
                        f"role-{e % roles:04d}", f"Отдел {e % 40}", "жм"[e % 2]])
    versions = Versions(Library([root / "roles"], packaged=False), Organization())
    with Register.open(root / "acknowledgements.db") as register:
        batch, kept = [], {}
        for e in range(employees):
            if e % 20 == 19:
                continue  # 5 % never signed
            v = versions.current(f"role-{e % roles:04d}")
            kept[(v.role.id, v.content_hash)] = v.role
            batch.append(Acknowledgement(f"E{e:06d}", v.role.id, "1.0", v.content_hash,
                                         dt.date(2026, 1, 15)))
        register.record(batch, kept)
    past = time.time() - 3600  # older than the cache's guard against a racy clock
    for path in (root / "roles").iterdir():
        os.utime(path, (past, past))


def change(root: Path, roles: int, changed: int) -> None:
    for n in range(changed):
        (root / "roles" / f"role-{n * (roles // changed):04d}.yaml").write_text(
            role_text(n * (roles // changed), True), "utf-8")


FLOOR = """
import csv, sys, time
from pathlib import Path
from jobdocs.ack import Versions
from jobdocs.config.organization import Organization
from jobdocs.roles.library import Library
start = time.perf_counter()
versions = Versions(Library([Path("roles")], packaged=False), Organization())
roles = set()
with open(sys.argv[1], encoding="utf-8", newline="") as f:
    for row in csv.reader(f, delimiter=";"):
        roles.add(row[3])
roles.discard("role")
for r in roles:
    versions.current(r)
print(time.perf_counter() - start)
"""

DUE = """
import io, resource, sys, time
from pathlib import Path
from jobdocs.ack import Due, Register, Versions
from jobdocs.ack.output import due_text
from jobdocs.config.organization import Organization
from jobdocs.roles.library import Library
start = time.perf_counter()
with Register.open("acknowledgements.db") as register:
    versions = Versions(Library([Path("roles")], packaged=False), Organization(), register,
                        Path(".jobdocs-ack-cache.json"))
    due = Due(sys.argv[1], versions, register)
    with open("due.txt", "w", encoding="utf-8") as out:
        counts = due_text(due, due.states(), out)
    versions.save()
elapsed = time.perf_counter() - start
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(elapsed, peak, counts["changed"], counts["new"], counts["acknowledged"])
"""


def run(root: Path, script: str, *args: str) -> list[float]:
    out = subprocess.run([sys.executable, "-c", script, *args], cwd=root, check=True,
                         capture_output=True, text=True).stdout
    return [float(x) for x in out.split()]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--employees", type=int, default=200_000)
    parser.add_argument("--roles", type=int, default=4_000)
    parser.add_argument("--changed", type=int, default=200)
    a = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="jobdocs-bench-ack-") as tmp:
        root = Path(tmp)
        t = time.perf_counter()
        build(root, a.employees, a.roles)
        print(f"set-up: {a.employees:,} employees, {a.roles:,} roles "
              f"({time.perf_counter() - t:.1f} s)")
        tenth = root / "staff-tenth.csv"
        lines = (root / "staff.csv").read_text("utf-8").splitlines(keepends=True)
        tenth.write_text("".join(lines[:1 + a.employees // 10]), "utf-8")
        floor = run(root, FLOOR, "staff.csv")[0]
        first, *_ = run(root, DUE, "staff.csv")
        change(root, a.roles, a.changed)
        due, peak, changed, new, ok = run(root, DUE, "staff.csv")
        _, peak_tenth, *_ = run(root, DUE, str(tenth))
        print(f"floor (read the staff list, load and hash every role):  {floor:6.2f} s")
        print(f"ack due, first run (every role loaded):                 {first:6.2f} s  "
              f"= {first / floor:.2f} x the floor")
        print(f"ack due after {a.changed} roles changed ({a.changed} loaded, compared):  "
              f"{due:6.2f} s  = {due / floor:.2f} x the floor")
        print(f"  due: {int(changed):,} changed, {int(new):,} new, {int(ok):,} acknowledged")
        print(f"peak memory of ack due: {peak:.0f} MiB with {a.employees:,} employees, "
              f"{peak_tenth:.0f} MiB with {a.employees // 10:,}")


if __name__ == "__main__":
    main()
