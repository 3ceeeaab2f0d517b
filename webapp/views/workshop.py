"""Workshops under /<locale>/: the facilitator's builder, and the guide it makes (a chosen set
of apps) with its walkthrough, booklet, handout, projector view and QR code.

The builder changes nothing on the server, so it is a GET form: no session, no CSRF token,
no cookie. It works over plain HTTP on a trainer's laptop, and its result is a plain link.
"""
from __future__ import annotations

from flask import Blueprint, abort, current_app, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from .. import headers, i18n
from ..addresses import absolute
from ..forms import WorkshopForm
from ..guide import MAX_TITLE_LENGTH, Guide, GuideError, read_guide
from ..inventory import listed, unlisted
from ..qr import qr_svg_response
from ..walkthrough import render_walk
from .locale import catalog, platform_arg

bp = Blueprint("workshop", __name__)

GUIDE_ONLY_WITH_A_QUERY = "a guide is made of its query string (?apps=...); there is no one guide to save"
GUIDE_QUERY = "apps platform title"  # what the export's guide pages apply on the device


def every_guide_walk_step(cat):
    """The export's guide walkthrough: one page per step number any guide can reach."""
    return [{"number": n} for n in range(1, sum(len(app.steps) for app in cat) + 1)]


def guide_arg() -> Guide:
    if current_app.config["STATIC_EXPORT"] and not request.args:
        # The export's one copy of each guide view carries every app; static/js/query-view.js
        # shows the chosen ones, in the chosen order, for the chosen platform and title.
        return Guide(apps=tuple(catalog()), unknown=(), platform=None, title="")
    try:
        return read_guide(catalog(), request.args.getlist("apps"), platform_arg(), request.args.get("title", ""))
    except GuideError as error:
        abort(400, description={
            "empty": _("Choose at least one app for the guide, for example ?apps=whatsapp,signal."),
            "too-long": _("That list of apps is too long."),
            "title": _("The workshop title can be at most %(max)s characters.", max=MAX_TITLE_LENGTH),
        }[str(error)])


def guide_url(endpoint: str, guide: Guide, external: bool = False, **values) -> str:
    url = url_for(endpoint, **values, **guide.query())
    return absolute(url) if external else url


def render_guide(template: str):
    """The guide, its booklet and handout: one guide, one share link."""
    the_guide = guide_arg()
    # Opening a guide saves its walkthrough and print views for offline use (static/js/offline.js).
    # (The export's one guide page lists every app: query-view.js makes that list on the device.)
    offline_urls = [] if current_app.config["STATIC_EXPORT"] else [
        *(guide_url(".guide_walk", the_guide, number=n) for n in range(1, len(the_guide.steps) + 1)),
        *(guide_url(endpoint, the_guide) for endpoint in (".guide_print", ".guide_handout", ".guide_projector"))]
    return render_template(template, guide=the_guide, offline_urls=offline_urls,
                           share_url=guide_url(".guide", the_guide, external=True))


@bp.route("/workshop/", methods=["GET"])
@listed(nav=_l("Workshops"), offline=False)
@headers.no_store
def workshop():
    submitted = "apps" in request.args or "submit" in request.args
    form = WorkshopForm(request.args if submitted else None).fill_choices(catalog(), i18n.current_locale().url_code)
    result = None
    if submitted and form.validate():
        guide = read_guide(catalog(), form.apps.data, form.platform.data or None, form.title.data or "")
        locale = form.language.data
        result = {
            "guide": guide,
            # the same function builds the link the QR code route encodes, so the two always agree
            "share_url": guide_url(".guide", guide, external=True, locale=locale),
            "qr_url": guide_url(".guide_qr", guide, locale=locale),
            "projector_url": guide_url(".guide_projector", guide, locale=locale),
            "handout_url": guide_url(".guide_handout", guide, locale=locale),
            "booklet_url": guide_url(".guide_print", guide, locale=locale),
        }
    if current_app.config["STATIC_EXPORT"]:
        # A static host ignores the query: the page reads it and fills this in (on-device/workshop.js).
        result = {"on_device": True, "guide": None, **dict.fromkeys(
            ("share_url", "qr_url", "projector_url", "handout_url", "booklet_url"), "")}
    status = 400 if submitted and not result else 200
    return render_template("workshop/workshop.html", form=form, result=result), status


# Guide views end in "/" like every page (a static host serves …/index.html); the old
# addresses without it (printed handouts, QR codes) answer a 308 with the query kept.
@bp.get("/guide/")
@listed(offline=False)  # exported once, the query applied on the device
def guide():
    return render_guide("workshop/guide.html")


@bp.get("/guide/print/")
@listed(offline=False)  # exported once, the query applied on the device
def guide_print():
    return render_guide("workshop/guide_print.html")


@bp.get("/guide/handout/")
@listed(offline=False)  # exported once, the query applied on the device
def guide_handout():
    return render_guide("workshop/handout.html")


@bp.get("/guide/projector/")
@listed(offline=False)  # exported once, the query applied on the device
def guide_projector():
    """QR code plus a link short enough to type: the same guide without its title."""
    the_guide = guide_arg()
    short = absolute(url_for(".guide", **the_guide.query(title="")))
    return render_template("workshop/projector.html", guide=the_guide, short_link=short.split("://", 1)[-1])


@bp.get("/guide/qr.svg")
@unlisted(GUIDE_ONLY_WITH_A_QUERY)
@headers.noindex
def guide_qr():
    """The share link as a QR code: exactly the URL the builder shows, nothing else."""
    return qr_svg_response(guide_url(".guide", guide_arg(), external=True))


@bp.get("/guide/walk/", defaults={"number": 1})
@bp.get("/guide/walk/<int:number>/")
@listed(offline=False, export_expand=every_guide_walk_step)
def guide_walk(number: int):
    the_guide = guide_arg()
    return render_walk(
        the_guide.steps, number, heading=the_guide.title or _("Your guide"),
        step_url=lambda n: guide_url(".guide_walk", the_guide, number=n),
        finish_url=guide_url(".guide", the_guide) + "#checklist",
        source_url=url_for(".guide"), applies_query=GUIDE_QUERY)
