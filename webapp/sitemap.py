"""Every page and fragment of one locale, from the route inventory (webapp/inventory.py).

One list serves three readers: the service worker's precache list, the static export and
the tests' crawls. Nothing here is hand-kept: a new app file or a new listed route adds its
pages everywhere.
"""
from __future__ import annotations

from flask import current_app

from . import inventory
from .catalog import Catalog


def page_urls(catalog: Catalog, locale: str) -> list[str]:
    return inventory.urls(catalog, locale, fragments=False, export=current_app.config["STATIC_EXPORT"])


def partial_urls(catalog: Catalog, locale: str) -> list[str]:
    return inventory.urls(catalog, locale, fragments=True, export=current_app.config["STATIC_EXPORT"])
