"""The fast paths of issue 23 change how fast, never what: the compiled schema only
ever skips `jsonschema` on a file it finds valid, and a role file built once is the
same role, with the same findings, as one built each time."""

from __future__ import annotations

import copy
import datetime as dt
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from jobdocs.check import check_paths
from jobdocs.formats import names
from jobdocs.roles import loader, schema, schema_check
from jobdocs.roles.build import build_role
from jobdocs.roles.memo import Memo

ROOT = Path(__file__).parent.parent
FILES = sorted([*ROOT.glob("roles/*.yaml"), *ROOT.glob("tests/fixtures/invalid/*.yaml"),
                *ROOT.glob("examples/**/*.yaml")])


def _kind(path: Path, loaded: loader.Loaded) -> str:
    if loaded.schema_ref:
        return schema.schema_kind(loaded.schema_ref) or "role"
    if path.name == "jobdocs.yaml":
        return "project"
    return "organization" if "organization" in path.name or "org" in path.parts else "role"


def _jsonschema_finds(kind: str, data: object) -> bool:
    validator = schema_check._validator(kind, names())
    return any(True for _ in validator.iter_errors(schema_check.as_json(data)))


@pytest.mark.parametrize("path", FILES, ids=lambda p: str(p.relative_to(ROOT)))
def test_the_compiled_schema_passes_only_what_jsonschema_passes(path):
    try:
        loaded = loader.load(path)
    except Exception:
        pytest.skip("not a YAML mapping jobdocs reads")
    kind = _kind(path, loaded)
    if schema_check._valid(kind, loaded.data) or schema_check._valid(
            kind, schema_check.as_json(loaded.data)):
        assert not _jsonschema_finds(kind, loaded.data)
    else:
        assert _jsonschema_finds(kind, loaded.data) or kind != "role"


KAM = loader.load(ROOT / "roles" / "key-account-manager.yaml").data
VALUES = st.one_of(st.none(), st.booleans(), st.integers(-3, 10**20), st.floats(allow_nan=False),
                   st.text(max_size=8), st.sampled_from(["ru", "en", "x-y", "Ab", "1", "", " "]),
                   st.lists(st.text(max_size=3), max_size=2),
                   st.dictionaries(st.sampled_from(["id", "text", "ru", "items", "x"]),
                                   st.text(max_size=4), max_size=2))


def _paths(data: object, at: tuple = ()) -> list[tuple]:
    out = [at]
    if isinstance(data, dict):
        for k, v in data.items():
            out += _paths(v, (*at, k))
    elif isinstance(data, list):
        for i, v in enumerate(data):
            out += _paths(v, (*at, i))
    return out


PATHS = _paths(KAM)


@settings(max_examples=150, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(st.sampled_from(PATHS), VALUES, st.booleans()), min_size=1,
                max_size=3))
def test_no_mutation_of_a_role_passes_the_compiled_schema_and_fails_jsonschema(edits):
    data = copy.deepcopy(KAM)
    for at, value, add_key in edits:
        parent = data
        try:
            for part in at[:-1]:
                parent = parent[part]
            if not at:
                continue
            if add_key and isinstance(parent[at[-1]], dict):
                parent[at[-1]]["extra"] = value
            else:
                parent[at[-1]] = value
        except (KeyError, IndexError, TypeError):
            continue
    if schema_check._valid("role", data) or schema_check._valid("role", schema_check.as_json(data)):
        assert not _jsonschema_finds("role", data)


@pytest.mark.parametrize("value", [dt.date(2026, 11, 22), dt.datetime(2026, 11, 22, 9, 30)])
def test_a_yaml_date_is_seen_as_the_editor_sees_it(value):
    data = copy.deepcopy(KAM)
    data["version"] = value  # a date where the schema wants a string or a number
    assert not schema_check._valid("role", data)  # refused, not waved through
    assert schema_check._valid("role", schema_check.as_json(data)) == (
        not _jsonschema_finds("role", data))


def test_a_parent_is_built_once_and_gives_the_same_role_and_findings(tmp_path):
    base = (ROOT / "tests" / "fixtures" / "invalid" / "missing-translation.yaml")
    memo = Memo()
    loaded = memo.read(base)
    assert memo.read(base) is loaded  # parsed once
    once, again = [], []
    role = memo.build(loaded, None, once)
    assert memo.build(loaded, None, again) is role
    assert once == again and once  # the findings come back every time
    assert role == build_role(loader.load(base), keep_going=[])
    edited = tmp_path / "missing-translation.yaml"
    edited.write_text(base.read_text(encoding="utf-8").replace("version", "version", 1) + "\n",
                      encoding="utf-8")
    assert memo.read(edited) is not loaded  # other bytes, other file: read anew


