"""Property-based fuzzing: no path, query, Accept-Language or htmx header makes a 500."""
from __future__ import annotations

import string
from urllib.parse import quote

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from webapp import create_app, i18n

SEGMENTS = st.one_of(
    st.sampled_from(["", "en", "ar", "pt-br", "EN", "whatsapp", "signal", "skype", "guide", "walk", "steps",
                     "compare", "table", "workshop", "qr.svg", "print", "handout", "projector", "offline",
                     "fragment", "progress", "manifest.webmanifest", "precache.json", "static", "sw.js",
                     "healthz", "..", "%2e%2e", "0", "-1", "99999999999999999999", "walk/1"]),
    st.text(alphabet=string.printable + "é€ع\u202e\x00", max_size=12),
)
# The app's own query keys, every route argument name, and url_for's reserved keywords
# (a key such as `_external` or `locale` once reached url_for as an argument).
ROUTE_ARGUMENTS = sorted({name for rule in create_app({"TESTING": True}).url_map.iter_rules()
                          for name in rule.arguments})
QUERY_KEYS = st.one_of(
    st.sampled_from(["platform", "apps", "need", "title", "v", "x", *ROUTE_ARGUMENTS,
                     "_external", "_anchor", "_method", "_scheme"]),
    st.text(alphabet=string.ascii_letters + "_-", min_size=1, max_size=10),
)
QUERY_VALUES = st.one_of(
    st.sampled_from(["", "android", "ios", "web", "desktop", "whatsapp,signal", "nope", "calls", ",,,",
                     "a" * 400, "<script>", "%00", "signal," * 40]),
    st.text(max_size=40),
)
HEADER_TEXT = string.ascii_letters + string.digits + string.punctuation + " \t"  # what HTTP allows
HEADERS = st.fixed_dictionaries({}, optional={
    "Accept-Language": st.one_of(st.sampled_from(["ar;q=0.9,de;q=1.1", "*", "pt-PT", "en;q=abc", ";;;"]),
                                 st.text(alphabet=HEADER_TEXT, max_size=60)),
    "HX-Request": st.sampled_from(["true", "false", ""]),
    "HX-History-Restore-Request": st.just("true"),
    "HX-Target": st.text(alphabet=string.ascii_letters + "#-", max_size=20),
    "If-None-Match": st.sampled_from(['"abc"', "*", 'W/"x"', "garbage"]),
})


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(segments=st.lists(SEGMENTS, max_size=5), query=st.lists(st.tuples(QUERY_KEYS, QUERY_VALUES), max_size=4),
       headers=HEADERS, method=st.sampled_from(["GET", "GET", "HEAD", "POST", "PUT", "OPTIONS"]))
def test_no_request_makes_a_server_error(client, segments, query, headers, method):
    path = "/" + "/".join(quote(segment, safe="%.-") for segment in segments)
    if path.startswith("//"):  # the test client would read "//host/..." as another host
        path = "/en" + path
    headers = {key: value.encode("latin-1", "replace").decode("latin-1") for key, value in headers.items()}
    response = client.open(path, method=method, query_string=query, headers=headers)
    assert response.status_code < 500, (method, path, query, headers)
    if response.status_code >= 400 and response.mimetype == "text/html" and method != "HEAD":
        body = response.get_data(as_text=True)
        assert 'class="error-page"' in body  # a page (or, for htmx, a fragment) explaining the error


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(locale=st.sampled_from([loc.url_code for loc in i18n.LOCALES]),
       fields=st.dictionaries(st.sampled_from(["apps", "platform", "language", "title", "submit"]),
                              st.one_of(st.text(max_size=100), st.lists(st.text(max_size=20), max_size=5)),
                              max_size=6))
def test_workshop_form_never_fails_on_any_input(client, locale, fields):
    response = client.get(f"/{locale}/workshop/", query_string=fields)
    assert response.status_code in (200, 400)
