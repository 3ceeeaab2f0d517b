"""One step per screen, for an app's checklist or a guide: the same renderer for both.

Step `total + 1` is the summary: what was done, skipped, not for me and left (counted on the
device), then the next app.
"""
from __future__ import annotations

from collections.abc import Callable

from flask import abort, render_template
from flask_babel import gettext as _
from flask_babel import ngettext

from .catalog import App, Step


def render_walk(steps: list[tuple[App, Step]], number: int, *, step_url: Callable[[int], str],
                finish_url: str, heading: str, source_url: str, applies_query: str,
                next_apps: list[tuple[App, str]] = (), current_app: App | None = None):
    """`next_apps`: (app, url) the summary may offer next; with `current_app` (an app's own walk)
    the device picks the person's next app among them, otherwise (a guide) the first is shown.
    `source_url` is the page that lists these steps (the app page, the guide page): in the static
    export the walkthrough is rebuilt from it for the visitor's query (query-view.js)."""
    total = len(steps)
    if not 1 <= number <= total + (1 if total else 0):
        abort(404, description=ngettext("This walkthrough has %(num)s step.", "This walkthrough has %(num)s steps.",
                                        total))
    common = dict(number=number, total=total, heading=heading, steps=[s for _app, s in steps],
                  walk_urls=[step_url(n) for n in range(1, total + 2)], finish_url=finish_url,
                  walk_source=source_url, applies_query=applies_query)
    if number == total + 1:
        return render_template("reading/walk_summary.html", **common, back_url=step_url(total),
                               next_apps=next_apps, current_app=current_app)
    app, step = steps[number - 1]
    following = steps[number][0] if number < total else None
    if following is None:
        next_label = _("Done, see the summary")
    elif following.id != app.id:
        next_label = _("Done, next app: %(app)s", app=following.name)
    else:
        next_label = _("Done, next step")
    return render_template(
        "reading/walk.html", **common, app=app, step=step, next_label=next_label,
        next_plain_label=_("Next step") if following else _("See the summary"),
        back_url=step_url(number - 1) if number > 1 else None, next_url=step_url(number + 1))
