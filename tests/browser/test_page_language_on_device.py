"""What the scripts write on a page is in the page's language (webapp/script_strings.py, served
as /<locale>/strings.js): progress texts with the catalog's plural form and the locale's digits,
and the controls the scripts add to each step."""
from __future__ import annotations

import pytest
from flask_babel import force_locale, gettext, ngettext
from playwright.sync_api import Page, expect

from webapp.i18n import LOCALES
from webapp.templating import number


@pytest.mark.parametrize("site_locale", LOCALES, ids=lambda loc: loc.url_code)
def test_progress_and_step_controls_are_in_the_page_language(page: Page, app, catalog, site_locale):
    code = site_locale.url_code
    total = len(catalog.get("signal").steps)
    with app.test_request_context(f"/{code}/"), force_locale(site_locale.babel_code):
        progress = ngettext("%(done)s of %(count)s step done", "%(done)s of %(count)s steps done", total,
                            done=number(0), count=number(total))
        skip, changed = gettext("Skip"), gettext("This step changed since you ticked it. Please check it again.")
    page.goto(f"/{code}/signal/")
    expect(page.locator("#checklist > .progress .progress__text")).to_have_text(progress)
    first = page.locator("#checklist .step").first
    expect(first.locator(".step__decide button").first).to_have_text(skip)
    expect(first.locator(".step__recheck")).to_have_text(changed)
    expect(first.locator(".step__recheck")).to_be_hidden()
