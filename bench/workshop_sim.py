"""A workshop on one laptop: 50 phones open the same guide link against the static export
served by Debian's nginx (gzip on, under /sub/) on loopback, and each saves what the service
worker would save: the guide page, its walkthrough and print views, the QR library, and the
language's precache list with everything on it. Plain HTTP fetches, 6 at a time per phone
(as the worker does), all phones at once; bounded: each phone fetches each URL once.

Run: .venv/bin/python bench/workshop_sim.py
Prints total bytes on the wire and the time until the last phone is "ready offline".
"""
from __future__ import annotations

import http.client
import json
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from urllib.parse import urlsplit

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
from static_hosts import nginx  # noqa: E402

from webapp import create_app, i18n  # noqa: E402
from webapp.export import export_site  # noqa: E402

PHONES = 50
BASE = "/sub/"
APPS = ("whatsapp", "signal")
GUIDE_QUERY = "?apps=whatsapp,signal&platform=android&title=Library+workshop"


def fetch(origin: str, path: str) -> int:
    """Bytes on the wire (headers + gzip body) of one GET."""
    parts = urlsplit(origin)
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
    connection.request("GET", path, headers={"Accept-Encoding": "gzip"})
    response = connection.getresponse()
    body = response.read()
    connection.close()
    assert response.status == 200, (path, response.status)
    return len(body) + sum(len(k) + len(v) + 4 for k, v in response.getheaders())


def guide_urls(catalog) -> list[str]:
    """What the guide page asks the worker to save first (static/js/on-device/index.js)."""
    steps = sum(len(catalog.get(app).steps_for("android")) for app in APPS)
    walk = [f"{BASE}en/guide/walk/{n}/{GUIDE_QUERY}" if n > 1 else f"{BASE}en/guide/walk/{GUIDE_QUERY}"
            for n in range(1, steps + 1)]
    views = [f"{BASE}en/guide/{view}/{GUIDE_QUERY}" for view in ("print", "handout", "projector")]
    return walk + views + [f"{BASE}static/vendor/qrcode-generator-2.0.4.esm.js"]


def phone(origin: str, own: list[str], started: float) -> tuple[int, float]:
    total = fetch(origin, f"{BASE}en/guide/{GUIDE_QUERY}")
    listing_bytes = fetch(origin, f"{BASE}en/precache.json")
    parts = urlsplit(origin)
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
    connection.request("GET", f"{BASE}en/precache.json")
    listing = json.loads(connection.getresponse().read())
    connection.close()
    urls = own + [url for url in listing["assets"] + listing["pages"] + listing["partials"] if url not in own]
    with ThreadPoolExecutor(6) as pool:
        total += listing_bytes + sum(pool.map(lambda url: fetch(origin, url), urls))
    return total, time.perf_counter() - started


def main() -> int:
    app = create_app({"TESTING": True, "SECRET_KEY": "bench"})
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        export_site(app, root / BASE.strip("/"), base_path=BASE)
        own = guide_urls(app.extensions["catalog"])
        with nginx(root, root / "nginx", BASE, [loc.url_code for loc in i18n.LOCALES], gzip=True) as origin:
            started = time.perf_counter()
            with ThreadPoolExecutor(PHONES) as pool:
                results = list(pool.map(lambda _: phone(origin, own, started), range(PHONES)))
    total = sum(size for size, _ in results)
    last = max(seconds for _, seconds in results)
    print(f"{PHONES} phones, one guide ({', '.join(APPS)}, Android): {total / 1024 / 1024:.1f} MB on the wire "
          f"({total / PHONES / 1024:.0f} KB a phone, gzip), last phone ready offline after {last:.2f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
