"""Every locale: pages render with the right lang/dir, the switcher keeps the page, the
translation status is honest, plurals follow each language, and no English leaks through."""
from __future__ import annotations

import datetime as dt
import gettext
import re
from html.parser import HTMLParser

import pytest
from babel.dates import format_date, format_skeleton
from babel.messages.pofile import read_po
from flask_babel import force_locale, ngettext
from markupsafe import Markup

from webapp.catalog.model import Evidence
from webapp.templating import evidence_date, long_date

from webapp import i18n, sitemap
from webapp.cli import TRANSLATIONS

TRANSLATED = [loc for loc in i18n.LOCALES if loc.url_code != i18n.DEFAULT_LOCALE]
EXTRA_PAGES = ["guide/?apps=whatsapp,signal", "guide/walk/2/?apps=whatsapp,signal", "guide/print/?apps=signal",
               "guide/handout/?apps=signal", "guide/projector/?apps=signal", "workshop/", "skype/"]


def all_pages(app, locale: str) -> list[str]:
    with app.test_request_context():
        pages = sitemap.page_urls(app.extensions["catalog"], locale)
    return pages + [f"/{locale}/{extra}" for extra in EXTRA_PAGES]


@pytest.mark.parametrize("site_locale", i18n.LOCALES, ids=lambda loc: loc.url_code)
def test_every_page_renders_with_the_locale_lang_and_dir(app, client, site_locale):
    for url in all_pages(app, site_locale.url_code):
        response = client.get(url)
        assert response.status_code == 200, url
        html = response.get_data(as_text=True)
        assert f'<html lang="{site_locale.html_lang}" dir="{site_locale.text_direction}">' in html, url


# Languages written right to left (independent of Babel, which the code asks).
RIGHT_TO_LEFT = {"ar", "fa", "he", "ur"}


def test_right_to_left_languages_are_rtl_and_the_others_ltr():
    directions = {loc.url_code: loc.text_direction for loc in i18n.LOCALES}
    assert directions == {code: "rtl" if code.split("-")[0] in RIGHT_TO_LEFT else "ltr" for code in directions}
    assert {"en", "es", "fr", "de", "pt-br", "ar"} <= set(directions)
    assert i18n.get_locale("pt-br").babel_code == "pt_BR" and i18n.get_locale("pt-br").html_lang == "pt-BR"


@pytest.mark.parametrize("url", ["/es/whatsapp/?platform=android", "/ar/compare/?need=calls", "/de/guide/?apps=signal"])
def test_switcher_keeps_the_visitor_on_the_same_page(client, url):
    html = client.get(url).get_data(as_text=True)
    path_and_query = url.split("/", 2)[2].replace("&", "&amp;")
    for loc in i18n.LOCALES:
        link = f'href="/{loc.url_code}/{path_and_query}" hreflang="{loc.html_lang}" lang="{loc.html_lang}"'
        assert link in html, loc.url_code
        assert f">{loc.native_name}</a>" in html
    assert client.get(f"/ar/{path_and_query.replace('&amp;', '&')}").status_code == 200


def test_switcher_on_an_error_page_offers_home_pages(client):
    html = client.get("/es/no-such-app/").get_data(as_text=True)
    assert 'href="/ar/" hreflang="ar"' in html and "/ar/no-such-app/" not in html


def test_unreviewed_translations_say_so_with_the_reviewed_share(client):
    assert "translation-status" not in client.get("/en/").get_data(as_text=True)
    for loc in TRANSLATED:
        html = client.get(f"/{loc.url_code}/whatsapp/").get_data(as_text=True)
        banner = re.search(r'<p class="notice notice--info translation-status">(.*?)</p>', html, re.S)
        assert banner, loc.url_code
        assert re.search(r"[0٠۰]\s?[%٪]|[%٪]\s?[0٠۰]", banner.group(1)), banner.group(1)  # 0 %, in its digits
        assert 'href="/en/whatsapp/"' in banner.group(1)


@pytest.mark.parametrize("header, expected", [
    ("de;q=0.5, ar;q=0.9, en;q=0.1", "ar"),
    ("fr-CA, en;q=0.8", "fr"),
    ("pt-PT;q=0.9, es;q=0.5", "pt-br"),
    ("pt-BR", "pt-br"),
    ("es-419;q=0.2, de;q=0.3", "de"),
    ("tlh, ar;q=0", "en"),
])
def test_root_negotiates_with_q_values(client, header, expected):
    response = client.get("/", headers={"Accept-Language": header})
    assert response.status_code == 302 and response.headers["Location"] == f"/{expected}/"


