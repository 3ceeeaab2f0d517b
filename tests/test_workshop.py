"""The facilitator's builder: a Flask-WTF GET form, validated on the server, with no session or cookie."""
from __future__ import annotations

import re

import pytest

from webapp import create_app


def submit(client, **fields):
    """The builder is a GET form: its fields are the query string, as a browser sends them."""
    return client.get("/en/workshop/", query_string={"platform": "", "language": "en", "submit": "1", **fields})


def test_valid_form_gives_share_link_qr_projector_and_handout(client):
    response = submit(client, apps=["whatsapp", "signal"], platform="android", language="es", title="Taller")
    html = response.get_data(as_text=True)
    assert response.status_code == 200
    share = "http://localhost/es/guide/?apps=whatsapp,signal&amp;platform=android&amp;title=Taller"
    assert f'value="{share}"' in html
    assert 'src="/es/guide/qr.svg?apps=whatsapp,signal&amp;platform=android&amp;title=Taller"' in html
    assert 'href="/es/guide/projector/?apps=whatsapp,signal&amp;platform=android&amp;title=Taller"' in html
    assert 'href="/es/guide/handout/?apps=whatsapp,signal&amp;platform=android&amp;title=Taller"' in html


@pytest.mark.parametrize("fields, message", [
    ({}, "Choose at least one app."),
    ({"apps": ["nope"]}, "valid choice"),
    ({"apps": ["signal"], "title": "x" * 81}, "at most 80 characters"),
    ({"apps": ["signal"], "platform": "fax"}, "valid choice"),
    ({"apps": ["signal"], "language": "tlh"}, "valid choice"),
])
def test_invalid_form_is_a_400_with_the_reason(client, fields, message):
    response = submit(client, **fields)
    assert response.status_code == 400
    assert message in response.get_data(as_text=True)
    assert "Your workshop link" not in response.get_data(as_text=True)


def test_markup_in_the_title_is_escaped_and_never_a_link(client):
    title = '<img src=x onerror=alert(1)><a href="//evil.example">x</a>'
    html = submit(client, apps=["signal"], title=title).get_data(as_text=True)
    assert "<img src=x" not in html and 'href="//evil.example"' not in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html


def test_the_builder_sets_no_cookie_and_is_never_stored(client):
    response = submit(client, apps=["signal"])
    assert response.status_code == 200 and "Set-Cookie" not in response.headers
    assert response.headers["Cache-Control"] == "no-store"
    assert "Set-Cookie" not in client.get("/en/workshop/").headers


def test_the_form_is_a_get_form_without_a_token(client):
    html = client.get("/en/workshop/").get_data(as_text=True)
    assert '<form method="get"' in html and "csrf_token" not in html
    assert "Your workshop link" not in html  # nothing submitted yet: no error either
    assert client.get("/en/workshop/").status_code == 200


def test_share_link_uses_the_public_address_when_one_is_configured():
    app = create_app({"TESTING": True, "PUBLIC_URL": "https://lockstep.example.org"})
    html = submit(app.test_client(), apps=["signal"], language="fr").get_data(as_text=True)
    assert 'value="https://lockstep.example.org/fr/guide/?apps=signal"' in html
    qr_page = app.test_client().get("/fr/guide/print/?apps=signal").get_data(as_text=True)
    assert "lockstep.example.org/<wbr>fr/<wbr>g/<wbr>signal/<wbr>" in qr_page  # the link to type
