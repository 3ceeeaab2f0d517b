"""Cache-poisoning regressions through the production stack (issue 13): each request-derived value
that could reach a URL is sent by an attacker first, on a URL nobody has fetched yet; a clean
client then fetches that URL and must get exactly the clean page, with no attacker host in it."""
from __future__ import annotations

import itertools

import pytest
from raw_http import send

ATTACKER = "evil.example"
POISON = {
    "Host: 64 characters": {"Host": "a" * 64},
    "Host: ..": {"Host": "a..b"},
    "Host: xn--e.example": {"Host": "xn--e.example"},
    "Host: foreign": {"Host": ATTACKER},
    "Host: foreign port": {"Host": "127.0.0.1:666"},
    "X-Forwarded-Host": {"X-Forwarded-Host": ATTACKER},
    "X-Forwarded-Proto": {"X-Forwarded-Proto": "https"},
    "X-Forwarded-Ssl": {"X-Forwarded-Ssl": "on"},
    "X-Forwarded-Protocol": {"X-Forwarded-Protocol": "ssl"},
    "X-Forwarded-Port": {"X-Forwarded-Port": "666"},
    "X-Forwarded-Prefix": {"X-Forwarded-Prefix": "//" + ATTACKER},
    "SCRIPT_NAME": {"SCRIPT_NAME": "//" + ATTACKER},
    "X-Original-URL": {"X-Original-URL": "//" + ATTACKER + "/en/"},
    "X-Rewrite-URL": {"X-Rewrite-URL": "//" + ATTACKER + "/en/"},
    "Forwarded": {"Forwarded": f"for=1.2.3.4;host={ATTACKER};proto=https"},
}
# A page, one with the print header's link and QR code, a guide's share link, its QR code, a fragment.
PATHS = ["/en/", "/en/whatsapp/", "/ar/guide/?apps=signal,whatsapp", "/en/guide/qr.svg?apps=signal",
         "/en/whatsapp/steps?platform=android"]
_unique = itertools.count()


def clean_baseline(stack, path):
    """What a clean client gets, straight from gunicorn with exactly the headers nginx sends."""
    reply = send(stack.app_url, path, {"Host": "127.0.0.1", "X-Forwarded-For": "127.0.0.1",
                                       "X-Forwarded-Proto": "http", "X-Forwarded-Host": "127.0.0.1"})
    assert reply.status == 200
    return reply.body


@pytest.mark.parametrize("path", PATHS)
@pytest.mark.parametrize("name", list(POISON))
def test_a_poisoned_request_never_changes_what_a_clean_client_gets(stack, name, path):
    url = f"{path}{'&' if '?' in path else '?'}probe={next(_unique)}"  # cold in the cache
    attack = send(stack.url, url, POISON[name])
    assert attack.status < 500
    if attack.status == 200:
        assert ATTACKER.encode() not in attack.body and b":666" not in attack.body
        assert b"https://127.0.0.1" not in attack.body
    clean = send(stack.url, url)
    assert clean.status == 200
    assert clean.body == clean_baseline(stack, url), name
    assert ATTACKER.encode() not in clean.body and b"xn--e" not in clean.body


def test_the_probed_pages_do_build_addresses_from_the_request(stack):
    """Otherwise the test above could not see a poisoned address."""
    assert b"http://127.0.0.1/en/whatsapp/" in clean_baseline(stack, "/en/whatsapp/")


def test_the_clean_page_is_what_the_attacker_left_in_the_cache(stack):
    """The attack must have been cached for the check above to mean anything."""
    url = "/en/whatsapp/?probe=cached"
    send(stack.url, url, {"X-Forwarded-Host": ATTACKER})
    assert send(stack.url, url).header("X-Cache-Status") == "HIT"
