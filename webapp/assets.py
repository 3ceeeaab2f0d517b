"""Fingerprinted static URLs: `asset('css/app.css')` -> `/static/css/app.css?v=<hash>`.

A URL carrying the file's current hash is cached for a year as immutable (webapp/headers.py);
any other static URL (module imports, old hashes) must revalidate, so a deploy is never stuck.
"""
from __future__ import annotations

import hashlib
from functools import lru_cache
from pathlib import Path

from flask import Flask, current_app, url_for


@lru_cache(maxsize=None)
def _file_hash(folder: str, filename: str) -> str:
    return hashlib.sha256((Path(folder) / filename).read_bytes()).hexdigest()[:12]


def asset_hash(filename: str) -> str:
    return _file_hash(current_app.static_folder, filename)


def asset(filename: str) -> str:
    return url_for("static", filename=filename, v=asset_hash(filename))


def script_strings_url(locale: str) -> str:
    """The scripts' strings in one language (views/offline.py), versioned like an asset: a new
    site version is a new URL."""
    return url_for("locale.offline.strings_script", locale=locale, v=current_app.config["SITE_VERSION"])


def init_app(app: Flask) -> None:
    app.jinja_env.globals["asset"] = asset
    app.jinja_env.globals["script_strings_url"] = script_strings_url
