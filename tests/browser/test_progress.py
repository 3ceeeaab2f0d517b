"""On-device progress in a real Chromium: ticks persist, counters update, resets confirm,
bad saved data is survived, and nothing about progress ever leaves the page."""
from __future__ import annotations

import json
import re

from playwright.sync_api import Page, expect

KEY = "lockstep.progress.v1"


def tick(page: Page, step_id: str) -> None:
    page.locator(f'label[for="check-{step_id}"]').click()


def stored(page: Page) -> dict:
    return json.loads(page.evaluate(f"localStorage.getItem('{KEY}')") or "{}")


def test_tick_survives_reload(page: Page, catalog):
    step = catalog.get("whatsapp").steps[0]
    page.goto("/en/whatsapp/")
    tick(page, step.id)
    record = stored(page)["steps"][step.id]
    assert record["id"] == step.id and record["rev"] == step.rev and record["done"] is True
    assert re.match(r"\d{4}-\d\d-\d\dT", record["at"])
    page.reload()
    expect(page.locator(f'[id="check-{step.id}"]')).to_be_checked()
    tick(page, step.id)  # untick is remembered too
    page.reload()
    expect(page.locator(f'[id="check-{step.id}"]')).not_to_be_checked()


def test_counters_update_live_on_app_and_home_pages(page: Page, catalog):
    app = catalog.get("whatsapp")
    total = len(app.steps)
    page.goto("/en/whatsapp/")
    counter = page.locator("#checklist .progress__text")
    expect(counter).to_have_text(f"0 of {total} steps done")
    tick(page, app.steps[0].id)
    tick(page, app.steps[1].id)
    expect(counter).to_have_text(f"2 of {total} steps done")
    assert page.locator("#checklist progress").evaluate("el => el.value") == 2
    page.goto("/en/")
    card = page.locator(".app-card", has=page.locator('a[href="/en/whatsapp/"]'))
    expect(card.locator(".app-card__progress")).to_have_text(f"2 of {total} steps done")
    other = page.locator(".app-card", has=page.locator('a[href="/en/signal/"]'))
    expect(other.locator(".app-card__progress")).to_have_text(re.compile(r"^0 of \d+ steps? done$"))


def test_reset_app_asks_first_and_only_clears_that_app(page: Page, catalog):
    whatsapp, signal = catalog.get("whatsapp").steps[0], catalog.get("signal").steps[0]
    page.goto("/en/signal/")
    tick(page, signal.id)
    page.goto("/en/whatsapp/")
    tick(page, whatsapp.id)
    messages = []
    page.once("dialog", lambda d: (messages.append(d.message), d.dismiss()))
    page.get_by_role("button", name="Reset my ticks for WhatsApp").click()
    assert "cannot be undone" in messages[0]
    expect(page.locator(f'[id="check-{whatsapp.id}"]')).to_be_checked()  # dismissed: nothing cleared
    page.once("dialog", lambda d: d.accept())
    page.get_by_role("button", name="Reset my ticks for WhatsApp").click()
    expect(page.locator(f'[id="check-{whatsapp.id}"]')).not_to_be_checked()
    assert whatsapp.id not in stored(page)["steps"]
    assert stored(page)["steps"][signal.id]["done"] is True


def test_reset_all_asks_first_and_clears_everything(page: Page, catalog):
    page.goto("/en/whatsapp/")
    tick(page, catalog.get("whatsapp").steps[0].id)
    page.goto("/en/")
    page.once("dialog", lambda d: d.dismiss())
    page.get_by_role("button", name="Reset all my ticks").click()
    assert stored(page)["steps"]
    page.once("dialog", lambda d: d.accept())
    page.get_by_role("button", name="Reset all my ticks").click()
    assert stored(page)["steps"] == {}
    expect(page.locator(".app-card__progress").first).to_contain_text("0 of")


def test_no_progress_ever_leaves_the_page(page: Page, catalog, live_server):
    requests = []
    page.on("request", lambda request: requests.append(request))
    app = catalog.get("whatsapp")
    page.goto("/en/whatsapp/")
    for step in app.steps[:3]:
        tick(page, step.id)
    page.locator(".platform-filter").get_by_role("link", name="iPhone").click()
    expect(page).to_have_url(re.compile(r"platform=ios"))
    page.reload()
    page.goto("/en/")
    assert requests, "the network log recorded nothing"
    ids = [s.id for s in app.steps]
    for request in requests:
        assert request.url.startswith(live_server), f"third-party request: {request.url}"
        blob = " ".join([request.url, request.post_data or "", json.dumps(request.all_headers())])
        for step_id in ids:
            assert step_id not in blob, f"{step_id} leaked in {request.url}"
        assert "lockstep.progress" not in blob and "done" not in blob.lower()
        assert request.method == "GET"
    assert page.context.cookies() == []


