"""The facilitator's builder: pick apps, get a share link, QR code, projector view and handout."""
from __future__ import annotations

from flask import make_response, render_template

from .. import i18n
from ..forms import WorkshopForm
from ..guide import read_guide
from .guides import guide_url
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
            # the same function builds the link the QR code route encodes, so the two always agree
            "share_url": guide_url("pages.guide", guide, external=True, locale=locale),
            "qr_url": guide_url("pages.guide_qr", guide, locale=locale),
            "projector_url": guide_url("pages.guide_projector", guide, locale=locale),
            "handout_url": guide_url("pages.guide_handout", guide, locale=locale),
            "booklet_url": guide_url("pages.guide_print", guide, locale=locale),
        }
    status = 400 if form.is_submitted() and not result else 200
    response = make_response(render_template("pages/workshop.html", form=form, result=result), status)
    # The page holds a CSRF token tied to this visitor's session: never cache or share it.
    response.headers["Cache-Control"] = "no-store"
    return response
