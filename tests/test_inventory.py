"""One route inventory (webapp/inventory.py): every localized page route says, next to the route,
whether it is precached, exported and in the navigation, or why it is none of these."""
from __future__ import annotations

from webapp import i18n, inventory, sitemap
from webapp.inventory import Listing, Unlisted


def test_every_localized_get_route_is_listed_or_excluded_with_a_reason(app):
    missing = []
    for rule in app.url_map.iter_rules():
        if "GET" not in rule.methods or not rule.rule.startswith("/<locale>/"):
            continue
        listing = getattr(app.view_functions[rule.endpoint], "listing", None)
        if not isinstance(listing, (Listing, Unlisted)) or (isinstance(listing, Unlisted) and not listing.reason):
            missing.append(rule.rule)
    assert missing == [], "add @listed(...) or @unlisted('why') next to these routes"


def test_precache_and_export_lists_come_from_the_inventory(app):
    catalog = app.extensions["catalog"]
    with app.test_request_context("/en/"):
        pages = sitemap.page_urls(catalog, "en")
        partials = sitemap.partial_urls(catalog, "en")
    assert "/en/" in pages and "/en/compare/" in pages and "/en/offline/" in pages
    assert all(f"/en/{app_id}/" in pages for app_id in catalog.apps)
    # Walkthrough steps and platform fragments are built on the device from the app page
    # (one walk page per language, offline/walk.html), not saved one copy each.
    assert "/en/offline/walk/" in pages and not [url for url in pages if "/whatsapp/walk/" in url]
    assert "/en/workshop/" not in pages  # declared offline=False: it is made for the network
    # "What they can still see" is built offline from the saved app pages, which carry its claims;
    # the export writes the page itself.
    assert "/en/what-they-see/" not in pages and "/en/offline/what-they-see/" in pages
    app.config["STATIC_EXPORT"] = True
    try:
        with app.test_request_context("/en/"):
            assert "/en/what-they-see/" in sitemap.page_urls(catalog, "en")
            assert "/en/what-they-see/" not in sitemap.page_urls(catalog, "en", offline=True)
    finally:
        app.config["STATIC_EXPORT"] = False
    assert "/en/compare/table" in partials and not [url for url in partials if "/steps" in url]
    assert not set(pages) & set(partials)


def test_navigation_comes_from_the_inventory(app, client):
    with app.test_request_context("/en/"):
        nav = [endpoint for endpoint, _label in inventory.navigation()]
    assert nav == ["locale.reading.home", "locale.reading.compare", "locale.reading.rumors",
                   "locale.reading.ai_training", "locale.reading.changes", "locale.reading.about",
                   "locale.workshop.workshop"]
    html = client.get("/en/").get_data(as_text=True)
    for url in ("/en/compare/", "/en/rumors/", "/en/ai-training/", "/en/changes/", "/en/workshop/"):
        assert f'href="{url}"' in html


def test_every_listed_page_answers_in_every_locale(app, client):
    catalog = app.extensions["catalog"]
    for loc in i18n.LOCALES:
        with app.test_request_context(f"/{loc.url_code}/"):
            urls = sitemap.page_urls(catalog, loc.url_code) + sitemap.partial_urls(catalog, loc.url_code)
        for url in urls:
            assert client.get(url).status_code == 200, url
