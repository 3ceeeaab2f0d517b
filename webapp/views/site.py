"""Routes outside any locale: the language-negotiating entry point and the health check."""
from flask import Blueprint, redirect, request, url_for

from .. import headers, i18n

bp = Blueprint("site", __name__)


@bp.get("/")
@headers.no_store
def root():
    locale = i18n.negotiate(request.accept_languages)
    response = redirect(url_for("locale.reading.home", locale=locale.url_code), code=302)
    response.vary.add("Accept-Language")
    return response


@bp.get("/healthz")
@headers.no_store
def healthz():
    return "ok\n", 200, {"Content-Type": "text/plain; charset=utf-8"}
