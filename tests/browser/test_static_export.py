"""The static export on plain static hosts (Python's http.server and Debian's nginx, both
serving it under a subfolder) does what the live server does, and works offline."""
from __future__ import annotations

import re
import urllib.error
import urllib.request

import pytest
from playwright.sync_api import Page, expect

from static_hosts import http_server, nginx
from test_offline import choose_language, offline, save_for_offline, wait_until_offline_ready
from webapp import create_app, i18n, sitemap
from webapp.export import export_site

BASE = "/sub/"
LOCALES = [loc.url_code for loc in i18n.LOCALES]


@pytest.fixture(scope="module")
def export_root(tmp_path_factory):
    root = tmp_path_factory.mktemp("export")
    app = create_app({"TESTING": True, "SECRET_KEY": "test"})
    assert export_site(app, root / BASE.strip("/"), base_path=BASE) > 1000
    return root


@pytest.fixture(scope="module", params=["http.server", "nginx"])
def site(request, export_root, tmp_path_factory):
    """The export's address on one host: origin + /sub/."""
    if request.param == "http.server":
        with http_server(export_root) as origin:
            yield origin + BASE
    else:
        with nginx(export_root, tmp_path_factory.mktemp("nginx"), BASE, LOCALES) as origin:
            yield origin + BASE


def fetch(url: str):
    try:
        response = urllib.request.urlopen(url, timeout=5)
    except urllib.error.HTTPError as error:
        response = error
    return response.status, response.headers.get_content_type(), response.read().decode("utf-8", "replace")


def test_export_has_every_locale_the_worker_and_404_pages(export_root, catalog):
    folder = export_root / BASE.strip("/")
    assert (folder / "sw.js").is_file() and (folder / "index.html").is_file() and (folder / "404.html").is_file()
    for locale in LOCALES:
        for name in ("index.html", "manifest.webmanifest", "precache.json", "404.html", "guide/index.html",
                     "guide/walk/2/index.html", "workshop/index.html", "whatsapp/walk/3/index.html"):
            assert (folder / locale / name).is_file(), (locale, name)
        for app in catalog:
            assert (folder / locale / app.id / "index.html").is_file(), (locale, app.id)
    # No file without an extension: a static host would send it as a download.
    assert [p for p in folder.rglob("*") if p.is_file() and not p.suffix] == []


def test_every_exported_page_is_in_its_own_language(export_root, app, client):
    # Each page's title and labelled landmarks match what the live server sends for that URL, and
    # each language's script strings are the server's: no page written in another page's language.
    folder = export_root / BASE.strip("/")
    with app.test_request_context():
        urls = [url for loc in i18n.LOCALES for url in sitemap.page_urls(app.extensions["catalog"], loc.url_code)]

    def words(html: str) -> list[str]:
        return re.findall(r"<title>(.*?)</title>", html, re.S) + re.findall(r'aria-label="([^"]*)"', html)

    for url in urls:
        exported = (folder / url.strip("/") / "index.html").read_text(encoding="utf-8")
        assert words(exported) == words(client.get(url).get_data(as_text=True)), url
    for loc in i18n.LOCALES:
        script = f"{loc.url_code}/strings.js"
        exported = (folder / script).read_text(encoding="utf-8").replace(f'"{BASE}', '"/')  # its links start at /sub/
        assert exported == client.get("/" + script).get_data(as_text=True), script


@pytest.mark.parametrize("path", ["", "en/", "en/whatsapp/walk/3/?platform=ios", "en/guide/?apps=signal,wire",
                                  "en/guide/walk/2/?apps=signal", "en/guide/print/?apps=signal",
                                  "en/guide/handout/?apps=signal", "en/guide/projector/?apps=signal",
                                  "en/workshop/?apps=signal&submit=x", "en/compare/?need=calls", "ar/offline/"])
def test_every_page_url_is_served_as_html(site, path):
    status, kind, _ = fetch(site + path)
    assert (status, kind) == (200, "text/html")


def test_a_missing_page_gets_the_localized_404(site, request):
    status, _, html = fetch(site + "es/no-such-page/")
    assert status == 404
    if request.node.callspec.params["site"] == "nginx":  # http.server only has its own bare page
        assert 'lang="es"' in html and "Esta página no existe." in html and f'href="{BASE}es/"' in html


