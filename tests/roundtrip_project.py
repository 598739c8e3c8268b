"""A project for the Word round-trip tests: a role with comments, templates, references,
sub-clauses, items and a reference language whose translations follow it."""

from __future__ import annotations

import textwrap
from pathlib import Path

from jobdocs.render.docx.writer import render
from jobdocs.resolve import resolve
from jobdocs.roles.library import Library
from jobdocs.roles.reference import text_hash
from jobdocs.roles.yamledit import RoleFile

BUYER = textwrap.dedent("""\
    # The buyer: a role for the Word round trip. Comments like this one must survive.
    id: buyer
    version: "1.0"
    languages: [ru, en]
    reference: ru  # legal reviews the Russian text

    title:
      ru:
        nominative: закупщик
        genitive: закупщика
        dative: закупщику
        accusative: закупщика
        instrumental: закупщиком
        prepositional: закупщике
      en: Buyer

    vars:
      experience_years: 2

    sections:
      general:
        - id: purpose  # why the document exists
          text:
            ru: Настоящая инструкция определяет обязанности {{ title.genitive }}.
            en: This job description sets out the duties of the {{ title }}.
        - id: qualification
          text:
            ru: >-
              На должность {{ title.genitive }} назначается лицо с высшим образованием и
              опытом работы в закупках не менее {{ years(vars.experience_years) }}.
            en: >-
              A person with higher education and at least
              {{ years(vars.experience_years) }} of purchasing experience may be
              appointed {{ title }}.
        - id: must-know
          text:
            ru: "{{ title.nominative | upfirst }} должен знать:"
            en: "The {{ title }} must know:"
          items:
            - id: know-law
              text: {ru: законодательство о закупках;, en: procurement law;}
            - id: know-market
              text: {ru: рынок поставщиков., en: the supplier market.}
      duties:
        # What the buyer does, in the order of a purchase.
        - id: find-suppliers
          text: {ru: Находит поставщиков., en: Find suppliers.}
        - id: negotiate
          text: {ru: "Ведёт переговоры с поставщиками:", en: "Negotiate with suppliers:"}
          clauses:
            - id: negotiate-prices
              text: {ru: о ценах;, en: on prices;}
            - id: negotiate-terms
              text: {ru: о сроках поставки., en: on delivery terms.}
        - id: place-orders
          text:
            ru: Размещает заказы в пределах, согласованных по п. {{ ref('negotiate') }}.
            en: Place orders within the limits agreed under clause {{ ref('negotiate') }}.
        - id: control-delivery
          text: {ru: Контролирует сроки поставки., en: Monitor delivery dates.}
        - id: keep-records
          text: {ru: Ведёт учёт договоров., en: Keep records of contracts.}
      rights:
        - id: request-information
          text: {ru: Запрашивать информацию у подразделений., en: Request information from units.}
        - id: propose
          text: {ru: Вносить предложения руководству., en: Make proposals to management.}
      responsibility:
        - id: breach
          text:
            ru: За нарушение трудовой дисциплины — по законодательству {{ jurisdiction }}.
            en: For breaches of discipline, under the legislation of {{ jurisdiction }}.
      evaluation:
        - id: plan
          text: {ru: Выполнение плана закупок., en: Fulfilment of the purchasing plan.}
    """)


def stamped(text: str) -> str:
    """Return a role file whose every translation follows its Russian text (nothing due)."""
    rf = RoleFile(text)

    def walk(seq: object) -> None:
        for node in seq if isinstance(seq, list) else ():
            if "ru" in node["text"]:  # a clause for another law only follows nothing
                node["follows"] = text_hash(node["text"]["ru"])
            for kind in ("clauses", "items"):
                walk(node.get(kind))

    for clauses in rf.sections().values():
        walk(clauses)
    return rf.dump()


def make(folder: Path, text: str = BUYER) -> Path:
    """Write the buyer into `folder`/roles and return its path."""
    roles = folder / "roles"
    roles.mkdir(parents=True, exist_ok=True)
    path = roles / "buyer.yaml"
    path.write_text(stamped(text), encoding="utf-8")
    return path


def rendered(path: Path, lang: str = "ru") -> bytes:
    """Return the DOCX jobdocs renders for a role file."""
    role = Library([path.parent]).load(path)
    return render(resolve(role, lang))
