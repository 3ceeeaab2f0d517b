"""The scripts' strings (webapp/script_strings.py, /<locale>/strings.js) come from the catalogs:
a string the extractor cannot see would reach every locale in English, silently."""
from __future__ import annotations

import json

import pytest

from webapp.i18n import DEFAULT_LOCALE, LOCALES
from webapp.script_strings import script_strings

# Names the apps and the catalogs write the same in every language.
SAME_EVERYWHERE = ("myChoices.platforms.", "onDevice.publicUrl")


def flat(strings: dict, prefix: str = ""):
    for key, value in strings.items():
        if isinstance(value, dict):
            yield from flat(value, f"{prefix}{key}.")
        else:
            yield f"{prefix}{key}", value


CATEGORIES = {"zero", "one", "two", "few", "many", "other"}  # CLDR plural categories differ by locale


def strings_in(app, code: str) -> dict[str, set]:
    """Each string by its key; a plural message's forms together under the message's key."""
    with app.test_request_context(f"/{code}/"):
        result: dict[str, set] = {}
        for key, value in flat(script_strings()):
            base, _, last = key.rpartition(".")
            result.setdefault(base if last in CATEGORIES else key, set()).add(value)
        return result


@pytest.mark.parametrize("site_locale", [loc for loc in LOCALES if loc.url_code != DEFAULT_LOCALE],
                         ids=lambda loc: loc.url_code)
def test_every_script_string_is_translated(app, site_locale):
    english, translated = strings_in(app, DEFAULT_LOCALE), strings_in(app, site_locale.url_code)
    assert translated.keys() == english.keys()
    untranslated = [key for key, forms in english.items()
                    if translated[key] & forms and not key.startswith(SAME_EVERYWHERE)]
    assert untranslated == [], f"{site_locale.url_code}: English in strings.js for {untranslated}"


def test_the_file_is_one_assignment_of_the_strings(client):
    response = client.get("/fr/strings.js?v=1")
    assert response.mimetype == "text/javascript"
    text = response.get_data(as_text=True)
    assert text.startswith("window.lockstepStrings = ") and text.endswith(";\n")
    data = json.loads(text.removeprefix("window.lockstepStrings = ").removesuffix(";\n"))
    assert data["skip"] != "Skip" and data["stateLabels"]["not-for-me"] != "Not for me"
