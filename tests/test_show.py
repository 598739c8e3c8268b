"""`jobdocs show` prints a derived role as documents print it, with provenance."""

from __future__ import annotations

import yaml


def test_show_merged_role_with_provenance(invoke):
    result = invoke("show", "lead-key-account-manager")
    assert result.exit_code == 0
    out = result.output
    assert out.startswith("# lead-key-account-manager: the role as documents print it, "
                          "derived from key-account-manager, under the law of Russia (ru)\n")
    assert "    - id: english  # 1.7 · own · law: ru, de, se\n" in out
    assert "    - id: qualification  # 1.6 · from key-account-manager · law: ru\n" in out
    data = next(yaml.safe_load_all(out))  # the Russian law's document, ru and its en copy
    assert data["extends"] == "key-account-manager"
    duties = data["sections"]["duties"]
    assert len(duties) == 30
    maximize = next(c for c in duties if c["id"] == "maximize-orders")
    assert "пункте 2.4" in maximize["text"]["ru"]


def test_show_one_language_with_organization_values(invoke):
    result = invoke("show", "corporate-client-manager", "--lang", "en", "--org",
                    "examples/northwind/organization.yaml")
    data = yaml.safe_load(result.output)
    assert list(data["title"]) == ["en"]
    assert any("England and Wales" in c["text"]["en"] for c in data["sections"]["responsibility"])


def test_show_unknown_language_is_usage_error(runner):
    from jobdocs.cli import cli

    result = runner.invoke(cli, ["show", "client-manager", "--lang", "de"])
    assert result.exit_code == 2
