"""Guides (a chosen set of apps), the walkthrough and the QR code, rendered on the server."""
from __future__ import annotations

import re

import pytest
from markupsafe import escape

from webapp.guide import MAX_TITLE_LENGTH


def step_ids(html: str) -> list[str]:
    return re.findall(r'<input type="checkbox" class="step__check" id="check-([^"]+)"', html)


def test_guide_combines_the_apps_in_order_with_one_progress_bar(client, catalog):
    html = client.get("/en/guide/?apps=signal,whatsapp&platform=android").get_data(as_text=True)
    expected = [s.id for a in ("signal", "whatsapp") for s in catalog.get(a).steps_for("android")]
    assert step_ids(html) == expected
    assert html.count("<progress") == 1
    scope = re.search(r'data-progress-scope\s+data-steps="([^"]+)"', html).group(1).split()
    assert [token.split("@")[0] for token in scope] == expected


def test_unknown_ids_are_dropped_with_a_notice_and_duplicates_collapse(client, catalog):
    response = client.get("/en/guide/?apps=signal,nope,SIGNAL,,whatsapp,signal")
    html = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "Left out because Lockstep has no checklist for them: nope." in html
    expected = [s.id for a in ("signal", "whatsapp") for s in catalog.get(a).steps]
    assert step_ids(html) == expected


@pytest.mark.parametrize("query, message", [
    ("", "Choose at least one app"),
    ("?apps=", "Choose at least one app"),
    ("?apps=nope,nada", "Choose at least one app"),
    ("?apps=" + ",".join(["signal"] * 60), "That list of apps is too long."),
    ("?apps=signal&title=" + "x" * (MAX_TITLE_LENGTH + 1), f"at most {MAX_TITLE_LENGTH} characters"),
    ("?apps=signal&platform=fax", "Unknown platform"),
])
def test_bad_guides_get_a_clear_400_page(client, query, message):
    for path in ("/en/guide/", "/en/guide/walk/", "/en/guide/print/", "/en/guide/qr.svg", "/en/guide/handout/"):
        response = client.get(path + query)
        assert response.status_code == 400, path
        assert message in response.get_data(as_text=True)


def test_title_is_escaped_and_cleaned_text(client):
    title = '<script>alert(1)</script> <a href="https://evil.example">win</a>\u202e'
    html = client.get("/en/guide/", query_string={"apps": "signal", "title": title}).get_data(as_text=True)
    assert "<script>alert(1)</script>" not in html and 'href="https://evil.example"' not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &lt;a href=&#34;https://evil.example&#34;&gt;win&lt;/a&gt;" in html
    assert "\u202e" not in html  # bidi override removed: it could disguise the text


def test_app_walkthrough_has_one_step_per_screen_and_plain_links(client, catalog):
    steps = catalog.get("whatsapp").steps
    first = client.get("/en/whatsapp/walk/").get_data(as_text=True)
    assert step_ids(first) == [steps[0].id]
    assert f"Step 1 of {len(steps)}" in first
    assert 'href="/en/whatsapp/walk/2/"' in first and 'data-hx-get="/en/whatsapp/walk/2/"' in first
    assert 'data-hx-push-url="true"' in first and 'data-hx-select="#walk"' in first
    last = client.get(f"/en/whatsapp/walk/{len(steps)}/").get_data(as_text=True)
    assert step_ids(last) == [steps[-1].id]
    assert f'href="/en/whatsapp/walk/{len(steps) - 1}/"' in last
    assert f'href="/en/whatsapp/walk/{len(steps) + 1}/"' in last  # then the summary
    summary = client.get(f"/en/whatsapp/walk/{len(steps) + 1}/").get_data(as_text=True)
    assert 'href="/en/whatsapp/#checklist"' in summary
    assert client.get(f"/en/whatsapp/walk/{len(steps) + 2}/").status_code == 404
    assert client.get("/en/whatsapp/walk/0/").status_code == 404


def test_guide_walkthrough_spans_the_apps_and_keeps_the_query(client, catalog):
    steps = [s.id for a in ("signal", "whatsapp") for s in catalog.get(a).steps_for("ios")]
    html = client.get(f"/en/guide/walk/{len(steps)}/?apps=signal,whatsapp&platform=ios").get_data(as_text=True)
    assert step_ids(html) == [steps[-1]]
    assert f'href="/en/guide/walk/{len(steps) - 1}/?apps=signal,whatsapp&amp;platform=ios"' in html


def test_qr_code_is_an_svg_image(client):
    response = client.get("/en/guide/qr.svg?apps=signal")
    assert response.status_code == 200 and response.mimetype == "image/svg+xml"
    assert response.get_data(as_text=True).startswith("<svg")


