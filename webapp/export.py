"""`flask export DEST`: the whole site, every locale, as plain files (Frozen-Flask).

Any static host, CDN or USB stick can serve the folder: every page URL ends in "/" (written as
…/index.html) or a known extension, so each file is served with the right type; Frozen-Flask's
MIME warning is left on to say so if a route ever breaks that rule. The service worker and
precache lists are included, so it works offline after one visit like the live site. A static
host ignores query strings, so pages that take one (filters, guides) carry what they need and
apply the query in the browser (static/js/query-view.js).
"""
from __future__ import annotations

import shutil
import warnings
from pathlib import Path

import click
from flask import current_app, render_template, url_for
from flask.cli import with_appcontext
from flask_frozen import Freezer, MissingURLGeneratorWarning
from werkzeug.exceptions import NotFound

from . import i18n, sitemap
from .views.errors import render_error


def export_urls():
    catalog = current_app.extensions["catalog"]
    yield "/sw.js"
    for loc in i18n.LOCALES:
        yield url_for("locale.offline.manifest", locale=loc.url_code)
        yield url_for("locale.offline.precache_list", locale=loc.url_code)
        yield from sitemap.page_urls(catalog, loc.url_code)
        yield from sitemap.partial_urls(catalog, loc.url_code)


def write_entry_pages(app, destination: Path) -> int:
    """`/` lets the visitor pick a language (static/js/language-choice.js picks one from the
    browser's languages); `404.html` at the root and in each locale, for hosts that serve it."""
    with app.test_request_context("/"):
        (destination / "index.html").write_text(render_template("offline/languages.html"), encoding="utf-8")
        (destination / "404.html").write_text(render_error(NotFound())[0], encoding="utf-8")
    for loc in i18n.LOCALES:
        with app.test_request_context(f"/{loc.url_code}/404.html"):
            (destination / loc.url_code / "404.html").write_text(render_error(NotFound())[0], encoding="utf-8")
    return 2 + len(i18n.LOCALES)


def export_site(app, destination: Path, base_path: str = "/") -> int:
    """Write the site to destination (replaced); returns the number of files written."""
    app.config.update(STATIC_EXPORT=True, FREEZER_DESTINATION=str(destination.resolve()),
                      FREEZER_REMOVE_EXTRA_FILES=True, FREEZER_REDIRECT_POLICY="error",
                      FREEZER_RELATIVE_URLS=False, FREEZER_BASE_URL=f"http://localhost{base_path}")
    freezer = Freezer(app, with_no_argument_rules=False, log_url_for=False)
    freezer.register_generator(export_urls)
    if destination.exists():
        shutil.rmtree(destination)
    with warnings.catch_warnings():
        # Frozen-Flask counts endpoints, not URLs; every URL here comes from the catalog.
        warnings.simplefilter("ignore", MissingURLGeneratorWarning)
        count = len(freezer.freeze())
    return count + write_entry_pages(app, destination)


@click.command("export")
@click.argument("destination", type=click.Path(file_okay=False, path_type=Path), default=Path("build/site"))
@click.option("--public-url", default="", help="Address the export will be served from (for printed links).")
@with_appcontext
def export_command(destination: Path, public_url: str):
    """Write the whole site for every locale to DESTINATION (default build/site)."""
    if public_url:
        current_app.config["PUBLIC_URL"] = public_url
    count = export_site(current_app, destination)
    click.echo(f"wrote {count} files to {destination}")
