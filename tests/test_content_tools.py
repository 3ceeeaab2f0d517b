"""`flask content audit` and `flask content check-links` on small catalogs written in tmp_path.

check-links runs against a real HTTP server on 127.0.0.1; no request leaves the machine.
"""
from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest
from support import serve
from werkzeug.wrappers import Request, Response

from webapp import create_app
from webapp.cli import content

DEMO = (Path(__file__).parent / "fixtures" / "apps" / "demo.yaml").read_text()


def make_app(tmp_path: Path, text: str = DEMO, topics: dict[str, str] | None = None):
    (tmp_path / "apps").mkdir(exist_ok=True)
    (tmp_path / "apps" / "demo.yaml").write_text(text)
    for name, body in (topics or {}).items():
        (tmp_path / "topics").mkdir(exist_ok=True)
        (tmp_path / "topics" / f"{name}.yaml").write_text(body)
    app = create_app({"TESTING": True, "CONTENT_DIR": str(tmp_path)})
    app.cli.add_command(content)  # webapp/__init__.py registers it for `flask content ...`
    return app


def run(app, *args):
    return app.test_cli_runner().invoke(args=["content", *args])


# --- audit ---

CLEAN = (DEMO.replace("    body: Backups are plain.\n", "    body: Backups are plain.\n    menu: [Settings]\n")
         .replace("        secondary: true\n", ""))


def test_a_clean_catalog_has_no_findings_and_strict_passes(tmp_path):
    result = run(make_app(tmp_path, CLEAN), "audit", "--today", "2026-02-01", "--strict")
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    assert "0 findings as of 2026-02-01" in result.stderr


def test_sources_read_too_long_ago_are_listed_once_each(tmp_path):
    app = make_app(tmp_path, CLEAN)
    path = tmp_path / "apps" / "demo.yaml"
    result = run(app, "audit", "--today", "2026-12-01")
    assert result.exit_code == 0  # findings, but not --strict
    lines = result.stdout.splitlines()
    # six distinct URLs (backups is cited twice), all read on 2026-01-15, 320 days before
    assert len(lines) == 6, lines
    assert f"{path}: https://example.org/backups: source last read 2026-01-15 (320 days ago, more than 180)" in lines
    assert run(app, "audit", "--today", "2026-12-01", "--days", "365").stdout == ""
    assert run(app, "audit", "--today", "2026-12-01", "--strict").exit_code == 1


def test_each_kind_of_finding(tmp_path):
    text = (DEMO
            # chats: never re-read, so no vendor source read first-hand either
            .replace("        title: Chats\n        read: own-page\n        checked: 2026-01-15\n",
                     "        title: Chats\n        read: unread\n", 1)
            # groups: only seen cited by another source
            .replace("        title: Groups\n        read: own-page\n        checked: 2026-01-15\n",
                     "        title: Groups\n        read: cited\n        checked: 2026-01-15\n"
                     "        cited_in: A news story\n        cited_date: 2026-01\n", 1))
    rumors = """rumors:
  - id: rumor.demo
    claim: Demo reads everything.
    verdict: wrong
    what_is_true: Nothing.
    what_is_not: Everything.
    helps: [demo.verify.code]
    sources:
      - url: https://news.example.org/story
        title: A story
        read: own-page
        checked: 2026-01-20
        secondary: true
"""
    app = make_app(tmp_path, text, {"rumors": rumors})
    result = run(app, "audit", "--today", "2026-02-01", "--strict")
    assert result.exit_code == 1
    app_path, rumor_path = tmp_path / "apps" / "demo.yaml", tmp_path / "topics" / "rumors.yaml"
    assert set(result.stdout.splitlines()) == {
        f"{app_path}: https://example.org/chats: source never re-read (read: unread)",
        f"{app_path}: status.chats: rests only on sources nobody has re-read",
        f"{app_path}: status.groups: rests only on cited or secondary sources",
        f"{app_path}: demo.backup.off: rests only on cited or secondary sources",  # its one source is secondary
        f"{app_path}: status.chats: no vendor source read first-hand (own page or stored copy, not secondary)",
        f"{app_path}: status.groups: no vendor source read first-hand (own page or stored copy, not secondary)",
        f"{app_path}: demo.backup.off: no menu path, though other steps of this app have one",
        f"{rumor_path}: rumor.demo: rests only on cited or secondary sources",
    }
    assert "8 findings" in result.stderr


def test_steps_without_menus_are_fine_in_an_app_without_menus(tmp_path):
    text = CLEAN.replace("    menu: [Settings, Privacy]\n", "").replace("    menu: [Settings]\n", "")
    assert run(make_app(tmp_path, text), "audit", "--today", "2026-02-01").stdout == ""


