"""`flask export DEST`: the whole site, every locale, as plain files (Frozen-Flask).

Any static host, CDN or USB stick can serve the folder: every page URL ends in "/" (written as
…/index.html) or a known extension, so each file is served with the right type; Frozen-Flask's
MIME warning is left on to say so if a route ever breaks that rule. The service worker and
precache lists are included, so it works offline after one visit like the live site. A static
host ignores query strings, so pages that take one (filters, guides) carry what they need and
apply the query in the browser (static/js/query-view.js).
"""
from __future__ import annotations

import re
import shutil
import warnings
from pathlib import Path

import click
from flask import current_app, render_template, request, url_for
from flask.cli import with_appcontext
from flask_frozen import Freezer, MissingURLGeneratorWarning
from werkzeug.exceptions import NotFound

from . import i18n, sitemap
from .views.errors import render_error


def export_urls():
    """Every URL to write, relative to the base path (Frozen-Flask adds it back)."""
    catalog = current_app.extensions["catalog"]
    urls = [url_for("offline_worker")]
    for loc in i18n.LOCALES:
        urls += [url_for("locale.offline.manifest", locale=loc.url_code),
                 url_for("locale.offline.precache_list", locale=loc.url_code),
                 url_for("locale.offline.strings_script", locale=loc.url_code),
                 *sitemap.page_urls(catalog, loc.url_code), *sitemap.partial_urls(catalog, loc.url_code)]
    for url in urls:
        yield url[len(request.script_root):]


def write_entry_pages(app, destination: Path, base_url: str) -> int:
    """`/` lets the visitor pick a language (static/js/language-choice.js picks one from the
    browser's languages); `404.html` at the root and in each locale, for hosts that serve it."""
    with app.test_request_context("/", base_url=base_url):
        (destination / "index.html").write_text(render_template("offline/languages.html"), encoding="utf-8")
        (destination / "404.html").write_text(render_error(NotFound())[0], encoding="utf-8")
    for loc in i18n.LOCALES:
        with app.test_request_context(f"/{loc.url_code}/404.html", base_url=base_url):
            (destination / loc.url_code / "404.html").write_text(render_error(NotFound())[0], encoding="utf-8")
    return 2 + len(i18n.LOCALES)


def relative_assets(destination: Path, base_path: str) -> None:
    """Stylesheets, scripts and icons linked relative to each page, so a page opened from a USB
    stick (file://, where "/static/…" means the disk's root) still reads and prints with its
    styles. Page links stay absolute: the same file is served at every depth by 404.html."""
    for page in destination.rglob("*.html"):
        if page.name == "404.html":
            continue  # served at any depth, for any missing URL: its links must stay absolute
        depth = len(page.relative_to(destination).parts) - 1
        html = page.read_text(encoding="utf-8")
        prefix = "../" * depth or "./"
        html = re.sub(rf'(href|src)="{re.escape(base_path)}static/', rf'\1="{prefix}static/', html)
        page.write_text(html, encoding="utf-8")


class PagePerContextFreezer(Freezer):
    """Frozen-Flask requests every page inside the one request context its URL generators run
    in, so all pages would share one `g`, where Flask-Babel caches the language: every page
    came out in the first page's language. Each page gets its own application context here."""

    def _build_one(self, url, last_modified=None):
        with self.app.app_context():
            return super()._build_one(url, last_modified)


def export_site(app, destination: Path, base_path: str = "/") -> int:
    """Write the site to destination (replaced); returns the number of files written.
    base_path is the folder the site will be served from ("/sub/"): links, the worker's
    scope, the manifest and the precache list all start there."""
    base_path = "/" + base_path.strip("/") + "/" if base_path.strip("/") else "/"
    base_url = f"http://localhost{base_path}"
    app.config.update(STATIC_EXPORT=True, FREEZER_DESTINATION=str(destination.resolve()),
                      FREEZER_REMOVE_EXTRA_FILES=True, FREEZER_REDIRECT_POLICY="error",
                      FREEZER_RELATIVE_URLS=False, FREEZER_BASE_URL=base_url)
    freezer = PagePerContextFreezer(app, with_no_argument_rules=False, log_url_for=False)
    freezer.register_generator(export_urls)
    if destination.exists():
        shutil.rmtree(destination)
    with warnings.catch_warnings():
        # Frozen-Flask counts endpoints, not URLs; every URL here comes from the catalog.
        warnings.simplefilter("ignore", MissingURLGeneratorWarning)
        count = len(freezer.freeze())
    count += write_entry_pages(app, destination, base_url)
    relative_assets(destination, base_path)
    return count


@click.command("export")
@click.argument("destination", type=click.Path(file_okay=False, path_type=Path), default=Path("build/site"))
@click.option("--public-url", default="", help="Address the export will be served from (for printed links).")
@click.option("--base-path", default="/", help="Folder the export will be served under, e.g. /lockstep/.")
@with_appcontext
def export_command(destination: Path, public_url: str, base_path: str):
    """Write the whole site for every locale to DESTINATION (default build/site)."""
    if public_url:
        current_app.config["PUBLIC_URL"] = public_url
    count = export_site(current_app, destination, base_path)
    click.echo(f"wrote {count} files to {destination}")
