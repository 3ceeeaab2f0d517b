"""Workshops in a real Chromium: the builder's QR code scans to the share link, guides print
to a clean PDF, and the walkthrough works with the keyboard alone."""
from __future__ import annotations

import datetime as dt
import io
import re
import json

import pytest
import zxingcpp
from PIL import Image
from playwright.sync_api import Page, expect
from pypdf import PdfReader

KEY = "lockstep.progress.v1"


def build_workshop(page: Page, apps: list[str], title: str, platform: str = "android") -> str:
    page.goto("/en/workshop/")
    for app_id in apps:
        page.locator(f'input[name=apps][value="{app_id}"]').check()
    page.locator(f'input[name=platform][value="{platform}"]').check()
    page.get_by_label("Workshop title (optional)").fill(title)
    page.get_by_role("button", name="Make the link").click()
    share = page.locator("#share-url")
    expect(share).to_have_value(re.compile(r"/guide/\?apps="))  # filled once the response is swapped in
    return share.input_value()


def test_qr_code_decodes_to_exactly_the_share_link(page: Page, live_server):
    share = build_workshop(page, ["signal", "whatsapp"], "Café & chats <b>1</b>")
    assert share.startswith(f"{live_server}/en/guide/?apps=signal,whatsapp&platform=android&title=")
    qr = page.locator(".workshop-result__qr")
    expect(qr).to_be_visible()
    # The footer's "Ready to use offline" line appears when the worker is done: let the layout settle.
    page.wait_for_selector("html[data-offline-ready]", state="attached", timeout=60_000)
    image = Image.open(io.BytesIO(qr.screenshot()))
    decoded = zxingcpp.read_barcodes(image)
    assert [result.text for result in decoded] == [share]
    # The copy button puts exactly the share link on the clipboard.
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    page.get_by_role("button", name="Copy link").click()
    expect(page.locator(".share__copied")).to_have_text("Copied.")
    assert page.evaluate("navigator.clipboard.readText()") == share
    # The projector view shows the same code, large.
    page.get_by_role("link", name="Projector view").click()
    image = Image.open(io.BytesIO(page.locator(".projector__qr").screenshot()))
    assert [result.text for result in zxingcpp.read_barcodes(image)] == [share]


def test_title_with_markup_is_shown_as_text_and_never_runs(page: Page):
    title = '<img src=x onerror="document.title=\'pwned\'">'
    share = build_workshop(page, ["signal"], title)
    page.goto(share)
    expect(page.locator("h1")).to_have_text(title)
    assert page.locator("h1 img").count() == 0
    assert page.title() != "pwned"
    assert page.locator("h1 a").count() == 0


def test_guide_prints_to_a_pdf_with_apps_link_and_no_navigation(page: Page, live_server, catalog):
    page.goto("/en/guide/?apps=whatsapp,signal")
    first = page.locator("input[data-step]").first.get_attribute("data-step")
    page.locator(f'label[for="check-{first}"]').click()
    for paper in ("A4", "Letter"):
        page.goto("/en/guide/print/?apps=whatsapp,signal")
        reader = PdfReader(io.BytesIO(page.pdf(format=paper, print_background=False)))
        text = "\n".join(p.extract_text() for p in reader.pages)
        flat = " ".join(text.split())
        assert "WhatsApp" in flat and "Signal" in flat
        # The link to type: the short form, without the scheme (the QR code carries the full link).
        assert f"{live_server.split('://')[1]}/en/g/whatsapp+signal/" in flat.replace(" ", "")
        for chrome in ("Skip to content", "All apps", "Workshops", "Reset all my ticks"):
            assert chrome not in flat, chrome
        assert not re.search(r"\bPrint\b", flat)  # the print button stays on screen
        # The date of printing, written by the browser when it prints (never by the server).
        today = dt.date.today()
        assert f"Printed on {today:%B} {today.day}, {today.year}." in flat
        assert len(reader.pages) >= 2  # one app per page section
        source = catalog.get("signal").steps[0].sources[0].title
        assert " ".join(source.split())[:40] in flat  # sources print even though they fold on screen


def test_printed_checkboxes_show_the_ticks_saved_on_this_device(page: Page):
    page.goto("/en/signal/")
    first = page.locator("input[data-step]").first.get_attribute("data-step")
    page.locator(f'label[for="check-{first}"]').click()
    page.emulate_media(media="print")
    box = page.locator(f'[id="check-{first}"]')
    assert box.evaluate("el => getComputedStyle(el, '::before').content") == '"✓"'
    other = page.locator("input[data-step]").nth(1)
    assert other.evaluate("el => getComputedStyle(el, '::before').content") in ("none", "normal")
    assert page.locator(".site-header").is_hidden() and page.locator(".print-header").is_visible()


