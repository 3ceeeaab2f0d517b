"""Valid HTML (issue 13 item 7): the Nu HTML checker (vnu-jar from npm, pinned in package-lock.json)
reports no error on one URL of every page type, in English and in Arabic, checked in one JVM call.

The page types come from the route inventory (every listed page; fragments are parts of a page,
not documents), plus the guide views, which are unlisted because they need ?apps=, every app page
(a retired app has its own template), the builder with its result, and the error pages."""
from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

from flask import url_for

from webapp import inventory
from webapp.inventory import Unlisted

VNU = Path(__file__).resolve().parent.parent / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
LOCALES = ("en", "ar")
GUIDE = "?apps=whatsapp,signal"


def page_urls(app, catalog, locale):
    urls = []
    with app.test_request_context():
        for endpoint, listing in inventory.listed_endpoints():
            if listing.fragment:
                continue
            all_values = list(listing.expand(catalog)) if listing.expand else [{}]
            chosen = all_values if endpoint.endswith("app_page") else all_values[:1]
            urls += [url_for(endpoint, locale=locale, **values) for values in chosen]
        for rule in app.url_map.iter_rules():
            if set(rule.arguments) - {"locale", "number"}:
                continue  # a short link (/g/<spec>/) only redirects to a guide
            if isinstance(inventory.listing_of(rule.endpoint), Unlisted) and ".workshop." in rule.endpoint:
                urls.append(url_for(rule.endpoint, locale=locale, **rule.defaults or {}) + GUIDE)
        urls += [url_for("locale.workshop.workshop", locale=locale) + GUIDE + "&language=" + locale,
                 f"/{locale}/no-such-page/", f"/{locale}/whatsapp/?platform=fax"]
    return list(dict.fromkeys(urls))


def test_every_page_type_is_valid_html(app, client, catalog, tmp_path):
    assert VNU.is_file(), "vnu-jar is missing: npm ci (bin/test runs it)"
    assert shutil.which("java"), "java is missing: apt-get install default-jre-headless (bin/test does)"
    files = {}
    for locale in LOCALES:
        for url in page_urls(app, catalog, locale):
            response = client.get(url)
            if response.mimetype != "text/html":
                continue  # the QR code image among the guide views
            path = tmp_path / f"{len(files):03d}.html"
            path.write_bytes(response.data)
            files[str(path)] = url
    assert len(files) >= 2 * 20
    canary = tmp_path / "canary.html"  # proves the checker really reads the files and reports errors
    canary.write_text('<!doctype html><html lang="en"><title>x</title><div hx-get="/x"></div></html>')
    run = subprocess.run(["java", "-jar", str(VNU), "--errors-only", "--format", "json", str(canary), *files],
                         capture_output=True, text=True, timeout=300)
    messages = json.loads(run.stderr or run.stdout)["messages"]
    errors = [(m.get("url", "").removeprefix("file:"), m) for m in messages
              if m.get("type") == "error" or m.get("subType") == "fatal"]
    assert [m["message"] for where, m in errors if where == str(canary)] == [
        "Attribute \u201chx-get\u201d not allowed on element \u201cdiv\u201d at this point."]
    found = [f'{files.get(where, where)}:{m.get("lastLine")}: {m["message"]}' for where, m in errors if where != str(canary)]
    assert not found, "\n".join(found[:60])
