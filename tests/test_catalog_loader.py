"""Content validation: a good file loads; each kind of broken file names its path and line."""
from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from webapp.catalog import vocab
from webapp.catalog.model import Evidence, split_paragraphs
from webapp.catalog import CatalogError, load_catalog
from webapp.catalog.loader import CONTENT_DIR

FIXTURE = Path(__file__).parent / "fixtures" / "apps" / "demo.yaml"
GOOD = FIXTURE.read_text()


def line_of(text: str, needle: str) -> int:
    """1-based line of the first line containing needle (computed independently of the loader)."""
    return next(i for i, line in enumerate(text.splitlines(), 1) if needle in line)


def write(tmp_path: Path, text: str, name: str = "demo.yaml") -> Path:
    (tmp_path / "apps").mkdir(exist_ok=True)
    (tmp_path / "apps" / name).write_text(text)
    return tmp_path / "apps" / name


def problems_for(tmp_path: Path, text: str, name: str = "demo.yaml") -> list[str]:
    path = write(tmp_path, text, name)
    with pytest.raises(CatalogError) as info:
        load_catalog(tmp_path)
    assert all(p.startswith(f"{path}:") for p in info.value.problems), info.value.problems
    return info.value.problems


def test_good_file_loads_with_all_fields(tmp_path):
    write(tmp_path, GOOD)
    catalog = load_catalog(tmp_path)
    app = catalog.get("demo")
    assert app.name == "Demo Chat"
    assert app.evidence == Evidence(dt.date(2026, 1, 15))  # derived from the sources, never typed
    assert set(app.statuses) == {"chats", "groups", "calls", "backups"}
    assert app.statuses["groups"].value == "opt-in"
    step = app.steps[0]
    assert (step.id, step.rev, step.kind) == ("demo.verify.code", 2, "verify")
    assert step.platforms == ("android", "ios")  # canonical order, whatever the file says
    assert split_paragraphs(step.body) == ["First paragraph.", "Second paragraph."]
    assert step.menu == ("Settings", "Privacy")
    assert app.steps[1].sources[0].secondary is True
    assert [s.id for s in app.steps_for("ios")] == ["demo.verify.code"]
    assert app.claims[0].confidence == "disputed"
    assert app.changes[0].step == "demo.verify.code"


def test_messages_carry_line_numbers_and_context(tmp_path):
    write(tmp_path, GOOD)
    app = load_catalog(tmp_path).get("demo")
    by_text = {m.text: m for m in app.messages}
    assert by_text["Compare the code"].line == line_of(GOOD, "title: Compare the code")
    assert by_text["Privacy"].context == "demo menu"
    assert "demo.verify.code" in by_text["Compare the code"].comment


@pytest.mark.parametrize("old, new, needle, expected", [
    ("kind: verify", "kind: verifyy", "kind: verifyy", "'kind' is 'verifyy', expected one of"),
    ("rev: 1", "rev: 0", "rev: 0", "'rev' must be a whole number >= 1"),
    ("priority: essential", "priority: urgent", "priority: urgent", "'priority' is 'urgent', expected one of"),
    ("minutes: 2", "minutes: 0", "minutes: 0", "'minutes' must be a whole number >= 1"),
    ("minutes: 2", "minutes: soon", "minutes: soon", "'minutes' must be a whole number >= 1"),
    ("value: opt-in", "value: maybe", "value: maybe", "'value' is 'maybe'"),
    ("confidence: disputed", "confidence: sure", "confidence: sure", "'confidence' is 'sure'"),
    ("platforms: [android]", "platforms: [android, fax]", "platforms: [android, fax]", "'fax'"),
    ("url: https://example.org/logs", "url: http://example.org/logs", "http://example.org/logs",
     "source url must start with https://"),
    ("checked: 2026-01-15\nchanges", "checked: 2026-13-45\nchanges", "checked: 2026-13-45", "must be a date"),
    ("verified: 2026-01-15\nplatforms", "verified: 2099-01-01\nplatforms", "verified: 2099-01-01", "in the future"),
    ("    title: Compare the code\n", "    title: Compare the code\n    colour: red\n", "colour: red",
     "unknown key 'colour'"),
    ("id: demo.backup.off", "id: other.backup.off", "id: other.backup.off", "must look like 'demo.topic.action'"),
    ("    text: Sources disagree on what is logged.\n", "    text: ''\n", "text: ''", "'text' must be non-empty"),
])
def test_broken_field_reports_path_and_line(tmp_path, old, new, needle, expected):
    assert old in GOOD
    broken = GOOD.replace(old, new, 1)
    problems = problems_for(tmp_path, broken)
    line = line_of(broken, needle)
    assert any(p.startswith(f"{tmp_path / 'apps' / 'demo.yaml'}:{line}: ") and expected in p for p in problems), problems