def test_root_picks_the_browser_language_and_lists_every_language(site, browser):
    context = browser.new_context(locale="de-DE")
    page = context.new_page()
    page.goto(site)
    expect(page).to_have_url(site + "de/")
    context.close()
    status, _, html = fetch(site)
    for loc in i18n.LOCALES:
        assert f'href="{BASE}{loc.url_code}/"' in html and loc.native_name in html


def test_platform_filter_and_compare_apply_on_the_device(page: Page, site, catalog):
    whatsapp = catalog.get("whatsapp")
    page.goto(site + "en/whatsapp/?platform=ios")
    expect(page.locator("#checklist .step:visible")).to_have_count(len(whatsapp.steps_for("ios")))
    expect(page.locator("#checklist .progress__text")).to_have_text(f"0 of {len(whatsapp.steps_for('ios'))} steps done")
    expect(page.locator(".platform-filter [aria-current=page]")).to_have_attribute("data-platform", "ios")
    expect(page.locator("[data-needs-script]")).to_be_hidden()
    page.goto(site + "en/compare/?need=calls&need=backups")
    matching = [app for app in catalog if app.meets("calls") and app.meets("backups")]
    expect(page.locator("#compare-table tbody tr:visible")).to_have_count(len(matching))
    expect(page.locator("input[name=need][value=calls]")).to_be_checked()


def test_without_javascript_the_export_shows_everything_with_a_note(browser, site, catalog):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site + "en/whatsapp/?platform=ios")
    expect(page.locator("#checklist .step")).to_have_count(len(catalog.get("whatsapp").steps))
    expect(page.locator("#checklist [data-needs-script]")).to_be_visible()
    context.close()


def test_walkthrough_reload_on_step_3_and_ios_only(page: Page, site, catalog):
    ios = catalog.get("whatsapp").steps_for("ios")
    page.goto(site + "en/whatsapp/walk/?platform=ios")
    for number in (1, 2):
        expect(page.locator(".walk__context")).to_have_text(f"WhatsApp · Step {number} of {len(ios)}")
        expect(page.locator(".walk__next")).to_have_attribute("href", re.compile(rf"/walk/{number + 1}/\?platform=ios$"))
        page.locator(".walk__next").click()
    expect(page).to_have_url(site + "en/whatsapp/walk/3/?platform=ios")
    page.reload()
    expect(page.locator(".walk__context")).to_have_text(f"WhatsApp · Step 3 of {len(ios)}")
    expect(page.locator("#walk .step__title")).to_have_text(ios[2].title)


def test_the_walkthrough_ends_with_the_summary_like_the_server(page: Page, site, catalog):
    ios = catalog.get("whatsapp").steps_for("ios")
    page.goto(site + f"en/whatsapp/walk/{len(ios)}/?platform=ios")
    expect(page.locator(".walk__next")).to_have_attribute("href", re.compile(rf"/walk/{len(ios) + 1}/\?platform=ios$"))
    expect(page.locator(".walk__next")).to_have_text("Done, see the summary")
    page.locator(".walk__next").click()
    expect(page).to_have_url(site + f"en/whatsapp/walk/{len(ios) + 1}/?platform=ios")
    expect(page.locator(".walk__context")).to_have_text("WhatsApp · Summary")
    expect(page.locator('[data-count="done"]')).to_have_text("1")
    expect(page.locator('[data-count="left"]')).to_have_text(str(len(ios) - 1))
    expect(page.get_by_role("link", name="See my checklist")).to_have_attribute(
        "href", re.compile(r"/en/whatsapp/\?platform=ios#checklist$"))
    guide = [s for a in ("signal", "wire") for s in catalog.get(a).steps]
    page.goto(site + f"en/guide/walk/{len(guide) + 1}/?apps=signal,wire")
    expect(page.locator(".walk__context")).to_have_text("Your guide · Summary")
    expect(page.locator('[data-count="left"]')).to_have_text(str(len(guide)))


