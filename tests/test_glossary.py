"""Safety meaning first: one glossary (translations/glossary.yaml) with each locale's terms for the
words a wrong translation makes dangerous, used by the status badges; negated statuses never say
"not fully", and opt-in never reads as "optional"."""
from __future__ import annotations

import re

import pytest
import yaml
from babel.messages.pofile import read_po

from webapp.catalog import vocab
from webapp.cli import TRANSLATIONS
from webapp.i18n import DEFAULT_LOCALE, LOCALES

GLOSSARY_FILE = TRANSLATIONS / "glossary.yaml"
GLOSSARY = yaml.safe_load(GLOSSARY_FILE.read_text(encoding="utf-8"))
TERMS = ("end_to_end_encrypted", "not_end_to_end_encrypted", "on_by_default", "opt_in", "disputed", "backup",
         "safety_number", "security_code")
TRANSLATED = [loc for loc in LOCALES if loc.url_code != DEFAULT_LOCALE]


def msgid(lazy) -> str:
    """The English msgid behind a lazy_gettext label (what the .po files are keyed by)."""
    return lazy._args[0]


# The badges that say how protected something is: each must use the glossary's term.
BADGES = {msgid(vocab.STATUSES["default"]): "on_by_default", msgid(vocab.STATUSES["opt-in"]): "opt_in",
          msgid(vocab.STATUSES["none"]): "not_end_to_end_encrypted", msgid(vocab.CONFIDENCE["disputed"]): "disputed"}
NEGATION = re.compile(r"\bnot (?:be |been |yet )?(?:end-to-end encrypted|encrypted end to end)\b|\bno end-to-end\b",
                      re.IGNORECASE)
OPT_IN = re.compile(r"\bopt-in\b|\bopt in\b", re.IGNORECASE)
# An English string that itself qualifies ("not fully …") may say so in translation too.
QUALIFIED = re.compile(r"\b(fully|completely|entirely|totally|wholly|optional(ly)?)\b", re.IGNORECASE)


def catalog_for(site_locale):
    path = TRANSLATIONS / site_locale.babel_code / "LC_MESSAGES" / "messages.po"
    with open(path, "rb") as f:
        return path, read_po(f, locale=site_locale.babel_code)


def forms(message) -> list[str]:
    return list(message.string) if isinstance(message.string, (list, tuple)) else [message.string]


@pytest.mark.parametrize("site_locale", TRANSLATED, ids=lambda loc: loc.url_code)
def test_every_locale_has_every_glossary_term(site_locale):
    entry = GLOSSARY.get(site_locale.url_code)
    assert entry, f"{GLOSSARY_FILE}: no entry for {site_locale.url_code}"
    missing = [term for term in (*TERMS, "forbidden_in_negation") if not entry.get(term)]
    assert missing == [], f"{GLOSSARY_FILE}: {site_locale.url_code} lacks {missing}"


@pytest.mark.parametrize("site_locale", TRANSLATED, ids=lambda loc: loc.url_code)
def test_status_badges_use_the_glossary_terms(site_locale):
    path, catalog = catalog_for(site_locale)
    entry = GLOSSARY[site_locale.url_code]
    problems = []
    for msgid, term in BADGES.items():
        translated = catalog.get(msgid).string
        if entry[term].casefold() not in translated.casefold():
            problems.append(f"{path}: msgid {msgid!r} is {translated!r}, which does not use the glossary's "
                            f"{term} {entry[term]!r}")
    assert problems == []


@pytest.mark.parametrize("site_locale", TRANSLATED, ids=lambda loc: loc.url_code)
def test_negated_and_opt_in_strings_never_say_fully_or_optional(site_locale):
    path, catalog = catalog_for(site_locale)
    forbidden = [word.casefold() for word in GLOSSARY[site_locale.url_code]["forbidden_in_negation"]]
    problems = []
    for message in catalog:
        ids = message.id if isinstance(message.id, (list, tuple)) else (message.id,)
        english = " ".join(i for i in ids if i)
        if not english or not (NEGATION.search(english) or OPT_IN.search(english)) or QUALIFIED.search(english):
            continue
        for form in forms(message):
            hits = [word for word in forbidden if word in form.casefold()]
            if hits:
                problems.append(f"{path}: msgid {english[:70]!r}: {hits} qualifies a negated or opt-in status")
    assert problems == []


def test_the_check_catches_a_qualified_negation():
    """The test above would have failed on the Arabic badge the review found ("not *fully* encrypted")."""
    forbidden = [w.casefold() for w in GLOSSARY["ar"]["forbidden_in_negation"]]
    assert any(word in "غير مشفّر تمامًا بين الطرفين" for word in forbidden)
    assert NEGATION.search(msgid(vocab.STATUSES["none"])) and OPT_IN.search(msgid(vocab.STATUSES["opt-in"]))
