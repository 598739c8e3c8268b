"""The role libraries the benchmark measures with, generated (every text unique to its role,
so no cache makes one role cheaper because of another)."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
KAM = ROOT / "roles" / "key-account-manager.yaml"
ROMASHKA = ROOT / "examples" / "romashka" / "organization.yaml"


def kam_library(folder: Path, count: int, start: int = 1) -> None:
    """Write `count` roles, each the key account manager (600 lines) with its own id,
    title and wording."""
    text = KAM.read_text(encoding="utf-8")
    folder.mkdir(parents=True, exist_ok=True)
    for n in range(start, start + count):
        role = text.replace("id: key-account-manager", f"id: role-{n:04d}", 1)
        role = role.replace("en: Key Account Manager", f"en: Key Account Manager {n}", 1)
        role = re.sub(r"(ключевыми клиентами)(\n)", rf"\1 {n}\2", role)
        role = role.replace("experience_years: 2", f"experience_years: {1 + n % 5}", 1)
        (folder / f"role-{n:04d}.yaml").write_text(role, encoding="utf-8")


def kam_project(folder: Path, count: int) -> Path:
    """Write a project of `count` such roles for Ромашка (numbers from a register),
    in Russian, output to `documents/`; return its folder."""
    kam_library(folder / "roles", count)
    (folder / "org").mkdir()
    shutil.copy(ROMASHKA, folder / "org")
    (folder / "jobdocs.yaml").write_text(
        "format: 1\norganization: org/organization.yaml\nlanguages: [ru]\n"
        "output: documents\n", encoding="utf-8")
    return folder


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


def _clause(n: int, key: str, i: int, edit: str) -> str:
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
              f"          и передаёт их в {edit or 'бухгалтерию'} в установленный срок {i}.")
        en = (f"Keep records of line {n}'s operations in area {i}, prepare reports\n"
              f"          and pass them to {edit or 'accounting'} within deadline {i}.")
    out = (f"    - id: {cid}\n      text:\n        ru: >-\n          {ru}\n"
           f"        en: >-\n          {en}\n")
    if i == 2:
        out += (f"      items:\n        - id: {cid}-a\n          text: {{ru: пункт {n}-а;, "
                f"en: item {n}-a;}}\n        - id: {cid}-b\n          text: {{ru: пункт "
                f"{n}-б., en: item {n}-b.}}\n")
    return out


def line_role(n: int, edit: str = "") -> str:
    """Return the text of generated role number `n` (222 lines, Russian and English, a
    quarter of the texts templated); `edit` rewords some of its clauses."""
    body = ROLE.format(n=n, years=1 + n % 5)
    for key, count in SECTIONS.items():
        body += f"  {key}:\n" + "".join(
            _clause(n, key, i, edit if key == "duties" and i in (4, 6) else "")
            for i in range(count))
    return body


def line_library(folder: Path, count: int, edit: str = "") -> Path:
    """Write `count` such roles into `folder`; return it."""
    folder.mkdir(parents=True, exist_ok=True)
    for n in range(count):
        (folder / f"role-{n}.yaml").write_text(line_role(n, edit), encoding="utf-8")
    return folder


VARIANT = """\
format: 1
id: {id}
version: "1.0"
extends: key-account-manager
languages: [ru, en]
title:
  ru:
    nominative: менеджер по работе с ключевыми клиентами {n}
    genitive: менеджера по работе с ключевыми клиентами {n}
    dative: менеджеру по работе с ключевыми клиентами {n}
    accusative: менеджера по работе с ключевыми клиентами {n}
    instrumental: менеджером по работе с ключевыми клиентами {n}
  en: Key Account Manager {n}
sections:
  duties:
    - id: region-{n}
      text:
        ru: Ведёт ключевых клиентов региона № {n}.
        en: Manage the key clients of region No. {n}.
"""


def variants_project(root: Path, count: int) -> Path:
    """Write a project of the shipped roles plus variants of the key account manager
    (each extends it with a clause of its own), `count` roles in all, for Ромашка."""
    shutil.copytree(ROOT / "roles", root / "roles")
    (root / "romashka").mkdir()
    shutil.copy(ROMASHKA, root / "romashka")
    (root / "jobdocs.yaml").write_text("roles: roles\norganization: romashka/organization.yaml\n",
                                       encoding="utf-8")
    shipped = len(list((root / "roles").glob("*.yaml")))
    for i in range(max(0, count - shipped)):
        rid = f"kam-region-{i:04d}"
        (root / "roles" / f"{rid}.yaml").write_text(VARIANT.format(id=rid, n=i),
                                                    encoding="utf-8")
    return root
