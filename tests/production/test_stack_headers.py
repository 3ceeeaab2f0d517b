"""Through nginx: the app's security headers on every response (pages, static files, nginx's own
errors), the shared cache (HIT, 304, Vary) and the app's static cache rule."""
from __future__ import annotations

import re

import pytest
from raw_http import send

from webapp.headers import IMMUTABLE, SECURITY_HEADERS


def assert_security_headers(reply):
    for name, value in SECURITY_HEADERS.items():
        assert reply.all(name) == [value], (reply.status, name, reply.all(name))  # exactly one copy
    assert "default-src 'none'" in reply.header("Content-Security-Policy")
    assert reply.header("X-Content-Type-Options") == "nosniff"
    assert reply.header("Strict-Transport-Security") is None  # plain http on loopback
    assert reply.header("Set-Cookie") is None


@pytest.mark.parametrize("path", ["/en/", "/ar/whatsapp/", "/en/whatsapp/steps?platform=ios", "/sw.js",
                                  "/en/manifest.webmanifest", "/en/guide/qr.svg?apps=signal", "/healthz",
                                  "/en/workshop/", "/en/no-such-app/", "/en/whatsapp/?platform=fax"])
def test_app_responses_carry_one_copy_of_each_security_header(stack, path):
    assert_security_headers(send(stack.url, path))


def test_static_files_are_served_by_nginx_with_the_apps_cache_rule(stack, app, client):
    html = send(stack.url, "/en/").body.decode()
    fingerprinted = sorted(set(re.findall(r'/static/[^"?]+\?v=[0-9a-f]{12}', html)))
    assert len(fingerprinted) >= 3
    for url in [*fingerprinted, "/static/css/app.css", "/static/css/app.css?v=000000000000", "/static/js/app.js"]:
        through_nginx = send(stack.url, url)
        assert through_nginx.status == 200 and through_nginx.header("X-Cache-Status") is None  # not proxied
        assert through_nginx.header("Cache-Control") == client.get(url).headers["Cache-Control"], url
        assert_security_headers(through_nginx)
    assert send(stack.url, fingerprinted[0]).header("Cache-Control") == IMMUTABLE
    missing = send(stack.url, "/static/no-such-file.css")
    assert missing.status == 404
    assert_security_headers(missing)


@pytest.mark.parametrize("case, request_kwargs, status", [
    ("URI too long", {"path": "/en/?q=" + "a" * 5000}, 414),
    ("header line too long", {"path": "/en/", "headers": {"X-Long": "a" * 5000}}, 400),
    ("body over 64 KB", {"path": "/en/", "method": "POST", "body": b"x" * 70_000}, 413),
    ("unknown host", {"path": "/en/", "headers": {"Host": "evil.example"}}, 400),
    ("malformed host", {"path": "/en/", "headers": {"Host": "a..b"}}, 400),
])
def test_nginx_own_errors_carry_the_security_headers(stack, case, request_kwargs, status):
    reply = send(stack.url, **request_kwargs)
    assert reply.status == status, case
    assert_security_headers(reply)


@pytest.mark.parametrize("wire", [
    b"GET /en/ HTTP/1.1\r\nHost: 127.0.0.1\r\nNo colon here\r\n\r\n",
    b"GET /en/ HTTP/9.9\r\nHost: 127.0.0.1\r\n\r\n",  # nginx's 505, turned into a 400: bad input
    b"GET /en/ HTTP/9.9\r\nHost: evil.example\r\n\r\n",
])
def test_a_malformed_request_gets_a_400_with_the_security_headers(stack, wire):
    import socket
    from urllib.parse import urlsplit
    address = urlsplit(stack.url)
    with socket.create_connection((address.hostname, address.port), timeout=5) as sock:
        sock.sendall(wire)
        head = sock.recv(65536).split(b"\r\n\r\n", 1)[0].decode("latin-1")
    assert head.startswith("HTTP/1.1 400")
    for name, value in SECURITY_HEADERS.items():
        assert f"{name}: {value}" in head


def test_a_redirect_repeating_a_long_url_is_passed_on_not_a_502(stack):
    reply = send(stack.url, "/steps?language=" + "a" * 3000)
    assert reply.status == 308
    assert_security_headers(reply)


def test_gunicorn_errors_behind_nginx_get_the_headers_too(stack):
    # gunicorn's own error pages have no headers; behind nginx nothing reaches a client without them.
    reply = send(stack.url, "/en/", method="FOO")
    assert 400 <= reply.status < 500
    assert_security_headers(reply)


def test_a_second_request_for_a_page_is_a_cache_hit_and_revalidates_with_304(stack):
    path = "/en/signal/?case=hit"
    first = send(stack.url, path)
    second = send(stack.url, path)
    assert (first.status, second.status) == (200, 200)
    assert first.header("X-Cache-Status") == "MISS" and second.header("X-Cache-Status") == "HIT"
    assert first.body == second.body and first.header("ETag") == second.header("ETag")
    assert "public" in second.header("Cache-Control") and "stale-while-revalidate" in second.header("Cache-Control")
    for _ in range(12):  # whichever worker and whether cached: always a 304 for the page's own ETag
        revalidated = send(stack.url, path, {"If-None-Match": first.header("ETag")})
        assert revalidated.status == 304 and revalidated.body == b""
        assert_security_headers(revalidated)
    assert send(stack.url, path, {"If-None-Match": '"other"'}).status == 200


def test_pages_and_fragments_vary_on_hx_request_and_are_cached_apart(stack):
    page, fragment = "/en/whatsapp/?case=vary", "/en/whatsapp/steps?case=vary"
    for path in (page, fragment):
        vary = ",".join(send(stack.url, path).all("Vary"))
        assert "HX-Request" in vary and "Accept-Encoding" in vary
    plain = send(stack.url, page)
    htmx = send(stack.url, page, {"HX-Request": "true"})
    assert send(stack.url, page).body == plain.body  # the htmx request did not replace the page
    assert plain.body.lstrip().lower().startswith(b"<!doctype html>")
    assert htmx.status == 200


def test_errors_and_the_builder_are_never_stored(stack):
    for path in ("/en/no-such-app/?case=err", "/en/workshop/?case=builder"):
        send(stack.url, path)
        assert send(stack.url, path).header("X-Cache-Status") in ("MISS", "BYPASS", "EXPIRED", None)


def test_nginx_compresses_static_files_and_passes_the_apps_compression_on(stack):
    css = send(stack.url, "/static/css/app.css", {"Accept-Encoding": "gzip"})
    assert css.header("Content-Encoding") == "gzip" and "Accept-Encoding" in ",".join(css.all("Vary"))
    page = send(stack.url, "/en/?case=br", {"Accept-Encoding": "br"})
    assert page.header("Content-Encoding") == "br"
    assert send(stack.url, "/en/?case=br").header("Content-Encoding") is None  # its own cache variant