def test_print_header_carries_link_qr_revision_and_date(client, app):
    html = client.get("/en/guide/print/?apps=signal,whatsapp").get_data(as_text=True)
    header = html[html.index('class="print-header"'):html.index("</div>\n</div>")]
    # A link a person can type (the short path); the QR code carries the full share link.
    assert "localhost/<wbr>en/<wbr>g/<wbr>signal+<wbr>whatsapp/<wbr>" in header
    assert '<svg xmlns="http://www.w3.org/2000/svg"' in header
    assert app.config["CONTENT_REVISION"] in header


def test_projector_shows_a_short_link_to_type_and_the_qr_code(client):
    html = client.get("/en/guide/projector/?apps=signal,whatsapp&platform=ios&title=Long+workshop+title").get_data(
        as_text=True)
    assert ('<p class="projector__url" dir="ltr" translate="no">'
            'localhost/<wbr>en/<wbr>g/<wbr>signal+<wbr>whatsapp/<wbr>ios/<wbr></p>') in html
    assert 'src="/en/guide/qr.svg?apps=signal,whatsapp&amp;platform=ios&amp;title=Long+workshop+title"' in html


@pytest.mark.parametrize("path, location", [
    ("/en/g/whatsapp+signal/", "/en/guide/?apps=whatsapp,signal"),
    ("/es/g/whatsapp+signal/android/", "/es/guide/?apps=whatsapp,signal&platform=android"),
    ("/en/g/google-messages/", "/en/guide/?apps=google-messages"),
])
def test_short_typable_links_resolve_to_their_guide(client, path, location):
    response = client.get(path)
    assert response.status_code == 302 and response.headers["Location"] == location
    assert "Set-Cookie" not in response.headers


@pytest.mark.parametrize("path, status", [("/en/g/nope/", 400), ("/en/g/signal/fax/", 404)])
def test_a_bad_short_link_is_a_clear_4xx(client, path, status):
    response = client.get(path)
    assert response.status_code == status and 'class="error-page"' in response.get_data(as_text=True)


@pytest.mark.parametrize("view", ["handout", "print", "projector"])
def test_printed_link_is_short_unencoded_and_breaks_only_between_words(client, view):
    html = client.get(f"/en/guide/{view}/?apps=whatsapp,signal&platform=ios&title=Caf%C3%A9").get_data(as_text=True)
    link = re.search(r'class="(?:handout|projector|print-header)__url"[^>]*>(.*?)</', html).group(1)
    assert link == "localhost/<wbr>en/<wbr>g/<wbr>whatsapp+<wbr>signal/<wbr>ios/<wbr>"
    assert "%" not in link


def test_session_plan_times_the_agenda_from_the_steps_own_estimates(client, catalog):
    html = client.get("/en/guide/plan/?apps=whatsapp,signal&platform=android").get_data(as_text=True)
    expected = {app_id: sum(s.minutes for s in catalog.get(app_id).steps_for("android") if s.priority != "optional")
                for app_id in ("whatsapp", "signal")}
    minutes = [int(m) for m in re.findall(r"<td[^>]*>(\d+)</td>", html)]
    assert minutes == [10, expected["whatsapp"], expected["signal"], 10, 20 + sum(expected.values())]
    for rumor in catalog.topics.rumors:
        assert str(escape(rumor.claim)) in html  # the rumor cards are the talking points
    assert "Checklist for the trainer" in html and "What to prepare" in html
    assert client.get("/en/guide/plan/?apps=nope").status_code == 400  # like the guide


def test_the_builder_links_the_session_plan(client):
    html = client.get("/en/workshop/", query_string={"apps": "signal", "language": "en", "platform": "",
                                                     "submit": "1"}).get_data(as_text=True)
    assert 'href="/en/guide/plan/?apps=signal"' in html


@pytest.mark.parametrize("old, new", [
    ("/en/whatsapp/walk/2", "/en/whatsapp/walk/2/"),
    ("/en/whatsapp/walk/3?platform=ios", "/en/whatsapp/walk/3/?platform=ios"),
    ("/es/guide/walk/2?apps=signal,wire", "/es/guide/walk/2/?apps=signal,wire"),
    ("/en/guide/print?apps=signal&title=T", "/en/guide/print/?apps=signal&title=T"),
    ("/en/guide/handout?apps=signal", "/en/guide/handout/?apps=signal"),
    ("/en/guide/projector?apps=signal", "/en/guide/projector/?apps=signal"),
])
def test_old_addresses_on_printed_guides_redirect_to_the_trailing_slash(client, old, new):
    """Printed handouts and QR codes carry the old addresses: they keep working, query and all."""
    response = client.get(old)
    assert response.status_code in (301, 308)
    assert response.headers["Location"].removeprefix("http://localhost") == new
    assert client.get(new).status_code == 200
