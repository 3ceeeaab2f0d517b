"""My apps and my platform, in a real Chromium: chosen once, saved with the ticks, counted for
that platform only, exported and imported with them, never sent."""
from __future__ import annotations

import json
import re

from playwright.sync_api import Page, expect

from progress_helpers import KEY, put, raw, record, stored, tick
from webapp.catalog import vocab


def choose_platform(page: Page, code: str) -> None:
    page.locator("select[data-my-platform]").first.select_option(code)


def card(page: Page, app_id: str):
    return page.locator(f'li[data-app-card="{app_id}"]')


def test_platforms_in_the_script_are_the_contents(page: Page):
    page.goto("/en/")
    assert page.evaluate("import('/static/js/progress-store.js').then(m => m.PLATFORMS)") == list(vocab.PLATFORMS)


def test_home_shows_my_apps_first_in_my_order(page: Page):
    page.goto("/en/signal/")
    page.get_by_role("button", name="I use Signal").click()
    page.goto("/en/whatsapp/")
    page.get_by_role("button", name="I use WhatsApp").click()
    expect(page.get_by_role("button", name="I use WhatsApp")).to_have_attribute("aria-pressed", "true")
    assert stored(page)["prefs"]["apps"] == ["signal", "whatsapp"]
    page.goto("/en/")
    mine = page.locator("[data-my-apps]")
    expect(mine).to_be_visible()
    assert mine.locator("li[data-app-card]").evaluate_all("els => els.map(e => e.dataset.appCard)") == ["signal", "whatsapp"]
    first = page.locator("li[data-app-card]").first
    expect(first).to_have_attribute("data-app-card", "signal")
    # Not mine any more: back in its own group, nothing else changes.
    card(page, "signal").get_by_role("button", name="I use Signal").click()
    assert mine.locator("li[data-app-card]").evaluate_all("els => els.map(e => e.dataset.appCard)") == ["whatsapp"]
    expect(page.locator('[data-app-home="other"] li[data-app-card="signal"]')).to_have_count(1)


def test_progress_is_counted_for_my_platform_and_a_finished_app_reads_done(page: Page, catalog):
    app = catalog.get("instagram")
    platform = next(p for p in app.platforms if 0 < len(app.steps_for(p)) < len(app.steps))
    mine = app.steps_for(platform)
    page.goto("/en/instagram/")
    choose_platform(page, platform)
    counter = page.locator("#checklist .progress__text")
    expect(counter).to_have_text(re.compile(rf"^0 of {len(mine)} steps? done$"))
    for step in mine:
        tick(page, step.id)
    expect(counter).to_have_text(f"{len(mine)} of {len(mine)} steps done" if len(mine) > 1 else "1 of 1 step done")
    expect(page.locator("#checklist [data-finished]")).to_be_visible()
    other = next(s for s in app.steps if platform not in s.platforms)
    expect(page.locator(f'[id="{other.id}"] .step__elsewhere')).to_be_visible()
    page.goto("/en/")
    expect(card(page, "instagram").locator(".app-card__done")).to_be_visible()
    expect(card(page, "instagram").locator(".app-card__progress")).to_contain_text(f"{len(mine)} of {len(mine)}")
    # Changing platform never loses a tick: the counter changes, the records do not.
    before = stored(page)["steps"]
    choose_platform(page, "")
    expect(card(page, "instagram").locator(".app-card__progress")).to_have_text(f"{len(mine)} of {len(app.steps)} steps done")
    expect(card(page, "instagram").locator(".app-card__done")).to_be_hidden()
    assert stored(page)["steps"] == before and stored(page)["prefs"]["platform"] is None


def test_my_choices_never_leave_the_page(page: Page, live_server):
    requests = []
    page.on("request", lambda request: requests.append(request))
    page.goto("/en/threema/")
    page.get_by_role("button", name="I use Threema").click()
    choose_platform(page, "desktop")
    page.goto("/en/")
    page.goto("/en/threema/walk/")
    page.goto("/en/progress/")
    assert stored(page)["prefs"]["apps"] == ["threema"]
    for request in requests:
        blob = " ".join([request.url, request.post_data or "", json.dumps(request.all_headers())])
        assert "desktop" not in blob and "prefs" not in blob and "lockstep.progress" not in blob, request.url
        assert request.method == "GET"
    assert not any("threema" in r.url for r in requests if "/threema/" not in r.url)
    assert page.context.cookies() == []