def test_a_typed_short_link_opens_its_guide_where_the_host_serves_404_html(page: Page, site, request):
    if request.node.callspec.params["site"] != "nginx":
        # python -m http.server answers its own bare 404 and never serves 404.html: nothing to run.
        status, _, html = fetch(site + "en/g/signal+wire/ios/")
        assert status == 404 and "Lockstep" not in html
        return
    page.goto(site + "en/g/signal+wire/ios/")
    expect(page).to_have_url(site + "en/guide/?apps=signal%2Cwire&platform=ios")
    expect(page.locator(".guide-app:visible")).to_have_count(2)


def test_guide_shows_the_chosen_apps_and_bad_input_like_the_server(page: Page, site, catalog):
    page.goto(site + "en/guide/?apps=wire,nope,signal&platform=android&title=" + "%3Ca%20href%3Dx%3EHi%3C%2Fa%3E")
    expect(page.locator(".guide-app:visible")).to_have_count(2)
    assert page.locator(".guide-app:visible").evaluate_all("els => els.map(e => e.dataset.app)") == ["wire", "signal"]
    steps = [s for a in ("wire", "signal") for s in catalog.get(a).steps_for("android")]
    expect(page.locator("#checklist .step:visible")).to_have_count(len(steps))
    expect(page.locator("h1")).to_have_text("<a href=x>Hi</a>")  # text, never a link
    expect(page.locator("h1 a")).to_have_count(0)
    expect(page.locator("[data-guide-unknown]")).to_have_text("Left out because Lockstep has no checklist for them: nope.")
    page.goto(site + "en/guide/?apps=signal&title=" + "x" * 81)
    expect(page.locator("[data-query-error]")).to_have_text("The workshop title can be at most 80 characters.")
    page.goto(site + "en/guide/?apps=nope")
    expect(page.locator("[data-query-error]")).to_have_text(
        "Choose at least one app for the guide, for example ?apps=whatsapp,signal.")


def test_builder_link_opens_on_a_second_phone_with_the_right_apps(page: Page, browser, site, catalog):
    page.goto(site + "en/workshop/")
    for app_id in ("signal", "wire"):
        page.locator(f'input[name=apps][value="{app_id}"]').check()
    page.locator('input[name=platform][value="ios"]').check()
    page.locator("input[name=title]").fill("Library, Tuesday")
    page.locator("form.workshop-form [type=submit]").click()
    share = page.locator("#share-url")
    expect(share).to_have_value(re.compile(r"/sub/en/guide/\?apps=signal,wire&platform=ios&title=Library,\+Tuesday$"))
    link = share.input_value()
    phone = browser.new_context()
    other = phone.new_page()
    other.goto(link)
    expect(other.locator(".guide-app:visible")).to_have_count(2)
    assert other.locator(".guide-app:visible").evaluate_all("els => els.map(e => e.dataset.app)") == ["signal", "wire"]
    expect(other.locator("h1")).to_have_text("Library, Tuesday")
    steps = [s for a in ("signal", "wire") for s in catalog.get(a).steps_for("ios")]
    expect(other.locator("#checklist .step:visible")).to_have_count(len(steps))
    phone.close()


def test_session_plan_is_timed_for_the_chosen_apps_like_the_server(page: Page, site, live_server):
    query = "?apps=wire,signal&platform=ios&title=Library+workshop"
    page.goto(live_server + "/en/guide/plan/" + query)
    server = {"h1": page.locator("h1").inner_text(), "lead": page.locator(".lead").inner_text(),
              "total": page.locator("tfoot td").inner_text(),
              "rows": page.locator("table.agenda tbody tr").all_inner_texts()}
    page.goto(site + "en/workshop/?apps=signal&apps=wire&platform=ios&language=en&title=Library+workshop&submit=1")
    expect(page.get_by_role("link", name="Session plan for the trainer")).to_have_attribute(
        "href", re.compile(r"/en/guide/plan/\?apps=signal,wire&platform=ios&title=Library\+workshop$"))
    page.goto(site + "en/guide/plan/" + query)
    expect(page.locator("[data-plan-lead]")).to_have_text(server["lead"])
    expect(page.locator("h1")).to_have_text(server["h1"])
    expect(page.locator("tfoot td")).to_have_text(server["total"])
    rows = page.locator("table.agenda tr[data-guide-app]:visible")
    expect(rows).to_have_count(2)
    exported = [f"{row.locator('strong').inner_text()}: "
                + "; ".join(row.locator(".plan-step:visible").all_inner_texts())
                + "\t" + row.locator("[data-app-minutes]").inner_text() for row in rows.all()]
    assert exported == server["rows"][1:-1]  # between the welcome and the questions rows
    page.goto(site + "en/guide/plan/?apps=nope")  # the server answers 400 with the same message
    expect(page.locator("[data-query-error]")).to_have_text(
        "Choose at least one app for the guide, for example ?apps=whatsapp,signal.")
    expect(page.locator("table.agenda")).to_be_hidden()
    expect(page.locator("[data-plan-lead]")).to_be_hidden()


