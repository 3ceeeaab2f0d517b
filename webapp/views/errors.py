"""Error pages in the visitor's language; never a bare 500."""
from __future__ import annotations

from flask import Blueprint, current_app, g, render_template, request
from flask_babel import gettext as _
from werkzeug.exceptions import HTTPException, InternalServerError

from .. import hosts

bp = Blueprint("errors", __name__)


def _summary(code: int) -> str:
    return {
        400: _("This request was not understood."),
        404: _("This page does not exist."),
        405: _("This address does not accept that kind of request."),
        413: _("This request is too large."),
    }.get(code, _("Something went wrong on our side."))


@bp.app_errorhandler(HTTPException)
def render_error(exc: HTTPException):
    # htmx 2 does not swap 4xx/5xx responses, so htmx requests get the same full page.
    code = exc.code or 500
    if not hosts.served():
        # No address can be built from a Host we do not serve: a page without links.
        page = render_template("errors/bare.html", code=400, summary=_summary(400))
        return page, 400
    g.error_page = True  # the language switcher then offers home pages, not this dead address
    custom = exc.description if exc.description != type(exc).description else None
    response = render_template("errors/error.html", code=code, summary=_summary(code), detail=custom)
    headers = {"Allow": ", ".join(exc.valid_methods)} if getattr(exc, "valid_methods", None) else {}
    return response, code, headers


@bp.app_errorhandler(Exception)
def render_unexpected(exc: Exception):
    current_app.logger.exception("unexpected error on %s", request.path)
    try:
        return render_error(InternalServerError())
    except Exception:  # the error page itself failed: still answer, plainly
        current_app.logger.exception("error page failed on %s", request.path)
        return "Something went wrong on our side.\n", 500, {"Content-Type": "text/plain; charset=utf-8"}