def test_a_forgotten_file_is_read_and_built_anew_and_the_others_kept():
    base = ROOT / "tests" / "fixtures" / "invalid" / "missing-translation.yaml"
    other = ROOT / "tests" / "fixtures" / "invalid" / "base.yaml"
    memo = Memo()
    loaded, kept = memo.read(base), memo.read(other)
    role = memo.build(loaded, None, [])
    memo.forget(base)
    assert memo.read(other) is kept
    again = memo.read(base)
    assert again is not loaded and again.data == loaded.data
    assert memo.build(again, None, []) == role


def test_validate_of_many_roles_extending_one_reports_the_parent_for_each(tmp_path):
    (tmp_path / "base.yaml").write_text(
        (ROOT / "tests" / "fixtures" / "invalid" / "missing-translation.yaml")
        .read_text(encoding="utf-8"), encoding="utf-8")
    base_id = loader.load(tmp_path / "base.yaml").data["id"]
    for n in range(3):
        (tmp_path / f"child-{n}.yaml").write_text(
            f"format: 1\nid: child-{n}\nextends: {base_id}\n", encoding="utf-8")
    report = check_paths([tmp_path], jobs=1)
    by_file = report.by_file()
    parent = [p for p in report.problems if p.path.endswith("base.yaml")]
    assert parent and all(p.rule == "missing-translation" for p in parent)
    assert set(by_file) >= {str(tmp_path / f"child-{n}.yaml") for n in range(3)}


def _word_documents(tmp_path: Path) -> list[Path]:
    """Every DOCX the repository has, and one Word-made style sheet turned inside out:
    a paragraph style id that is missing, one of another type, and no id at all."""
    import docx

    found = sorted(ROOT.glob("examples/*/out/*.docx"))
    odd = docx.Document(str(ROOT / "templates" / "docx" / "reference.docx"))
    for style_id in ("NoSuchStyle", "DefaultParagraphFont", None):
        p = odd.add_paragraph("text")
        if style_id:
            p._p.get_or_add_pPr().get_or_add_pStyle().val = style_id
    odd.add_paragraph("heading", style="Heading 1")
    path = tmp_path / "odd.docx"
    odd.save(str(path))
    return [*found, path]


def test_a_paragraphs_style_is_the_one_python_docx_names(tmp_path):
    import docx

    from jobdocs.importer.docx_source import Styles

    documents = _word_documents(tmp_path)
    assert len(documents) > 5
    for path in documents:
        document = docx.Document(str(path))
        styles = Styles(document)
        for p in document.paragraphs:
            assert styles.name(p) == (p.style.name if p.style is not None else ""), path


_TYPESET = st.text(alphabet="АБИЗПгдекпт.т№NoNо 0123456789 ,%лети\u202f\n", max_size=40)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(_TYPESET, st.sampled_from(
    ["И.И. Иванов", "Иванов И. И.", "2026 г.", "г. Москва", "и т. п.", "т. д.", "№ 15",
     "No. 15", "10 %", "2 лет", "3 months", "5 km", " "])), max_size=6).map("".join))
def test_no_break_spaces_go_where_every_rule_would_put_them(text):
    """typography.nbsp runs a rule only on a text that has what the rule needs: the same
    text as running every rule on every text."""
    from jobdocs.resolve import typography

    every = text.replace("\u202f", typography.NBSP)
    for pattern, replacement in typography._RULES:
        every = pattern.sub(replacement, every)
    assert typography.nbsp(text) == every


def _documents() -> list[object]:
    from jobdocs import load_role, resolve
    from jobdocs.config.profile import load_organization

    examples = ROOT / "examples"
    kam = load_role("key-account-manager")
    return [
        resolve(kam, "ru", load_organization(examples / "romashka" / "organization.yaml")),
        resolve(kam, "en", load_organization(examples / "northwind" / "organization.yaml")),
        resolve(kam, "sv", load_organization(examples / "nordhandel" / "organization.yaml")),
        resolve(load_role(examples / "brightline" / "roles" / "customer-success-manager.yaml"),
                "en", load_organization(examples / "brightline" / "organization.yaml")),
        resolve(load_role(examples / "elbtal" / "roles" / "vertriebsinnendienst.yaml"),
                "de", load_organization(examples / "elbtal" / "organization.yaml")),
    ]


