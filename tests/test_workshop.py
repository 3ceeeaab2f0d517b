"""The facilitator's builder: a Flask-WTF form, validated on the server, CSRF-protected."""
from __future__ import annotations

import re

import pytest

from webapp import create_app


@pytest.fixture()
def csrf_client():
    """CSRF on, as in production (the shared test app has it on too; this one is fresh)."""
    return create_app({"TESTING": True, "SECRET_KEY": "test"}).test_client()


def token(client, locale="en") -> str:
    html = client.get(f"/{locale}/workshop/").get_data(as_text=True)
    return re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', html).group(1)


def post(client, **fields):
    data = {"csrf_token": token(client), "platform": "", "language": "en", **fields}
    return client.post("/en/workshop/", data=data)


def test_valid_form_gives_share_link_qr_projector_and_handout(csrf_client):
    response = post(csrf_client, apps=["whatsapp", "signal"], platform="android", language="es", title="Taller")
    html = response.get_data(as_text=True)
    assert response.status_code == 200
    share = "http://localhost/es/guide/?apps=whatsapp,signal&amp;platform=android&amp;title=Taller"
    assert f'value="{share}"' in html
    assert 'src="/es/guide/qr.svg?apps=whatsapp,signal&amp;platform=android&amp;title=Taller"' in html
    assert 'href="/es/guide/projector?apps=whatsapp,signal&amp;platform=android&amp;title=Taller"' in html
    assert 'href="/es/guide/handout?apps=whatsapp,signal&amp;platform=android&amp;title=Taller"' in html


@pytest.mark.parametrize("fields, message", [
    ({}, "Choose at least one app."),
    ({"apps": ["nope"]}, "valid choice"),
    ({"apps": ["signal"], "title": "x" * 81}, "at most 80 characters"),
    ({"apps": ["signal"], "platform": "fax"}, "valid choice"),
    ({"apps": ["signal"], "language": "tlh"}, "valid choice"),
])
def test_invalid_form_is_a_400_with_the_reason(csrf_client, fields, message):
    response = post(csrf_client, **fields)
    assert response.status_code == 400
    assert message in response.get_data(as_text=True)
    assert "Your workshop link" not in response.get_data(as_text=True)


def test_markup_in_the_title_is_escaped_and_never_a_link(csrf_client):
    title = '<img src=x onerror=alert(1)><a href="//evil.example">x</a>'
    html = post(csrf_client, apps=["signal"], title=title).get_data(as_text=True)
    assert "<img src=x" not in html and 'href="//evil.example"' not in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html


def test_missing_csrf_token_is_refused(csrf_client):
    response = csrf_client.post("/en/workshop/", data={"apps": ["signal"], "language": "en", "platform": ""})
    assert response.status_code == 400
    assert "The form expired" in response.get_data(as_text=True)


def test_csrf_cookie_is_httponly_and_samesite_and_reading_pages_set_none(csrf_client):
    assert "Set-Cookie" not in csrf_client.get("/en/whatsapp/").headers
    cookie = csrf_client.get("/en/workshop/").headers["Set-Cookie"]
    assert "HttpOnly" in cookie and "SameSite=Strict" in cookie
    assert "no-store" in csrf_client.get("/en/workshop/").headers["Cache-Control"]


def test_share_link_uses_the_public_address_when_one_is_configured():
    app = create_app({"TESTING": True, "SECRET_KEY": "test", "WTF_CSRF_ENABLED": False,
                      "PUBLIC_URL": "https://lockstep.example.org"})
    html = app.test_client().post("/en/workshop/", data={"apps": ["signal"], "language": "fr", "platform": ""}
                                  ).get_data(as_text=True)
    assert 'value="https://lockstep.example.org/fr/guide/?apps=signal"' in html
    qr_page = app.test_client().get("/fr/guide/print?apps=signal").get_data(as_text=True)
    assert "https://lockstep.example.org/fr/guide/?apps=signal" in qr_page