# --- check-links ---

class LinkServer:
    """200, a 301 to it, a 404, a server that refuses HEAD, and one slower than any timeout."""

    def __init__(self):
        self.requests: list[tuple[str, str, str]] = []
        self.release = threading.Event()

    def __call__(self, environ, start_response):
        request = Request(environ)
        self.requests.append((request.method, request.path, request.headers.get("User-Agent", "")))
        if request.path == "/ok":
            response = Response("fine")
        elif request.path == "/moved":
            response = Response(status=301, headers={"Location": "/ok"})
        elif request.path == "/no-head":
            response = Response(status=405) if request.method == "HEAD" else Response("fine")
        elif request.path == "/slow":
            self.release.wait(5)
            response = Response("too late")
        else:
            response = Response("gone", status=404)
        return response(environ, start_response)


@pytest.fixture()
def link_server():
    server = LinkServer()
    with serve(server) as base:
        yield server, base
        server.release.set()


LINKS = {"https://example.org/chats": "https://example.org/ok",
         "https://example.org/groups": "https://example.org/moved",
         "https://example.org/calls": "https://example.org/missing",
         "https://example.org/backups": "https://example.org/slow",
         "https://example.org/verify": "https://example.org/no-head",
         "https://example.org/logs": "https://example.org/ok"}  # cited twice, fetched once


def links_catalog(tmp_path):
    text = DEMO
    for old, new in LINKS.items():
        text = text.replace(old, new)
    return make_app(tmp_path, text)


def test_check_links_reports_status_redirects_and_dead_links(tmp_path, link_server):
    server, base = link_server
    app = links_catalog(tmp_path)
    files = {p: (p.read_bytes(), p.stat().st_mtime_ns) for p in tmp_path.rglob("*") if p.is_file()}
    started = time.monotonic()
    result = run(app, "check-links", "--timeout", "0.5", "--rewrite", f"https://example.org={base}")
    assert time.monotonic() - started < 4  # the slow one was given up on, not waited for
    assert result.exit_code == 1, result.output
    lines = result.stdout.splitlines()
    assert "ok     200  https://example.org/ok" in lines
    assert ("moved  200  https://example.org/moved  redirected: https://example.org/moved (301) -> "
            "https://example.org/ok (200)") in lines
    assert "dead   404  https://example.org/missing  (HEAD answered 404; this is GET's answer)" in lines
    assert "dead   timeout  https://example.org/slow" in lines
    assert "ok     200  https://example.org/no-head  (HEAD answered 405; this is GET's answer)" in lines
    assert lines[-1] == "5 URLs: 2 ok, 1 redirected, 2 dead. No file was changed (reachable is not read)."
    # each distinct URL once (/ok a second time as the end of the redirect)
    assert sorted(p for m, p, _ in server.requests if m == "HEAD") == sorted(
        ["/ok", "/ok", "/moved", "/missing", "/slow", "/no-head"])
    assert ("GET", "/no-head") in [(m, p) for m, p, _ in server.requests]
    assert all(ua.startswith("Lockstep-link-check/") and "Lockstep" in ua for _, _, ua in server.requests)
    # reachable is not read: nothing on disk moved
    assert files == {p: (p.read_bytes(), p.stat().st_mtime_ns) for p in tmp_path.rglob("*") if p.is_file()}


def test_check_links_passes_when_every_link_answers(tmp_path, link_server):
    _, base = link_server
    text = DEMO.replace("https://example.org/", "https://example.org/ok?")
    result = run(make_app(tmp_path, text), "check-links", "--timeout", "2", "--concurrency", "2",
                 "--rewrite", f"https://example.org={base}")
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[-1].startswith("6 URLs: 6 ok, 0 redirected, 0 dead.")


def test_connection_errors_are_dead_links(tmp_path):
    with serve(Response("unused")) as base:
        pass  # the port is closed again: nothing listens there
    text = DEMO.replace("https://example.org/chats", "https://example.org/ok")
    result = run(make_app(tmp_path, text), "check-links", "--timeout", "2", "--rewrite", f"https://example.org={base}")
    assert result.exit_code == 1
    assert "dead   connection error (ConnectError)  https://example.org/ok" in result.stdout.splitlines()


def test_check_links_help_says_reachable_is_not_read(tmp_path):
    result = run(make_app(tmp_path), "check-links", "--help")
    assert "Reachable is not the same as read" in result.output and "never changes a `checked` date" in result.output
    assert run(make_app(tmp_path), "check-links", "--rewrite", "nonsense").exit_code == 2
