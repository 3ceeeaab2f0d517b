"""The static export (Frozen-Flask) served by `python -m http.server` works offline too."""
from __future__ import annotations

import socket
import subprocess
import sys
import time
import urllib.request

import pytest
from playwright.sync_api import Page

from test_offline import check_offline_use
from webapp import create_app
from webapp.export import export_site


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def exported_site(tmp_path_factory):
    folder = tmp_path_factory.mktemp("export") / "site"
    app = create_app({"TESTING": True, "SECRET_KEY": "test"})
    assert export_site(app, folder) > 500
    port = free_port()
    server = subprocess.Popen([sys.executable, "-m", "http.server", str(port), "--bind", "127.0.0.1",
                               "--directory", str(folder)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    for _ in range(50):
        try:
            urllib.request.urlopen(f"{base}/sw.js", timeout=1)
            break
        except OSError:
            time.sleep(0.1)
    yield folder, base
    server.terminate()
    server.wait(timeout=5)


def test_export_has_every_locale_and_the_service_worker(exported_site, catalog):
    folder, _ = exported_site
    assert (folder / "sw.js").is_file() and (folder / "index.html").is_file()
    for locale in ("en", "es", "fr", "de", "pt-br", "ar"):
        assert (folder / locale / "index.html").is_file()
        assert (folder / locale / "manifest.webmanifest").is_file()
        assert (folder / locale / "precache.json").is_file()
        for app in catalog:
            assert (folder / locale / app.id / "index.html").is_file(), (locale, app.id)
    html = (folder / "en" / "whatsapp" / "index.html").read_text()
    assert "platform-filter" not in html and "/en/workshop/" not in html  # server-only tools left out


def test_exported_site_works_offline_after_one_visit(page: Page, context, exported_site, catalog):
    _, base = exported_site
    check_offline_use(page, context, base, catalog, with_filters=False)
