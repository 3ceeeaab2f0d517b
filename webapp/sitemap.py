"""Every page and partial of one locale, generated from the catalog.

One list serves three readers: the service worker's precache list, the static export and
the tests' crawls. Nothing here is hand-kept: a new app file adds its pages everywhere.
"""
from __future__ import annotations

from flask import current_app, url_for

from .catalog import Catalog


def page_urls(catalog: Catalog, locale: str) -> list[str]:
    """Full pages a visitor can open from the navigation, in one locale."""
    urls = [url_for(endpoint, locale=locale) for endpoint in
            ("pages.home", "pages.compare", "pages.changes", "pages.rumors", "pages.ai_training",
             "pages.progress", "pages.offline")]
    for app in catalog:
        urls.append(url_for("pages.app_page", locale=locale, app_id=app.id))
        urls += [url_for("pages.app_walk", locale=locale, app_id=app.id, number=number)
                 for number in range(1, len(app.steps) + 1)]
    urls += [url_for("pages.app_page", locale=locale, app_id=retired.id) for retired in catalog.topics.retired]
    return urls


def partial_urls(catalog: Catalog, locale: str) -> list[str]:
    """The fragments htmx swaps in, so the same swaps work offline."""
    urls = [url_for("pages.compare_table", locale=locale), url_for("pages.offline_fragment", locale=locale)]
    for app in catalog:
        urls.append(url_for("pages.app_steps", locale=locale, app_id=app.id))
        if not current_app.config["STATIC_EXPORT"]:  # the export has no platform filter
            urls += [url_for("pages.app_steps", locale=locale, app_id=app.id, platform=code)
                     for code in app.platforms]
    return urls