@pytest.mark.parametrize("site_locale", TRANSLATED, ids=lambda loc: loc.url_code)
def test_dates_are_written_the_locale_way(app, site_locale):
    day = dt.date(2026, 7, 14)
    western = str.maketrans("۰۱۲۳۴۵۶۷۸۹", "0123456789")  # Persian digits back to 0-9 for comparing
    with app.test_request_context(f"/{site_locale.url_code}/"), force_locale(site_locale.babel_code):
        assert long_date(day).translate(western) == format_date(day, "long", locale=site_locale.babel_code)
        assert long_date(day) != format_date(day, "long", locale="en")
        month = evidence_date(Evidence(day, month_only=True))  # "Sources up to July 2026"
        assert month.translate(western) == format_skeleton("yMMMM", day, locale=site_locale.babel_code)
        assert month != format_skeleton("yMMMM", day, locale="en")


PLURAL_COUNTS = (0, 1, 2, 3, 11, 100, 102)


@pytest.mark.parametrize("site_locale", i18n.LOCALES, ids=lambda loc: loc.url_code)
def test_plural_forms_follow_the_language(app, site_locale):
    """gettext at run time (compiled .mo) picks the form the .po file has for each count."""
    if site_locale.url_code == i18n.DEFAULT_LOCALE:
        expected = {n: f"{n} step" if n == 1 else f"{n} steps" for n in PLURAL_COUNTS}
    else:
        with open(TRANSLATIONS / site_locale.babel_code / "LC_MESSAGES" / "messages.po", "rb") as f:
            catalog = read_po(f, locale=site_locale.babel_code)
        forms = catalog.get(("%(num)s step", "%(num)s steps")).string
        expected = {n: forms[_plural_index(catalog, n)] % {"num": n} for n in PLURAL_COUNTS}
    with app.test_request_context(), force_locale(site_locale.babel_code):
        actual = {n: ngettext("%(num)s step", "%(num)s steps", n) for n in PLURAL_COUNTS}
    assert actual == expected
    if site_locale.url_code == "ar":  # Arabic has a dual: two is not three
        assert len({actual[n].replace(str(n), "#") for n in PLURAL_COUNTS}) >= 4


def _plural_index(catalog, n: int) -> int:
    return gettext.c2py(catalog.plural_expr)(n)  # the .po header's own C expression


# --- No English leaks: visible text on a translated page that equals the English page's text. ---

class VisibleText(HTMLParser):
    """Visible text nodes, skipping scripts and anything marked as another language."""
    SKIP = {"script", "style", "title", "svg"}

    def __init__(self, page_lang: str):
        super().__init__()
        self.page_lang = page_lang
        self.stack: list[tuple[str, bool]] = []
        self.texts: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        inherited = bool(self.stack) and self.stack[-1][1]
        skip = inherited or tag in self.SKIP or attrs.get("translate") == "no" \
            or bool(attrs.get("lang") and attrs["lang"] != self.page_lang)
        if tag not in ("br", "img", "input", "meta", "link", "hr", "source"):
            self.stack.append((tag, skip))

    def handle_endtag(self, tag):
        while self.stack:
            if self.stack.pop()[0] == tag:
                break

    def handle_data(self, data):
        text = " ".join(data.split())
        if text and not (bool(self.stack) and self.stack[-1][1]):
            self.texts.append(text)


def visible_texts(html: str, lang: str) -> set[str]:
    parser = VisibleText(lang)
    parser.feed(html)
    return set(parser.texts)


def kept_in_english(site_locale) -> list[re.Pattern]:
    """Strings the translator deliberately wrote the same as English (brand names, 'Chats',
    French '4 sources'), as patterns: a placeholder matches whatever was filled in."""
    with open(TRANSLATIONS / site_locale.babel_code / "LC_MESSAGES" / "messages.po", "rb") as f:
        catalog = read_po(f, locale=site_locale.babel_code)
    same = set()
    for message in catalog:
        if not message.id:
            continue
        ids = message.id if isinstance(message.id, (list, tuple)) else (message.id,)
        forms = message.string if isinstance(message.string, (list, tuple)) else (message.string,)
        same |= {form for form in forms if form in ids}
    return [re.compile(re.sub(r"%\\\(\w+\\\)[sd]", ".+?", re.escape(" ".join(text.split()))) + "$") for text in same]


LEAK_PAGES = ["", "compare/", "changes/", "rumors/", "ai-training/", "skype/", "workshop/", "progress/",
              "offline/", "guide/?apps=whatsapp,signal", "whatsapp/walk/", "guide/handout/?apps=signal"]


