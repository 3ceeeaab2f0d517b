"""`flask export DEST`: the whole site, every locale, as plain files (Frozen-Flask).

Any static host, CDN or USB stick can serve the folder; the service worker and precache
lists are included, so it works offline after one visit like the live site. What needs a
server is left out: the workshop builder, guides for chosen apps and the filters (a static
host ignores query strings), which the exported pages therefore do not show.
"""
from __future__ import annotations

import shutil
import warnings
from pathlib import Path

import click
from flask import current_app, url_for
from flask.cli import with_appcontext
from flask_frozen import Freezer, MissingURLGeneratorWarning

from . import i18n, sitemap


def export_urls():
    catalog = current_app.extensions["catalog"]
    yield "/"  # redirects by language on the server; the export writes the English home there
    yield "/sw.js"
    for loc in i18n.LOCALES:
        yield url_for("locale.offline.manifest", locale=loc.url_code)
        yield url_for("locale.offline.precache_list", locale=loc.url_code)
        yield from sitemap.page_urls(catalog, loc.url_code)
        yield from sitemap.partial_urls(catalog, loc.url_code)


def export_site(app, destination: Path) -> int:
    """Write the site to destination (replaced); returns the number of files written."""
    app.config.update(STATIC_EXPORT=True, FREEZER_DESTINATION=str(destination.resolve()),
                      FREEZER_REMOVE_EXTRA_FILES=True, FREEZER_IGNORE_MIMETYPE_WARNINGS=True,
                      FREEZER_REDIRECT_POLICY="follow", FREEZER_RELATIVE_URLS=False)
    freezer = Freezer(app, with_no_argument_rules=False, log_url_for=False)
    freezer.register_generator(export_urls)
    if destination.exists():
        shutil.rmtree(destination)
    with warnings.catch_warnings():
        # Frozen-Flask counts endpoints, not URLs; every URL here comes from the catalog.
        warnings.simplefilter("ignore", MissingURLGeneratorWarning)
        return len(freezer.freeze())


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
