"""The independent review pass (issue #17, TRANSLATING.md): every translated locale has a record
scoring the same 100-entry sample before and after fixes, the record still describes the
catalog, and the banner's "second, independent pass" is claimed exactly where the goal was met."""
from __future__ import annotations

import json
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from webapp.cli import TRANSLATIONS
from webapp.i18n import DEFAULT_LOCALE, LOCALES

REVIEW = Path(__file__).resolve().parents[1] / "docs" / "translation-review"
SAMPLE = json.loads((REVIEW / "sample.json").read_text(encoding="utf-8"))
VERDICTS = {"accepted", "awkward", "wrong", "dangerous"}
TRANSLATED = [loc for loc in LOCALES if loc.url_code != DEFAULT_LOCALE]


def record(site_locale) -> dict:
    path = REVIEW / f"{site_locale.url_code}.json"
    assert path.exists(), f"{path}: no review record for {site_locale.url_code}"
    return json.loads(path.read_text(encoding="utf-8"))


def tally(scores) -> Counter:
    return Counter(score["verdict"] for score in scores)


def meets_goal(scores) -> bool:
    counts = tally(scores)
    return counts["accepted"] >= 97 and counts["wrong"] == 0 and counts["dangerous"] == 0


def test_the_sample_is_one_hundred_distinct_entries_in_fixed_groups():
    keys = [entry["key"] for entry in SAMPLE["entries"]]
    assert len(keys) == len(set(keys)) == 100
    assert Counter(entry["group"] for entry in SAMPLE["entries"]) == {"safety": 20, "menu label": 15, "other": 65}


def test_the_sample_follows_the_english():
    # An entry whose English changes is replaced by its new msgid (keeping the old one as "was"),
    # so the current scores are always of strings the site shows.
    with open(TRANSLATIONS / "messages.pot", "rb") as f:
        template = read_po(f)
    gone = []
    for entry in SAMPLE["entries"]:
        context, _, msgid = entry["key"].rpartition("\x04")
        if template.get(msgid, context=context or None) is None:
            gone.append(entry["key"][:60])
        assert "was" not in entry or entry.get("why"), f"sample.json: {entry['key'][:60]} replaced without a reason"
    assert gone == [], f"docs/translation-review/sample.json: entries no longer in translations/messages.pot: {gone}"


@pytest.mark.parametrize("site_locale", TRANSLATED, ids=lambda loc: loc.url_code)
def test_every_locale_is_scored_on_the_sample_before_and_after(site_locale):
    data = record(site_locale)
    keys = [entry["key"] for entry in SAMPLE["entries"]]
    scored_then = [entry.get("was", entry["key"]) for entry in SAMPLE["entries"]]  # an entry whose English changed
    earlier = [stage for stage in ("after_first_reviewer", "after_second_reviewer", "after_before_label_round")
               if stage in data]
    if "third_reviewer" in data:
        assert "after_second_reviewer" in data, f"{site_locale.url_code}.json: the round the third reviewer re-scored is gone"
    if "label_round" in data:
        assert "after_before_label_round" in data, f"{site_locale.url_code}.json: the scores the label round replaced are gone"
    for stage in ("before", *earlier, "after"):
        scores = data[stage]
        expected = keys if stage in ("after", "after_before_label_round") else scored_then
        assert [score["key"] for score in scores] == expected, f"{site_locale.url_code}.json: {stage} is not the sample"
        bad = [score["key"] for score in scores if score["verdict"] not in VERDICTS]
        assert bad == [], f"{site_locale.url_code}.json: {stage} has unknown verdicts for {bad}"
        unexplained = [score["key"] for score in scores if score["verdict"] != "accepted" and not score.get("note")]
        assert unexplained == [], f"{site_locale.url_code}.json: {stage} has verdicts without a note: {unexplained}"


@pytest.mark.parametrize("site_locale", TRANSLATED, ids=lambda loc: loc.url_code)
def test_the_after_scores_describe_the_catalog_as_it_is(site_locale):
    # A sample translation changed since it was scored needs a new score, not an old one.
    path = TRANSLATIONS / site_locale.babel_code / "LC_MESSAGES" / "messages.po"
    with open(path, "rb") as f:
        catalog = read_po(f, locale=site_locale.babel_code)
    changed = []
    for score in record(site_locale)["after"]:
        context, _, msgid = score["key"].rpartition("\x04")
        message = catalog.get(msgid, context=context or None)
        if message is None:
            continue  # the English changed; the record keeps what was scored
        current = message.string[0] if isinstance(message.string, (list, tuple)) else message.string
        if current != score["translation"]:
            changed.append(msgid[:60])
    assert changed == [], f"{path}: sample entries changed since the review was scored: {changed}"


@pytest.mark.parametrize("site_locale", TRANSLATED, ids=lambda loc: loc.url_code)
def test_the_label_round_was_scored_by_someone_who_did_not_make_its_fixes(site_locale):
    data = record(site_locale)
    if "label_round" not in data:
        assert "after_before_label_round" not in data, f"{site_locale.url_code}.json: label-round scores without the round"
        return
    # Follow-ups inside the round (one more fix each, scored by yet another helper) override its scores, in order.
    passes = [data["label_round"], *data["label_round"].get("follow_up", [])]
    latest = {}
    for step in passes:
        assert step["fixer"]["who"] != step["scorer"]["who"], f"{site_locale.url_code}.json: a fixer scored its own fixes"
        latest.update({entry["key"]: entry for entry in step["scorer"]["entries"]})
    rescored = set(latest)
    before = {score["key"]: score for score in data["after_before_label_round"]}
    # Every sample entry the round changed, and every one not accepted before it, has a new score.
    due = {score["key"] for score in data["after"]
           if score["translation"] != before[score["key"]]["translation"] or before[score["key"]]["verdict"] != "accepted"}
    assert due - rescored == set(), f"{site_locale.url_code}.json: label round left unscored: {sorted(due - rescored)}"
    for score in data["after"]:
        if score["key"] in rescored:
            new = latest[score["key"]]
            assert (score["verdict"], score["translation"]) == (new["verdict"], new["translation"]), score["key"][:60]


@pytest.mark.parametrize("site_locale", TRANSLATED, ids=lambda loc: loc.url_code)
def test_the_banner_claims_a_second_pass_exactly_where_the_goal_was_met(site_locale):
    after = record(site_locale)["after"]
    assert site_locale.second_pass == meets_goal(after), (
        f"webapp/i18n.py: {site_locale.url_code} second_pass={site_locale.second_pass}, but its review "
        f"scored {dict(tally(after))} (goal: >= 97 accepted, 0 wrong, 0 dangerous)")
    assert site_locale.reviewed_percent == 0  # an AI pass never stands for a native speaker's review


def test_the_readme_table_is_the_summary_of_the_records():
    # The README shows the review table; it is printed from the records, never typed.
    summary = subprocess.run([sys.executable, str(REVIEW / "summary.py")], capture_output=True, text=True,
                             check=True).stdout.strip()
    readme = (REVIEW.parents[1] / "README.md").read_text(encoding="utf-8")
    assert summary in readme, "README.md: the review table differs from docs/translation-review/summary.py's output"
