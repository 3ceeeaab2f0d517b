"""Page weight per page type, measured in Debian's Chromium: bytes on the wire (brotli, as the
server sends them) and request count of a first visit with an empty cache; plus what the
service worker precaches per locale.

Run: .venv/bin/python bench/page_weight.py     (starts the app on loopback itself)
Goals: first load of an app page <= 60 KB, its HTML <= 14 KB compressed, what the service worker
saves per locale <= 250 KB on the wire. Exit code 1 if missed.
"""
from __future__ import annotations

import logging
import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
from support import CHROMIUM, LAUNCH_ARGS, serve  # noqa: E402

from webapp import create_app, i18n  # noqa: E402

PAGES = {"home": "/en/", "app: WhatsApp": "/en/whatsapp/", "app: Arabic WhatsApp": "/ar/whatsapp/",
         "compare": "/en/compare/", "rumors": "/en/rumors/", "changes": "/en/changes/",
         "AI training": "/en/ai-training/", "guide (2 apps)": "/en/guide/?apps=whatsapp,signal",
         "walkthrough step": "/en/whatsapp/walk/2/", "workshop": "/en/workshop/", "progress": "/en/progress/"}


def measure(browser, url: str) -> tuple[int, int, int]:
    """(html bytes, total bytes, requests) on the wire for one page load with an empty cache."""
    context = browser.new_context(service_workers="block")  # the page alone, not the precache
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    cdp.send("Network.enable")
    sizes, first = {}, {}
    cdp.on("Network.responseReceived", lambda e: first.setdefault("id", e["requestId"]) if e["type"] == "Document" else None)
    cdp.on("Network.loadingFinished", lambda e: sizes.__setitem__(e["requestId"], e["encodedDataLength"]))
    page.goto(url, wait_until="networkidle")
    context.close()
    return sizes.get(first.get("id"), 0), sum(sizes.values()), len(sizes)


def main() -> int:
    logging.getLogger("werkzeug").setLevel(logging.WARNING)
    app = create_app({"TESTING": True, "SECRET_KEY": "bench"})
    rows, worst_app, worst_html = [], 0, 0
    with serve(app) as base, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=LAUNCH_ARGS)
        for name, path in PAGES.items():
            html, total, requests = measure(browser, base + path)
            rows.append((name, html, total, requests))
            if name.startswith("app"):
                worst_app, worst_html = max(worst_app, total), max(worst_html, html)
        for app_page in app.extensions["catalog"]:
            html, total, _ = measure(browser, f"{base}/en/{app_page.id}/")
            worst_app, worst_html = max(worst_app, total), max(worst_html, html)
        browser.close()

        client = app.test_client()
        precache = []
        for loc in i18n.LOCALES:
            listing = client.get(f"/{loc.url_code}/precache.json").get_json()
            urls = listing["assets"] + listing["pages"] + listing["partials"]
            raw = wire = 0
            for url in urls:
                response = client.get(url, headers={"Accept-Encoding": "br"})
                wire += len(response.data)
                raw += len(client.get(url).data)
            precache.append((loc.url_code, len(urls), raw, wire))

    print("| page | HTML on the wire | first load | requests |\n|---|---:|---:|---:|")
    for name, html, total, requests in rows:
        print(f"| {name} | {html / 1024:.1f} KB | {total / 1024:.1f} KB | {requests} |")
    print(f"\nworst app page (all {len(app.extensions['catalog'].apps)} in English, WhatsApp in Arabic): first load {worst_app / 1024:.1f} KB "
          f"(goal <= 60 KB), HTML {worst_html / 1024:.1f} KB (goal <= 14 KB)")
    print("\n| locale | URLs precached | stored (uncompressed) | on the wire (brotli) |\n|---|---:|---:|---:|")
    for code, count, raw, wire in precache:
        print(f"| {code} | {count} | {raw / 1024:.0f} KB | {wire / 1024:.0f} KB |")
    worst_precache = max(wire for *_, wire in precache)
    print(f"\nlargest precache: {worst_precache / 1024:.0f} KB on the wire (goal <= 250 KB)")
    return 0 if worst_app <= 60 * 1024 and worst_html <= 14 * 1024 and worst_precache <= 250 * 1024 else 1


if __name__ == "__main__":
    sys.exit(main())
