"""The facilitator's builder: pick apps, get a share link, QR code, projector view and handout."""
from __future__ import annotations

from flask import make_response, render_template, url_for

from .. import i18n
from ..addresses import absolute
from ..forms import WorkshopForm
from ..guide import read_guide
from .pages import bp, catalog


@bp.route("/workshop/", methods=["GET", "POST"])
def workshop():
    form = WorkshopForm().fill_choices(catalog(), i18n.current_locale().url_code)
    result = None
    if form.validate_on_submit():
        guide = read_guide(catalog(), form.apps.data, form.platform.data or None, form.title.data or "")
        locale = form.language.data
        result = {
            "guide": guide,
            "share_url": absolute(url_for("pages.guide", locale=locale, **guide.query())),
            "qr_url": url_for("pages.guide_qr", locale=locale, **guide.query()),
            "projector_url": url_for("pages.guide_projector", locale=locale, **guide.query()),
            "handout_url": url_for("pages.guide_handout", locale=locale, **guide.query()),
            "booklet_url": url_for("pages.guide_print", locale=locale, **guide.query()),
        }
    status = 400 if form.is_submitted() and not result else 200
    response = make_response(render_template("pages/workshop.html", form=form, result=result), status)
    # The page holds a CSRF token tied to this visitor's session: never cache or share it.
    response.headers["Cache-Control"] = "no-store"
    return response
