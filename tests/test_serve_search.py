"""Finding a role by any form of its title's words, in any of its languages, or by the
initials of its title."""

from __future__ import annotations

import pytest

from jobdocs import list_roles, load_role
from jobdocs.serve.search import Searchable, initials, stem


def searchable(role_id: str) -> Searchable:
    role = load_role(role_id)
    titles = [f for t in role.title.values() for f in t.forms.values()]
    return Searchable((role.id, *titles, role.extends or "", role.version),
                      [str(t) for t in role.title.values()])


def found(query: str) -> set[str]:
    return {r.id for r in list_roles() if searchable(r.id).matches(query)}


def test_a_plural_or_another_case_finds_the_title():
    managers = {r.id for r in list_roles() if "manager" in r.id}
    assert found("менеджеры") == managers
    assert found("менеджерами ключевых") == {"key-account-manager", "lead-key-account-manager"}
    assert found("managers") == managers
    assert found("ключев") == {"key-account-manager", "lead-key-account-manager"}


@pytest.mark.parametrize(("typed", "roles"), [
    ("kam", {"key-account-manager"}), ("KAM", {"key-account-manager"}),
    ("lkam", {"lead-key-account-manager"}),
    ("мркк", {"key-account-manager", "corporate-client-manager"}),  # ключевыми, корпоративными
    ("mrkk", {"key-account-manager", "corporate-client-manager"})])
def test_the_initials_of_the_title_find_it(typed, roles):
    assert found(typed) == roles


def test_what_finds_nothing_finds_nothing():
    assert found("бухгалтер") == set() and found("zzz") == set()


def test_stems_and_initials():
    assert stem("менеджеры") == "менедж" and stem("kam") == "kam"
    assert {"kam"} <= initials("Key Account Manager")
    assert {"мркк", "мпрскк", "mrkk"} <= initials("менеджер по работе с ключевыми клиентами")
