"""The one header policy (webapp/headers.py): Cache-Control per kind, ETags known before
rendering (a 304 costs no render), compression, immutable fingerprinted static files."""
from __future__ import annotations

import gzip

import brotli

import pytest

from webapp import create_app
from webapp.config import ConfigError, from_environment


@pytest.mark.parametrize("url", ["/en/whatsapp/", "/en/whatsapp/steps?platform=ios", "/en/compare/table?need=calls",
                                 "/ar/manifest.webmanifest", "/en/precache.json", "/en/guide/qr.svg?apps=signal"])
def test_pages_and_partials_have_an_etag_and_answer_304(client, url):
    first = client.get(url, headers={"Accept-Encoding": "br"})
    assert first.status_code == 200
    assert first.headers["Cache-Control"] == "public, max-age=60, stale-while-revalidate=86400"
    assert first.headers["ETag"]
    again = client.get(url, headers={"Accept-Encoding": "br", "If-None-Match": first.headers["ETag"]})
    assert again.status_code == 304 and again.data == b""
    changed = client.get(url, headers={"Accept-Encoding": "br", "If-None-Match": '"something-else"'})
    assert changed.status_code == 200


@pytest.mark.parametrize("url, mimetype", [
    ("/en/whatsapp/", "text/html"), ("/en/manifest.webmanifest", "application/manifest+json"),
    ("/en/guide/qr.svg?apps=signal", "image/svg+xml"), ("/sw.js", "text/javascript"),
])
def test_text_responses_are_compressed_with_brotli_or_gzip(client, url, mimetype):
    plain = client.get(url, headers={"Accept-Encoding": "identity"})
    assert plain.mimetype == mimetype and "Content-Encoding" not in plain.headers
    br = client.get(url, headers={"Accept-Encoding": "br, gzip"})
    assert br.headers["Content-Encoding"] == "br" and brotli.decompress(br.data) == plain.data
    gz = client.get(url, headers={"Accept-Encoding": "gzip"})
    assert gz.headers["Content-Encoding"] == "gzip" and gzip.decompress(gz.data) == plain.data
    assert "Accept-Encoding" in br.headers["Vary"]


def test_pages_without_a_query_are_brotli_at_the_highest_level_once_per_version(client):
    # They are what the service worker saves per language; the highest level keeps that small.
    plain = client.get("/ru/whatsapp/", headers={"Accept-Encoding": "identity"}).data
    first = client.get("/ru/whatsapp/", headers={"Accept-Encoding": "br"})
    assert brotli.decompress(first.data) == plain
    assert len(first.data) <= len(brotli.compress(plain, quality=9))  # better than any per-request level
    again = client.get("/ru/whatsapp/", headers={"Accept-Encoding": "br"})
    assert again.data == first.data and again.headers["ETag"] == first.headers["ETag"]
    fragment = client.get("/ru/whatsapp/", headers={"Accept-Encoding": "br", "HX-Request": "true"})
    assert brotli.decompress(fragment.data) == client.get(
        "/ru/whatsapp/", headers={"Accept-Encoding": "identity", "HX-Request": "true"}).data
    # A page with a query is open-ended: compressed per request, never kept.
    from webapp import headers
    kept = len(headers._page_bodies)
    queried = client.get("/ru/whatsapp/?platform=ios", headers={"Accept-Encoding": "br"})
    assert queried.headers["Content-Encoding"] == "br" and len(headers._page_bodies) == kept


@pytest.mark.parametrize("path", ["css/app.css", "js/checklist.js", "vendor/htmx-2.0.11.min.js", "icons/icon-512.png"])
def test_fingerprinted_static_files_are_brotli_and_immutable(client, path):
    from webapp.assets import asset
    with client.application.test_request_context():
        url = asset(path)
    response = client.get(url, headers={"Accept-Encoding": "br"})
    assert response.headers["Cache-Control"] == "public, max-age=31536000, immutable"
    if not path.endswith(".png"):  # images are compressed already
        assert response.headers["Content-Encoding"] == "br"


def test_a_revalidation_renders_nothing(client, monkeypatch):
    """The service worker revalidates every page it serves; a matching ETag must cost no render."""
    first = client.get("/en/signal/", headers={"Accept-Encoding": "br"})
    import flask
    rendered = []
    monkeypatch.setattr("webapp.views.reading.render_template",
                        lambda *a, **k: rendered.append(a) or flask.render_template(*a, **k))
    again = client.get("/en/signal/", headers={"Accept-Encoding": "br", "If-None-Match": first.headers["ETag"]})
    assert again.status_code == 304 and again.headers["ETag"] == first.headers["ETag"]
    assert rendered == []
    assert again.headers["Content-Security-Policy"].startswith("default-src 'none'")  # headers on a 304 too


def test_etag_changes_with_what_the_page_varies_on(client):
    base = client.get("/en/signal/").headers["ETag"]
    assert client.get("/en/signal/?platform=ios").headers["ETag"] != base
    assert client.get("/en/signal/", headers={"HX-Request": "true"}).headers["ETag"] != base
    assert client.get("/en/signal/", base_url="http://other.example").headers["ETag"] != base


@pytest.mark.parametrize("url, cache_control", [
    ("/sw.js", "no-cache"), ("/healthz", "no-store"), ("/", "no-store"), ("/en/workshop/", "no-store"),
    ("/en/nope/", "no-store"), ("/en/whatsapp/?platform=fax", "no-store"),
])
def test_each_kind_of_response_has_its_cache_control(client, url, cache_control):
    assert client.get(url).headers["Cache-Control"] == cache_control


def test_fragments_are_not_indexed_and_pages_are(client):
    assert client.get("/en/whatsapp/steps").headers["X-Robots-Tag"] == "noindex"
    assert client.get("/en/guide/qr.svg?apps=signal").headers["X-Robots-Tag"] == "noindex"
    assert "X-Robots-Tag" not in client.get("/en/whatsapp/").headers


def test_no_response_depends_on_the_time_of_rendering(client):
    """The print date is filled in by the browser when printing; the bytes never carry today."""
    import datetime as dt
    from babel.dates import format_date
    today = format_date(dt.date.today(), "long", locale="en")
    for url in ("/en/whatsapp/", "/en/guide/print/?apps=signal", "/en/guide/handout/?apps=signal"):
        html = client.get(url).get_data(as_text=True)
        revision = html.index("Content revision")
        printed = html[revision:html.index("</p>", revision)]  # the line that once said "printed on <today>"
        assert today not in printed
        assert 'data-print-date="Printed on %(date)s."' in printed


def test_production_prefers_https_and_needs_no_secret():
    settings = from_environment({"LOCKSTEP_ENV": "production"})
    assert settings["PREFERRED_URL_SCHEME"] == "https" and "SECRET_KEY" not in settings
    with pytest.raises(ConfigError, match="LOCKSTEP_PROXIES"):
        from_environment({"LOCKSTEP_PROXIES": "yes"})


def test_trusted_hosts_refuse_any_other_host():
    app = create_app({"TESTING": True, **from_environment({"LOCKSTEP_TRUSTED_HOSTS": "lockstep.example"})})
    client = app.test_client()
    assert client.get("/en/", base_url="http://lockstep.example").status_code == 200
    response = client.get("/en/", base_url="http://evil.example")
    assert response.status_code == 400 and "evil.example" not in response.get_data(as_text=True)
