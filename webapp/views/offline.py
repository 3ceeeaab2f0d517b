"""What makes Lockstep an installable, offline app: the service worker, each locale's manifest
and precache list, and what the worker shows for a page it has not saved."""
from __future__ import annotations

import json
from pathlib import Path

from flask import Blueprint, current_app, jsonify, render_template, url_for
from flask_babel import gettext as _

from .. import headers, i18n, sitemap
from ..assets import asset, script_strings_url
from ..inventory import listed, unlisted
from ..script_strings import script_strings
from .locale import catalog

bp = Blueprint("offline", __name__)

THEME_COLOUR = "#1f5f4a"
BACKGROUND_COLOUR = "#fbfbf8"
SHELL_SUFFIXES = (".css", ".js", ".svg", ".png")


# Not saved for every language: the install icons (the browser fetches them from the manifest
# when installing), the QR library (only guide views need it; they save it themselves), and the
# scripts of pages that are never offline (the export's language picker, the workshop builder).
NOT_PRECACHED = ("icons/*.png", "vendor/qrcode-*", "js/language-choice.js", "js/on-device/workshop.js")


def shell_assets() -> list[str]:
    """Every stylesheet, script and icon in static/ the pages need offline."""
    root = Path(current_app.static_folder)
    return sorted(str(p.relative_to(root)) for p in root.rglob("*") if p.suffix in SHELL_SUFFIXES
                  and not any(p.relative_to(root).match(pattern) for pattern in NOT_PRECACHED))


def path_in_locale(endpoint: str) -> str:
    """"/what-they-see/" for a route at /<locale>/what-they-see/: how the worker finds it in any locale."""
    return url_for(endpoint, locale="_").removeprefix(url_for("site.root") + "_")


@headers.worker
def service_worker():
    """At the root so its scope covers every locale; its text changes with every site version.
    The locale codes come from the one list, never from a pattern written into the script."""
    script = render_template("offline/sw.js", version=current_app.config["SITE_VERSION"],
                             base=url_for("site.root"),
                             exposure=json.dumps([path_in_locale("locale.reading.exposure"),
                                                  path_in_locale("locale.offline.exposure_shell")]),
                             locales=json.dumps([loc.url_code for loc in i18n.LOCALES]))
    return current_app.response_class(script, mimetype="text/javascript")


# The worker sits at /sw.js (outside /<locale>/) so that one registration covers every locale.
bp.record_once(lambda state: state.app.add_url_rule("/sw.js", "offline_worker", service_worker))


@bp.get("/strings.js")
@unlisted("the scripts' strings in one language: linked from every page, precached with the assets, "
          "written per locale by the export")
def strings_script():
    text = json.dumps(script_strings(), ensure_ascii=False, sort_keys=True)  # a script file, not HTML
    return current_app.response_class(f"window.lockstepStrings = {text};\n", mimetype="text/javascript")


@bp.get("/manifest.webmanifest")
@unlisted("fetched by the browser from each page's <link rel=manifest>; the export writes it per locale")
def manifest():
    loc = i18n.current_locale()
    icons = [
        {"src": asset("icons/icon-192.png"), "sizes": "192x192", "type": "image/png", "purpose": "any"},
        {"src": asset("icons/icon-512.png"), "sizes": "512x512", "type": "image/png", "purpose": "any"},
        {"src": asset("icons/icon-maskable-512.png"), "sizes": "512x512", "type": "image/png",
         "purpose": "maskable"},
        {"src": asset("icons/icon.svg"), "sizes": "any", "type": "image/svg+xml", "purpose": "any"},
    ]
    home = url_for("locale.reading.home")
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


@bp.get("/precache.json")
@unlisted("the list of what is precached; the worker fetches it, the export writes it per locale")
def precache_list():
    """Everything the service worker saves for offline use in this locale, from the route inventory."""
    code = i18n.current_locale().url_code
    return jsonify({
        "version": current_app.config["SITE_VERSION"],
        "assets": [asset(path) for path in shell_assets()] + [script_strings_url(code)],
        # Only this language: a page in another language that was never opened here is answered
        # with this language's offline page, which says which language is not saved (offline.js).
        "pages": sitemap.page_urls(catalog(), code, offline=True),
        # the export has no fragments (filters apply on the device): only what it wrote
        "partials": [url for url in sitemap.partial_urls(catalog(), code, offline=True)
                     if not current_app.config["STATIC_EXPORT"] or url in sitemap.partial_urls(catalog(), code)],
    })


@bp.get("/offline/")
@listed()
def offline():
    return render_template("offline/offline.html", apps=list(catalog()))


@bp.get("/offline/walk/")
@listed()
def walk_shell():
    """What the worker shows for a walkthrough step it has not saved; the page builds the step."""
    return render_template("offline/walk.html")


@bp.get("/offline/what-they-see/")
@listed()
def exposure_shell():
    """What the worker shows for "What they can still see" when it has not saved that page: the
    same page, with each app's claims (most of its weight) copied on the device from the app's
    saved page, which carries the same claims (static/js/on-device/exposure.js)."""
    return render_template("reading/exposure.html", apps=list(catalog()), claims_on_device=True)


@bp.get("/offline/fragment.html")
@listed(fragment=True)
@headers.fragment
def offline_fragment():
    """What an htmx swap shows when neither the network nor the cache has the fragment."""
    return render_template("partials/offline_fragment.html")