def test_builder_qr_code_decodes_to_the_link_the_server_encodes(page: Page, site, live_server):
    import zxingcpp
    from PIL import Image
    import io
    query = "?apps=signal&apps=whatsapp&platform=android&language=fr&title=Atelier+%C3%A9t%C3%A9&submit=x"
    page.goto(site + "en/workshop/" + query)
    page.set_viewport_size({"width": 1000, "height": 1400})
    exported = page.locator("[data-device-qr=builder] svg").screenshot()
    page.goto(live_server + "/en/workshop/" + query)
    served = page.locator("img.workshop-result__qr").screenshot()
    texts = [zxingcpp.read_barcodes(Image.open(io.BytesIO(png)))[0].text for png in (exported, served)]
    assert texts[0].startswith(site) and texts[1].startswith(live_server + "/")
    assert texts[0][len(site):] == texts[1][len(live_server) + 1:] == \
        "fr/guide/?apps=signal,whatsapp&platform=android&title=Atelier+%C3%A9t%C3%A9"


def test_offline_ios_walkthrough_and_two_guides_never_mixed(page: Page, context, site, catalog):
    ios = catalog.get("whatsapp").steps_for("ios")
    page.goto(site + "en/whatsapp/walk/?platform=ios")
    wait_until_offline_ready(page)
    page.goto(site + "en/guide/?apps=signal")
    wait_until_offline_ready(page)
    page.goto(site + "en/guide/?apps=wire,telegram")
    wait_until_offline_ready(page)
    with offline(context):
        page.goto(site + "en/whatsapp/walk/2/?platform=ios")
        expect(page.locator(".walk__context")).to_have_text(f"WhatsApp · Step 2 of {len(ios)}")
        for query, apps in (("apps=signal", ["signal"]), ("apps=wire,telegram", ["wire", "telegram"]),
                            ("apps=threema", ["threema"])):  # the last one never visited: made on the device
            page.goto(site + "en/guide/?" + query)
            expect(page.locator("h1")).to_have_text("Your guide")  # the guide page, not "not saved"
            expect(page.locator(".guide-app:visible")).to_have_count(len(apps))
            assert page.locator(".guide-app:visible").evaluate_all("els => els.map(e => e.dataset.app)") == apps


def test_switching_language_offline_names_the_language_and_leads_back(page: Page, context, site):
    save_for_offline(page, site + "en/signal/")
    with offline(context):
        choose_language(page, "de")
        expect(page).to_have_url(site + "de/signal/")
        expect(page.locator("h1")).to_have_text("You are offline")
        expect(page.locator("[data-other-language]")).to_contain_text("Pages in Deutsch are not saved on this device yet.")
        expect(page.locator(".site-nav")).to_be_visible()
        page.locator("[data-history-back]").click()
        expect(page).to_have_url(site + "en/signal/")
        expect(page.locator("h1")).to_have_text("Signal")


def test_pages_opened_from_a_usb_stick_read_and_print_with_their_styles(page: Page, export_root):
    page.goto((export_root / BASE.strip("/") / "en" / "whatsapp" / "index.html").as_uri())
    expect(page.locator("h1")).to_have_text("WhatsApp")
    # app.css applied: the header is its grid, the skip link sits above the page
    assert page.evaluate("getComputedStyle(document.querySelector('.site-header')).display") == "grid"
    assert page.evaluate("getComputedStyle(document.querySelector('.skip-link')).position") == "absolute"
    page.emulate_media(media="print")
    expect(page.locator(".site-nav")).to_be_hidden()
    expect(page.locator(".print-header")).to_be_visible()