def test_walkthrough_from_first_to_last_step_with_the_keyboard_only(page: Page, catalog):
    steps = catalog.get("signal").steps
    page.goto("/en/signal/walk/")
    for number, step in enumerate(steps, start=1):
        expect(page.locator(".walk__context")).to_contain_text(f"Step {number} of {len(steps)}")
        expect(page.locator(f'[id="check-{step.id}"]')).to_be_attached()
        if number > 1:  # after a swap has settled, focus is on the new step (page-actions.js), not lost
            expect(page.locator("#walk")).to_be_focused()
        for _ in range(30):  # Tab until the big "Done" button has focus
            if page.evaluate("document.activeElement?.classList.contains('walk__next')"):
                break
            page.keyboard.press("Tab")
        page.keyboard.press("Enter")
        expect(page).to_have_url(f"/en/signal/walk/{number + 1}/")  # the last one leads to the summary
    finish = page.get_by_role("link", name="See my checklist")
    expect(finish).to_be_visible()
    expect(page.locator("#walk")).to_be_focused()  # the summary has been swapped in and settled
    finish.focus()
    expect(finish).to_be_focused()
    page.keyboard.press("Enter")
    expect(page).to_have_url("/en/signal/#checklist")
    stored = json.loads(page.evaluate(f"localStorage.getItem('{KEY}')"))
    assert sorted(stored["steps"]) == sorted(s.id for s in steps)
    expect(page.locator("#checklist .progress__text")).to_have_text(f"{len(steps)} of {len(steps)} steps done")


def test_booklet_qr_decodes_from_a_60_dpi_photocopy(browser, live_server):
    """Printed on A4 and photocopied: render the print layout at 60 dpi (CSS px are 1/96 inch),
    reduce to black and white, and the QR code still gives back the share link."""
    context = browser.new_context(base_url=live_server, device_scale_factor=60 / 96,
                                  viewport={"width": 794, "height": 1123})
    page = context.new_page()
    query = "apps=whatsapp,signal,messenger&platform=android&title=Atelier+du+quartier"
    page.goto(f"/en/guide/print?{query}")
    page.emulate_media(media="print")
    image = Image.open(io.BytesIO(page.locator(".print-header .qr").screenshot())).convert("L")
    photocopy = image.point(lambda value: 255 if value > 140 else 0)
    decoded = [result.text for result in zxingcpp.read_barcodes(photocopy)]
    assert decoded == [f"{live_server}/en/guide/?{query}"]
    assert image.size[0] < 130  # really a 60 dpi render (45 mm at 60 dpi is about 106 px)
    context.close()


@pytest.mark.parametrize("width, height", [(1024, 768), (1280, 720), (1920, 1080)])
def test_projector_view_fits_one_screen(browser, live_server, width, height):
    context = browser.new_context(base_url=live_server, viewport={"width": width, "height": height})
    page = context.new_page()
    page.goto("/en/guide/projector?apps=whatsapp,signal,messenger&platform=android&title=Neighbourhood+workshop")
    for selector in (".projector h1", ".projector__qr", ".projector__url", "[data-fullscreen]"):
        box = page.locator(selector).bounding_box()
        assert box and box["y"] >= 0 and box["y"] + box["height"] <= height, (selector, box)
        assert box["x"] >= 0 and box["x"] + box["width"] <= width, (selector, box)
    qr = page.locator(".projector__qr").bounding_box()
    assert qr["height"] >= 0.4 * height  # still large enough to scan from the back of a room
    image = Image.open(io.BytesIO(page.locator(".projector__qr").screenshot()))
    assert [r.text for r in zxingcpp.read_barcodes(image)] == [
        f"{live_server}/en/guide/?apps=whatsapp,signal,messenger&platform=android&title=Neighbourhood+workshop"]
    context.close()


def test_booklet_prints_blank_unless_the_trainer_asks_for_their_ticks(page: Page):
    page.goto("/en/guide/?apps=signal")
    first = page.locator("input[data-step]").first.get_attribute("data-step")
    page.locator(f'label[for="check-{first}"]').click()
    page.goto("/en/guide/print?apps=signal")
    box = page.locator(f'[id="check-{first}"]')
    expect(box).to_be_checked()  # the device's tick is there on screen
    page.emulate_media(media="print")
    mark = "el => getComputedStyle(el, '::before').content"
    assert box.evaluate(mark) in ('""', "none")  # copies for a group: an empty box
    page.emulate_media(media="screen")
    page.get_by_label("Print the ticks saved on this device").check()
    page.emulate_media(media="print")
    assert box.evaluate(mark) == '"✓"'


def filled_share(pdf_page) -> float:
    """How far down the page its text reaches (0..1), from the text positions in the PDF."""
    lowest = [float(pdf_page.mediabox.height)]

    def visit(text, cm, tm, font, size):
        if text.strip():
            lowest[0] = min(lowest[0], tm[5] * cm[3] + cm[5])

    pdf_page.extract_text(visitor_text=visit)
    height = float(pdf_page.mediabox.height)
    return (height - lowest[0]) / height


@pytest.mark.parametrize("app_id", ["signal", "discord", "x", "wire"])
def test_a_typical_app_page_prints_on_two_a4_pages_without_empty_pages(page: Page, app_id):
    page.goto(f"/en/{app_id}/")
    reader = PdfReader(io.BytesIO(page.pdf(format="A4")))
    assert len(reader.pages) <= 2
    for pdf_page in reader.pages[:-1]:
        assert filled_share(pdf_page) >= 0.5  # no page under half full except the last
    text = " ".join(p.extract_text() for p in reader.pages)
    assert "Sources" in text and "Your checklist" in text
