"""The one header policy: security headers on every response, Cache-Control per kind of
response, validators known before rendering, compression.

Kinds (a view declares its kind with a decorator next to its route; the default is `page`):
- page: reading pages, manifests, precache lists. Shared caches (nginx, a CDN) may keep them
  for a minute and serve them stale while they revalidate; content only changes with a deploy.
- fragment: as a page, and not indexed.
- worker: the service worker; browsers re-check it every time, so an update is never stuck.
- no_store: the health check, the root redirect (it varies by Accept-Language), the workshop
  builder (its results are links made for one trainer).
- errors are never stored: a junk URL must not fill a cache.
Static files: fingerprinted URLs (`?v=<hash>`) are immutable for a year, others revalidate.

The ETag of a page is known before it is rendered: a hash of the site version and of all a
response varies on (address, query, the htmx request header). A revalidation that matches
gets its 304 from `before_request`, with no rendering at all.
"""
from __future__ import annotations

import hashlib
import threading
from collections import OrderedDict
from functools import lru_cache
from pathlib import Path

import brotli
from flask import Flask, current_app, g, request
from flask_compress import Compress

from . import hosts
from .assets import asset_hash

PAGE = "public, max-age=60, stale-while-revalidate=86400"
WORKER = "no-cache"
NO_STORE = "no-store"
IMMUTABLE = "public, max-age=31536000, immutable"
HSTS = "max-age=63072000; includeSubDomains"

CSP = "; ".join([
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self'",
    "font-src 'self'",
    "connect-src 'self'",
    "manifest-src 'self'",
    "worker-src 'self'",
    "form-action 'self'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
])

PERMISSIONS_POLICY = ", ".join(f"{feature}=()" for feature in (
    "accelerometer", "autoplay", "camera", "display-capture", "geolocation", "gyroscope",
    "interest-cohort", "magnetometer", "microphone", "midi", "payment", "usb",
))

SECURITY_HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Cross-Origin-Resource-Policy": "same-origin",
    "Permissions-Policy": PERMISSIONS_POLICY,
}


def _kind(name: str):
    def mark(view):
        view.cache_kind = name
        return view
    return mark


page = _kind("page")
fragment = _kind("fragment")
worker = _kind("worker")
no_store = _kind("no_store")


def noindex(view):
    view.noindex = True
    return view


def _view():
    return current_app.view_functions.get(request.endpoint) if request.endpoint else None


def kind_of_request() -> str | None:
    if request.endpoint == "static":
        return "static"
    view = _view()
    return getattr(view, "cache_kind", "page") if view else None


def page_etag() -> str:
    """Everything a page's bytes depend on, hashed: known without rendering it."""
    parts = (current_app.config["SITE_VERSION"], current_app.config.get("PUBLIC_URL") or request.host_url,
             request.full_path, request.headers.get("HX-Request", ""))
    return hashlib.sha256("\0".join(parts).encode()).hexdigest()[:32]


def _answer_revalidation():
    """A matching If-None-Match costs no render: the ETag is known from the request alone."""
    if request.method not in ("GET", "HEAD") or kind_of_request() not in ("page", "fragment"):
        return None
    g.etag = page_etag()
    for sent in request.headers.get("If-None-Match", "").split(","):
        tag = sent.strip().removeprefix("W/").strip('"')
        if tag.split(":", 1)[0] == g.etag:  # Flask-Compress tags the ETag with ":br" or ":gzip"
            response = current_app.response_class(status=304)
            response.set_etag(tag)  # the representation the client holds
            return response
    return None


def _cache_headers(response):
    kind = kind_of_request()
    if kind == "static":
        immutable = _fingerprinted() and response.status_code in (200, 304)
        response.headers["Cache-Control"] = IMMUTABLE if immutable else "no-cache"
        return response
    if response.status_code >= 400 or kind is None or kind == "no_store":
        response.headers["Cache-Control"] = NO_STORE
        return response
    response.headers["Cache-Control"] = WORKER if kind == "worker" else PAGE
    if kind in ("page", "fragment") and response.status_code == 200 and g.get("etag"):
        response.set_etag(g.etag)
    if kind == "fragment" or getattr(_view(), "noindex", False):
        response.headers["X-Robots-Tag"] = "noindex"
    return response


