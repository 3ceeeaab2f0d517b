"""One route inventory: each localized page says, next to its route, where it goes.

`@listed(...)` on a view declares whether its URLs are precached for offline use, written by
the static export, and shown in the navigation, and how to enumerate their arguments from the
catalog. `@unlisted(reason)` says why a route is none of these. A test walks `app.url_map`
and fails for any localized GET route that has neither, so a new page cannot silently miss
offline use or the export.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from flask import current_app, url_for

Expand = Callable[["object"], Iterable[dict]]  # catalog -> the url_for values of each URL


@dataclass(frozen=True)
class Listing:
    offline: bool = True  # precached by the service worker
    export: bool = True  # written by `flask export`
    fragment: bool = False  # an htmx fragment rather than a page
    nav: object = None  # label in the main navigation (lazy string), in declaration order
    expand: Expand | None = None  # None: one URL without arguments
    export_expand: Expand | None = None  # what the export writes, when it differs (no query filters)


@dataclass(frozen=True)
class Unlisted:
    reason: str


def listed(**options) -> Callable:
    def mark(view):
        view.listing = Listing(**options)
        return view
    return mark


def unlisted(reason: str) -> Callable:
    def mark(view):
        view.listing = Unlisted(reason)
        return view
    return mark


def listing_of(endpoint: str):
    return getattr(current_app.view_functions.get(endpoint), "listing", None)


def listed_endpoints() -> list[tuple[str, Listing]]:
    """Endpoints with a Listing, in the order their routes were declared (stable, no duplicates)."""
    seen: dict[str, Listing] = {}
    for rule in current_app.url_map.iter_rules():
        listing = listing_of(rule.endpoint)
        if isinstance(listing, Listing):
            seen.setdefault(rule.endpoint, listing)
    return list(seen.items())


def urls(catalog, locale: str, *, fragments: bool, purpose: str = "offline") -> list[str]:
    """The URLs of the listed routes for one purpose: "offline" (what the worker saves, and the
    pages the tests crawl as they are) or "export" (what `flask export` writes)."""
    result = []
    for endpoint, listing in listed_endpoints():
        wanted = listing.export if purpose == "export" else listing.offline
        if listing.fragment != fragments or not wanted:
            continue
        expand = (listing.export_expand or listing.expand) if purpose == "export" else listing.expand
        for values in (expand(catalog) if expand else [{}]):
            result.append(url_for(endpoint, locale=locale, **values))
    return result


def navigation() -> list[tuple[str, object]]:
    """(endpoint, label) for the header; the export leaves out what needs the server."""
    exporting = current_app.config["STATIC_EXPORT"]
    return [(endpoint, listing.nav) for endpoint, listing in listed_endpoints()
            if listing.nav is not None and (listing.export or not exporting)]
