"""Headers and the no-inline rule that lets #7's strict CSP hold, and no cookies on reading pages."""
from __future__ import annotations

import re

import pytest

PAGES = ["/en/", "/en/whatsapp/", "/en/whatsapp/steps", "/en/nope/", "/en/whatsapp/?platform=fax", "/sw.js",
         "/ar/manifest.webmanifest", "/en/precache.json", "/en/guide/qr.svg?apps=signal", "/static/css/app.css",
         "/en/guide/?apps=signal", "/en/whatsapp/walk/", "/healthz"]


@pytest.mark.parametrize("url", PAGES)
def test_strict_headers_and_no_cookie(client, url):
    response = client.get(url)
    csp = response.headers["Content-Security-Policy"]
    assert "default-src 'none'" in csp and "unsafe-inline" not in csp and "unsafe-eval" not in csp
    assert "script-src 'self'" in csp and "frame-ancestors 'none'" in csp and "base-uri 'none'" in csp
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Referrer-Policy"] == "no-referrer"
    assert response.headers["Cross-Origin-Opener-Policy"] == "same-origin"
    assert "Set-Cookie" not in response.headers
    assert "Strict-Transport-Security" not in response.headers  # plain http here


def test_hsts_only_over_https(client):
    assert "Strict-Transport-Security" in client.get("/en/", base_url="https://localhost").headers


@pytest.mark.parametrize("url", PAGES)
def test_no_inline_script_style_or_event_handler(client, url):
    html = client.get(url).get_data(as_text=True)
    for tag in re.findall(r"<script\b[^>]*>", html):
        assert 'src="' in tag or 'type="application/json"' in tag, tag
    assert not re.search(r"\sstyle=", html)
    assert not re.search(r"\son[a-z]+=", html)
    assert "hx-on" not in html
    assert "cdn" not in html.lower()


def test_static_assets_are_fingerprinted_and_immutable(client):
    html = client.get("/en/").get_data(as_text=True)
    css = re.search(r'href="(/static/css/app\.css\?v=[0-9a-f]{12})"', html).group(1)
    response = client.get(css)
    assert response.status_code == 200
    assert "immutable" in response.headers["Cache-Control"]
    stale = client.get("/static/css/app.css?v=000000000000")
    assert stale.headers["Cache-Control"] == "no-cache"


def test_permissions_policy_denies_what_is_unused(client):
    policy = client.get("/en/").headers["Permissions-Policy"]
    for feature in ("camera=()", "microphone=()", "geolocation=()", "payment=()", "usb=()"):
        assert feature in policy
    assert client.get("/en/").headers["Cross-Origin-Resource-Policy"] == "same-origin"


@pytest.mark.parametrize("locale, method, url, status, text", [
    ("ar", "get", "/ar/no-such-app/", 404, "لا توجد"),
    ("de", "delete", "/de/whatsapp/", 405, None),
    ("es", "post", "/es/workshop/", 405, None),  # the builder is a GET form
    ("fr", "get", "/fr/whatsapp/?platform=fax", 400, None),
])
def test_error_pages_are_in_the_visitors_language(client, locale, method, url, status, text):
    english = {404: "This page does not exist.", 405: "This address does not accept that kind of request.",
               413: "This request is too large.", 400: "This request was not understood."}[status]
    kwargs = {"data": {"title": "x" * 70_000}} if status == 413 else {}
    response = getattr(client, method)(url, **kwargs)
    html = response.get_data(as_text=True)
    assert response.status_code == status
    assert f'<html lang="{"pt-BR" if locale == "pt-br" else locale}"' in html
    assert english not in html  # translated
    assert 'class="error-page"' in html
    if text:
        assert text in html


def test_no_response_anywhere_sets_a_cookie(app, client):
    """A full crawl: every page and fragment of every locale, the builder and its guide views."""
    from webapp import i18n, sitemap
    with app.test_request_context():
        urls = [url for loc in i18n.LOCALES for url in
                sitemap.page_urls(app.extensions["catalog"], loc.url_code) +
                sitemap.partial_urls(app.extensions["catalog"], loc.url_code)]
    urls += ["/", "/sw.js", "/healthz", "/en/manifest.webmanifest", "/en/precache.json", "/en/workshop/",
             "/en/workshop/?apps=signal&language=en&platform=&submit=1", "/en/guide/?apps=signal",
             "/en/guide/qr.svg?apps=signal", "/en/guide/print/?apps=signal", "/en/nope/"]
    for url in urls:
        response = client.get(url)
        assert "Set-Cookie" not in response.headers, url
    assert len(urls) > 150  # every page of every locale (walk steps are built on the device now)
