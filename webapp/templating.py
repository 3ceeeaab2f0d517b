"""Jinja globals and filters: translating content strings, dates, numbers and labels."""
from __future__ import annotations

import datetime as dt
import json
import re
from urllib.parse import urlencode

from flask import Flask, current_app, g, request, url_for
from markupsafe import Markup
from babel.dates import format_skeleton
from flask_babel import get_locale, format_date, format_number, format_percent, gettext, ngettext, pgettext

from . import i18n, inventory
from .addresses import absolute, public_url
from .qr import qr_svg_inline
from .on_device import on_device_strings, step_counts
from .catalog import vocab
from .catalog.model import Evidence, split_paragraphs


def translate_content(text: str) -> str:
    """Content strings are msgids extracted by webapp.catalog.extract."""
    return gettext(text) if text else ""


def _shown_label(label: str, app_id: str) -> str:
    context = f"{app_id} menu"  # labels are extracted by webapp.catalog.extract with this context
    return pgettext(context, label)


def _label_state(label: str, app_id: str) -> str:
    """"confirmed": the app's own words (English pages, or a recorded source); "english": kept in
    English because nobody confirmed the app's label in this language; "ours": our translation,
    not yet checked against the app."""
    site_locale = i18n.current_locale()
    if site_locale.url_code == i18n.DEFAULT_LOCALE:
        return "confirmed"
    if (f"{app_id} menu", label) in current_app.extensions["label_sources"][site_locale.babel_code]:
        return "confirmed"
    return "english" if _shown_label(label, app_id) == label else "ours"


def menu_label(label: str, app_id: str) -> Markup:
    """The app's own label in the page's language, marked when it is English that the app may not
    show (italics, lang="en" for screen readers) or our own translation (dotted underline)."""
    state, shown = _label_state(label, app_id), _shown_label(label, app_id)
    if state == "english":
        return Markup('<span lang="en" class="label-en">{}</span>').format(label)
    if state == "ours":
        return Markup('<span class="label-ours">{}</span>').format(shown)
    if shown == label and i18n.current_locale().url_code != i18n.DEFAULT_LOCALE:
        return Markup('<span lang="en">{}</span>').format(label)  # the app itself shows it in English
    return Markup.escape(shown)


def labels_in_state(labels, app_id: str, state: str) -> int:
    """How many labels of a menu path are in that state, so the page can say so under the path."""
    return sum(_label_state(label, app_id) == state for label in labels)


SENTENCE_END = re.compile(r"(?<=[.!?。؟])\s+")


def first_sentence(text: str) -> str:
    """The first sentence of a translated text (rumor cards lead with their one-sentence answer)."""
    return SENTENCE_END.split(text.strip(), maxsplit=1)[0]


# The digits of the numbering systems our locales default to (CLDR). Babel formats with Western
# digits whatever the numbering system, so the last step is ours.
DIGITS = {"latn": "0123456789", "arabext": "۰۱۲۳۴۵۶۷۸۹", "arab": "٠١٢٣٤٥٦٧٨٩"}


def local_digits(text: str) -> str:
    """Digits as the locale writes them by default (CLDR): Persian ۰–۹ for fa; Western for the rest,
    Arabic included (its CLDR default in Babel)."""
    digits = DIGITS.get(i18n.current_locale().numbering, DIGITS["latn"])
    return text if digits == DIGITS["latn"] else text.translate(str.maketrans(DIGITS["latn"], digits))


def number(value) -> str:
    return local_digits(format_number(value))


def percent(value) -> str:
    return local_digits(format_percent(value))


def break_at_slashes(link: str) -> Markup:
    """A printed link wraps only after a "/" or "+" (never mid-word), so a person can type it back."""
    return Markup("").join(Markup.escape(part) + (Markup("<wbr>") if part in "/+" else "")
                           for part in re.split(r"([/+])", link) if part)


def long_date(value: dt.date) -> str:
    return local_digits(format_date(value, format="long"))


def evidence_month(evidence: Evidence) -> str:
    """"July 2026" in the page's language: derived dates are only as precise as a month."""
    return local_digits(format_skeleton("yMMMM", evidence.date, locale=get_locale()))


def evidence_date(evidence: Evidence) -> str:
    return evidence_month(evidence) if evidence.month_only else long_date(evidence.date)


def progress_steps(steps) -> str:
    """The `data-steps` value checklist.js counts: "id@rev@platform,platform" for each step, space-separated."""
    return " ".join(f"{step.id}@{step.rev}@{','.join(step.platforms)}" for step in steps)


def url_in_locale(code: str) -> str:
    """This same page in another language, query string kept; the home page when there is no such page.

    Only the route's own arguments go to url_for: a query key such as `locale`, `number` or
    `_external` is the visitor's data, not an argument, so the query is re-encoded and appended.
    """
    endpoint = request.endpoint
    if not endpoint or not endpoint.startswith("locale.") or g.get("error_page"):
        return url_for("locale.reading.home", locale=code)
    path = url_for(endpoint, **{**(request.view_args or {}), "locale": code})
    query = urlencode(list(request.args.items(multi=True)))
    return f"{path}?{query}" if query else path


def _context():
    return {
        "site_locale": i18n.current_locale(),
        "locales": i18n.LOCALES,
        "vocab": vocab,
        "request_path": request.path,
        "navigation": inventory.navigation(),
    }


def init_app(app: Flask) -> None:
    app.jinja_env.filters.update(t=translate_content, paragraphs=split_paragraphs, progress_steps=progress_steps, percent=percent, menu_label=menu_label, labels_in_state=labels_in_state, long_date=long_date, first_sentence=first_sentence, break_at_slashes=break_at_slashes, evidence_month=evidence_month, evidence_date=evidence_date,
                                 number=number)
    app.jinja_env.globals.update(url_in_locale=url_in_locale, qr_svg_inline=qr_svg_inline,
                                 public_url=public_url, absolute=absolute,
                                 on_device_strings=on_device_strings, step_counts=step_counts)
    app.jinja_env.trim_blocks = True
    app.jinja_env.lstrip_blocks = True
    app.context_processor(_context)
