from __future__ import annotations

import os
import re
import textwrap
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import settings

from jobdocs.cli import cli

# The checks' cache (jobdocs/check/cache.py) is off in tests, and their subprocesses:
# a test that changes behaviour by monkeypatching must not meet another test's
# findings. tests/test_check_cache.py turns it on where it is the subject.
os.environ["JOBDOCS_CACHE"] = "off"

# Property tests: no deadline (a test never depends on timing, and a busy CI
# machine must not turn a slow first example into a "flaky" failure) and a fixed
# seed, so a run on CI is the run on a developer's machine. A test's own
# @settings overrides only what it names.
settings.register_profile("jobdocs", deadline=None, derandomize=True, print_blob=True)
settings.load_profile("jobdocs")

MINIMAL = """\
id: {id}
version: "1.0"
languages: [ru, en]
title:
  ru:
    nominative: помощник менеджера
    genitive: помощника менеджера
    dative: помощнику менеджера
    instrumental: помощником менеджера
  en: Sales Assistant
sections:
  general:
    - id: category
      text:
        ru: "{{{{ title.nominative | upfirst }}}} относится к категории специалистов."
        en: "The {{{{ title }}}} is a specialist."
  duties:
    - id: take-orders
      text: {{ru: Принимает заказы., en: Take orders.}}
    - id: advise
      text:
        ru: "Консультирует клиентов в пределах пункта {{{{ ref('take-orders') }}}}."
        en: "Advise clients within clause {{{{ ref('take-orders') }}}}."
  rights:
    - id: information
      text: {{ru: Получать информацию., en: Receive information.}}
  responsibility:
    - id: breach
      text:
        ru: "За нарушение — по законодательству {{{{ jurisdiction }}}}."
        en: "Breach, under the legislation of {{{{ jurisdiction }}}}."
  evaluation:
    - id: plan
      text: {{ru: Выполнение плана., en: Fulfilment of the plan.}}
"""


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture
def invoke(runner):
    def run(*args: str):
        return runner.invoke(cli, list(args), catch_exceptions=False)

    return run


@pytest.fixture
def write_role(tmp_path: Path):
    """Write a role file into tmp_path/roles and return its path."""

    def write(text: str | None = None, name: str = "assistant", **fields: str) -> Path:
        body = MINIMAL.format(id=name) if text is None else textwrap.dedent(text)
        for old, new in fields.items():
            body = body.replace(old, new)
        path = tmp_path / "roles" / f"{name}.yaml"
        path.parent.mkdir(exist_ok=True)
        path.write_text(body, encoding="utf-8")
        return path

    return write


#: The key account manager as it shipped in version 1.0 (before it was written for four
#: jurisdictions): the diff, redline and edit tests change this frozen copy, so that
#: rewriting the shipped role does not rewrite what they expect.
KAM = Path(__file__).parent / "fixtures" / "shipped-1.0" / "key-account-manager.yaml"


def clause_block(text: str, cid: str) -> str:
    """Return the YAML lines of one clause of a role file."""
    m = re.search(rf"    - id: {cid}\n(?:(?:      |        |          ).*\n)+", text)
    assert m, cid
    return m.group(0)


def edit_kam(extra: bool = False) -> str:
    """Return the key account manager with one duty inserted, one word edited, one
    clause moved to another section and one deleted (with `extra`: an item edited,
    an item added and the English title changed too)."""
    text = KAM.read_text(encoding="utf-8")
    text = text.replace("    - id: visit-and-negotiate", "    - id: video-calls\n      text:\n"
                        "        ru: Проводит видеовстречи с ключевыми клиентами.\n"
                        "        en: Hold video meetings with key clients.\n"
                        "        de: Videokonferenzen mit Schlüsselkunden.\n"
                        "        sv: Hålla videomöten med nyckelkunder.\n"
                        "    - id: visit-and-negotiate", 1)
    text = text.replace("Осуществляет мерчендайзинг.", "Регулярно осуществляет мерчендайзинг.")
    text = text.replace("Carry out merchandising.", "Carry out merchandising regularly.")
    text = text.replace("Durchführung des Merchandisings.", "Regelmäßiges Merchandising.")
    text = text.replace("Utföra merchandising.", "Regelbundet utföra merchandising.")
    text = text.replace(clause_block(text, "trade-secrets"), "")
    moved = clause_block(text, "working-relationships")
    text = text.replace(moved, "").replace("  responsibility:\n", "  responsibility:\n" + moved)
    if extra:
        text = text.replace("методы изучения спроса", "методы анализа спроса")
        text = text.replace("        - id: know-crm\n", "        - id: know-pricing\n"
                            "          text:\n            ru: принципы ценообразования;\n"
                            "            en: pricing principles;\n"
                            "            de: die Grundsätze der Preisbildung;\n"
                            "            sv: principerna för prissättning;\n"
                            "        - id: know-crm\n")
        text = text.replace("en: Key Account Manager", "en: Key Accounts Manager")
    return text


@pytest.fixture
def edited(tmp_path: Path) -> Path:
    """The edited key account manager (see edit_kam) as a role file."""
    path = tmp_path / "key-account-manager.yaml"
    path.write_text(edit_kam(), encoding="utf-8")
    return path


@pytest.fixture(scope="session")
def postgres_url():
    """The URL of a real PostgreSQL server started for this test session (Debian's
    postgresql package); skipped without it, except under CI."""
    import importlib.util
    import os

    from postgres_server import binaries, server

    missing = ("PostgreSQL (apt-get install postgresql)" if binaries() is None else
               "psycopg (pip install '.[postgres]')"
               if importlib.util.find_spec("psycopg") is None else "")
    if missing:
        if os.environ.get("CI") == "true":
            pytest.fail(f"{missing} is missing, and CI must test the PostgreSQL register")
        pytest.skip(f"{missing} is not installed")
    with server() as url:
        yield url


@pytest.hookimpl(tryfirst=True)  # before `-m "not slow"` deselects
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    from clients import mark_clients

    mark_clients(items)
