"""Time `jobdocs validate` on 500 generated role files of about 200 lines each.

    python bench/validate_500.py [--files 500] [--runs 3]

The roles are shaped like the shipped ones: Russian and English, the title
in every case, clauses with items, about a quarter of the texts templated
(`{{ title }}`, `ref()`, `years()`), and every text unique to its file, so
no cache makes one file cheaper because of another. Each run is a fresh
Python process, as in CI: `check_paths` is timed inside it (the validator),
and the whole `jobdocs validate DIR` command around it (with start-up).
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SECTIONS = {"general": 5, "duties": 8, "rights": 3, "responsibility": 3, "evaluation": 3}

ROLE = """\
format: 1
id: role-{n}
version: "1.{n}"
languages: [ru, en]

title:
  ru:
    nominative: менеджер направления {n}
    genitive: менеджера направления {n}
    dative: менеджеру направления {n}
    accusative: менеджера направления {n}
    instrumental: менеджером направления {n}
  en: Manager of Line {n}

vars:
  experience_years: {years}

sections:
"""


def clause(n: int, key: str, i: int) -> str:
    """Return one clause of about eight lines; every fourth is templated."""
    cid = f"{key}-{i}"
    if i % 4 == 1:
        ru = (f"{{{{ title.nominative | upfirst }}}} согласовывает план {n}-{i} с "
              f"руководителем\n          и отчитывается по пункту {{{{ ref('{key}-0') }}}}.")
        en = (f"The {{{{ title }}}} agrees plan {n}-{i} with the head of the department\n"
              f"          and reports under clause {{{{ ref('{key}-0') }}}}.")
    elif i % 4 == 3 and key == "general":
        ru = (f"Опыт работы по направлению {n}.{i} не менее "
              "{{ years(vars.experience_years) }}.")
        en = (f"At least {{{{ years(vars.experience_years) }}}} of experience in line "
              f"{n}.{i}.")
    else:
        ru = (f"Ведёт учёт операций направления {n} по участку {i}, готовит отчёты\n"
              f"          и передаёт их в бухгалтерию в установленный срок {i}.")
        en = (f"Keep records of line {n}'s operations in area {i}, prepare reports\n"
              f"          and pass them to accounting within deadline {i}.")
    out = (f"    - id: {cid}\n      text:\n        ru: >-\n          {ru}\n"
           f"        en: >-\n          {en}\n")
    if i == 2:
        out += (f"      items:\n        - id: {cid}-a\n          text: {{ru: пункт {n}-а;, "
                f"en: item {n}-a;}}\n        - id: {cid}-b\n          text: {{ru: пункт "
                f"{n}-б., en: item {n}-b.}}\n")
    return out


def role(n: int) -> str:
    """Return the text of generated role number `n`."""
    body = ROLE.format(n=n, years=1 + n % 5)
    for key, count in SECTIONS.items():
        body += f"  {key}:\n" + "".join(clause(n, key, i) for i in range(count))
    return body


TIMED = """\
import sys, time
start = time.perf_counter()
from jobdocs.check import check_paths
imported = time.perf_counter()
report = check_paths([sys.argv[1]])
done = time.perf_counter()
assert report.errors == 0, [str(p) for p in report.problems[:5]]
print(len(report.files), imported - start, done - imported)
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=500)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        roles = Path(tmp) / "roles"
        roles.mkdir()
        for n in range(args.files):
            (roles / f"role-{n}.yaml").write_text(role(n), encoding="utf-8")
        lines = [len(p.read_text(encoding="utf-8").splitlines()) for p in roles.iterdir()]
        print(f"{args.files} role files, {min(lines)}-{max(lines)} lines "
              f"({sum(lines):,} lines in all)")
        checks, commands = [], []
        for _ in range(args.runs):
            out = subprocess.run([sys.executable, "-c", TIMED, str(roles)], check=True,
                                 capture_output=True, text=True).stdout.split()
            checks.append(float(out[2]))
            start = time.perf_counter()
            subprocess.run([sys.executable, "-m", "jobdocs", "validate", str(roles)],
                           check=True, capture_output=True)
            commands.append(time.perf_counter() - start)
        print(f"check_paths:       median {statistics.median(checks):.2f} s "
              f"(runs: {', '.join(f'{t:.2f}' for t in checks)})")
        print(f"jobdocs validate:  median {statistics.median(commands):.2f} s "
              f"(runs: {', '.join(f'{t:.2f}' for t in commands)})")


if __name__ == "__main__":
    main()
