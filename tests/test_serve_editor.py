"""The editor's one form: translations due when the reference text changes (law's
`follows:`), ids made as `jobdocs import` makes them, sections edited alone."""

from __future__ import annotations

import re
import warnings
from pathlib import Path

import pytest
import yaml

pytest.importorskip("starlette")
with warnings.catch_warnings():
    warnings.simplefilter("ignore")

from serve_project import KAM, editor_fields, new_client, new_project, post_editor  # noqa: E402

from jobdocs.roles.reference import text_hash  # noqa: E402

project = pytest.fixture(new_project)
client = pytest.fixture(new_client)


def clause(path: Path, section: str, cid: str) -> dict:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return next(c for c in data["sections"][section] if c["id"] == cid)


def due_langs(html: str, key: str) -> set[str]:
    part = html[html.index(f'id="c-{key}"'):]
    part = part[:part.index("</fieldset>")]
    out = set()
    for chunk in part.split('<p class="due"')[1:]:
        if not chunk.startswith(" hidden"):
            out.add(chunk.split(f"reviewed.{key}.")[1][:2])
    return out


def unreviewed(text: str, cid: str) -> str:
    """Return a role file whose clause `cid` records no reference text it follows (and that
    names its reference language: the shipped roles do)."""
    block = re.search(rf"    - id: {cid}\n(?:      .*\n)+", text).group(0)
    text = text.replace(block, re.sub(r"      follows: .*\n", "", block))
    if "\nreference: ru\n" not in text:
        text = text.replace("\nversion:", "\nreference: ru\nversion:", 1)
    return text


def test_a_changed_reference_text_leaves_its_translations_due_until_checked(client, project):
    path = project / "roles" / f"{KAM}.yaml"
    path.write_text(unreviewed(path.read_text(encoding="utf-8"), "reporting-line"),
                    encoding="utf-8")
    page = client.get(f"/roles/{KAM}/edit")
    assert due_langs(page.text, "reporting-line") == {"en", "de", "sv"}  # nothing recorded
    saved = post_editor(client, KAM, "save", {f"reviewed.reporting-line.{lang}": "1"
                                              for lang in ("en", "de", "sv")}, html=page.text)
    assert saved.status_code == 303
    ru = clause(path, "general", "reporting-line")["text"]["ru"]
    assert clause(path, "general", "reporting-line")["follows"] == text_hash(ru)
    assert due_langs(client.get(f"/roles/{KAM}/edit").text, "reporting-line") == set()

    new_ru = "{{ title.nominative | upfirst }} подчиняется {{ officers.line_manager.dative }}."
    changed = post_editor(client, KAM, "save", {
        "text.reporting-line.ru": new_ru, "reviewed.reporting-line.en": "1"})
    assert changed.status_code == 303
    after = clause(path, "general", "reporting-line")
    assert after["follows"] == {"en": text_hash(new_ru), "de": text_hash(ru),
                                "sv": text_hash(ru)}
    assert due_langs(client.get(f"/roles/{KAM}/edit").text, "reporting-line") == {"de", "sv"}


def test_a_new_clause_follows_the_reference_text_it_was_written_with(client, project):
    path = project / "roles" / f"{KAM}.yaml"
    added = post_editor(client, KAM, "add:rights")
    new = next(v.split("/")[-1] for v in editor_fields(added.text)["node"] if "/new-" in v)
    texts = {"ru": "Вносить предложения руководству.", "en": "Make proposals to management.",
             "de": "Vorschläge an die Leitung richten.", "sv": "Lämna förslag till ledningen."}
    saved = post_editor(client, KAM, "save", {f"text.{new}.{k}": v for k, v in texts.items()},
                        html=added.text)
    assert saved.status_code == 303, saved.text
    rights = yaml.safe_load(path.read_text(encoding="utf-8"))["sections"]["rights"]
    written = rights[-1]
    assert written["id"] == "make-proposals"  # "management" is the title's word, left out
    assert written["follows"] == text_hash(texts["ru"])


def test_one_section_is_edited_alone_and_the_others_are_left_as_they_are(client, project):
    path = project / "roles" / f"{KAM}.yaml"
    before = yaml.safe_load(path.read_text(encoding="utf-8"))["sections"]
    page = client.get(f"/roles/{KAM}/edit", params={"section": "rights"})
    fields = editor_fields(page.text)
    assert fields["section"] == ["rights"]
    assert {v.split("/")[0] for v in fields["node"]} == {"rights"}
    first = fields["node"][0].split("/")[-1]
    fields["node"] = fields["node"][1:]  # the first right removed
    fields["op"] = ["save"]
    saved = client.post(f"/roles/{KAM}/edit?section=rights", data=fields,
                        follow_redirects=False)
    assert saved.status_code == 303 and "?section=rights&saved=1" in saved.headers["location"]
    after = yaml.safe_load(path.read_text(encoding="utf-8"))["sections"]
    assert [c["id"] for c in after["rights"]] == [c["id"] for c in before["rights"] if
                                                   c["id"] != first]
    assert {k: v for k, v in after.items() if k != "rights"} == {
        k: v for k, v in before.items() if k != "rights"}


def test_a_dashed_item_is_named_by_its_clause_never_by_its_id(client):
    import re

    page = client.get(f"/roles/{KAM}/edit?section=general", headers={"accept-language": "ru"})
    legend = re.search(r'id="c-know-legislation".*?<legend>(.*?)</legend>', page.text, re.S)
    assert legend is not None
    words = re.sub(r"<[^>]+>", "", legend.group(1)).strip()
    assert re.fullmatch(r"Абзац пункта 1\.\d+", words), words
