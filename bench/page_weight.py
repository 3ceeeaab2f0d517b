"""Page weight per page type: compressed bytes and request count of a first visit.

Run: .venv/bin/python bench/page_weight.py   (no server needed; uses the app in-process)
Counts the HTML plus every same-origin asset the page references (CSS, scripts, icon), each
gzip-compressed at level 9, as a first visit with an empty cache would fetch them.
Goals: first load of an app page <= 60 KB, its HTML <= 14 KB compressed.
"""
import gzip
import re
import sys

from webapp import create_app

PAGES = {"home": "/en/", "app (WhatsApp)": "/en/whatsapp/", "app (Messenger)": "/en/messenger/",
         "compare": "/en/compare/", "rumors": "/en/rumors/", "changes": "/en/changes/"}
ASSET = re.compile(rb'<(?:link|script)\b[^>]*?(?:href|src)="(/static/[^"]+)"')


def main() -> int:
    client = create_app({"TESTING": True, "SECRET_KEY": "bench"}).test_client()
    print(f"{'page':18} {'html gz':>8} {'first load gz':>14} {'requests':>9}")
    worst_app = 0
    for name, url in PAGES.items():
        html = client.get(url).data
        html_gz = len(gzip.compress(html, 9))
        assets = sorted(set(ASSET.findall(html)))
        total = html_gz + sum(len(gzip.compress(client.get(a.decode()).data, 9)) for a in assets)
        print(f"{name:18} {html_gz:>8} {total:>14} {1 + len(assets):>9}")
        if name.startswith("app"):
            worst_app = max(worst_app, total)
    print(f"worst app page first load: {worst_app / 1024:.1f} KB (goal <= 60 KB)")
    return 0 if worst_app <= 60 * 1024 else 1


if __name__ == "__main__":
    sys.exit(main())
