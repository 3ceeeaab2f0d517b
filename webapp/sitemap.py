"""Every page and fragment of one locale, from the route inventory (webapp/inventory.py).

One list serves three readers: the service worker's precache list, the static export and
the tests' crawls. Nothing here is hand-kept: a new app file or a new listed route adds its
pages everywhere.
"""
from __future__ import annotations

from flask import current_app

from . import inventory
from .catalog import Catalog


def _purpose(offline: bool) -> str:
    return "export" if current_app.config["STATIC_EXPORT"] and not offline else "offline"


def page_urls(catalog: Catalog, locale: str, *, offline: bool = False) -> list[str]:
    """What the export writes (while exporting), else what the service worker saves (the same on
    the live site and in the export), which are also the pages the tests crawl."""
    return inventory.urls(catalog, locale, fragments=False, purpose=_purpose(offline))


def partial_urls(catalog: Catalog, locale: str, *, offline: bool = False) -> list[str]:
    return inventory.urls(catalog, locale, fragments=True, purpose=_purpose(offline))
