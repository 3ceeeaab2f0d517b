"""What makes Lockstep an installable, offline app: manifests, the service worker, its precache list."""
from __future__ import annotations

from pathlib import Path

from flask import Blueprint, current_app, jsonify, render_template, url_for
from flask_babel import gettext as _

from .. import i18n, sitemap
from ..assets import asset
from .pages import bp as pages_bp, catalog

bp = Blueprint("offline", __name__)

THEME_COLOUR = "#1f5f4a"
BACKGROUND_COLOUR = "#fbfbf8"
SHELL_SUFFIXES = (".css", ".js", ".svg", ".png")


def shell_assets() -> list[str]:
    """Every stylesheet, script and icon in static/: the pages need nothing else."""
    root = Path(current_app.static_folder)
    return sorted(str(p.relative_to(root)) for p in root.rglob("*") if p.suffix in SHELL_SUFFIXES)


@bp.get("/sw.js")
def service_worker():
    """At the root so its scope covers every locale; its text changes with every site version."""
    response = current_app.response_class(
        render_template("sw.js", version=current_app.config["SITE_VERSION"]),
        mimetype="text/javascript")
    response.headers["Cache-Control"] = "no-cache"  # browsers re-check it; never stuck on an old one
    return response


@pages_bp.get("/manifest.webmanifest")
def manifest():
    loc = i18n.current_locale()
    icons = [
        {"src": asset("icons/icon-192.png"), "sizes": "192x192", "type": "image/png", "purpose": "any"},
        {"src": asset("icons/icon-512.png"), "sizes": "512x512", "type": "image/png", "purpose": "any"},
        {"src": asset("icons/icon-maskable-512.png"), "sizes": "512x512", "type": "image/png",
         "purpose": "maskable"},
        {"src": asset("icons/icon.svg"), "sizes": "any", "type": "image/svg+xml", "purpose": "any"},
    ]
    home = url_for("pages.home")
    body = {
        "id": home, "name": _("Lockstep: encrypt your chats"), "short_name": "Lockstep",
        "description": _("Turn on end-to-end encryption in your messaging apps, check that it is on, "
                         "and secure your backups, step by step."),
        "start_url": home, "scope": home, "lang": loc.html_lang, "dir": loc.text_direction,
        "display": "standalone", "theme_color": THEME_COLOUR, "background_color": BACKGROUND_COLOUR,
        "icons": icons,
    }
    response = jsonify(body)
    response.mimetype = "application/manifest+json"
    return response


@pages_bp.get("/precache.json")
def precache_list():
    """Everything the service worker saves for offline use in this locale, generated from the catalog."""
    code = i18n.current_locale().url_code
    return jsonify({
        "version": current_app.config["SITE_VERSION"],
        "assets": [asset(path) for path in shell_assets()],
        "pages": sitemap.page_urls(catalog(), code),
        "partials": sitemap.partial_urls(catalog(), code),
    })


@pages_bp.get("/offline/")
def offline():
    return render_template("pages/offline.html", apps=list(catalog()))


@pages_bp.get("/offline/fragment")
def offline_fragment():
    """What an htmx swap shows when neither the network nor the cache has the fragment."""
    return render_template("partials/offline_fragment.html")
