"""Arabic lays out mirrored, checked on real screenshots from Chromium."""
from __future__ import annotations

import io

from PIL import Image
from playwright.sync_api import Page, expect

from webapp import i18n


def filled_side(page: Page) -> str:
    """Which end of the progress bar is painted: sample the screenshot's first and last columns."""
    bar = page.locator("#checklist .progress progress")
    image = Image.open(io.BytesIO(bar.screenshot())).convert("RGB")
    width, height = image.size
    y = height // 2

    def darkness(x):
        return sum(image.getpixel((x, y))) / 3

    left, right = darkness(3), darkness(width - 4)
    assert abs(left - right) > 30, "one end filled, the other empty"
    return "left" if left < right else "right"  # the accent colour is darker than the track


def arrow_points(page: Page) -> str:
    """Which way the first menu-path separator points, read from its pixels: the tip of a chevron
    is the dark pixel of its middle row; its arms reach furthest out in the top and bottom rows."""
    item = page.locator(".menu-path li + li").first
    box = item.bounding_box()
    size = round(float(item.evaluate("el => parseFloat(getComputedStyle(el, '::before').width)")))
    rtl = page.locator("html").get_attribute("dir") == "rtl"
    image = Image.open(io.BytesIO(item.screenshot())).convert("L")
    width, height = image.size
    glyph = (width - int(size), width) if rtl else (0, int(size))  # the ::before sits at the inline start
    background = image.getpixel((glyph[0] + 1, 1)) if not rtl else image.getpixel((glyph[1] - 2, 1))
    dark = [(x, y) for x in range(*glyph) for y in range(height) if abs(image.getpixel((x, y)) - background) > 80]
    assert dark, f"no separator drawn in {box}"
    top, bottom = min(y for _, y in dark), max(y for _, y in dark)
    middle = (top + bottom) // 2
    tip = [x for x, y in dark if abs(y - middle) <= 1]
    arms = [x for x, y in dark if y - top <= 1 or bottom - y <= 1]
    return "left" if sum(tip) / len(tip) < sum(arms) / len(arms) else "right"


RTL = [loc.url_code for loc in i18n.LOCALES if loc.text_direction == "rtl"]  # ar, fa


def test_menu_path_separators_point_in_reading_order(page: Page):
    page.set_viewport_size({"width": 390, "height": 844})
    seen = {}
    for locale in ("en", *RTL):
        page.goto(f"/{locale}/whatsapp/")
        seen[locale] = arrow_points(page)
    assert seen == {"en": "right", **{code: "left" for code in RTL}}


def test_arabic_page_is_mirrored_and_its_progress_fills_from_the_right(page: Page, catalog):
    page.set_viewport_size({"width": 390, "height": 844})
    results = {}
    for locale in ("en", *RTL):
        page.goto(f"/{locale}/signal/")
        first = page.locator("input[data-step]").first.get_attribute("data-step")
        box = page.locator(f'[id="check-{first}"]')
        if not box.is_checked():
            page.locator(f'label[for="check-{first}"]').click()
        expect(box).to_be_checked()
        page.screenshot(path=f"test-results/rtl-{locale}.png", full_page=False)
        title = page.locator(f'label[for="check-{first}"]').bounding_box()
        check = box.bounding_box()
        brand = page.locator(".brand").bounding_box()
        results[locale] = {
            "progress": filled_side(page),
            "checkbox_before_title": "left" if check["x"] < title["x"] else "right",
            "brand": "left" if brand["x"] + brand["width"] / 2 < 195 else "right",
            "arrow": page.locator(".menu-path li + li").first.evaluate(
                "el => getComputedStyle(el, '::before').content"),
        }
    assert page.locator("html").get_attribute("dir") == "rtl"
    assert RTL and results["en"] == {"progress": "left", "checkbox_before_title": "left", "brand": "left", "arrow": '"›"'}
    # The same character: the browser mirrors it in RTL (its pixels are checked above).
    for code in RTL:
        assert results[code] == {"progress": "right", "checkbox_before_title": "right", "brand": "right",
                                 "arrow": '"›"'}, code
