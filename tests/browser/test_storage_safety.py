"""Device storage is sacred, in a real Chromium: nothing unreadable is dropped (not on a full
device, not for prototype keys), the notice says exactly what happened until dismissed, the set-aside
view shows it, and imports are all or nothing with the size limit enforced while inflating."""
from __future__ import annotations

import json
import time

import pytest
from playwright.sync_api import Page, expect

from progress_helpers import ASIDE, KEY, put, raw, record, stored, tick

HOSTILE_KEYS = ["__proto__", "constructor", "prototype", "toString", "hasOwnProperty"]


@pytest.mark.parametrize("key", HOSTILE_KEYS)
def test_prototype_keys_are_set_aside_never_dropped(page: Page, catalog, key):
    good = catalog.get("whatsapp").steps[0]
    text = '{"version": 2, "steps": {"%s": {"id": "%s", "rev": 1, "state": "done", "done": true, "at": "2026-01-01T00:00:00.000Z"}, "%s": %s}}' % (
        key, key, good.id, json.dumps(record(good)))
    put(page, text)
    page.goto("/en/whatsapp/")
    notice = page.locator("#progress-notice")
    expect(notice).to_contain_text("1 records were kept and 1 set aside")
    expect(page.locator(f'[id="check-{good.id}"]')).to_be_checked()
    aside = json.loads(raw(page, ASIDE))
    assert aside[-1]["data"][key]["id"] == key  # a real own key, not a prototype swap
    tick(page, catalog.get("whatsapp").steps[1].id)  # the next write keeps the set-aside copy
    assert json.loads(raw(page, ASIDE))[-1]["data"][key]["id"] == key
    # The notice stays on every page until dismissed.
    page.goto("/en/")
    expect(notice).to_be_visible()
    notice.get_by_role("button", name="Dismiss").click()
    expect(notice).to_be_hidden()
    page.reload()
    expect(notice).to_be_hidden()


def test_notice_says_exactly_when_nothing_could_be_read(page: Page):
    put(page, "{not json at all")
    page.goto("/en/signal/")
    expect(page.locator("#progress-notice")).to_contain_text("could not be read at all")
    expect(page.locator("#progress-notice")).to_contain_text("0 records were kept")
    expect(page.locator("#progress-notice")).not_to_contain_text("Part of")


def test_set_aside_view_shows_downloads_and_discards_with_confirmation(page: Page, catalog):
    good = catalog.get("signal").steps[0]
    put(page, json.dumps({"version": 2, "steps": {good.id: record(good), "bad.step": {"rev": "x"}}}))
    page.goto("/en/progress/")
    section = page.locator("#set-aside")
    expect(section.locator("#set-aside-summary")).to_have_text("Items set aside on this device: 1.")
    expect(section.locator("#set-aside-data")).to_contain_text('"bad.step"')
    with page.expect_download() as info:
        section.get_by_role("button", name="Download what was set aside").click()
    downloaded = json.loads(open(info.value.path()).read())
    assert downloaded[-1]["data"] == {"bad.step": {"rev": "x"}}
    page.once("dialog", lambda d: d.dismiss())
    section.get_by_role("button", name="Delete what was set aside").click()
    assert raw(page, ASIDE) is not None
    page.once("dialog", lambda d: d.accept())
    section.get_by_role("button", name="Delete what was set aside").click()
    assert raw(page, ASIDE) is None
    expect(section.locator("#set-aside-summary")).to_have_text("Nothing is set aside on this device.")
    assert stored(page)["steps"][good.id]["state"] == "done"


FILL = """() => {
  // Fill this origin's real quota, leaving less room than any record needs.
  let chunk = "x".repeat(1 << 20), i = 0;
  while (chunk.length >= 1) {
    try { localStorage.setItem("filler" + i, chunk); i += 1; } catch { chunk = chunk.slice(0, chunk.length >> 1); }
  }
  return i;
}"""


def test_a_full_device_that_cannot_set_aside_writes_nothing_and_says_so(page: Page, catalog):
    good, other = catalog.get("whatsapp").steps[:2]
    text = json.dumps({"version": 2, "steps": {good.id: record(good), "__proto__": {"evil": True}, "x.y": 1}})
    put(page, text)
    assert page.evaluate(FILL) > 0
    page.goto("/en/whatsapp/")
    notice = page.locator("#progress-notice")
    expect(notice).to_contain_text("no room to set it aside")
    expect(page.locator(f'[id="check-{good.id}"]')).to_be_checked()  # what could be read is shown
    tick(page, other.id)
    expect(notice).to_contain_text("no room to set it aside")
    assert raw(page) == text  # byte for byte: nothing was dropped or rewritten
    assert raw(page, ASIDE) is None
    page.evaluate("() => { for (const k of Object.keys(localStorage)) if (k.startsWith('filler')) localStorage.removeItem(k); }")
    page.reload()  # room again: now it is set aside, and the next tick is saved
    expect(notice).to_contain_text("1 records were kept and 2 set aside")
    assert set(json.loads(raw(page, ASIDE))[-1]["data"]) == {"__proto__", "x.y"}
    tick(page, other.id)
    assert stored(page)["steps"][other.id]["state"] == "done"


def test_a_full_device_refuses_a_tick_and_keeps_the_old_one(page: Page, catalog):
    step = catalog.get("signal").steps[0]
    page.goto("/en/signal/")
    tick(page, step.id)
    before = raw(page)
    page.evaluate(FILL)
    page.locator(f'[id="{step.id}"]').get_by_role("button", name="Skip").click()
    expect(page.locator("#progress-notice")).to_contain_text("out of storage space")
    assert raw(page) == before
    expect(page.locator(f'[id="check-{step.id}"]')).to_be_checked()  # the page shows what is saved


