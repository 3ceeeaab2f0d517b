from werkzeug.datastructures import LanguageAccept

from webapp import i18n


def accept(*pairs):
    return LanguageAccept(list(pairs))


def test_every_locale_has_a_name_a_direction_and_a_babel_code():
    assert i18n.DEFAULT_LOCALE in i18n.BY_URL_CODE
    for loc in i18n.LOCALES:
        assert loc.url_code == loc.url_code.lower()
        assert loc.native_name
        assert loc.text_direction in ("ltr", "rtl")
        assert 0 <= loc.reviewed_percent <= 100


def test_negotiation_falls_back_to_the_default():
    assert i18n.negotiate(accept(("tlh", 1))).url_code == i18n.DEFAULT_LOCALE
    assert i18n.negotiate(accept()).url_code == i18n.DEFAULT_LOCALE


def test_negotiation_ignores_refused_languages():
    assert i18n.negotiate(accept(("en", 0), ("tlh", 1))).url_code == i18n.DEFAULT_LOCALE