def test_a_docx_written_on_shared_parts_is_the_whole_documents_bytes(tmp_path, monkeypatch):
    """A document written on a skeleton (the parts it shares with every document of its
    house style, made once) has the bytes of one written on a whole copy of the
    reference: on jobdocs' reference, on a letterhead with its own footers and on one
    without any, twice each (the second time from what the first one kept); undated
    between dated ones (which take the core properties an earlier one had)."""
    import dataclasses

    import docx

    from jobdocs.render.docx import skeleton, writer

    plain_letterhead = tmp_path / "plain.docx"
    docx.Document().save(str(plain_letterhead))
    letterheads = [None, ROOT / "templates" / "docx" / "reference.docx", plain_letterhead]
    documents = _documents()
    untraced = dataclasses.replace(documents[0],
                                   frame=dataclasses.replace(documents[0].frame, trace=""))
    undated = dataclasses.replace(documents[0], date=None)
    assert documents[0].date
    cases = [(doc, ref) for ref in letterheads
             for doc in [*documents, untraced, undated, documents[0]]]
    fast = [[writer.render(doc, ref) for doc, ref in cases] for _ in range(2)]
    monkeypatch.setattr(skeleton, "skeleton", lambda *args: None)
    whole = [writer.render(doc, ref) for doc, ref in cases]
    assert fast[0] == whole
    assert fast[1] == whole


