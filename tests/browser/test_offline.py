"""Offline use in a real Chromium: installable, precached per locale, htmx swaps offline,
updates that keep progress, the re-check state after a revision bump, export and import."""
from __future__ import annotations

import contextlib
import json
import re
import shutil
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from support import CHROMIUM, LAUNCH_ARGS, serve
from webapp import create_app

KEY = "lockstep.progress.v1"
CONTENT = Path(__file__).resolve().parents[2] / "webapp" / "content"


def stored(page: Page) -> dict:
    return json.loads(page.evaluate(f"localStorage.getItem('{KEY}')") or "{}")


def wait_until_offline_ready(page: Page) -> None:
    page.wait_for_selector("html[data-offline-ready=true]", state="attached", timeout=60_000)


@contextlib.contextmanager
def offline(context):
    """No network inside the block; back online afterwards, even when an assertion fails."""
    context.set_offline(True)
    try:
        yield
    finally:
        context.set_offline(False)


def save_for_offline(page: Page, *urls: str) -> None:
    """Open each page online and wait until the worker has saved its language."""
    for url in urls:
        page.goto(url)
        wait_until_offline_ready(page)


def choose_language(page: Page, code: str) -> None:
    page.locator(".language-menu summary").click()
    page.locator(f'.language-menu a[hreflang="{code}"]').click()


def test_every_locale_manifest_makes_the_site_installable(playwright, live_server, tmp_path):
    context = playwright.chromium.launch_persistent_context(
        str(tmp_path / "profile"), executable_path=CHROMIUM, args=LAUNCH_ARGS)
    try:
        page = context.new_page()
        for locale in ("en", "ar"):
            page.goto(f"{live_server}/{locale}/")
            page.wait_for_load_state("load")
            cdp = context.new_cdp_session(page)
            assert cdp.send("Page.getInstallabilityErrors")["installabilityErrors"] == []
            manifest = cdp.send("Page.getAppManifest")
            assert manifest["url"].endswith(f"/{locale}/manifest.webmanifest")
            assert manifest["errors"] == []
    finally:
        context.close()


def check_offline_use(page: Page, context, base: str, catalog, *, with_filters: bool) -> None:
    """One visit online, then offline: reload, three other app pages, compare, progress shown."""
    whatsapp = catalog.get("whatsapp")
    page.goto(f"{base}/en/whatsapp/")
    page.locator(f'label[for="check-{whatsapp.steps[0].id}"]').click()
    wait_until_offline_ready(page)

    with offline(context):
        page.reload()
        expect(page.locator(f'[id="check-{whatsapp.steps[0].id}"]')).to_be_checked()
        expect(page.locator("#checklist .progress__text")).to_have_text(f"1 of {len(whatsapp.steps)} steps done")

        if with_filters:  # an htmx swap offline: the platform filter is answered from the cached fragment
            platform = whatsapp.platforms[0]
            page.locator(f'.platform-filter a[href="/en/whatsapp/?platform={platform}"]').click()
            expect(page).to_have_url(f"{base}/en/whatsapp/?platform={platform}")
            expect(page.locator(".platform-filter [aria-current=page]")).to_have_attribute(
                "href", f"/en/whatsapp/?platform={platform}")
            # no saved copy per filter: the page applies it to the steps it already lists
            expect(page.locator("#checklist .step:visible")).to_have_count(len(whatsapp.steps_for(platform)))

        for app_id in ("signal", "messenger", "telegram"):
            app = catalog.get(app_id)
            page.goto(f"{base}/en/{app_id}/")
            expect(page.locator("h1")).to_have_text(app.name)
            expect(page.locator("#checklist .progress__text")).to_have_text(
                f"0 of {len(app.steps)} steps done" if len(app.steps) != 1 else "0 of 1 step done")
        page.goto(f"{base}/en/compare/")
        expect(page.locator("h1")).to_have_text("Compare apps")
        page.goto(f"{base}/en/")
        card = page.locator(".app-card", has=page.locator('a[href="/en/whatsapp/"]'))
        expect(card.locator(".app-card__progress")).to_have_text(f"1 of {len(whatsapp.steps)} steps done")

        # A page nobody saved: the offline page, in the visitor's language, not a browser error.
        page.goto(f"{base}/en/no-such-page/")
        expect(page.locator("h1")).to_have_text("You are offline")