def test_version_1_progress_is_migrated_and_every_record_kept(page: Page, catalog):
    steps = catalog.get("whatsapp").steps[:3]
    old = {s.id: {"id": s.id, "rev": s.rev, "done": i != 1, "at": "2026-10-01T10:00:00.000Z"} for i, s in enumerate(steps)}
    old["gone.step.removed"] = {"id": "gone.step.removed", "rev": 4, "done": True, "at": "2026-01-01T00:00:00.000Z"}
    put(page, json.dumps({"version": 1, "steps": old}))
    page.goto("/en/whatsapp/")
    expect(page.locator(f'[id="check-{steps[0].id}"]')).to_be_checked()
    expect(page.locator("#progress-notice")).to_be_hidden()
    tick(page, steps[2].id)  # the first write stores version 2
    saved = stored(page)
    assert saved["version"] == 2 and saved["prefs"] == {"apps": [], "platform": None, "at": None}
    assert set(saved["steps"]) == set(old)
    assert saved["steps"][steps[1].id]["state"] == "open"
    assert saved["steps"]["gone.step.removed"] == {**old["gone.step.removed"], "state": "done"}


def test_bad_saved_choices_are_ignored_with_a_notice_and_no_tick_is_lost(page: Page, catalog):
    step = catalog.get("signal").steps[0]
    put(page, json.dumps({"version": 2, "prefs": {"apps": ["signal", 7, "<b>x</b>"], "platform": "fax", "at": "soon"},
                          "steps": {step.id: record(step)}}))
    page.goto("/en/")
    expect(page.locator("#progress-notice")).to_be_visible()
    expect(page.locator("#progress-notice")).to_contain_text("1 records were kept and 3 set aside")
    expect(page.locator("[data-my-apps] li[data-app-card]")).to_have_count(1)  # the valid one still counts
    expect(page.locator("select[data-my-platform]")).to_have_value("")
    expect(card(page, "signal").locator(".app-card__progress")).to_contain_text("1 of")
    aside = json.loads(raw(page, "lockstep.progress.unreadable"))
    assert aside[-1]["data"] == {"prefs.apps": [7, "<b>x</b>"], "prefs.platform": "fax", "prefs.at": "soon"}
    assert stored(page)["steps"][step.id]["state"] == "done"
    for broken in ['{"version": 2, "prefs": "ios", "steps": {}}', '{"version": 2, "prefs": {"apps": {"a": 1}}, "steps": {}}']:
        put(page, broken)
        page.goto("/en/whatsapp/")
        expect(page.locator("#checklist .progress__text")).to_contain_text("0 of")  # the page still works
        expect(page.locator("#progress-notice")).to_be_visible()


def test_export_and_import_carry_my_choices(page: Page, catalog):
    step = catalog.get("whatsapp").steps[0]
    page.goto("/en/whatsapp/")
    page.get_by_role("button", name="I use WhatsApp").click()
    choose_platform(page, "android")
    tick(page, step.id)
    page.goto("/en/progress/")
    page.get_by_role("button", name="Show a text code").click()
    box = page.locator("#export-code")
    expect(box).to_have_value(re.compile(r"^LS1-[A-Za-z0-9_-]+$"))  # the code is made asynchronously
    code = box.input_value()
    page.evaluate(f"localStorage.removeItem('{KEY}')")
    page.reload()
    page.locator("#import-code").fill(code)
    page.get_by_role("button", name="Restore").click()
    expect(page.locator("#import-result")).to_contain_text("1 new")
    prefs = stored(page)["prefs"]
    assert prefs["apps"] == ["whatsapp"] and prefs["platform"] == "android"
    assert stored(page)["steps"][step.id]["state"] == "done"


def test_a_saved_app_lockstep_does_not_know_is_kept_and_said(page: Page, catalog):
    step = catalog.get("signal").steps[0]
    put(page, json.dumps({"version": 2, "prefs": {"apps": ["retired-app", "signal"], "platform": None, "at": None},
                          "steps": {step.id: record(step)}}))
    page.goto("/en/")
    expect(page.locator("#progress-notice")).to_contain_text("not on Lockstep: 1")
    expect(page.locator("[data-my-apps] li[data-app-card]")).to_have_count(1)
    page.get_by_role("button", name="I use WhatsApp").click()
    assert stored(page)["prefs"]["apps"] == ["retired-app", "signal", "whatsapp"]  # never dropped
