"""Routes through the Flask test client: status codes, redirects, fragments, Vary."""
from __future__ import annotations

import re

import pytest


def test_root_redirects_to_the_negotiated_locale(client):
    response = client.get("/", headers={"Accept-Language": "en-GB,en;q=0.8"})
    assert response.status_code == 302
    assert response.headers["Location"] == "/en/"
    assert "Accept-Language" in response.headers["Vary"]


def test_root_falls_back_to_english_for_unsupported_languages(client):
    response = client.get("/", headers={"Accept-Language": "tlh,x-klingon;q=0.9"})
    assert response.headers["Location"] == "/en/"
    assert client.get("/").headers["Location"] == "/en/"


def test_healthz(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.data == b"ok\n"


def test_home_lists_every_app_with_status_and_step_count(client, catalog):
    html = client.get("/en/").get_data(as_text=True)
    for app in catalog:
        assert f'href="/en/{app.id}/"' in html
        steps = re.search(rf'data-steps="({re.escape(app.steps[0].id)}@[^"]*)"', html).group(1).split()
        assert steps == [f"{s.id}@{s.rev}@{','.join(s.platforms)}" for s in app.steps]
    assert "On by default" in html


def test_app_page_shows_status_steps_claims_and_sources(client, catalog):
    app = catalog.get("whatsapp")
    response = client.get("/en/whatsapp/")
    html = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "<h1>WhatsApp</h1>" in html
    for step in app.steps:
        assert f'data-step="{step.id}" data-rev="{step.rev}"' in html
    for claim in app.claims:
        assert f'id="{claim.id}"' in html
    for source in app.sources:
        assert f'href="{source.url}"' in html
    assert 'class="meta checked-until"' in html  # up to when facts were checked, derived from sources


def test_platform_filter_limits_the_steps(client, catalog):
    app = catalog.get("whatsapp")
    html = client.get("/en/whatsapp/?platform=android").get_data(as_text=True)
    shown = set(re.findall(r'data-step="([^"]+)"', html))
    assert shown == {s.id for s in app.steps if "android" in s.platforms}
    assert shown != {s.id for s in app.steps}  # the fixture data really differs per platform


def test_steps_fragment_has_its_own_url_and_is_not_a_full_page(client):
    response = client.get("/en/whatsapp/steps?platform=android", headers={"HX-Request": "true"})
    html = response.get_data(as_text=True)
    assert response.status_code == 200
    assert html.lstrip().startswith('<section id="checklist"')
    assert "<html" not in html
    assert "HX-Request" in response.headers["Vary"]
    assert response.headers["X-Robots-Tag"] == "noindex"


def test_filter_links_work_without_js_and_drive_htmx(client):
    html = client.get("/en/whatsapp/").get_data(as_text=True)
    assert 'href="/en/whatsapp/?platform=ios"' in html
    assert 'data-hx-get="/en/whatsapp/steps?platform=ios"' in html
    assert 'data-hx-push-url="/en/whatsapp/?platform=ios"' in html


@pytest.mark.parametrize("url", ["/en/", "/en/whatsapp/", "/en/whatsapp/steps", "/en/nope/"])
def test_every_html_response_varies_on_hx_request(client, url):
    assert "HX-Request" in client.get(url).headers.get("Vary", "")


def test_platform_without_steps_shows_an_empty_state(client):
    response = client.get("/en/messenger/?platform=desktop")
    assert response.status_code == 200
    assert "has no steps for Desktop" in response.get_data(as_text=True)


@pytest.mark.parametrize("url, status, text", [
    ("/en/nope/", 404, "There is no checklist for “nope”."),
    ("/xx/", 404, "Lockstep is not available in the language “xx”."),
    ("/xx/whatsapp/", 404, "not available in the language"),
    ("/en/whatsapp/?platform=fax", 400, "Unknown platform"),
    ("/en/whatsapp/?platform=ios&platform=android", 400, "Unknown platform"),
    ("/en/whatsapp/steps?platform=%00", 400, "Unknown platform"),
    ("/en/whatsapp/nope", 404, "This page does not exist."),
    ("/en/" + "a" * 500 + "/", 404, "There is no checklist for"),
    ("/en/%3Cscript%3E/", 404, "There is no checklist for “&lt;script&gt;”."),
])
def test_bad_input_gets_a_clear_4xx_page(client, url, status, text):
    response = client.get(url)
    html = response.get_data(as_text=True)
    assert response.status_code == status
    assert text in html
    assert '<html lang="en"' in html
    assert "<script>" not in html


def test_htmx_requests_get_the_same_error_page(client):
    """htmx 2 does not swap 4xx responses: an htmx request for a bad URL gets the full page."""
    response = client.get("/en/whatsapp/steps?platform=fax", headers={"HX-Request": "true"})
    assert response.status_code == 400
    assert "<html" in response.get_data(as_text=True) and 'class="error-page"' in response.get_data(as_text=True)


def test_wrong_method_is_405_with_allow(client):
    response = client.post("/en/whatsapp/")
    assert response.status_code == 405
    assert "GET" in response.headers["Allow"]
    assert "does not accept that kind of request" in response.get_data(as_text=True)


def test_uppercase_locale_redirects_to_the_canonical_url(client):
    response = client.get("/EN/whatsapp/?platform=ios")
    assert response.status_code in (301, 308)
    assert response.headers["Location"].endswith("/en/whatsapp/?platform=ios")


def test_empty_platform_means_all(client, catalog):
    html = client.get("/en/whatsapp/?platform=").get_data(as_text=True)
    assert len(re.findall(r'data-step="', html)) == len(catalog.get("whatsapp").steps)


def test_home_answers_the_top_rumor_first_then_meta_apps(client, catalog):
    html = client.get("/en/").get_data(as_text=True)
    top = catalog.topics.rumors[0]
    answer = html.index('class="answer__verdict"')
    assert html.index("<h1") == html.index('<h1 id="answer-heading"') and answer < html.index('class="app-list"')
    assert top.what_is_true.split(". ")[0] in html[answer:answer + 400]
    names = re.findall(r'app-card__name"><a [^>]*>([^<]*)', html)
    meta = [a.name for a in catalog if a.vendor == "Meta"]
    assert set(names[:len(meta)]) == set(meta) and names[0] == "WhatsApp"
    assert names[len(meta):] == sorted(names[len(meta):], key=str.lower)


def test_home_cards_show_every_surface(client, catalog):
    html = client.get("/en/").get_data(as_text=True)
    card = html[html.index('data-search="messenger'):]
    card = card[:card.index("</li>\n  </ul>") if "</li>\n  </ul>" in card else 2000]
    for surface in ("One-to-one chats", "Group chats", "Calls", "Backups"):
        assert surface in card


@pytest.mark.parametrize("query, shown, hidden", [("sig", "Signal", "WhatsApp"), ("meta", "WhatsApp", "Signal"),
                                                 ("  SIGNAL ", "Signal", "Zoom")])
def test_home_search_works_without_javascript(client, query, shown, hidden):
    html = client.get("/en/", query_string={"q": query}).get_data(as_text=True)
    names = re.findall(r'app-card__name"><a [^>]*>([^<]*)', html)
    assert shown in names and hidden not in names


def test_home_search_with_no_match_says_so(client):
    response = client.get("/en/", query_string={"q": "<b>nothing</b>"})
    html = response.get_data(as_text=True)
    assert response.status_code == 200 and "No app matches “&lt;b&gt;nothing&lt;/b&gt;”." in html


@pytest.mark.parametrize("alias, canonical", [("iphone", "ios"), ("iPad", "ios"), ("mac", "desktop"),
                                              ("windows", "desktop"), ("browser", "web")])
def test_platform_aliases_redirect_to_the_canonical_value(client, alias, canonical):
    response = client.get(f"/en/whatsapp/?platform={alias}&x=1")
    assert response.status_code == 308
    assert response.headers["Location"] == f"/en/whatsapp/?platform={canonical}&x=1"


def test_about_page_says_how_facts_are_checked_and_where_to_report():
    from webapp import create_app
    client = create_app({"TESTING": True, "REPORT_URL": "mailto:fix@lockstep.example"}).test_client()
    html = client.get("/en/about/").get_data(as_text=True)
    assert 'href="mailto:fix@lockstep.example"' in html and "Secondary sources only" in html
    unset = create_app({"TESTING": True}).test_client().get("/en/about/").get_data(as_text=True)
    assert "has no address for reports" in unset and "mailto:" not in unset


def test_what_they_can_still_see_lists_protection_and_claims_per_app(client, catalog):
    html = client.get("/en/what-they-see/").get_data(as_text=True)
    for app in catalog:
        section = html[html.index(f'id="exposure-{app.id}"'):]
        section = section[:section.index("</section>")]
        for claim in app.claims:
            assert f'id="{claim.id}"' in section
        if any(s.value == "default" for s in app.statuses.values()):
            assert "Protected by end-to-end encryption" in section
        if any(s.value in ("none", "discontinued") for s in app.statuses.values()):
            assert "Not end-to-end encrypted: the company can read it" in section
    assert 'class="print-header"' in html  # printable, with its online address
