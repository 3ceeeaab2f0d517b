"""The record dataclasses are the schema: allowed keys, kinds and translator comments come from
their fields, and topic files go through the same reader (path:line problems, messages)."""
from __future__ import annotations

import dataclasses
import io
import shutil
from pathlib import Path

import pytest

from webapp.catalog import CatalogError, load_catalog
from webapp.catalog.loader import read_topic
from webapp.catalog.model import App, Explainer, Source, Step
from webapp.catalog.schema import fields_of, key_of
from webapp.catalog.topics import RetiredFile, RumorsFile, record_for

FIXTURES = Path(__file__).parent / "fixtures"
RUMORS = """rumors:
  - id: rumor.demo
    claim: Demo reads everything.
    verdict: wrong
    what_is_true: Nothing.
    what_is_not: Everything.
    helps: [demo.verify.code, demo.nope.missing]
    sources:
      - url: https://example.org/story
        title: A story
        read: own-page
        checked: 2026-01-20
"""


def line_of(text: str, needle: str) -> int:
    return next(i for i, line in enumerate(text.splitlines(), 1) if needle in line)


def catalog_dir(tmp_path: Path, **topics: str) -> Path:
    shutil.copytree(FIXTURES / "apps", tmp_path / "apps")
    (tmp_path / "topics").mkdir()
    for name, text in topics.items():
        (tmp_path / "topics" / f"{name}.yaml").write_text(text)
    return tmp_path


def test_allowed_keys_are_the_fields_of_the_record():
    keys = {key_of(f, spec): spec.required for f, spec in fields_of(Step)}
    assert keys == {"id": True, "rev": True, "kind": True, "priority": True, "minutes": True, "platforms": True, "title": True, "body": True,
                    "menu": False, "sources": True}
    app_keys = {key_of(f, spec) for f, spec in fields_of(App)}
    assert {"status", "collectible", "changes", "verified"} <= app_keys and "path" not in app_keys
    assert {f.name for f in dataclasses.fields(Source)} == {key_of(f, s) for f, s in fields_of(Source)}


def test_an_unknown_key_lists_what_the_dataclass_allows(tmp_path):
    text = (FIXTURES / "apps" / "demo.yaml").read_text().replace("    rev: 2\n", "    rev: 2\n    colour: red\n", 1)
    (tmp_path / "apps").mkdir()
    (tmp_path / "apps" / "demo.yaml").write_text(text)
    with pytest.raises(CatalogError) as info:
        load_catalog(tmp_path)
    allowed = ", ".join(sorted(key_of(f, s) for f, s in fields_of(Step)))
    assert f":{line_of(text, 'colour: red')}: step: unknown key 'colour' (allowed: {allowed})" in str(info.value)


def test_one_table_says_which_record_a_topic_file_holds():
    assert record_for("rumors") is RumorsFile and record_for("retired") is RetiredFile
    assert record_for("ai-training") is Explainer and record_for("anything-else") is Explainer


def test_topic_step_references_are_checked_with_their_line(tmp_path):
    with pytest.raises(CatalogError) as info:
        load_catalog(catalog_dir(tmp_path, rumors=RUMORS))
    path = tmp_path / "topics" / "rumors.yaml"
    assert info.value.problems == [f"{path}:{line_of(RUMORS, 'helps:')}: step 'demo.nope.missing' does not exist "
                                   f"in any app file"]


def test_topic_files_load_and_carry_messages_for_translators(tmp_path):
    text = RUMORS.replace(", demo.nope.missing", "")
    catalog = load_catalog(catalog_dir(tmp_path, rumors=text))
    (rumor,) = catalog.topics.rumors
    assert (rumor.id, rumor.verdict, rumor.helps) == ("rumor.demo", "wrong", ("demo.verify.code",))
    _, reader = read_topic(io.StringIO(text), "rumors.yaml", "rumors")
    assert [(m.line, m.text, m.comment) for m in reader.messages] == [
        (3, "Demo reads everything.", "rumor.demo: the rumor, as people repeat it"),
        (5, "Nothing.", "rumor.demo: what is true"), (6, "Everything.", "rumor.demo: what is not true")]


@pytest.mark.parametrize("old, new, needle, expected", [
    ("verdict: wrong", "verdict: maybe", "verdict: maybe", "rumor rumor.demo: 'verdict' is 'maybe'"),
    ("id: rumor.demo", "id: demo.rumor", "id: demo.rumor", "rumor: 'id' must look like 'rumor.topic.action'"),
    ("        checked: 2026-01-20\n", "        checked: 2026-01-20\n    checked: 2026-02-01\n", "checked: 2026-02-01",
     "rumor rumor.demo: 'checked' 2026-02-01 contradicts the date derived from its sources (2026-01-20)"),
    ("rumors:\n", "rumours:\n", "rumours:", "rumors file: unknown key 'rumours'"),
])
def test_broken_topic_files_report_path_and_line(tmp_path, old, new, needle, expected):
    text = RUMORS.replace(", demo.nope.missing", "").replace(old, new, 1)
    _, reader = read_topic(io.StringIO(text), "rumors.yaml", "rumors")
    assert any(p.startswith(f"rumors.yaml:{line_of(text, needle)}: ") and expected in p for p in reader.problems), \
        reader.problems


def test_an_explainer_is_named_by_its_file(tmp_path):
    text = ("id: other\ntitle: T\nsummary: S\nuses: [a]\nexcludes: [b]\nnotes: [c]\nsteps: [demo.verify.code]\n"
            "sources:\n  - url: https://example.org/x\n    title: X\n    read: unread\n")
    record, reader = read_topic(io.StringIO(text), "explain.yaml", "explain")
    assert reader.problems == ["explain.yaml:1: explainer: 'id' is 'other' but the file is named explain.yaml"]
    assert [m.comment for m in reader.messages] == ["explain: page title", "explain: summary",
                                                    "explainer explain: uses", "explainer explain: excludes",
                                                    "explainer explain: notes"]
    assert record.steps == ("demo.verify.code",) and reader.refs == [("demo.verify.code", 7)]


def test_a_retired_app_id_must_be_a_url_part():
    text = ("retired:\n  - id: Old App\n    name: Old\n    vendor: V\n    retired: 2025-01-01\n    note: Gone.\n"
            "    sources:\n      - url: https://example.org/x\n        title: X\n        read: unread\n")
    _, reader = read_topic(io.StringIO(text), "retired.yaml", "retired")
    assert reader.problems == ["retired.yaml:2: retired app: 'id' must be lowercase letters, digits and dashes, "
                               "got 'Old App'"]
