"""What the static export's pages need to apply their own query in the browser
(static/js/query-view.js): a static host ignores ?platform=, ?apps=, ?need=, so the page
carries every choice and the script shows the chosen one, with strings in the page's language.
"""
from __future__ import annotations

from flask import current_app
from flask_babel import get_locale, get_translations, ngettext

SAMPLES = (0, 1, 2, 3, 5, 11, 21, 100, 101, 1_000_000)  # one number of every CLDR plural category


def plural_templates(singular: str, plural: str, **placeholders) -> dict[str, str]:
    """{CLDR category: message} for a count the browser knows only later; the script picks the
    category with Intl.PluralRules (the same CLDR rules Babel uses) and fills the placeholders."""
    locale, translations = get_locale(), get_translations()
    templates: dict[str, str] = {}
    for n in SAMPLES:
        # the catalog's form for n, its %(name)s placeholders left for the script to fill
        templates.setdefault(locale.plural_form(n), translations.ngettext(singular, plural, n) % placeholders)
    return templates


def on_device_strings() -> dict:
    """Every string the pages that apply their own query need (the export's pages, the worker's
    walk page, an unfiltered app page standing in for a filter offline)."""
    from flask_babel import gettext as _
    from .guide import MAX_TITLE_LENGTH
    progress = plural_templates("%(done)s of %(count)s step done", "%(done)s of %(count)s steps done",
                                done="{done}", count="{count}")
    return {
        "publicUrl": current_app.config["PUBLIC_URL"],
        "progress": progress,
        "stepCount": plural_templates("%(num)s step", "%(num)s steps", num="{num}"),
        "compareCount": plural_templates("%(num)s of %(total)s app matches.", "%(num)s of %(total)s apps match.",
                                         num="{num}", total="{total}"),
        "planLead": plural_templates("About %(num)s minute in all, for %(apps)s.",
                                     "About %(num)s minutes in all, for %(apps)s.", num="{num}", apps="{apps}"),
        "walkStep": _("Step %(number)s of %(total)s", number="{number}", total="{total}"),
        "walkNext": _("Done, next step"),
        "walkFinish": _("Done, see the summary"),
        "summary": _("Summary"),
        "done": _("Done"),
        "left": _("Left"),
        "finished": _("Every step is taken care of."),
        "seeChecklist": _("See my checklist"),
        "walkBack": _("Back"),
        "yourGuide": _("Your guide"),
        "guideEmpty": _("Choose at least one app for the guide, for example ?apps=whatsapp,signal."),
        "guideTooLong": _("That list of apps is too long."),
        "guideTitle": _("The workshop title can be at most %(max)s characters.", max=MAX_TITLE_LENGTH),
        "guideUnknown": _("Left out because Lockstep has no checklist for them: %(ids)s.", ids="{ids}"),
        "unknownPlatform": _("Unknown platform. Choose one of the platforms listed on the page."),
        "unknownNeed": _("Unknown filter. Pick from the list on the compare page."),
        "chooseApp": _("Choose at least one app."),
        "walkTooFar": _("This walkthrough is shorter. Start again from the first step."),
    }


def step_counts(app) -> dict[str, str]:
    """"12 steps" for every platform filter of one app ("" = all), for the export's handout."""
    counts = {"": app.steps_for(None), **{code: app.steps_for(code) for code in ("android", "ios", "web", "desktop")}}
    return {code: ngettext("%(num)s step", "%(num)s steps", len(steps))
            for code, steps in counts.items()}
