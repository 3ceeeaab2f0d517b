"""Guides (a chosen set of apps) and the one-step-per-screen walkthrough, under /<locale>/."""
from __future__ import annotations

from flask import abort, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import ngettext

from ..addresses import absolute
from ..catalog import App, Step
from ..guide import MAX_TITLE_LENGTH, Guide, GuideError, read_guide
from ..qr import qr_svg_response
from .pages import bp, catalog, get_app_or_404, platform_arg


def guide_arg() -> Guide:
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
    """The guide, its booklet, handout and projector view: one guide, one share link."""
    the_guide = guide_arg()
    return render_template(template, guide=the_guide, share_url=guide_url("pages.guide", the_guide, external=True))


@bp.get("/guide/")
def guide():
    return render_guide("pages/guide.html")


@bp.get("/guide/print")
def guide_print():
    return render_guide("pages/guide_print.html")


@bp.get("/guide/handout")
def guide_handout():
    return render_guide("pages/handout.html")


@bp.get("/guide/projector")
def guide_projector():
    """QR code plus a link short enough to type: the same guide without its title."""
    the_guide = guide_arg()
    short = absolute(url_for("pages.guide", **the_guide.query(title="")))
    return render_template("pages/projector.html", guide=the_guide,
                           short_link=short.split("://", 1)[1])


@bp.get("/guide/qr.svg")
def guide_qr():
    """The share link as a QR code: exactly the URL the builder shows, nothing else."""
    return qr_svg_response(guide_url("pages.guide", guide_arg(), external=True))


def render_walk(steps: list[tuple[App, Step]], number: int, *, step_url, finish_url: str, heading: str):
    if not 1 <= number <= len(steps):
        abort(404, description=ngettext("This walkthrough has %(num)s step.", "This walkthrough has %(num)s steps.",
                                        len(steps)))
    app, step = steps[number - 1]
    return render_template(
        "pages/walk.html", app=app, step=step, number=number, total=len(steps), heading=heading,
        back_url=step_url(number - 1) if number > 1 else None,
        next_url=step_url(number + 1) if number < len(steps) else finish_url,
        walk_urls=[step_url(n) for n in range(1, len(steps) + 1)],
        steps=[s for _app, s in steps])


@bp.get("/guide/walk/", defaults={"number": 1})
@bp.get("/guide/walk/<int:number>")
def guide_walk(number: int):
    the_guide = guide_arg()
    return render_walk(
        the_guide.steps, number, heading=the_guide.title or _("Your guide"),
        step_url=lambda n: guide_url("pages.guide_walk", the_guide, number=n),
        finish_url=guide_url("pages.guide", the_guide) + "#checklist")


@bp.get("/<app_id>/walk/", defaults={"number": 1})
@bp.get("/<app_id>/walk/<int:number>")
def app_walk(app_id: str, number: int):
    app = get_app_or_404(app_id)
    platform = platform_arg()
    query = {"platform": platform} if platform else {}
    return render_walk(
        [(app, step) for step in app.steps_for(platform)], number, heading=app.name,
        step_url=lambda n: url_for("pages.app_walk", app_id=app.id, number=n, **query),
        finish_url=url_for("pages.app_page", app_id=app.id, **query) + "#checklist")
