"""Validators, compression and the in-memory response cache."""
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
    assert first.headers["Cache-Control"] == "no-cache" and first.headers["ETag"]
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


@pytest.mark.parametrize("path", ["css/app.css", "js/checklist.js", "vendor/htmx-2.0.11.min.js", "icons/icon-512.png"])
def test_fingerprinted_static_files_are_brotli_and_immutable(client, path):
    from webapp.assets import asset
    with client.application.test_request_context():
        url = asset(path)
    response = client.get(url, headers={"Accept-Encoding": "br"})
    assert response.headers["Cache-Control"] == "public, max-age=31536000, immutable"
    if not path.endswith(".png"):  # images are compressed already
        assert response.headers["Content-Encoding"] == "br"


def test_the_response_cache_serves_the_same_bytes_and_keeps_cookies_out(client):
    cache = client.application.wsgi_app
    first = client.get("/en/signal/", headers={"Accept-Encoding": "br"})
    entries = len(cache.entries)
    second = client.get("/en/signal/", headers={"Accept-Encoding": "br"})
    assert second.data == first.data and second.headers["ETag"] == first.headers["ETag"]
    assert len(cache.entries) == entries  # a hit, not a new entry
    client.get("/en/workshop/")
    assert not any(key[0] == "/en/workshop/" for key in cache.entries)  # sets the CSRF cookie: never kept
    assert "Set-Cookie" not in client.get("/en/signal/").headers


def test_production_needs_a_secret_key_and_secures_the_cookie():
    with pytest.raises(ConfigError, match="LOCKSTEP_SECRET_KEY"):
        from_environment({"LOCKSTEP_ENV": "production"})
    settings = from_environment({"LOCKSTEP_ENV": "production", "LOCKSTEP_SECRET_KEY": "k" * 64})
    assert settings["SESSION_COOKIE_SECURE"] is True and settings["SECRET_KEY"] == "k" * 64
    app = create_app({"TESTING": True, **settings})
    cookie = app.test_client().get("/en/workshop/", base_url="https://lockstep.example").headers["Set-Cookie"]
    assert "Secure" in cookie and "HttpOnly" in cookie and "SameSite=Strict" in cookie