def test_after_one_visit_pages_progress_and_swaps_work_offline(page: Page, context, live_server, catalog):
    check_offline_use(page, context, live_server, catalog, with_filters=True)


def test_an_htmx_request_for_an_unsaved_fragment_gets_the_offline_fragment(page: Page, context):
    page.goto("/en/compare/")
    wait_until_offline_ready(page)
    with offline(context):
        page.locator("input[name=need][value=calls]").check()
        expect(page.locator(".offline-fragment")).to_be_visible()
        expect(page.locator("h1")).to_be_visible()  # the page itself is still there


def write_content(folder: Path, bump: str | None = None) -> None:
    """A copy of the real content; with bump, that step's rev goes up by one (with a change entry)."""
    if folder.exists():
        shutil.rmtree(folder)
    shutil.copytree(CONTENT, folder)
    if bump:
        app_id = bump.split(".")[0]
        path = folder / "apps" / f"{app_id}.yaml"
        text = path.read_text()
        marker = f"  - id: {bump}\n    rev: "
        start = text.index(marker) + len(marker)
        end = text.index("\n", start)
        rev = int(text[start:end])
        text = text[:start] + str(rev + 1) + text[end:]
        text = text.replace("changes:\n", f"changes:\n  - date: 2026-11-20\n    step: {bump}\n    rev: {rev + 1}\n"
                            f"    note: The menu moved.\n", 1)
        path.write_text(text)


class RestartableSite:
    """The app served on one fixed port, restartable with changed content: same origin, so the
    browser keeps its service worker, caches and localStorage across the two versions."""

    def __init__(self, folder: Path):
        self.folder = folder
        write_content(folder)
        self._stack = contextlib.ExitStack()
        self.url = self._stack.enter_context(serve(self._app()))
        self.port = int(self.url.rsplit(":", 1)[1])

    def _app(self):
        return create_app({"TESTING": True, "SECRET_KEY": "test", "CONTENT_DIR": str(self.folder)})

    def restart_with_bump(self, step_id: str) -> None:
        self._stack.close()
        write_content(self.folder, bump=step_id)
        self._stack = contextlib.ExitStack()
        assert self._stack.enter_context(serve(self._app(), port=self.port)) == self.url

    def close(self):
        self._stack.close()


@pytest.fixture()
def restartable_site(tmp_path):
    site = RestartableSite(tmp_path / "content")
    yield site
    site.close()


def test_new_version_keeps_progress_and_shows_changed_steps_for_recheck(page: Page, restartable_site):
    site = restartable_site
    page.goto(f"{site.url}/en/whatsapp/")
    steps = page.locator("input[data-step]")
    changed, unchanged = steps.nth(0).get_attribute("data-step"), steps.nth(1).get_attribute("data-step")
    for step_id in (changed, unchanged):
        page.locator(f'label[for="check-{step_id}"]').click()
    wait_until_offline_ready(page)
    before = stored(page)

    site.restart_with_bump(changed)
    page.reload()  # served by the old worker from cache; the browser finds the new sw.js meanwhile
    notice = page.locator("#update-notice")
    expect(notice).to_be_visible(timeout=30_000)
    notice.get_by_role("button").click()
    page.wait_for_load_state("load")
    # The reload under the new worker serves the new content: the changed step asks for a re-check.
    expect(page.locator(f'[id="check-{changed}"]')).not_to_be_checked(timeout=30_000)
    expect(page.locator(f'[id="{changed}"] .step__recheck')).to_be_visible()
    expect(page.locator(f'[id="check-{unchanged}"]')).to_be_checked()
    assert stored(page) == before  # nothing rewritten, nothing lost
    expect(page.locator("#update-notice")).to_be_hidden()
    # The new worker deleted the old version's cache when it took over.
    names = page.evaluate("caches.keys()")
    assert len([name for name in names if name.startswith("lockstep-")]) == 1, names


