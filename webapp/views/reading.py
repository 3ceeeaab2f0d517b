"""Reading pages under /<locale>/: home, each app's checklist and walkthrough, and the pages
across apps (compare, changes, rumors, the AI-training objection)."""
from __future__ import annotations

from urllib.parse import urlencode

from flask import Blueprint, abort, current_app, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_htmx import make_response

from .. import headers
from ..catalog import vocab
from ..inventory import listed
from ..walkthrough import render_walk
from .locale import catalog, get_app_or_404, platform_arg

bp = Blueprint("reading", __name__)


def every_app(cat):
    return [{"app_id": app.id} for app in cat]


def every_app_and_retired(cat):
    return every_app(cat) + [{"app_id": retired.id} for retired in cat.topics.retired]


def every_walk_step(cat):
    return [{"app_id": app.id, "number": n} for app in cat for n in range(1, len(app.steps) + 2)]  # + the summary


def every_app_and_platform(cat):
    return every_app(cat) + [{"app_id": app.id, "platform": code} for app in cat for code in app.platforms]


MAX_QUERY = 40


@bp.get("/")
@listed(nav=_l("All apps"))
def home():
    """The top rumor answered first, then the apps: Meta's first (most of the fear is about them).
    `?q=` filters without JavaScript; with it, the same filter runs as you type."""
    query = " ".join(request.args.get("q", "").split())[:MAX_QUERY]
    apps = [app for app in catalog() if query.lower() in f"{app.name} {app.vendor} {app.id}".lower()]
    rumors = catalog().topics.rumors
    return render_template("reading/home.html", query=query, top_rumor=rumors[0] if rumors else None,
                           # Meta's apps with the most to do come first; the others alphabetically.
                           meta_apps=sorted((a for a in apps if a.vendor == "Meta"), key=lambda a: -len(a.steps)),
                           other_apps=sorted((a for a in apps if a.vendor != "Meta"), key=lambda a: a.name.lower()),
                           retired=catalog().topics.retired)


@bp.get("/compare/")
@listed(nav=_l("Compare"))
def compare():
    return render_template("reading/compare.html", **compare_context())


@bp.get("/rumors/")
@listed(nav=_l("Rumors"))
def rumors():
    return render_template("reading/rumors.html", rumors=catalog().topics.rumors, step_index=catalog().step_index)


@bp.get("/ai-training/")
@listed(nav=_l("AI training"))
def ai_training():
    explainer = catalog().topics.explainers.get("ai-training")
    if explainer is None:
        abort(404)
    steps = [catalog().step_index[step_id] for step_id in explainer.steps]
    return render_template("reading/explainer.html", explainer=explainer, steps=steps)


@bp.get("/changes/")
@listed(nav=_l("Changes"))
def changes():
    return render_template("reading/changes.html", changes=catalog().changes)


@bp.get("/what-they-see/")
@listed(offline=False)  # offline it is built from the saved app pages: offline.exposure_shell
def exposure():
    """Per app: what end-to-end encryption protects, what must be turned on, and what stays
    collectible. Without JS it lists every app; with JS the device narrows it to the person's own."""
    return render_template("reading/exposure.html", apps=list(catalog()))


@bp.get("/about/")
@listed(nav=_l("About"))
def about():
    """Who makes Lockstep, how its facts are checked, and where to report a mistake."""
    return render_template("reading/about.html", evidence=catalog().evidence,
                           report_url=current_app.config["REPORT_URL"])


@bp.get("/progress/")
@listed()
def progress():
    """Export, import and reset of the ticks; all of it happens in the browser."""
    return render_template("reading/progress.html")


@bp.get("/<app_id>/")
@listed(expand=every_app_and_retired)
def app_page(app_id: str):
    retired = next((r for r in catalog().topics.retired if r.id == app_id), None)
    if retired:
        return render_template("reading/retired.html", retired=retired)
    app = get_app_or_404(app_id)
    has_objection = any(s.kind == "object" for s in app.steps)
    return render_template("reading/app.html", app=app, platform=platform_arg(), has_objection=has_objection)


@bp.get("/<app_id>/steps")
@listed(fragment=True, offline=False, export=False, expand=every_app_and_platform)  # offline and exported: filtered on the device
@headers.fragment
def app_steps(app_id: str):
    """The checklist fragment the platform filter swaps in; the app page includes the same template."""
    return render_template("partials/checklist.html", app=get_app_or_404(app_id), platform=platform_arg())


# Every step URL ends in "/" so any static host serves it as HTML (…/walk/2/index.html in the
# export); the old "…/walk/2" answers a 308 to it (Werkzeug's strict slashes), query kept.
@bp.get("/<app_id>/walk/", defaults={"number": 1})
@bp.get("/<app_id>/walk/<int:number>/")
@listed(offline=False, expand=every_walk_step)  # offline: built on the device from the app page
def app_walk(app_id: str, number: int):
    app = get_app_or_404(app_id)
    platform = platform_arg()
    return render_walk(
        [(app, step) for step in app.steps_for(platform)], number, heading=app.name,
        step_url=lambda n: url_for(".app_walk", app_id=app.id, number=n, platform=platform),
        finish_url=url_for(".app_page", app_id=app.id, platform=platform) + "#checklist", current_app=app,
        source_url=url_for(".app_page", app_id=app.id), applies_query="platform",
        next_apps=[(other, url_for(".app_walk", app_id=other.id, platform=platform if other.steps_for(platform) else None))
                   for other in catalog() if other.id != app.id])


def needs_arg() -> list[str]:
    """The compare page's ?need= filters: known values only, in canonical order."""
    needs = [n for n in request.args.getlist("need") if n]
    unknown = [n for n in needs if n not in vocab.COMPARE_NEEDS]
    if unknown or len(needs) > len(vocab.COMPARE_NEEDS) * 2:
        abort(400, description=_("Unknown filter. Pick from the list on the compare page."))
    return [n for n in vocab.COMPARE_NEEDS if n in needs]


def compare_context() -> dict:
    needs = needs_arg()
    apps = [app for app in catalog() if all(app.meets(n) for n in needs)]
    return {"needs": needs, "apps": apps, "all_apps": list(catalog())}


@bp.get("/compare/table")
@listed(fragment=True, export=False)  # the export filters on the device
@headers.fragment
def compare_table():
    """The filtered table alone; htmx swaps it in and the page URL is pushed from here."""
    context = compare_context()
    page_url = url_for(".compare")
    if context["needs"]:
        page_url += "?" + urlencode([("need", n) for n in context["needs"]])
    return make_response(render_template("partials/compare_table.html", **context), push_url=page_url)