@pytest.mark.parametrize("site_locale", TRANSLATED, ids=lambda loc: loc.url_code)
def test_no_english_leaks_into_a_translated_page(client, catalog, site_locale):
    allowed = {"Lockstep", "·", "›", "‹"} | {loc.native_name for loc in i18n.LOCALES}
    patterns = kept_in_english(site_locale)
    allowed |= {app.name for app in catalog} | {app.vendor for app in catalog}
    allowed |= {retired.name for retired in catalog.topics.retired}
    leaks = {}
    for page in LEAK_PAGES + [f"{app.id}/" for app in catalog]:
        english = visible_texts(client.get(f"/en/{page}").get_data(as_text=True), "en")
        html = client.get(f"/{site_locale.url_code}/{page}").get_data(as_text=True)
        same = {text for text in visible_texts(html, site_locale.html_lang) & english
                if re.search(r"[A-Za-z]{3}", text) and text.rstrip(":") not in allowed  # "Signal:" is a name
                and not any(pattern.match(text) for pattern in patterns)}
        if same:
            leaks[page] = sorted(same)
    assert leaks == {}


@pytest.mark.parametrize("site_locale", i18n.LOCALES, ids=lambda loc: loc.url_code)
def test_digits_are_the_locales_chosen_digits(app, site_locale):
    """Persian writes ۰–۹, everyone else (Arabic too, its CLDR default) 0–9: dates and numbers alike."""
    from webapp.templating import number
    western = site_locale.numbering == "latn"
    with app.test_request_context(f"/{site_locale.url_code}/"), force_locale(site_locale.babel_code):
        text = long_date(dt.date(2026, 7, 14)) + " " + number(1234567)
    has_western = bool(re.search(r"[0-9]", text))
    assert has_western == western, text
    html = app.test_client().get(f"/{site_locale.url_code}/").get_data(as_text=True)
    assert f'data-numbering="{site_locale.numbering}"' in html


LABEL_NOTE = ("%(num)s label here is in English; in your app it may be in your language.",
              "%(num)s labels here are in English; in your app they may be in your language.")
OURS_NOTE = ("%(num)s label here is our translation; your app may word it differently.",
             "%(num)s labels here are our translation; your app may word them differently.")
DIGITS = re.compile(r"[0-9\u0660-\u0669\u06f0-\u06f9]+")


def step_items(html: str) -> dict[str, str]:
    """Each step's <li>, by step id."""
    starts = [(m.start(), m.group(1)) for m in re.finditer(r'<li class="step step--[^"]*" id="([^"]+)"', html)]
    ends = [start for start, _ in starts[1:]] + [len(html)]
    return {step_id: html[start:end] for (start, step_id), end in zip(starts, ends)}


@pytest.mark.parametrize("site_locale", TRANSLATED, ids=lambda loc: loc.url_code)
def test_a_menu_path_says_which_labels_are_english_and_which_are_our_translation(client, catalog, site_locale):
    # Each label's state is read from the .po (its msgstr, and a "# label-source:" comment), not
    # from the code under test: a recorded source means the app's own words, shown plainly.
    with open(TRANSLATIONS / site_locale.babel_code / "LC_MESSAGES" / "messages.po", "rb") as f:
        po = read_po(f, locale=site_locale.babel_code)

    def state(label, app_id):
        entry = po.get(label, context=f"{app_id} menu")
        if any(comment.startswith("label-source:") for comment in entry.user_comments):
            return "confirmed"
        return "english" if (entry.string or label) == label else "ours"

    def note(msgid, n):
        return po.get(msgid).string[_plural_index(po, n)].replace("%(num)s", "N")

    for app in catalog:
        items = step_items(client.get(f"/{site_locale.url_code}/{app.id}/").get_data(as_text=True))
        for step in app.steps:
            item = items[step.id]
            english = [label for label in step.menu if state(label, app.id) == "english"]
            ours = [label for label in step.menu if state(label, app.id) == "ours"]
            notes = [DIGITS.sub("N", text) for text in re.findall(r'<p class="menu-path__note">(.*?)</p>', item, re.S)]
            expected = ([note(LABEL_NOTE, len(english))] if english else []) + ([note(OURS_NOTE, len(ours))] if ours else [])
            assert notes == expected, f"{site_locale.url_code}/{app.id}/ {step.id}: English {english}, ours {ours}"
            for label in english:
                assert str(Markup('<span lang="en" class="label-en">{}</span>').format(label)) in item, label
            for label in ours:
                shown = po.get(label, context=f"{app.id} menu").string
                assert str(Markup('<span class="label-ours">{}</span>').format(shown)) in item, label
            for label in step.menu:
                if state(label, app.id) == "confirmed":
                    shown = po.get(label, context=f"{app.id} menu").string or label
                    plain = {str(Markup("<li>{}</li>").format(shown)), str(Markup('<li><span lang="en">{}</span></li>').format(shown))}
                    assert any(html in item for html in plain), label


def test_english_pages_never_mark_labels(client, catalog):
    for app in catalog:
        html = client.get(f"/en/{app.id}/").get_data(as_text=True)
        assert "menu-path__note" not in html and "label-en" not in html and "label-ours" not in html, app.id