def _security_headers(response):
    response.headers.update(SECURITY_HEADERS)
    if request.is_secure:
        response.headers["Strict-Transport-Security"] = HSTS
    if response.mimetype == "text/html":
        # Pages and their htmx fragments live on different URLs, but say so anyway:
        # any cache between us and the visitor must never hand one for the other.
        response.vary.add("HX-Request")
    return response


@lru_cache(maxsize=256)
def _brotli_file(path: str, digest: str) -> bytes:
    return brotli.compress(Path(path).read_bytes(), quality=11)


def _fingerprinted() -> str | None:
    """The file's hash when a static URL carries its current one (`?v=`), else None."""
    try:
        current = asset_hash((request.view_args or {}).get("filename", ""))
    except (OSError, ValueError):  # a missing file, or a name no file can have (a NUL byte)
        return None
    return current if request.args.get("v") == current else None


def _fingerprinted_brotli(response):
    """A fingerprinted static file never changes under its URL: brotli it once at the highest
    level (about a tenth smaller than the per-request level) and keep that, bounded by the files
    in static/. Anything else is left to Flask-Compress."""
    if (kind_of_request() != "static" or response.status_code != 200 or not request.accept_encodings["br"]
            or response.mimetype not in current_app.config["COMPRESS_MIMETYPES"]):
        return response
    digest = _fingerprinted()
    if not digest:
        return response
    filename = request.view_args["filename"]
    return _send_brotli(response, _brotli_file(str(Path(current_app.static_folder) / filename), digest), digest)


def _send_brotli(response, body: bytes, etag: str):
    """Answer with a body brotli'd ahead of time; the ETag is tagged ":br" as Flask-Compress tags
    its own, so a revalidation matches either way."""
    response.direct_passthrough = False
    response.set_data(body)
    response.headers["Content-Encoding"] = "br"
    response.vary.add("Accept-Encoding")
    response.set_etag(f"{etag}:br")
    return response


# Bodies of pages without a query string, brotli'd at the highest level, by ETag. Bounded by the
# site's fixed addresses (an unknown one is a 404, never kept); the cap is a second fence.
PAGE_BROTLI_ENTRIES = 2048
_page_bodies: OrderedDict[str, bytes] = OrderedDict()
_page_bodies_lock = threading.Lock()


def _page_brotli(response):
    """A page without a query string has one body per ETag (which holds the site version, host and
    address): brotli it once at the highest level, a tenth smaller than Flask-Compress's per-request
    level, and keep it. These are the pages the service worker saves and shared caches keep. Pages
    with a query (guides, filters) are open-ended, so Flask-Compress does those per request."""
    if (kind_of_request() not in ("page", "fragment") or response.status_code != 200 or request.query_string
            or not g.get("etag") or not request.accept_encodings["br"] or response.is_streamed
            or response.mimetype not in current_app.config["COMPRESS_MIMETYPES"]):
        return response
    with _page_bodies_lock:
        body = _page_bodies.get(g.etag)
        if body is not None:
            _page_bodies.move_to_end(g.etag)
    if body is None:
        body = brotli.compress(response.get_data(), quality=11)
        with _page_bodies_lock:
            _page_bodies[g.etag] = body
            while len(_page_bodies) > PAGE_BROTLI_ENTRIES:
                _page_bodies.popitem(last=False)
    return _send_brotli(response, body, g.etag)


def init_app(app: Flask) -> None:
    # First of all hooks: nothing may build an address (or an ETag) from a Host we do not serve.
    app.before_request(hosts.refuse_bad_host)
    app.before_request(_answer_revalidation)
    Compress(app)
    # after_request functions run last-registered first: these run before Flask-Compress,
    # which then tags the ETag with the encoding and compresses the body (unless one of them did).
    app.after_request(_page_brotli)
    app.after_request(_security_headers)
    app.after_request(_cache_headers)
    app.after_request(_fingerprinted_brotli)
