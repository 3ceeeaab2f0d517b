"""Label sources (webapp/labels.py): a `# label-source:` comment on a menu label's .po entry must name a
source someone can follow, and only menu labels carry one; a bad one stops start-up with path:line."""
from __future__ import annotations

import shutil

import pytest

from webapp import labels
from webapp.cli import TRANSLATIONS

ENTRY = 'msgctxt "discord menu"\nmsgid "User Settings"\n'


@pytest.fixture
def translations(tmp_path):
    copy = tmp_path / "translations"
    shutil.copytree(TRANSLATIONS, copy, ignore=shutil.ignore_patterns("*.mo"))
    return copy


def comment_on(translations, entry: str, comment: str):
    path = translations / "es" / "LC_MESSAGES" / "messages.po"
    text = path.read_text(encoding="utf-8")
    at = text.index(entry)
    start = text.rindex("\n\n", 0, at) + 2
    path.write_text(text[:start] + f"# {comment}\n" + text[start:], encoding="utf-8")
    msgid_at = text.index("msgid ", at)
    return path, text[:msgid_at].count("\n") + 2  # the entry's msgid line, one comment line further down


def test_a_recorded_source_marks_the_label_as_the_apps_own(translations):
    comment_on(translations, ENTRY, "label-source: https://support.discord.com/hc/es/articles/219576828 (stored copy, read 2026-12-01)")
    assert ("discord menu", "User Settings") in labels.load(translations)["es"]


@pytest.mark.parametrize("source", ["label-source: a Spanish blog", "label-source: https://example.org",
                                    "label-source: https://example.org (stored copy)",
                                    "label-source: signalapp/Signal-Android strings.xml @main"])
def test_a_source_nobody_can_follow_stops_start_up_at_its_line(translations, source):
    path, line = comment_on(translations, ENTRY, source)
    with pytest.raises(labels.LabelSourceError) as error:
        labels.load(translations)
    assert str(error.value).startswith(f"{path}:{line}: ")


def test_a_label_source_belongs_on_a_menu_label_only(translations):
    path, line = comment_on(translations, 'msgid "Where to find it"\n', "label-source: https://example.org (stored copy, read 2026-12-01)")
    with pytest.raises(labels.LabelSourceError, match="not a menu label") as error:
        labels.load(translations)
    assert str(error.value).startswith(f"{path}:{line}: ")


def test_the_committed_sources_are_all_well_formed():
    confirmed = labels.load(TRANSLATIONS)
    assert set(confirmed) == {"es", "fr", "de", "pt_BR", "ar", "it", "pl", "tr", "ru", "uk", "fa"}