def tick_some(page: Page, count: int) -> list[str]:
    ids = [page.locator("input[data-step]").nth(i).get_attribute("data-step") for i in range(count)]
    for step_id in ids:
        page.locator(f'label[for="check-{step_id}"]').click()
    return ids


def test_export_reset_import_restores_progress(page: Page):
    page.goto("/en/signal/")
    ticked = tick_some(page, 3)
    before = stored(page)
    page.goto("/en/progress/")
    page.get_by_role("button", name="Show a text code").click()
    code = page.locator("#export-code")
    expect(code).to_have_value(re.compile(r"^LS1-[A-Za-z0-9_-]+$"))
    text_code = code.input_value()
    with page.expect_download() as download_info:
        page.get_by_role("button", name="Download a file").click()
    file_path = download_info.value.path()
    assert json.loads(Path(file_path).read_text()) == before

    page.once("dialog", lambda dialog: dialog.accept())
    page.locator("section").get_by_role("button", name="Reset all my ticks").click()
    assert stored(page)["steps"] == {}

    page.locator("#import-code").fill(text_code)
    page.get_by_role("button", name="Restore").click()
    expect(page.locator("#import-result")).to_have_text("Restored: 3 new, 0 updated, 0 kept because this device had a newer tick.")
    assert stored(page) == before

    page.locator("#import-file").set_input_files(file_path)  # the file again: nothing newer
    page.get_by_role("button", name="Restore").click()
    expect(page.locator("#import-result")).to_have_text("Restored: 0 new, 0 updated, 3 kept because this device had a newer tick.")
    page.goto("/en/signal/")
    for step_id in ticked:
        expect(page.locator(f'[id="check-{step_id}"]')).to_be_checked()


@pytest.mark.parametrize("garbage", [
    "LS1-not-really-a-code", "hello", '{"version": 1, "steps": {"x": 1}}', '{"version": 9, "steps": {}}',
    "LS1-" + "A" * 10])
def test_garbage_import_is_refused_and_progress_is_intact(page: Page, garbage):
    page.goto("/en/signal/")
    tick_some(page, 2)
    before = stored(page)
    page.goto("/en/progress/")
    page.locator("#import-code").fill(garbage)
    page.get_by_role("button", name="Restore").click()
    expect(page.locator("#import-result")).to_contain_text("Nothing was changed.")
    assert stored(page) == before


def test_too_large_import_file_is_refused(page: Page, tmp_path):
    page.goto("/en/signal/")
    tick_some(page, 1)
    before = stored(page)
    big = tmp_path / "big.json"
    big.write_text(json.dumps({"version": 1, "steps": {}, "padding": "x" * 300_000}))
    page.goto("/en/progress/")
    page.locator("#import-file").set_input_files(str(big))
    page.get_by_role("button", name="Restore").click()
    expect(page.locator("#import-result")).to_have_text("That file is too large to be a Lockstep copy. Nothing was changed.")
    assert stored(page) == before


def test_first_tick_asks_for_durable_storage_and_says_what_the_browser_decided(page: Page):
    page.goto("/en/signal/")
    status = page.locator("#storage-status")
    expect(status).to_be_hidden()  # nothing saved yet, nothing to say
    tick_some(page, 1)
    expect(status).to_be_visible()
    persisted = page.evaluate("navigator.storage.persisted()")
    expect(status).to_have_text(
        "Your ticks are saved on this device, and your browser has agreed to keep them." if persisted else
        "Your ticks are saved on this device, but your browser may clear them when it runs short of space. "
        "Save a copy to be safe.")


