"""No query string can make a 500 or a link elsewhere: query keys that collide with a view's
arguments or with url_for's own parameters are the visitor's data, never arguments."""
from __future__ import annotations

import re

import pytest

from webapp import create_app

RESERVED = ["_external", "_anchor", "_method", "_scheme"]  # url_for's own keyword arguments
# A guide needs apps to be a page rather than a 400; every other page takes no query.
NEEDS = {"guide": "apps=whatsapp,signal"}
EXAMPLE_ARGS = {"locale": "ar", "app_id": "whatsapp", "number": 2, "spec": "whatsapp+signal"}
LINK = re.compile(r'\b(?:href|src|action|hx-get|data-hx-get|hx-push-url|data-url)="([^"]*)"')


def _localized_get_rules():
    app = create_app({"TESTING": True, "SECRET_KEY": "test"})
    rules = [r for r in app.url_map.iter_rules() if "GET" in r.methods and r.rule.startswith("/<locale>/")]
    # Both the bare and the numbered walkthrough rules share an endpoint; keep each rule.
    return app, rules


APP, RULES = _localized_get_rules()
ARGUMENT_NAMES = sorted({name for rule in APP.url_map.iter_rules() for name in rule.arguments})


def _example_path(rule) -> str:
    path = rule.rule
    for name in rule.arguments:
        path = re.sub(rf"<(?:\w+:)?{name}>", str(EXAMPLE_ARGS[name]), path)
    return path


def _extra_query(rule) -> str:
    return next((query for word, query in NEEDS.items() if f"/{word}/" in rule.rule), "")


def _assert_links_stay_home(body: str, sources=frozenset()):
    """Every link is on the test client's own host, or one of the content's cited sources."""
    for link in LINK.findall(body):
        assert not link.startswith("//"), link
        if "://" in link and link not in sources:
            assert link.startswith("http://localhost/"), link


def _external_links(body: str) -> frozenset:
    return frozenset(link for link in LINK.findall(body) if "://" in link and not link.startswith("http://localhost/"))


def test_every_argument_name_is_covered():
    assert {"locale", "app_id", "number", "filename", "spec"} <= set(ARGUMENT_NAMES)


@pytest.mark.parametrize("key", ARGUMENT_NAMES + RESERVED)
@pytest.mark.parametrize("rule", RULES, ids=lambda rule: rule.rule)
def test_query_key_named_like_an_argument_is_harmless(client, rule, key):
    extra = _extra_query(rule)
    query = "&".join(part for part in (extra, f"{key}=fr") if part)
    response = client.get(f"{_example_path(rule)}?{query}")
    assert response.status_code < 500
    if response.mimetype == "text/html":
        clean = client.get(f"{_example_path(rule)}?{extra}").get_data(as_text=True)
        _assert_links_stay_home(response.get_data(as_text=True), _external_links(clean))


@pytest.mark.parametrize("url", [
    "/en/?locale=fr", "/ar/whatsapp/walk/2/?number=3", "/en/whatsapp/?_anchor=x", "/en/?_method=POST",
    "/en/?_external=1", "/en/?_scheme=javascript", "/en/whatsapp/?app_id=signal",
])
def test_reported_urls_answer_the_page_they_name(client, url):
    response = client.get(url)
    assert response.status_code == 200
    clean = client.get(url.split("?")[0]).get_data(as_text=True)
    _assert_links_stay_home(response.get_data(as_text=True), _external_links(clean))


def test_language_menu_keeps_the_query_as_sent(client):
    body = client.get("/en/whatsapp/?platform=ios&locale=fr").get_data(as_text=True)
    assert 'href="/fr/whatsapp/?platform=ios&amp;locale=fr"' in body
    assert 'hreflang="ar" href="http://localhost/ar/whatsapp/?platform=ios&amp;locale=fr"' in body


def test_hreflang_links_are_absolute_to_this_host_whatever_the_query(client):
    body = client.get("/en/?_external=1").get_data(as_text=True)
    alternates = re.findall(r'<link rel="alternate" hreflang="[^"]+" href="([^"]+)"', body)
    assert alternates and all(a.startswith("http://localhost/") and "_external=1" in a for a in alternates)