def test_yaml_syntax_error_reports_its_line(tmp_path):
    broken = GOOD.replace("    title: Compare the code", "    title: [unclosed")
    problems = problems_for(tmp_path, broken)
    assert len(problems) == 1 and "YAML syntax" in problems[0]
    reported = int(problems[0].split(":")[1])
    assert abs(reported - line_of(broken, "[unclosed")) <= 1


def test_duplicate_key_is_an_error_not_a_silent_overwrite(tmp_path):
    broken = GOOD.replace("    title: Compare the code\n", "    title: Compare the code\n    title: Again\n")
    problems = problems_for(tmp_path, broken)
    assert "duplicate key 'title'" in problems[0]
    assert f":{line_of(broken, 'title: Again')}:" in problems[0]


def test_missing_required_key_and_missing_surface(tmp_path):
    broken = GOOD.replace("vendor: Example Inc.\n", "").replace("  calls:\n    value: none", "  callz:\n    value: none")
    problems = problems_for(tmp_path, broken)
    assert any("missing required key 'vendor'" in p for p in problems)
    assert any(f":{line_of(broken, 'callz:')}: status: unknown key 'callz'" in p for p in problems)
    assert any("missing required key 'calls'" in p for p in problems)


def test_rev_bump_needs_a_change_entry(tmp_path):
    broken = GOOD.replace("    rev: 2\n    note:", "    rev: 1\n    note:")
    problems = problems_for(tmp_path, broken)
    assert any("demo.verify.code is at rev 2: add a change" in p for p in problems)


def test_every_app_needs_a_verify_step(tmp_path):
    broken = GOOD.replace("kind: verify", "kind: learn")
    assert any("at least one step of kind 'verify'" in p for p in problems_for(tmp_path, broken))


def test_file_name_must_match_id(tmp_path):
    problems = problems_for(tmp_path, GOOD, name="other.yaml")
    assert any("the file is named other.yaml" in p for p in problems)


def test_step_ids_are_unique_across_files(tmp_path):
    write(tmp_path, GOOD)
    second = GOOD.replace("id: demo\n", "id: copy\n", 1)
    (tmp_path / "apps" / "copy.yaml").write_text(second.replace("demo.backup.off", "copy.backup.off")
                                        .replace("demo.collect", "copy.collect"))
    with pytest.raises(CatalogError) as info:
        load_catalog(tmp_path)
    assert any("'demo.verify.code'" in p for p in info.value.problems) or any(
        "must look like 'copy.topic.action'" in p for p in info.value.problems)


def test_empty_directory_is_an_error(tmp_path):
    with pytest.raises(CatalogError, match="no content files"):
        load_catalog(tmp_path)


def test_app_fails_to_start_on_a_broken_file(tmp_path):
    from webapp import create_app
    write(tmp_path, GOOD.replace("kind: verify", "kind: nope"))
    with pytest.raises(CatalogError, match=r"demo\.yaml:\d+: step demo\.verify\.code: 'kind' is 'nope'"):
        create_app({"TESTING": True, "CONTENT_DIR": str(tmp_path)})


def test_shipped_catalog_is_valid():
    catalog = load_catalog(CONTENT_DIR)
    assert {"whatsapp", "messenger", "instagram", "facebook"} <= set(catalog.apps)


def test_cli_check_prints_problems_and_exits_1(tmp_path, capsys):
    from webapp.catalog.__main__ import main
    path = write(tmp_path, GOOD.replace("kind: verify", "kind: nope"))
    assert main([str(path)]) == 1
    assert f"{path}:{line_of(GOOD, 'kind: verify')}:" in capsys.readouterr().err
    shutil.copy(FIXTURE, path)
    assert main([str(path)]) == 0