def import_text(page: Page, text: str) -> str:
    page.goto("/en/progress/")
    page.locator("#import-code").fill(text)
    page.get_by_role("button", name="Restore").click()
    return page.locator("#import-result").inner_text()


@pytest.mark.parametrize("bad", [
    {"__proto__": {"id": "__proto__", "rev": 1, "state": "done", "done": True, "at": "2026-01-01T00:00:00.000Z"}},
    {"signal.x.y": {"id": "signal.x.y", "rev": 1e300, "state": "done", "done": True, "at": "2026-01-01T00:00:00.000Z"}},
    {"signal.x.y": {"id": "signal.x.y", "rev": 0, "state": "done", "done": True, "at": "2026-01-01T00:00:00.000Z"}},
    {"signal.x.y": {"id": "signal.x.y", "rev": 1, "state": "done", "done": True, "at": "<img src=x onerror=alert(1)>"}},
    {"signal.x.y": {"id": "signal.x.y", "rev": 1, "state": "done", "done": True, "at": "9999-01-01T00:00:00.000Z"}},
    {"signal.x.y": {"id": "signal.x.y", "rev": 1, "state": "done", "done": True, "at": "2026-02-30T00:00:00.000Z"}},
    {"signal.x.y": {"id": "signal.x.y", "rev": 1, "state": "maybe", "done": False, "at": "2026-01-01T00:00:00.000Z"}},
    {"signal.x.y": {"id": "signal.x.y", "rev": 1, "state": "skipped", "done": True, "at": "2026-01-01T00:00:00.000Z"}},
    {"Signal.X": {"id": "Signal.X", "rev": 1, "state": "done", "done": True, "at": "2026-01-01T00:00:00.000Z"}},
])
def test_an_import_with_one_invalid_record_is_refused_whole(page: Page, catalog, bad):
    good = catalog.get("signal").steps[0]
    steps = {good.id: record(good)}
    text = json.dumps({"version": 2, "steps": {**steps, **bad}}) if "__proto__" not in bad else (
        '{"version": 2, "steps": {"%s": %s, "__proto__": %s}}' % (good.id, json.dumps(record(good)), json.dumps(bad["__proto__"])))
    assert "Nothing was changed" in import_text(page, text)
    assert raw(page) is None


def test_an_import_with_a_bad_platform_is_refused_whole(page: Page, catalog):
    good = catalog.get("signal").steps[0]
    text = json.dumps({"version": 2, "prefs": {"apps": ["signal"], "platform": "fax"}, "steps": {good.id: record(good)}})
    assert "Nothing was changed" in import_text(page, text)
    assert raw(page) is None


def test_an_old_version_1_copy_still_imports(page: Page, catalog):
    good = catalog.get("signal").steps[0]
    text = json.dumps({"version": 1, "steps": {good.id: {"id": good.id, "rev": good.rev, "done": True, "at": "2026-01-01T00:00:00.000Z"}}})
    assert "1 new" in import_text(page, text)
    assert stored(page)["steps"][good.id]["state"] == "done"


def test_a_decompression_bomb_stops_at_the_limit_while_inflating(page: Page):
    page.goto("/en/progress/")
    # A few hundred KB of code that would inflate to 180 MB: made here, in the browser.
    code = page.evaluate("""async () => {
      const zeros = new Uint8Array(1 << 20);
      const stream = new ReadableStream({ start(c) { for (let i = 0; i < 180; i++) c.enqueue(zeros); c.close(); } });
      const bytes = new Uint8Array(await new Response(stream.pipeThrough(new CompressionStream("deflate-raw"))).arrayBuffer());
      let binary = ""; for (const b of bytes) binary += String.fromCharCode(b);
      return "LS1-" + btoa(binary).replaceAll("+", "-").replaceAll("/", "_").replace(/=+$/, "");
    }""")
    assert len(code) < 256 * 1024
    started = time.monotonic()
    result = page.evaluate("""async (code) => {
      const { decode } = await import('/static/js/transfer.js');
      try { await decode(code); return "inflated"; } catch (e) { return e.constructor.name; }
    }""", code)
    elapsed = time.monotonic() - started
    assert result == "TooLarge"
    assert elapsed < 1.0, f"took {elapsed:.2f}s: the limit was not enforced while inflating"
    page.locator("#import-code").fill(code)
    page.get_by_role("button", name="Restore").click()
    expect(page.locator("#import-result")).to_contain_text("too large")
    print(f"bomb of {len(code)} characters refused in {elapsed * 1000:.0f} ms")


def test_keys_this_version_does_not_write_are_set_aside_not_dropped(page: Page, catalog):
    good, extra = catalog.get("signal").steps[:2]
    put(page, json.dumps({"version": 2, "later": {"x": 1}, "prefs": {"apps": [], "platform": None, "colour": "red"},
                          "steps": {good.id: record(good), extra.id: {**record(extra), "note": "mine"}}}))
    page.goto("/en/signal/")
    expect(page.locator("#progress-notice")).to_contain_text("1 records were kept and 3 set aside")
    data = json.loads(raw(page, ASIDE))[-1]["data"]
    assert data == {"top.later": {"x": 1}, "prefs.colour": "red", extra.id: {**record(extra), "note": "mine"}}
