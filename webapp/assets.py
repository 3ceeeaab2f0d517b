"""Fingerprinted static URLs: `asset('css/app.css')` -> `/static/css/app.css?v=<hash>`.

A URL carrying the file's current hash is cached for a year as immutable; any other
static URL (module imports, old hashes) must revalidate, so a deploy is never stuck.
"""
from __future__ import annotations

import hashlib
from functools import lru_cache
from pathlib import Path

from flask import Flask, current_app, request, url_for

IMMUTABLE = "public, max-age=31536000, immutable"


@lru_cache(maxsize=None)
def _file_hash(folder: str, filename: str) -> str:
    return hashlib.sha256((Path(folder) / filename).read_bytes()).hexdigest()[:12]


def asset_hash(filename: str) -> str:
    return _file_hash(current_app.static_folder, filename)


def asset(filename: str) -> str:
    return url_for("static", filename=filename, v=asset_hash(filename))


def _static_cache_headers(response):
    if request.endpoint != "static" or response.status_code not in (200, 304):
        return response
    filename = (request.view_args or {}).get("filename", "")
    try:
        current = asset_hash(filename)
    except OSError:
        return response
    if request.args.get("v") == current:
        response.cache_control.no_cache = None
        response.headers["Cache-Control"] = IMMUTABLE
    else:
        response.headers["Cache-Control"] = "no-cache"
    return response


def init_app(app: Flask) -> None:
    app.jinja_env.globals["asset"] = asset
    app.after_request(_static_cache_headers)
