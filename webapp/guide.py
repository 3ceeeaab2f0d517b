"""A guide is a chosen set of apps (a workshop's apps), read from the query string.

`?apps=whatsapp,signal&platform=android&title=...` is the whole state, so a guide is a
plain link a trainer can share, print or put in a QR code; nothing is stored on the server.
"""
from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from .catalog import App, Catalog, Step

MAX_TITLE_LENGTH = 80
MAX_APPS_LENGTH = 300  # characters of the raw ?apps= value


class GuideError(ValueError):
    """The query cannot make a guide; the message is shown on a 400 page."""


@dataclass(frozen=True)
class Guide:
    apps: tuple[App, ...]
    unknown: tuple[str, ...]  # ids dropped because no app has them; shown in a notice
    platform: str | None
    title: str

    @property
    def steps(self) -> list[tuple[App, Step]]:
        return [(app, step) for app in self.apps for step in app.steps_for(self.platform)]

    def query(self, **extra) -> dict[str, str]:
        """The canonical query string: known apps in the chosen order, no empty values."""
        values = {"apps": ",".join(app.id for app in self.apps), "platform": self.platform or "",
                  "title": self.title, **extra}
        return {key: value for key, value in values.items() if value}


def clean_title(raw: str) -> str:
    """Text from a stranger: no control or format characters (bidi overrides), trimmed, one line."""
    kept = "".join(ch for ch in raw if unicodedata.category(ch)[0] != "C" or ch == " ")
    return " ".join(kept.split())


def read_guide(catalog: Catalog, apps_values: list[str], platform: str | None, title: str) -> Guide:
    raw = ",".join(apps_values)
    if len(raw) > MAX_APPS_LENGTH:
        raise GuideError("too-long")
    ids = list(dict.fromkeys(part.strip().lower() for part in raw.split(",") if part.strip()))
    known = tuple(catalog.get(app_id) for app_id in ids if catalog.get(app_id))
    unknown = tuple(app_id for app_id in ids if not catalog.get(app_id))
    if not known:
        raise GuideError("empty")
    title = clean_title(title)
    if len(title) > MAX_TITLE_LENGTH:
        raise GuideError("title")
    return Guide(apps=known, unknown=unknown, platform=platform, title=title)
