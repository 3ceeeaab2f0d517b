"""`flask translate extract|init|update|compile`: pybabel with this project's settings."""
from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import click
from babel.messages.pofile import read_po
from flask.cli import AppGroup

from . import i18n

ROOT = Path(__file__).resolve().parent.parent
TRANSLATIONS = ROOT / "translations"
POT = TRANSLATIONS / "messages.pot"

translate = AppGroup("translate", help="Extract, update and compile translations.")


def pybabel(*args: str) -> None:
    subprocess.run([sys.executable, "-m", "babel.messages.frontend", *args], check=True, cwd=ROOT)


def extract_pot(output: Path) -> None:
    """Write the template; POT-Creation-Date is dropped so the committed file only changes with strings."""
    pybabel("--quiet", "extract", "-F", "babel.cfg", "-k", "_l", "-k", "lazy_gettext", "--add-comments=Translators:",
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
