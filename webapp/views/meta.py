"""Routes outside any locale: the language-negotiating entry point and the health check."""
from flask import Blueprint, redirect, request, url_for

from .. import i18n

bp = Blueprint("meta", __name__)


@bp.get("/")
def root():
    locale = i18n.negotiate(request.accept_languages)
    response = redirect(url_for("pages.home", locale=locale.url_code), code=302)
    response.vary.add("Accept-Language")
    return response


@bp.get("/healthz")
def healthz():
    return "ok\n", 200, {"Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store"}