def test_a_full_device_gets_a_visible_message_and_keeps_earlier_ticks(page: Page):
    page.goto("/en/signal/")
    first = tick_some(page, 1)[0]
    before = stored(page)
    # Fill this origin's localStorage to its real quota with another key.
    page.evaluate("""() => {
        let chunk = "x".repeat(1 << 20);
        for (let i = 0; ; i++) {
            try { localStorage.setItem("filler" + i, chunk); }
            catch (error) { if (chunk.length < 64) return; chunk = chunk.slice(chunk.length / 2); }
        }
    }""")
    second = page.locator("input[data-step]").nth(1).get_attribute("data-step")
    page.locator(f'label[for="check-{second}"]').click()
    expect(page.locator("#progress-notice")).to_have_text(
        "This device is out of storage space for Lockstep, so this tick was not saved. "
        "Free some space, or save a copy of your progress.")
    assert stored(page) == before and first in before["steps"]


def test_a_guide_walkthrough_works_offline_after_a_visit(page: Page, context, catalog):
    steps = [s for a in ("signal", "wire") for s in catalog.get(a).steps]
    page.goto("/en/guide/walk/1/?apps=signal,wire")
    wait_until_offline_ready(page)
    page.wait_for_load_state("networkidle")  # the page also fetched its other steps for the cache
    with offline(context):
        for number in range(1, 4):
            expect(page.locator(".walk__context")).to_contain_text(f"Step {number} of {len(steps)}")
            page.locator(".walk__next").click()
        expect(page).to_have_url(re.compile(r"/en/guide/walk/4/\?apps=signal,wire$"))
        page.reload()
        expect(page.locator(".walk__context")).to_contain_text(f"Step 4 of {len(steps)}")


def test_switching_language_offline_says_which_language_is_not_saved_with_a_way_back(page: Page, context):
    # Only the visitor's language is saved (a lighter precache): another language's page that
    # was never opened is answered by the visitor's offline page, naming the language asked for.
    save_for_offline(page, "/en/whatsapp/")
    with offline(context):
        choose_language(page, "es")
        expect(page).to_have_url(re.compile(r"/es/whatsapp/$"))
        expect(page.locator("h1")).to_have_text("You are offline")
        expect(page.locator("html")).to_have_attribute("lang", "en")
        expect(page.locator("[data-other-language]")).to_have_text(
            "Pages in Español are not saved on this device yet. Open one while you are online, "
            "and that language is saved too.")
        expect(page.locator(".site-nav")).to_be_visible()  # the normal page frame
        page.locator("[data-history-back]").click()
        expect(page).to_have_url(re.compile(r"/en/whatsapp/$"))
        expect(page.locator("h1")).to_have_text("WhatsApp")


def test_a_language_opened_online_is_saved_for_offline_too(page: Page, context, app):
    from flask_babel import force_locale, gettext
    with app.test_request_context("/es/"), force_locale("es"):
        spanish_lead = gettext("Turn on end-to-end encryption in your messaging apps, check that it is on, "
                               "and secure your backups, step by step.")
    save_for_offline(page, "/en/whatsapp/", "/es/whatsapp/")
    with offline(context):
        page.goto("/es/signal/")
        expect(page.locator("h1")).to_have_text("Signal")
        expect(page.locator("html")).to_have_attribute("lang", "es")
        expect(page.locator('meta[name="description"]')).to_have_attribute("content", spanish_lead)
        page.goto("/en/signal/")
        expect(page.locator("html")).to_have_attribute("lang", "en")


def test_another_guide_offline_is_never_shown_under_this_url(page: Page, context):
    page.goto("/en/guide/?apps=signal&title=First+workshop")
    wait_until_offline_ready(page)
    with offline(context):
        page.goto("/en/guide/?apps=wire&title=Second+workshop")
        expect(page.locator("h1")).to_have_text("You are offline")
        expect(page.locator("body")).not_to_contain_text("First workshop")
        page.goto("/en/guide/?apps=signal&title=First+workshop")
        expect(page.locator("h1")).to_have_text("First workshop")


