import re

from playwright.sync_api import Page, expect


def test_compare_filter_swaps_the_table_and_pushes_the_url(page: Page, catalog):
    page.goto("/en/compare/")
    rows = page.locator("#compare-table tbody tr")
    expect(rows).to_have_count(len(catalog.apps))
    page.evaluate("window.__notReloaded = true")
    page.get_by_label("No AI assistant inside").check()
    expect(page).to_have_url(re.compile(r"/en/compare/\?need=no-ai$"))
    expect(rows).to_have_count(sum(1 for app in catalog if not app.has_ai))
    assert page.evaluate("window.__notReloaded") is True
    page.reload()
    expect(page.get_by_label("No AI assistant inside")).to_be_checked()
    expect(rows).to_have_count(sum(1 for app in catalog if not app.has_ai))
