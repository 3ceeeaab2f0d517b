"""Workshops under /<locale>/: the facilitator's builder, and the guide it makes (a chosen set
of apps) with its walkthrough, booklet, handout, projector view and QR code.

The builder changes nothing on the server, so it is a GET form: no session, no CSRF token,
no cookie. It works over plain HTTP on a trainer's laptop, and its result is a plain link.
"""
from __future__ import annotations

from flask import Blueprint, abort, current_app, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from .. import headers, i18n
from ..addresses import absolute
from ..catalog import vocab
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
    return [{"number": n} for n in range(1, sum(len(app.steps) for app in cat) + 2)]  # + the summary


def guide_error_message(error: GuideError) -> str:
    return {
        "empty": _("Choose at least one app for the guide, for example ?apps=whatsapp,signal."),
        "too-long": _("That list of apps is too long."),
        "title": _("The workshop title can be at most %(max)s characters.", max=MAX_TITLE_LENGTH),
    }[str(error)]


def guide_arg() -> Guide:
    if current_app.config["STATIC_EXPORT"] and not request.args:
        # The export's one copy of each guide view carries every app; static/js/query-view.js
        # shows the chosen ones, in the chosen order, for the chosen platform and title.
        return Guide(apps=tuple(catalog()), unknown=(), platform=None, title="")
    return guide_arg_from(None)


def guide_arg_from(values: dict | None) -> Guide:
    """The guide a query names (the request's own, or one read from a short link's path)."""
    try:
        if values is None:
            return read_guide(catalog(), request.args.getlist("apps"), platform_arg(), request.args.get("title", ""))
        platform = values.get("platform")
        if platform and platform not in vocab.PLATFORMS:
            abort(404)
        return read_guide(catalog(), [values["apps"]], platform, "")
    except GuideError as error:
        abort(400, description=guide_error_message(error))


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
                           share_url=guide_url(".guide", the_guide, external=True),
                           short_link=absolute(short_path(the_guide)).split("://", 1)[-1])


@bp.route("/workshop/", methods=["GET"])
@listed(nav=_l("Workshops"), offline=False)
@headers.no_store
def workshop():
    submitted = "apps" in request.args or "submit" in request.args
    form = WorkshopForm(request.args if submitted else None).fill_choices(catalog(), i18n.current_locale().url_code)
    result = None
    guide = None
    if submitted and form.validate():
        try:  # valid choices can still make no guide (the same app ticked 44 times is too long)
            guide = read_guide(catalog(), form.apps.data, form.platform.data or None, form.title.data or "")
        except GuideError as error:
            form.apps.errors.append(guide_error_message(error))
    if guide:
        locale = form.language.data
        result = {
            "guide": guide,
            # the same function builds the link the QR code route encodes, so the two always agree
            "share_url": guide_url(".guide", guide, external=True, locale=locale),
            "qr_url": guide_url(".guide_qr", guide, locale=locale),
            "projector_url": guide_url(".guide_projector", guide, locale=locale),
            "handout_url": guide_url(".guide_handout", guide, locale=locale),
            "booklet_url": guide_url(".guide_print", guide, locale=locale),
            "plan_url": guide_url(".guide_plan", guide, locale=locale),
        }
    if current_app.config["STATIC_EXPORT"]:
        # A static host ignores the query: the page reads it and fills this in (on-device/workshop.js).
        result = {"on_device": True, "guide": None, **dict.fromkeys(
            ("share_url", "qr_url", "projector_url", "handout_url", "booklet_url", "plan_url"), "")}
    status = 400 if submitted and not result else 200
    return render_template("workshop/workshop.html", form=form, result=result), status


def short_path(guide: Guide) -> str:
    """The typable link printed on handouts: /<locale>/g/whatsapp+signal/android/ (no state on the
    server: the path is the guide, like the query string; the title stays out to keep it short)."""
    parts = ["+".join(app.id for app in guide.apps)] + ([guide.platform] if guide.platform else [])
    return url_for(".short_guide", spec="/".join(parts))


@bp.get("/g/<path:spec>/")
@unlisted("a typed short link: it only redirects to the guide it names")
@headers.no_store
def short_guide(spec: str):
    apps, _slash, platform = spec.partition("/")
    query = {"apps": ",".join(apps.split("+"))}
    if platform:
        query["platform"] = platform
    the_guide = guide_arg_from(query)
    return redirect(guide_url(".guide", the_guide), code=302)


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
    return render_template("workshop/projector.html", guide=the_guide,
                           short_link=absolute(short_path(the_guide)).split("://", 1)[-1])


# The parts of a session around the steps themselves (welcome and the rumors; questions).
INTRO_MINUTES = CLOSING_MINUTES = 10


@bp.get("/guide/plan/")
@listed(offline=False)  # exported once, the query applied on the device (on-device/plan.js)
def guide_plan():
    """The trainer's session plan: an agenda timed from the steps' own estimates, the rumor cards
    as talking points, what to prepare and a checklist for the trainer."""
    the_guide = guide_arg()
    agenda = []
    for app in the_guide.apps:
        steps = [s for s in app.steps_for(the_guide.platform) if s.priority != "optional"]
        agenda.append((app, steps, sum(s.minutes for s in steps)))
    total = INTRO_MINUTES + CLOSING_MINUTES + sum(minutes for _app, _steps, minutes in agenda)
    return render_template("workshop/plan.html", guide=the_guide, agenda=agenda, total_minutes=total,
                           intro_minutes=INTRO_MINUTES, closing_minutes=CLOSING_MINUTES,
                           rumors=catalog().topics.rumors,
                           share_url=guide_url(".guide", the_guide, external=True),
                           short_link=absolute(short_path(the_guide)).split("://", 1)[-1])


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
