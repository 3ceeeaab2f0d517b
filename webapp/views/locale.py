"""The /<locale>/ parent blueprint: reads and injects the locale once for every page below it,
and the request arguments those pages share (the app, the ?platform= filter)."""
from __future__ import annotations

from urllib.parse import urlencode

from flask import Blueprint, abort, current_app, g, request
from flask_babel import gettext as _
from werkzeug.routing import RequestRedirect

from .. import i18n
from ..catalog import App, Catalog, vocab

bp = Blueprint("locale", __name__, url_prefix="/<locale>")

MAX_ID_SHOWN = 40


@bp.url_value_preprocessor
def pull_locale(endpoint, values):
    code = values.pop("locale")
    locale = i18n.get_locale(code)
    if locale is None:
        if i18n.get_locale(code.lower()):
            raise RequestRedirect(request.url.replace(f"/{code}/", f"/{code.lower()}/", 1))
        abort(404, description=_("Lockstep is not available in the language “%(code)s”.",
                                 code=code[:MAX_ID_SHOWN]))
    g.site_locale = locale


@bp.url_defaults
def add_locale(endpoint, values):
    values.setdefault("locale", i18n.current_locale().url_code)


def catalog() -> Catalog:
    return current_app.extensions["catalog"]


def get_app_or_404(app_id: str) -> App:
    app = catalog().get(app_id)
    if app is None:
        abort(404, description=_("There is no checklist for “%(app)s”.", app=app_id[:MAX_ID_SHOWN]))
    return app


# What people type or say for a platform; each redirects to the one canonical value.
PLATFORM_ALIASES = {"iphone": "ios", "ipad": "ios", "ipados": "ios", "apple": "ios", "mac": "desktop",
                    "macos": "desktop", "windows": "desktop", "linux": "desktop", "pc": "desktop",
                    "computer": "desktop", "browser": "web"}


def platform_arg() -> str | None:
    """The ?platform= filter: absent or empty means all platforms; an alias (iphone, mac, …)
    redirects to its canonical value; anything unknown is a 400."""
    values = request.args.getlist("platform")
    if not values or values == [""]:
        return None
    if len(values) == 1 and values[0].lower() in PLATFORM_ALIASES:
        args = request.args.copy()
        args.setlist("platform", [PLATFORM_ALIASES[values[0].lower()]])
        raise RequestRedirect(f"{request.script_root}{request.path}?{urlencode(list(args.items(multi=True)))}")
    if len(values) > 1 or values[0] not in vocab.PLATFORMS:
        names = ", ".join(str(label) for label in vocab.PLATFORMS.values())
        abort(400, description=_("Unknown platform. Choose one of: %(names)s.", names=names))
    return values[0]