# --- Honest provenance: how a source was read, and dates derived from it. ---

SOURCE = "        title: Chats\n        read: own-page\n        checked: 2026-01-15\n"


@pytest.mark.parametrize("new, needle, expected", [
    ("        title: Chats\n", "url: https://example.org/chats", "missing required key 'read'"),
    ("        title: Chats\n        read: skimmed\n", "read: skimmed", "'read' is 'skimmed', expected one of"),
    ("        title: Chats\n        read: own-page\n", "read: own-page", "read: own-page needs 'checked'"),
    ("        title: Chats\n        read: own-page\n        checked: 2099-01-01\n", "checked: 2099-01-01",
     "in the future"),
    ("        title: Chats\n        read: stored-copy\n        checked: 2026-01-15\n", "read: stored-copy",
     "needs 'copy_date'"),
    ("        title: Chats\n        read: stored-copy\n        checked: 2026-01-15\n        copy_date: 2026-02\n",
     "copy_date: 2026-02", "is later than the day it was read"),
    ("        title: Chats\n        read: stored-copy\n        checked: 2026-01-15\n        copy_date: July\n",
     "copy_date: July", "must be a date written YYYY-MM-DD, a month YYYY-MM or 'undated'"),
    ("        title: Chats\n        read: cited\n        checked: 2026-01-15\n        cited_date: 2025-12\n",
     "read: cited", "needs 'cited_in'"),
    ("        title: Chats\n        read: unread\n        checked: 2026-01-15\n", "checked: 2026-01-15",
     "'checked' does not go with read: unread"),
])
def test_source_provenance_is_checked(tmp_path, new, needle, expected):
    text = GOOD.replace(SOURCE, new, 1)
    assert text != GOOD
    problems = problems_for(tmp_path, text)
    assert any(f":{line_of(text, needle)}: " in p and expected in p for p in problems), problems


def test_a_typed_date_later_than_its_sources_stops_start_up(tmp_path):
    text = GOOD.replace("    note: Chats are encrypted.\n", "    note: Chats are encrypted.\n    verified: 2026-03-01\n", 1)
    problems = problems_for(tmp_path, text)
    assert any(f":{line_of(text, 'verified: 2026-03-01')}: " in p and "contradicts the date derived from its sources"
               in p for p in problems), problems


def test_dates_and_reliance_are_derived_from_how_sources_were_read(tmp_path):
    text = GOOD.replace(SOURCE, "        title: Chats\n        read: cited\n        checked: 2026-01-15\n"
                                "        cited_in: A news story\n        cited_date: 2025-12\n", 1)
    write(tmp_path, text)
    status = load_catalog(tmp_path).get("demo").statuses["chats"]
    assert status.evidence == Evidence(dt.date(2025, 12, 1), month_only=True)
    assert status.reliance == "secondary"  # only seen cited: the page says so
    text = GOOD.replace(SOURCE, "        title: Chats\n        read: unread\n", 1)
    write(tmp_path, text)
    status = load_catalog(tmp_path).get("demo").statuses["chats"]
    assert (status.evidence, status.reliance) == (None, "unread")


def test_priority_and_minutes_are_required_on_every_step(tmp_path):
    write(tmp_path, GOOD.replace("    minutes: 2\n", "", 1).replace("    priority: recommended\n", "", 1))
    with pytest.raises(CatalogError) as error:
        load_catalog(tmp_path)
    text = str(error.value)
    assert "missing required key 'minutes'" in text and "missing required key 'priority'" in text


def test_steps_must_be_ordered_most_important_first(tmp_path):
    write(tmp_path, GOOD.replace("priority: essential", "priority: optional"))
    with pytest.raises(CatalogError) as error:
        load_catalog(tmp_path)
    assert "ordered by priority" in str(error.value)


def test_every_real_step_has_a_priority_and_an_estimate(catalog):
    for app in catalog:
        ranks = [list(vocab.PRIORITIES).index(s.priority) for s in app.steps]
        assert ranks == sorted(ranks), app.id
        assert all(isinstance(s.minutes, int) and 1 <= s.minutes <= 60 for s in app.steps), app.id