def test_platform_filter_swaps_steps_and_pushes_the_url(page: Page, catalog):
    app = catalog.get("whatsapp")
    page.goto("/en/whatsapp/")
    first_ios = next(s for s in app.steps if "ios" in s.platforms)
    tick(page, first_ios.id)
    page.evaluate("window.__notReloaded = true")
    page.locator(".platform-filter").get_by_role("link", name="Android").click()
    expect(page).to_have_url(re.compile(r"/en/whatsapp/\?platform=android$"))
    assert page.evaluate("window.__notReloaded") is True  # swapped by htmx, not a navigation
    shown = page.locator("input[data-step]").evaluate_all("els => els.map(e => e.dataset.step)")
    # the page groups the steps by kind (Turn on, Check, ...), in the content's order within a group
    from webapp.catalog import vocab
    assert shown == [s.id for kind in vocab.STEP_KINDS for s in app.steps if s.kind == kind and "android" in s.platforms]
    expect(page.locator(".platform-filter [aria-current=page]")).to_have_text("Android")
    if "android" in first_ios.platforms:
        expect(page.locator(f'[id="check-{first_ios.id}"]')).to_be_checked()
    page.go_back()
    expect(page).to_have_url(re.compile(r"/en/whatsapp/$"))
    expect(page.locator("input[data-step]")).to_have_count(len(app.steps))


def test_corrupt_saved_progress_keeps_what_it_can_and_says_so(page: Page, catalog):
    good, other = catalog.get("whatsapp").steps[0], catalog.get("whatsapp").steps[1]
    saved = {"version": 1, "steps": {
        good.id: {"id": good.id, "rev": good.rev, "done": True, "at": "2026-11-01T10:00:00.000Z"},
        other.id: {"id": other.id, "rev": "one", "done": "yes"},
        "not an id": 42,
    }}
    page.goto("/en/")
    page.evaluate("([k, v]) => localStorage.setItem(k, v)", [KEY, json.dumps(saved)])
    page.goto("/en/whatsapp/")
    expect(page.locator("#progress-notice")).to_be_visible()
    expect(page.locator("#progress-notice")).to_contain_text("could not be read")
    expect(page.locator(f'[id="check-{good.id}"]')).to_be_checked()
    expect(page.locator(f'[id="check-{other.id}"]')).not_to_be_checked()
    aside = json.loads(page.evaluate("localStorage.getItem('lockstep.progress.unreadable')"))
    assert aside[-1]["data"][other.id] == {"id": other.id, "rev": "one", "done": "yes"}
    assert aside[-1]["data"]["not an id"] == 42


def test_foreign_json_under_the_key_is_set_aside_not_lost(page: Page, catalog):
    page.goto("/en/")
    page.evaluate("([k]) => localStorage.setItem(k, '{not json at all')", [KEY])
    page.goto("/en/whatsapp/")
    expect(page.locator("#progress-notice")).to_be_visible()
    step = catalog.get("whatsapp").steps[0]
    tick(page, step.id)  # the page still works
    assert stored(page)["steps"][step.id]["done"] is True
    aside = json.loads(page.evaluate("localStorage.getItem('lockstep.progress.unreadable')"))
    assert aside[-1]["data"]["raw"] == "{not json at all"


def test_pages_read_fully_without_javascript(browser, live_server, catalog):
    context = browser.new_context(java_script_enabled=False, base_url=live_server)
    page = context.new_page()
    page.goto("/en/whatsapp/")
    for step in catalog.get("whatsapp").steps:
        expect(page.locator(f'[id="{step.id}"]')).to_be_visible()
    expect(page.get_by_role("button", name="Reset my ticks for WhatsApp")).to_be_hidden()
    page.locator(".platform-filter").get_by_role("link", name="iPhone").click()  # a plain link without htmx
    expect(page).to_have_url(re.compile(r"platform=ios"))
    context.close()


def test_no_horizontal_scroll_at_320px(page: Page):
    page.set_viewport_size({"width": 320, "height": 640})
    for url in ["/en/", "/en/whatsapp/", "/en/messenger/?platform=desktop", "/en/nope/"]:
        page.goto(url)
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= 320, f"{url} scrolls sideways ({width}px)"


def test_tap_targets_are_at_least_44px(page: Page):
    page.set_viewport_size({"width": 320, "height": 640})
    page.goto("/en/whatsapp/")
    small = page.evaluate("""() => [...document.querySelectorAll('main a, main button, main summary, main label')]
        .filter(el => el.offsetParent !== null && !el.closest('.sources li, .source-list, .meta, p'))
        .map(el => [el.textContent.trim().slice(0, 30), el.getBoundingClientRect().height])
        .filter(([, h]) => h < 44)""")
    assert small == []


def test_a_record_for_a_removed_step_is_kept_but_shown_and_counted_nowhere(page: Page, catalog):
    app = catalog.get("signal")
    removed = {"id": "signal.removed.old-step", "rev": 3, "done": True, "at": "2026-01-01T00:00:00.000Z"}
    page.goto("/en/signal/")
    page.evaluate(f"localStorage.setItem('{KEY}', JSON.stringify({{version: 1, steps: {{'{removed['id']}': {json.dumps(removed)}}}}}))")
    page.reload()
    expect(page.locator("#checklist .progress__text")).to_have_text(f"0 of {len(app.steps)} steps done")
    assert page.locator('[id*="removed"]').count() == 0
    tick(page, app.steps[0].id)
    expect(page.locator("#checklist .progress__text")).to_have_text(f"1 of {len(app.steps)} steps done")
    assert stored(page)["steps"][removed["id"]] == removed  # untouched by later writes
    page.goto("/en/")
    card = page.locator(".app-card", has=page.locator('a[href="/en/signal/"]'))
    expect(card.locator(".app-card__progress")).to_have_text(f"1 of {len(app.steps)} steps done")
