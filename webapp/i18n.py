"""The one list of locales, and how a request picks one.

Every other place (URL converter, switcher, manifests, pybabel commands, tests) reads
LOCALES from here, as SecureDrop does with its i18n.json.
"""
from __future__ import annotations

from dataclasses import dataclass

from babel import Locale as BabelLocale
from flask import g, request
from werkzeug.datastructures import LanguageAccept


@dataclass(frozen=True)
class SiteLocale:
    url_code: str  # as it appears in URLs: "pt-br"
    babel_code: str  # as Babel and the translations/ folder name it: "pt_BR"
    # Share of the strings a native speaker has reviewed (0-100). Below 100 the pages
    # say so in a banner rather than pretending to a quality they do not have.
    reviewed_percent: int
    # A second translator, who did not make the translation, checked it against the English and
    # the glossary (TRANSLATING.md). It does not raise reviewed_percent: only a native speaker does.
    second_pass: bool = False

    @property
    def babel(self) -> BabelLocale:
        return BabelLocale.parse(self.babel_code)

    @property
    def native_name(self) -> str:
        name = self.babel.get_display_name(self.babel)
        return name[:1].upper() + name[1:]

    @property
    def text_direction(self) -> str:
        return self.babel.text_direction  # "ltr" or "rtl"

    @property
    def numbering(self) -> str:
        """The digits this locale writes by default (CLDR): "latn" (0-9) or, for Persian, "arabext"."""
        return self.babel.default_numbering_system

    @property
    def html_lang(self) -> str:
        return self.babel_code.replace("_", "-")


DEFAULT_LOCALE = "en"

# Machine-assisted translations nobody fluent has reviewed yet say so: reviewed_percent=0.
# Raise it when a native speaker signs a share of the catalog off.
LOCALES: tuple[SiteLocale, ...] = (
    SiteLocale("en", "en", reviewed_percent=100),
    SiteLocale("es", "es", reviewed_percent=0, second_pass=True),
    SiteLocale("fr", "fr", reviewed_percent=0, second_pass=True),
    SiteLocale("de", "de", reviewed_percent=0, second_pass=True),
    SiteLocale("pt-br", "pt_BR", reviewed_percent=0, second_pass=True),
    SiteLocale("ar", "ar", reviewed_percent=0, second_pass=True),
    SiteLocale("it", "it", reviewed_percent=0, second_pass=True),
    SiteLocale("pl", "pl", reviewed_percent=0, second_pass=True),
    SiteLocale("tr", "tr", reviewed_percent=0, second_pass=True),
    SiteLocale("ru", "ru", reviewed_percent=0, second_pass=True),
    SiteLocale("uk", "uk", reviewed_percent=0, second_pass=True),
    SiteLocale("fa", "fa", reviewed_percent=0, second_pass=True),
)

BY_URL_CODE = {loc.url_code: loc for loc in LOCALES}


def get_locale(url_code: str) -> SiteLocale | None:
    return BY_URL_CODE.get(url_code)


def negotiate(accept: LanguageAccept) -> SiteLocale:
    """Best supported locale for an Accept-Language header, honouring q-values.

    "pt-BR" matches pt-br, and a bare "pt" or "pt-PT" falls back to the closest
    supported variant of the same language before the default.
    """
    by_tag = {loc.html_lang.lower(): loc for loc in LOCALES}
    by_language: dict[str, SiteLocale] = {}
    for loc in LOCALES:
        by_language.setdefault(loc.babel.language, loc)
    for tag, quality in accept:  # LanguageAccept iterates best first
        if quality <= 0:
            continue
        tag = tag.replace("_", "-").lower()
        if tag in by_tag:
            return by_tag[tag]
        language = tag.split("-")[0]
        if language in by_language:
            return by_language[language]
    return BY_URL_CODE[DEFAULT_LOCALE]


def current_locale() -> SiteLocale:
    """The locale of this request: from the URL when it has a valid one, else negotiated."""
    loc = g.get("site_locale")
    if loc is None:
        # Routing failed before the URL's locale was read (a 405, or a 404 below /<locale>/):
        # the first path segment still says which language the visitor was reading.
        loc = get_locale(request.path.split("/", 2)[1]) or negotiate(request.accept_languages)
    return loc


def babel_locale_selector() -> str:
    return current_locale().babel_code
