"""axe-core (npm, pinned in package-lock.json) finds no violations on any page type, in a
left-to-right and a right-to-left language, in light and dark colour schemes."""
from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Page

AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
PAGE_TYPES = ["", "whatsapp/", "whatsapp/?platform=android", "compare/?need=calls", "changes/", "rumors/",
              "ai-training/", "skype/", "workshop/", "progress/", "offline/", "guide/?apps=whatsapp,signal&title=Hi",
              "whatsapp/walk/2/", "guide/print/?apps=signal", "guide/handout/?apps=signal",
              "guide/projector/?apps=signal", "no-such-app/"]


def axe_violations(page: Page) -> list[dict]:
    assert AXE.is_file(), "run bin/test, which installs axe-core with npm ci"
    page.evaluate(AXE.read_text())  # evaluated by the test, not loaded by the page: CSP stays strict
    result = page.evaluate("axe.run(document, {resultTypes: ['violations']})")
    return [{"id": v["id"], "impact": v["impact"], "nodes": [n["target"] for n in v["nodes"]][:5]}
            for v in result["violations"]]


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("locale", ["en", "ar"])
def test_no_axe_violations_on_any_page_type(page: Page, locale, scheme):
    page.emulate_media(color_scheme=scheme)
    found = {}
    for path in PAGE_TYPES:
        page.goto(f"/{locale}/{path}")
        page.wait_for_load_state("load")
        violations = axe_violations(page)
        if violations:
            found[path] = violations
    assert found == {}


def test_workshop_result_and_keyboard_focus_are_accessible(page: Page):
    page.goto("/en/workshop/")
    page.locator("input[name=apps][value=signal]").check()
    page.get_by_role("button", name="Make the link").click()
    assert axe_violations(page) == []
    page.goto("/en/whatsapp/")
    page.keyboard.press("Tab")
    skip = page.locator(".skip-link")
    assert page.evaluate("document.activeElement.className") == "skip-link"
    assert skip.is_visible()
    outline = skip.evaluate("el => getComputedStyle(el).outlineStyle")
    assert outline != "none"  # visible focus
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"
