"""Validators and compression for everything the server renders.

Pages, fragments, the manifest and the precache list get a strong ETag (a hash of the body)
and `Cache-Control: no-cache`: browsers and the service worker revalidate every time and get
a 304 when nothing changed. Flask-Compress then gzips or brotlis the body, tags the ETag
with the encoding, and answers If-None-Match. Fingerprinted static files are handled in
assets.py (immutable for a year).
"""
from __future__ import annotations

from flask import Flask, request
from flask_compress import Compress


def _validators(response):
    if (request.method not in ("GET", "HEAD") or response.status_code != 200 or response.is_streamed
            or request.endpoint == "static" or response.direct_passthrough):
        return response
    if "Cache-Control" not in response.headers:
        response.headers["Cache-Control"] = "no-cache"
    if "no-store" not in response.headers["Cache-Control"]:
        response.add_etag()
    return response


def init_app(app: Flask) -> None:
    Compress(app)
    # Registered after Flask-Compress, so it runs before it (Flask runs after_request
    # functions last-registered first): the ETag is computed on the uncompressed body.
    app.after_request(_validators)