def test_opening_a_guide_saves_its_walkthrough_and_print_views(page: Page, context, catalog):
    ios = [s for a in ("signal", "wire") for s in catalog.get(a).steps_for("ios")]
    page.goto("/en/guide/?apps=signal,wire&platform=ios")
    wait_until_offline_ready(page)
    with offline(context):
        page.get_by_role("link", name="One step at a time").click()
        expect(page.locator(".walk__context")).to_have_text(f"Your guide · Step 1 of {len(ios)}")
        page.goto(f"/en/guide/walk/{len(ios)}/?apps=signal,wire&platform=ios")
        expect(page.locator(".walk__context")).to_have_text(f"Your guide · Step {len(ios)} of {len(ios)}")
        for view, heading in (("print", "Your guide"), ("handout", "Encrypt your chats")):
            page.goto(f"/en/guide/{view}/?apps=signal,wire&platform=ios")
            expect(page.locator("h1")).to_have_text(heading)


def test_an_ios_walkthrough_offline_counts_only_ios_steps(page: Page, context, catalog):
    ios = catalog.get("whatsapp").steps_for("ios")
    page.goto("/en/whatsapp/walk/?platform=ios")
    wait_until_offline_ready(page)
    with offline(context):
        for number in (1, 2, 3):
            expect(page.locator(".walk__context")).to_have_text(f"WhatsApp · Step {number} of {len(ios)}")
            page.locator(".walk__next").click()
        expect(page).to_have_url(re.compile(r"/en/whatsapp/walk/4/\?platform=ios$"))
        page.reload()
        expect(page.locator(".walk__context")).to_have_text(f"WhatsApp · Step 4 of {len(ios)}")


def test_a_tampered_precache_list_is_refused_and_the_page_says_so(page: Page, context):
    def tampered(route):
        listing = route.fetch().json()
        listing["pages"].append("//evil.example/steal")
        route.fulfill(json=listing)
    context.route("**/en/precache.json", tampered)
    page.goto("/en/signal/")
    page.wait_for_selector("html[data-offline-ready=incomplete]", state="attached", timeout=60_000)
    expect(page.locator("#offline-status")).to_have_text(
        "Not everything could be saved for offline use yet. What was saved before is kept; "
        "Lockstep tries again on your next visit.")
    assert page.evaluate("caches.keys().then(async k => (await (await caches.open(k[0])).keys())"
                         ".some(r => r.url.endsWith('/precache.json')))") is False  # never marked complete


def test_what_they_can_still_see_is_built_offline_from_the_saved_app_pages(page: Page, context, catalog):
    # Not saved as a page of its own: the worker's copy takes each app's claims from its saved page.
    page.goto("/en/whatsapp/")
    wait_until_offline_ready(page)
    with offline(context):
        page.goto("/en/what-they-see/")
        expect(page.locator("h1")).to_have_text("What they can still see about me")
        expect(page.locator(".exposure__app")).to_have_count(len(catalog.apps))
        expect(page.locator(".exposure .claim")).to_have_count(sum(len(app.claims) for app in catalog))
        signal = catalog.get("signal").claims[0]
        expect(page.locator(f'#exposure-signal [id="{signal.id}"] .sources a').first).to_have_attribute(
            "href", signal.sources[0].url)
        expect(page.locator("[data-claims-from]")).to_have_count(0)


def test_the_fallback_for_another_language_is_the_visitors_own_even_with_two_saved(page: Page, context, app):
    from flask_babel import force_locale, gettext
    with app.test_request_context("/fr/"), force_locale("fr"):
        french = gettext("You are offline")
    save_for_offline(page, "/en/whatsapp/", "/fr/whatsapp/")
    with offline(context):
        choose_language(page, "es")
        expect(page).to_have_url(re.compile(r"/es/whatsapp/$"))
        expect(page.locator("h1")).to_have_text(french)  # the French visitor's page, not English
        expect(page.locator("html")).to_have_attribute("lang", "fr")
        expect(page.locator("[data-other-language]")).to_contain_text("Español")
