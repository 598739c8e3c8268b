from __future__ import annotations

import textwrap
from pathlib import Path

import pytest
from click.testing import CliRunner

from jobdocs.cli import cli

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
        en: "The {{{{ title }}}} belongs to the category of specialists."
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
