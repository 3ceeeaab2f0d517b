"""Reading pages, all under /<locale>/: home, one app's checklist, and its steps fragment."""
from __future__ import annotations

from flask import Blueprint, abort, current_app, g, render_template, request
from flask_babel import gettext as _
from werkzeug.routing import RequestRedirect

from .. import i18n
from ..catalog import App, Catalog, vocab

bp = Blueprint("pages", __name__, url_prefix="/<locale>")

MAX_ID_SHOWN = 40


def catalog() -> Catalog:
    return current_app.extensions["catalog"]


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


def get_app_or_404(app_id: str) -> App:
    app = catalog().get(app_id)
    if app is None:
        abort(404, description=_("There is no checklist for “%(app)s”.", app=app_id[:MAX_ID_SHOWN]))
    return app


def platform_arg() -> str | None:
    """The ?platform= filter: absent or empty means all platforms; anything unknown is a 400."""
    values = request.args.getlist("platform")
    if not values or values == [""]:
        return None
    if len(values) > 1 or values[0] not in vocab.PLATFORMS:
        names = ", ".join(str(label) for label in vocab.PLATFORMS.values())
        abort(400, description=_("Unknown platform. Choose one of: %(names)s.", names=names))
    return values[0]


@bp.get("/")
def home():
    return render_template("pages/home.html", apps=list(catalog()), retired=catalog().topics.retired)


@bp.get("/progress/")
def progress():
    """Export, import and reset of the ticks; all of it happens in the browser."""
    return render_template("pages/progress.html")


@bp.get("/<app_id>/")
def app_page(app_id: str):
    retired = next((r for r in catalog().topics.retired if r.id == app_id), None)
    if retired:
        return render_template("pages/retired.html", retired=retired)
    app = get_app_or_404(app_id)
    has_objection = any(s.kind == "object" for s in app.steps)
    return render_template("pages/app.html", app=app, platform=platform_arg(), has_objection=has_objection)


@bp.get("/<app_id>/steps")
def app_steps(app_id: str):
    """The checklist fragment the platform filter swaps in; the app page includes the same template."""
    app = get_app_or_404(app_id)
    response = current_app.make_response(
        render_template("partials/checklist.html", app=app, platform=platform_arg()))
    response.headers["X-Robots-Tag"] = "noindex"
    return response
