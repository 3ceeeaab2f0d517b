"""Error pages in the visitor's language; never a bare 500."""
from __future__ import annotations

from flask import Flask, current_app, g, render_template, request
from flask_babel import gettext as _
from werkzeug.exceptions import HTTPException, InternalServerError


def _summary(code: int) -> str:
    return {
        400: _("This request was not understood."),
        404: _("This page does not exist."),
        405: _("This address does not accept that kind of request."),
        413: _("This request is too large."),
    }.get(code, _("Something went wrong on our side."))


def render_error(exc: HTTPException):
    code = exc.code or 500
    g.error_page = True  # the language switcher then offers home pages, not this dead address
    custom = exc.description if exc.description != type(exc).description else None
    template = "partials/error.html" if request.headers.get("HX-Request") else "pages/error.html"
    response = render_template(template, code=code, summary=_summary(code), detail=custom)
    headers = {"Allow": ", ".join(exc.valid_methods)} if getattr(exc, "valid_methods", None) else {}
    return response, code, headers


def render_unexpected(exc: Exception):
    current_app.logger.exception("unexpected error on %s", request.path)
    try:
        return render_error(InternalServerError())
    except Exception:  # the error page itself failed: still answer, plainly
        current_app.logger.exception("error page failed on %s", request.path)
        return "Something went wrong on our side.\n", 500, {"Content-Type": "text/plain; charset=utf-8"}


def init_app(app: Flask) -> None:
    app.register_error_handler(HTTPException, render_error)
    app.register_error_handler(Exception, render_unexpected)
