"""axe-core finds no violations on the states this round added: my apps on the home page, skipped
and not-for-me steps, the walkthrough summary, the set-aside view and the notice, in en and ar."""
from __future__ import annotations

import json

import pytest
from playwright.sync_api import Page

from progress_helpers import put, record
from test_accessibility import axe_violations


@pytest.mark.parametrize("locale", ["en", "ar"])
def test_no_axe_violations_with_choices_states_and_set_aside_data(page: Page, catalog, locale):
    steps = catalog.get("signal").steps
    saved = {"version": 2, "prefs": {"apps": ["signal"], "platform": "android", "at": "2026-11-01T10:00:00.000Z"},
             "steps": {steps[0].id: record(steps[0]), steps[1].id: record(steps[1], "skipped"),
                       steps[2].id: record(steps[2], "not-for-me"), "__proto__": {"x": 1}}}
    put(page, json.dumps(saved))
    found = {}
    for path in ["", "signal/", f"signal/walk/{len(steps) + 1}", "signal/walk/1", "progress/"]:
        page.goto(f"/{locale}/{path}")
        page.wait_for_load_state("load")
        if violations := axe_violations(page):
            found[path] = violations
    assert found == {}
