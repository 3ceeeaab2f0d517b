"""Arabic lays out mirrored, checked on real screenshots from Chromium."""
from __future__ import annotations

import io

from PIL import Image
from playwright.sync_api import Page, expect


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


def test_arabic_page_is_mirrored_and_its_progress_fills_from_the_right(page: Page, catalog):
    page.set_viewport_size({"width": 390, "height": 844})
    results = {}
    for locale in ("en", "ar"):
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
    assert results["en"] == {"progress": "left", "checkbox_before_title": "left", "brand": "left", "arrow": '"›"'}
    assert results["ar"] == {"progress": "right", "checkbox_before_title": "right", "brand": "right", "arrow": '"‹"'}
