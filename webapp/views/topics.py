"""Pages across apps, under /<locale>/: compare, changes, the AI-training objection, rumors."""
from __future__ import annotations

from urllib.parse import urlencode

from flask import abort, render_template, request, url_for
from flask_babel import gettext as _
from flask_htmx import make_response

from ..catalog import vocab
from .pages import bp, catalog


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


@bp.get("/compare/")
def compare():
    return render_template("pages/compare.html", **compare_context())


@bp.get("/compare/table")
def compare_table():
    """The filtered table alone; htmx swaps it in and the page URL is pushed from here."""
    context = compare_context()
    page_url = url_for("pages.compare")
    if context["needs"]:
        page_url += "?" + urlencode([("need", n) for n in context["needs"]])
    response = make_response(render_template("partials/compare_table.html", **context), push_url=page_url)
    response.headers["X-Robots-Tag"] = "noindex"
    return response


@bp.get("/changes/")
def changes():
    return render_template("pages/changes.html", changes=catalog().changes)


@bp.get("/rumors/")
def rumors():
    return render_template("pages/rumors.html", rumors=catalog().topics.rumors,
                           step_index=catalog().step_index)


@bp.get("/ai-training/")
def ai_training():
    explainer = catalog().topics.explainers.get("ai-training")
    if explainer is None:
        abort(404)
    steps = [catalog().step_index[step_id] for step_id in explainer.steps]
    return render_template("pages/explainer.html", explainer=explainer, steps=steps)
