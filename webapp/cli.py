"""`flask translate extract|init|update|compile`: pybabel with this project's settings.
`flask content audit|check-links`: maintainer tools for the content files."""
from __future__ import annotations

import datetime as dt
import re
import subprocess
import sys
from pathlib import Path

import click
from babel.messages.pofile import read_po
from flask import current_app
from flask.cli import AppGroup

from . import i18n
from .catalog.audit import audit

ROOT = Path(__file__).resolve().parent.parent
TRANSLATIONS = ROOT / "translations"
POT = TRANSLATIONS / "messages.pot"

translate = AppGroup("translate", help="Extract, update and compile translations.")


def pybabel(*args: str) -> None:
    subprocess.run([sys.executable, "-m", "babel.messages.frontend", *args], check=True, cwd=ROOT)


def extract_pot(output: Path) -> None:
    """Write the template; POT-Creation-Date is dropped so the committed file only changes with strings."""
    pybabel("--quiet", "extract", "-F", "babel.cfg", "-k", "_l", "-k", "lazy_gettext",
            "-k", "plural_templates:1,2",  # on_device.plural_templates: plural forms the scripts pick from
            "--add-comments=Translators:",
            "--add-location=file", "--no-wrap", "--sort-by-file", "--project=Lockstep", "--version=1",
            "--msgid-bugs-address=translations@lockstep.invalid", "--copyright-holder=Lockstep contributors",
            "-o", str(output), ".")
    text = output.read_text(encoding="utf-8")
    text = re.sub(r'^"POT-Creation-Date: .*\\n"\n', "", text, flags=re.M)
    text = re.sub(r"^# Copyright \(C\) \d{4}", "# Copyright (C)", text, flags=re.M)
    output.write_text(text, encoding="utf-8")


def catalog_strings(path: Path) -> list[tuple]:
    """What translators see of a catalog: every message's context, id, comments, flags and
    locations, in order. The header (tool version, dates) is left out on purpose: a new Babel
    must not look like a change of strings, and a changed string must never look like none."""
    with open(path, "rb") as f:
        catalog = read_po(f)
    return [(m.context, m.id, tuple(m.auto_comments), tuple(m.user_comments), tuple(sorted(m.flags)),
             tuple(m.locations)) for m in catalog if m.id]


@translate.command("extract")
def extract_command():
    """Extract every string (Python, templates, content files) into translations/messages.pot."""
    extract_pot(POT)
    click.echo(f"wrote {POT.relative_to(ROOT)}")


@translate.command("init")
@click.argument("locale")
def init_command(locale):
    """Start a catalog for LOCALE (a URL code from webapp/i18n.py, e.g. pt-br)."""
    site_locale = i18n.get_locale(locale)
    code = site_locale.babel_code if site_locale else locale
    pybabel("init", "-i", str(POT), "-d", str(TRANSLATIONS), "-l", code, "--no-wrap")


@translate.command("update")
def update_command():
    """Merge messages.pot into every locale's .po file."""
    pybabel("update", "-i", str(POT), "-d", str(TRANSLATIONS), "--no-wrap", "--ignore-obsolete",
            "--ignore-pot-creation-date")


@translate.command("compile")
def compile_command():
    """Compile .po into .mo (done by bin/setup; .mo files are not committed)."""
    if any(TRANSLATIONS.glob("*/LC_MESSAGES/messages.po")):
        pybabel("compile", "-d", str(TRANSLATIONS), "--statistics")
    else:
        click.echo("no translations to compile")


content = AppGroup("content", help="Maintainer tools for the content files (they never change a file).")


@content.command("audit")
@click.option("--days", type=click.IntRange(min=0), default=180, show_default=True,
              help="A source read longer ago than this many days is listed.")
@click.option("--strict", is_flag=True, help="Exit with status 1 when there is any finding (for CI).")
@click.option("--today", type=click.DateTime(formats=["%Y-%m-%d"]), default=None,
              help="Audit as of this day (YYYY-MM-DD) instead of today.")
def audit_command(days, strict, today):
    """List what most needs reading again, one `path: id: what` line per finding: sources not
    read for more than DAYS days or never re-read (read: unread); statuses, steps, collectible
    claims and rumors resting only on cited or secondary sources; statuses without a first-hand
    vendor source; steps without a menu path in apps whose other steps have one."""
    day = today.date() if today else dt.date.today()
    findings = audit(current_app.extensions["catalog"], Path(current_app.config["CONTENT_DIR"]), day, days)
    for finding in findings:
        click.echo(str(finding))
    click.echo(f"{len(findings)} finding{'' if len(findings) == 1 else 's'} as of {day}", err=True)
    if strict and findings:
        sys.exit(1)


def _rewrite(ctx, param, values):
    pairs = []
    for value in values:
        prefix, sep, replacement = value.partition("=")
        if not sep or not prefix or not replacement:
            raise click.BadParameter(f"expected PREFIX=REPLACEMENT, got {value!r}")
        pairs.append((prefix, replacement))
    return pairs


@content.command("check-links")
@click.option("--concurrency", type=click.IntRange(1, 16), default=4, show_default=True,
              help="Requests in flight at once.")
@click.option("--timeout", type=click.FloatRange(min=0, min_open=True), default=10, show_default=True,
              help="Seconds to wait for a server (to connect, and between bytes).")
@click.option("--rewrite", "rewrites", multiple=True, callback=_rewrite, metavar="PREFIX=REPLACEMENT",
              help="Fetch URLs starting with PREFIX from REPLACEMENT instead, e.g. a local mirror or a test "
                   "server (https://example.org=http://127.0.0.1:8000); reports name the cited URL. Repeatable.")
def check_links_command(concurrency, timeout, rewrites):
    """Fetch every distinct source URL once (HEAD, or GET when HEAD is refused), following and
    reporting redirects, and list dead links (4xx, 5xx, timeouts, connection errors). Needs
    internet access; exit status 1 when any link is dead.

    Reachable is not the same as read: this never changes a `checked` date or any file. Update
    `checked` only after reading the page again, and what it says."""
    from .catalog.links import Rewrites, check_links, describe, source_urls  # httpx only when checking links

    urls = source_urls(current_app.extensions["catalog"])
    results = check_links(urls, concurrency=concurrency, timeout=timeout, rewrites=Rewrites(rewrites))
    for result in results:
        click.echo(describe(result))
    dead = [r for r in results if r.dead]
    moved = [r for r in results if not r.dead and r.redirects]
    click.echo(f"{len(results)} URLs: {len(results) - len(dead) - len(moved)} ok, {len(moved)} redirected, "
               f"{len(dead)} dead. No file was changed (reachable is not read).")
    if dead:
        sys.exit(1)
