"""Translation catalogs: the committed template matches the code (SecureDrop's drift check),
and every locale's .po file is complete, unfuzzy and has valid placeholders and plural forms."""
import re

import pytest
from babel.messages.plurals import get_plural
from babel.messages.pofile import read_po

from webapp.cli import POT, TRANSLATIONS, catalog_strings, extract_pot
from webapp.i18n import DEFAULT_LOCALE, LOCALES


def test_committed_pot_matches_the_strings_in_the_code(tmp_path):
    fresh = tmp_path / "messages.pot"
    extract_pot(fresh)
    assert catalog_strings(fresh) == catalog_strings(POT), (
        "strings changed: run `.venv/bin/flask --app webapp translate extract` and commit translations/messages.pot")


def _edited_pot(tmp_path, old, new):
    text = POT.read_text(encoding="utf-8")
    assert old in text
    path = tmp_path / "edited.pot"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


@pytest.mark.parametrize("old, new", [
    ('"Generated-By: Babel ', '"Generated-By: Babel 9.9.9 was '),
    ('"Report-Msgid-Bugs-To:', '"POT-Creation-Date: 2031-01-01 00:00+0000\\n"\n"Report-Msgid-Bugs-To:'),
    ("# Copyright (C) Lockstep", "# Copyright (C) 2031 Lockstep"),
], ids=["tool-version", "creation-date", "copyright-year"])
def test_pot_drift_check_ignores_tool_versions_and_dates(tmp_path, old, new):
    assert catalog_strings(_edited_pot(tmp_path, old, new)) == catalog_strings(POT)


@pytest.mark.parametrize("old, new", [
    ('msgid "Android"', 'msgid "Android phone"'),
    ('msgctxt "whatsapp menu"', 'msgctxt "signal menu"'),
    ("#. whatsapp.backup.e2ee: step title", "#. whatsapp.backup.e2ee: step body"),
    ("#: webapp/catalog/vocab.py", "#: webapp/catalog/other.py"),
], ids=["msgid", "msgctxt", "comment", "location"])
def test_pot_drift_check_sees_every_change_a_translator_would(tmp_path, old, new):
    assert catalog_strings(_edited_pot(tmp_path, old, new)) != catalog_strings(POT)


def test_content_strings_are_extracted_with_their_step_id(tmp_path):
    text = POT.read_text(encoding="utf-8")
    assert "#. whatsapp.backup.e2ee: step title\n" in text
    assert 'msgctxt "whatsapp menu"\nmsgid "Chat backup"' in text
    assert "#. rumor.dms-feed-meta-ai: what is true" in text


# --- Per-locale completeness: read the .po files as a translator's tool would. ---

TRANSLATED = [loc for loc in LOCALES if loc.url_code != DEFAULT_LOCALE]
PLACEHOLDER = re.compile(r"%\((\w+)\)[sd]")


def read_catalog(path, locale=None):
    with open(path, "rb") as f:
        return read_po(f, locale=locale)


def message_key(message):
    return (message.context, message.id if isinstance(message.id, str) else tuple(message.id))


def po_path(site_locale):
    return TRANSLATIONS / site_locale.babel_code / "LC_MESSAGES" / "messages.po"


@pytest.fixture(scope="module")
def template_catalog():
    return read_catalog(POT)


@pytest.mark.parametrize("site_locale", TRANSLATED, ids=lambda loc: loc.url_code)
def test_locale_has_every_string_of_the_template(site_locale, template_catalog):
    catalog = read_catalog(po_path(site_locale), site_locale.babel_code)
    expected = {message_key(m) for m in template_catalog if m.id}
    present = {message_key(m) for m in catalog if m.id}
    assert expected - present == set(), "run `flask translate update` and translate the new strings"
    assert present - expected == set(), "obsolete strings: run `flask translate update`"


@pytest.mark.parametrize("site_locale", TRANSLATED, ids=lambda loc: loc.url_code)
def test_locale_is_fully_translated_with_valid_placeholders_and_plurals(site_locale):
    catalog = read_catalog(po_path(site_locale), site_locale.babel_code)
    # The installed Babel's CLDR rule, count and expression (es, fr, pt-BR: 3 since Babel 2.19; ar: 6).
    rule = get_plural(site_locale.babel_code)
    assert (catalog.num_plurals, catalog.plural_expr) == (rule.num_plurals, rule.plural_expr), (
        f"{po_path(site_locale)}: Plural-Forms differs from Babel's; see README, Translations")
    problems = []
    for message in catalog:
        if not message.id:
            continue
        where = f"{message.id if isinstance(message.id, str) else message.id[0]!r}"
        if message.fuzzy:
            problems.append(f"fuzzy: {where}")
        forms = message.string if isinstance(message.string, (list, tuple)) else (message.string,)
        if message.pluralizable and len(forms) != catalog.num_plurals:
            problems.append(f"{len(forms)} plural forms instead of {catalog.num_plurals}: {where}")
        if not all(form.strip() for form in forms):
            problems.append(f"untranslated: {where}")
            continue
        ids = message.id if isinstance(message.id, (list, tuple)) else (message.id,)
        wanted = set(PLACEHOLDER.findall(ids[-1]))
        for index, form in enumerate(forms):
            used = set(PLACEHOLDER.findall(form))
            # A singular form may leave the number out ("one message"); any other form keeps all.
            ok = used <= wanted if (message.pluralizable and index < len(forms) - 1) else used == wanted
            if not ok:
                problems.append(f"placeholders {sorted(used)} instead of {sorted(wanted)}: {where}")
    problems += [f"{error}: {message.id!r}" for message, errors in catalog.check() for error in errors]
    assert problems == []
