"""axe-core (npm, pinned in package-lock.json) finds no violations on any page type, in a
left-to-right and a right-to-left language, in light and dark colour schemes."""
from __future__ import annotations

from pathlib import Path

import pytest
from flask import url_for
from playwright.sync_api import Page

AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
# Besides one URL of every listed page (derived from the route inventory, so a new page is
# checked without anyone adding it here): the views a query or a state makes.
VARIANTS = ["whatsapp/?platform=android", "compare/?need=calls", "skype/", "guide/?apps=whatsapp,signal&title=Hi",
            "guide/print/?apps=signal", "guide/handout/?apps=signal", "guide/projector/?apps=signal",
            "guide/plan/?apps=whatsapp,signal", "workshop/?apps=signal&language=en&platform=&submit=1",
            "no-such-app/"]


def page_types(app, catalog) -> list[str]:
    from webapp import inventory
    paths = []
    with app.test_request_context():
        for endpoint, listing in inventory.listed_endpoints():
            if listing.fragment:
                continue
            values = next(iter(listing.expand(catalog)), None) if listing.expand else {}
            if values is not None:
                paths.append(url_for(endpoint, locale="en", **values).removeprefix("/en/"))
    summary = f"signal/walk/{len(catalog.get('signal').steps) + 1}/"  # the walkthrough's summary
    return list(dict.fromkeys(paths + VARIANTS + [summary]))


def axe_violations(page: Page) -> list[dict]:
    assert AXE.is_file(), "run bin/test, which installs axe-core with npm ci"
    page.evaluate(AXE.read_text())  # evaluated by the test, not loaded by the page: CSP stays strict
    result = page.evaluate("axe.run(document, {resultTypes: ['violations']})")
    return [{"id": v["id"], "impact": v["impact"], "nodes": [n["target"] for n in v["nodes"]][:5]}
            for v in result["violations"]]


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("locale", ["en", "ar"])
def test_no_axe_violations_on_any_page_type(page: Page, app, catalog, locale, scheme):
    page.emulate_media(color_scheme=scheme)
    found = {}
    types = page_types(app, catalog)
    assert {"about/", "what-they-see/", "guide/plan/?apps=whatsapp,signal"} <= set(types)
    for path in types:
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
