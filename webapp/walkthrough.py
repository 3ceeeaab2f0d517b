"""One step per screen, for an app's checklist or a guide: the same renderer for both."""
from __future__ import annotations

from collections.abc import Callable

from flask import abort, render_template
from flask_babel import ngettext

from .catalog import App, Step


def render_walk(steps: list[tuple[App, Step]], number: int, *, step_url: Callable[[int], str],
                finish_url: str, heading: str, source_url: str, applies_query: str):
    """source_url is the page that lists these steps (the app page, the guide page): in the
    static export the walkthrough is rebuilt from it for the visitor's query (query-view.js)."""
    if not 1 <= number <= len(steps):
        abort(404, description=ngettext("This walkthrough has %(num)s step.", "This walkthrough has %(num)s steps.",
                                        len(steps)))
    app, step = steps[number - 1]
    return render_template(
        "reading/walk.html", app=app, step=step, number=number, total=len(steps), heading=heading,
        back_url=step_url(number - 1) if number > 1 else None,
        next_url=step_url(number + 1) if number < len(steps) else finish_url,
        walk_urls=[step_url(n) for n in range(1, len(steps) + 1)],
        walk_source=source_url, applies_query=applies_query,
        steps=[s for _app, s in steps])