def test_a_docx_package_is_the_zip_zipfile_writes():
    """The package's own zip writer (members compressed once, written into many zips)
    gives the bytes of Python's zipfile with fixed times and order."""
    import io
    import zipfile

    from jobdocs.render.docx import package

    members = {"word/document.xml": "<w:document>Текст</w:document>".encode() * 50,
               "[Content_Types].xml": b"<Types/>", "docProps/ü.xml": b"", "a": b"x" * 70000}
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for name in sorted(members, key=lambda n: (n != package.FIRST, n)):
            info = zipfile.ZipInfo(name, date_time=package.ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 0
            z.writestr(info, members[name])
    assert package.zip_members(members) == out.getvalue()
    shared = {name: package.deflate(data) for name, data in members.items()}
    assert package.zip_members(shared) == out.getvalue()


def test_resolving_a_role_leaves_no_cycle_for_the_collector():
    # A cycle (a recursive closure) kept each checked role alive until the cycle
    # collector ran, and made it run: validate's checks spent a tenth of their time in it.
    import gc

    from jobdocs.resolve import resolve
    from jobdocs.roles.library import load_role

    role = load_role(ROOT / "roles" / "key-account-manager.yaml")
    for lang in role.languages:
        resolve(role, lang, trace=False)  # what is compiled once is compiled
    gc.collect()
    gc.disable()
    try:
        for lang in role.languages:
            resolve(role, lang, trace=False)
        assert gc.collect() == 0
    finally:
        gc.enable()


def test_writing_a_docx_on_shared_parts_leaves_no_cycle_for_the_collector():
    # python-docx's document and its body name each other: each document's lxml tree
    # (~0.4 MB) stayed until a full collection, and a build grew by that a document.
    import gc

    from jobdocs.render.docx import writer

    doc = _documents()[0]
    writer.render(doc)  # what is made once is made
    gc.collect()
    gc.disable()
    try:
        writer.render(doc)
        assert gc.collect() == 0
    finally:
        gc.enable()


def test_checking_many_files_keeps_only_their_parents_in_the_memo(tmp_path):
    from jobdocs.check.many import check_many
    from jobdocs.roles.memo import MEMO

    base = ROOT / "roles" / "key-account-manager.yaml"
    (tmp_path / base.name).write_text(base.read_text(encoding="utf-8"), encoding="utf-8")
    children = [tmp_path / f"child-{n}.yaml" for n in range(3)]
    for n, child in enumerate(children):
        child.write_text(f"format: 1\nid: child-{n}\nextends: key-account-manager\n",
                         encoding="utf-8")
    check_many([tmp_path / base.name, *children], jobs=1)
    read = {path for path, _ in MEMO._loaded}
    assert str(tmp_path / base.name) in read  # read again for the children, and kept
    assert not read & {str(c) for c in children}  # each checked once, then let go


def test_made_is_the_dataclass_its_init_makes():
    from dataclasses import FrozenInstanceError

    from jobdocs.model import Clause, DocClause, Mark, made

    given = dict(id="a", text={"ru": "x"}, children=(), numbered=True, mark=Mark("f", 1, 2),
                 text_marks={"ru": Mark("f", 2, 3)}, text_styles={"ru": ">"}, origin="r",
                 law=("ru",), follows={}, silence={"rule": "why"})
    clause = made(Clause, **given)
    assert clause == Clause(**given) and repr(clause) == repr(Clause(**given))
    with pytest.raises(FrozenInstanceError):
        clause.id = "b"  # type: ignore[misc]
    printed = dict(id="a", number="1.2", text="x", children=(), numbered=False, origin="r",
                   level=2)
    assert made(DocClause, **printed) == DocClause(**printed)
    assert hash(made(DocClause, **printed)) == hash(DocClause(**printed))


def test_every_clause_built_and_resolved_has_every_field():
    from dataclasses import fields

    from jobdocs.model import Clause, DocClause
    from jobdocs.resolve import resolve
    from jobdocs.roles.library import load_role

    role = load_role("key-account-manager")
    clauses = [c for top in role.sections["duties"] for c in top.walk()]
    assert all(vars(c).keys() == {f.name for f in fields(Clause)} for c in clauses)
    printed = resolve(role, "ru").all_clauses()
    assert printed and all(vars(c).keys() == {f.name for f in fields(DocClause)}
                           for c in printed)


def test_texts_the_same_in_two_languages_are_found_whatever_their_first_words():
    from jobdocs.check.warnings import _same_in_two_languages
    from jobdocs.model import Clause, Mark

    def same(**text):
        clause = Clause(id="c", text=text, mark=Mark("f", 1, 1))
        return [p.args for p in _same_in_two_languages(clause, tuple(text))]

    assert same(ru="SAP  ERP\n system", en="SAP ERP system", de="SAP") \
        == [(("clause", "c"), ("lang", "en"), ("other", "ru"))]
    assert same(ru="SAP ERP", en="SAP CRM") == []  # the same first word only
    assert same(ru="Ведёт учёт", en="Keeps records") == []
    assert same(ru="", en="  ") == []  # empty texts are words of no one


def test_ref_called_without_the_sandbox_prints_and_fails_as_through_it():
    from jobdocs.resolve import sandbox

    context = {"ref": sandbox.make_ref({"duties-1": "2.1"}, {"item-1": "duties-1"}),
               "other": lambda clause_id: f"<{clause_id}>"}
    for source in ("see {{ ref('duties-1') }}.",
                   "{{ other('duties-1') }} and {{ ref(\"duties-1\") }}"):
        assert sandbox._renderer(source)(context) == sandbox._compiled(source)(context)
    for wrong in ("duties-9", "item-1"):
        source = f"see {{{{ ref('{wrong}') }}}}"
        with pytest.raises(sandbox.RefError) as direct:
            sandbox._renderer(source)(context)
        with pytest.raises(sandbox.RefError) as compiled:
            sandbox._compiled(source)(context)
        assert str(direct.value) == str(compiled.value)


@pytest.mark.parametrize("source", [
    "{{ nope }}", "a {{ x.y }} {{ nope.y }}", "{{ ref(nope) }}", "{{ ref(x.nope) }}",
    "{{ nope(x) }}", "{{ ref(x.y) | upper }} {{ ref(nope.y) }}", "{{ ref('x') }} {{ x.y }}"])
def test_a_name_the_context_lacks_is_left_to_jinja(source):
    from jobdocs.resolve import sandbox

    context = {"x": {"y": "Y"}, "ref": lambda v: f"<{v}>"}
    answers = []
    for render in (sandbox._renderer.__wrapped__(source), sandbox._compiled(source)):
        try:
            answers.append(render(context))
        except Exception as e:  # noqa: BLE001 (Jinja's word on a name it does not know)
            answers.append(f"{type(e).__name__}: {e}")
    assert answers[0] == answers[1]


def test_a_title_form_or_dict_key_read_unasked_is_what_the_sandbox_reads():
    from jinja2.sandbox import ImmutableSandboxedEnvironment

    from jobdocs.model import Mark, Title
    from jobdocs.resolve import sandbox
    from jobdocs.resolve.guard import Undefined

    env, jinja = sandbox.environment(), ImmutableSandboxedEnvironment(undefined=Undefined)
    titles = [Title({"nominative": "a", "genitive": "b"}, Mark("f", 1, 1)), Title.plain("c"),
              Title({"nominative": "d", "mark": "e", "forms": "f", "x": 1})]
    dicts = [{"x": 1, "items": 2, "update": 3, "__class__": 4, "_y": 5, "copy": None, "": 6}]
    names = ["nominative", "genitive", "dative", "mark", "forms", "plain", "x", "_y", "items",
             "update", "copy", "__class__", "__dict__", "missing", ""]
    for obj in [*titles, *dicts]:
        for name in names:
            ours, theirs = env.getattr(obj, name), jinja.getattr(obj, name)
            if isinstance(theirs, Undefined):
                assert type(ours) is type(theirs) and ours._undefined_name == name
            elif callable(theirs):
                assert type(ours) is type(theirs) and ours.__name__ == theirs.__name__
            else:
                assert ours == theirs and type(ours) is type(theirs)


@pytest.mark.parametrize("source", [
    "a {{ b {{ c }}", "{{ ref('x{{y') }}", "{{ x }} }} {{ y }}", "{{{ x }}", "{{}}}",
    "a }} b", "{{ x }}\n", "{{ x }}}", "x\n\n", "{{ x", "{{ x }} {{"])
def test_outputs_are_split_where_jinja_reads_them(source):
    from jobdocs.resolve import sandbox

    context = {"x": "X", "y": "Y", "ref": sandbox.make_ref({"x{{y": "1"}, {})}
    try:
        expected = sandbox._compiled(source)(context)
    except Exception as e:  # noqa: BLE001 (Jinja's word on a text it cannot read)
        expected = type(e).__name__
    try:
        got = sandbox._renderer.__wrapped__(source)(context)
    except Exception as e:  # noqa: BLE001
        got = type(e).__name__
    assert got == expected


def _outputs_as_a_regex_finds_them(source):
    import re

    from jobdocs.resolve import sandbox

    if "{%" in source or "{#" in source:
        return None
    texts, outputs, end = [], [], 0
    for tag in re.finditer(r"\{\{(.*?)\}\}", source, re.S):
        output = sandbox._output(tag.group(1))
        if output is None or "{{" in tag.group(1):  # (the one a split leaves to Jinja)
            return None
        texts.append(source[end:tag.start()])
        outputs.append(output)
        end = tag.end()
    if "{{" in source[end:]:
        return None
    return [*texts, source[end:].removesuffix("\n")], outputs


@settings(max_examples=400, deadline=None, derandomize=True)
@given(st.lists(st.sampled_from(["{{", "}}", "{", "}", " x ", "x", "\n", ".y", "|upper", "{%",
                                  "{#", "('a')", "'"]), max_size=12).map("".join))
@example("{{ x }} }} {{ x.y|upper }}\n")
@example("a {{ b {{ x }}")
def test_a_template_is_split_into_outputs_as_the_regex_found_them(source):
    from jobdocs.resolve import sandbox

    found = sandbox._outputs(source)
    assert (None if found is None else (found[0], found[1])) == \
        _outputs_as_a_regex_finds_them(source)


_TEXTS = st.one_of(st.text(st.sampled_from(" \n\u00a0\u2003abAB{}Йй.")),
                   st.builds(lambda text, n: text * n, st.text(min_size=1, max_size=9),
                             st.integers(60, 200)))


@given(st.lists(st.dictionaries(st.sampled_from(["ru", "en", "de"]), _TEXTS, max_size=3),
                min_size=1, max_size=4),
       st.sampled_from([("ru", "en"), ("en",), ("ru", "en", "de"), ("en", "en")]))
def test_a_clauses_warnings_are_what_asking_each_check_finds(texts, languages):
    from jobdocs.check import warnings
    from jobdocs.model import Clause, Mark, Role

    clauses = tuple(Clause(id=f"c{i}", text=text, mark=Mark("r.yaml", i + 1, 1))
                    for i, text in enumerate(texts))
    role = Role(id="r", version="1", languages=languages, title={},
                sections={"duties": clauses})
    asked = [p for c in clauses for p in (*warnings._same_in_two_languages(c, languages),
                                          *warnings._long(c))]
    assert list(warnings.role_warnings(loader.Loaded("r.yaml", {}), role)) == asked
