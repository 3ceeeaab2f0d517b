"""A walkthrough that tells the truth, in a real Chromium: Done / Skip / Not for me are recorded
as such, shown, not counted as done, undoable; the walkthrough names the app and ends with a summary."""
from __future__ import annotations

import re

from playwright.sync_api import Page, expect

from progress_helpers import stored, tick


def test_skip_and_not_for_me_on_the_checklist_are_recorded_shown_not_counted_and_undone(page: Page, catalog):
    app = catalog.get("signal")
    first, second, third = app.steps[:3]
    total = len(app.steps)
    page.goto("/en/signal/")
    counter = page.locator("#checklist .progress__text")
    tick(page, first.id)
    page.locator(f'[id="{second.id}"]').get_by_role("button", name="Skip").click()
    page.locator(f'[id="{third.id}"]').get_by_role("button", name="Not for me").click()
    steps = stored(page)["steps"]
    assert [steps[s.id]["state"] for s in (first, second, third)] == ["done", "skipped", "not-for-me"]
    assert steps[second.id]["done"] is False and steps[first.id]["done"] is True
    # Not for me leaves the total; skipped stays in it, not done.
    expect(counter).to_have_text(f"1 of {total - 1} steps done")
    expect(page.locator(f'[id="{second.id}"] [data-state-label]')).to_have_text("Skipped")
    expect(page.locator(f'[id="{third.id}"] [data-state-label]')).to_have_text("Not for me")
    expect(page.locator(f'[id="check-{second.id}"]')).not_to_be_checked()
    page.reload()
    expect(page.locator(f'[id="{second.id}"]').get_by_role("button", name="Skip")).to_have_attribute("aria-pressed", "true")
    page.locator(f'[id="{second.id}"]').get_by_role("button", name="Skip").click()  # undo
    page.locator(f'[id="{third.id}"]').get_by_role("button", name="Not for me").click()
    assert stored(page)["steps"][second.id]["state"] == "open" and stored(page)["steps"][third.id]["state"] == "open"
    expect(counter).to_have_text(f"1 of {total} steps done")
    expect(page.locator(f'[id="{second.id}"] [data-state-label]')).to_be_hidden()


def test_checklist_shows_priority_and_time_most_important_first(page: Page, catalog):
    app = catalog.get("whatsapp")
    page.goto("/en/whatsapp/")
    groups = page.locator("#checklist .step-group").all_inner_texts()
    assert groups == [g for g in ["Essential", "Recommended", "Optional"] if any(s.priority == g.lower() for s in app.steps)]
    step = app.steps[0]
    meta = page.locator(f'[id="{step.id}"] .step__meta')
    expect(meta).to_contain_text("Essential")
    expect(meta).to_contain_text(re.compile(rf"About {step.minutes} minutes?"))


def test_walkthrough_done_skip_not_for_me_and_summary(page: Page, catalog):
    app = catalog.get("signal")
    steps = app.steps
    page.goto("/en/signal/walk/")
    page.get_by_role("link", name="Done, next step").click()
    expect(page.locator("#walk-context")).to_contain_text("Step 2 of")
    page.get_by_role("link", name="Skip", exact=True).click()
    expect(page.locator("#walk-context")).to_contain_text("Step 3 of")
    page.get_by_role("link", name="Not for me").click()
    expect(page.locator("#walk-context")).to_contain_text("Step 4 of")
    # Ticked then unticked on this screen: moving on must not record done.
    tick(page, steps[3].id)
    tick(page, steps[3].id)
    expect(page.locator("#walk .walk__next")).to_have_text("Next step")
    page.locator("#walk .walk__next").click()
    expect(page.locator("#walk-context")).to_contain_text("Step 5 of")
    saved = stored(page)["steps"]
    assert [saved[s.id]["state"] for s in steps[:4]] == ["done", "skipped", "not-for-me", "open"]
    for _ in steps[4:]:
        page.locator("#walk .walk__next").click()
    expect(page.locator("#walk-context")).to_contain_text("Summary")
    counts = {slot.get_attribute("data-count"): slot.inner_text() for slot in page.locator("[data-count]").all()}
    assert counts == {"done": str(1 + len(steps[4:])), "skipped": "1", "not-for-me": "1", "left": "1"}
    expect(page.get_by_role("link", name="See my checklist")).to_be_visible()
    expect(page.get_by_role("link", name="Back to all apps")).to_be_visible()


def test_summary_offers_my_next_app(page: Page):
    page.goto("/en/signal/")
    page.get_by_role("button", name="I use Signal").click()
    page.goto("/en/whatsapp/")
    page.get_by_role("button", name="I use WhatsApp").click()
    page.goto("/en/signal/")
    last = page.locator("#checklist input[data-step]").count()
    page.goto(f"/en/signal/walk/{last + 1}")
    expect(page.get_by_role("link", name="Next app: WhatsApp")).to_be_visible()
    expect(page.get_by_role("link", name=re.compile("^Next app: (?!WhatsApp)"))).to_have_count(0)


def test_guide_walkthrough_names_the_app_on_every_step(page: Page, catalog):
    guide = [(app, s) for app in (catalog.get("whatsapp"), catalog.get("messenger")) for s in app.steps_for("android")]
    page.goto("/en/guide/walk/?apps=whatsapp,messenger&platform=android")
    for number, (app, step) in enumerate(guide, 1):
        expect(page.locator("#walk .walk__app")).to_have_text(f"App: {app.name}")
        assert app.name in page.title()
        following = guide[number][0] if number < len(guide) else None
        label = ("Done, see the summary" if following is None else
                 f"Done, next app: {following.name}" if following.id != app.id else "Done, next step")
        expect(page.locator("#walk .walk__next")).to_have_text(label)
        page.locator("#walk .walk__next").click()
    expect(page.locator("#walk-context")).to_contain_text("Summary")
    expect(page.locator('[data-count="done"]')).to_have_text(str(len(guide)))
