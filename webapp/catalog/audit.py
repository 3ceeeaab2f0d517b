"""`flask content audit`: what in the catalog most needs a maintainer's reading, one line each.

Every finding is `path: id: what`. Nothing here reads the web or changes a file: a finding is
fixed by reading the source again and editing the content file by hand.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from .loader import display_path
from .model import Catalog, Source


@dataclass(frozen=True, order=True)
class Finding:
    path: str
    id: str
    what: str

    def __str__(self) -> str:
        return f"{self.path}: {self.id}: {self.what}"


def _reliance(item) -> str | None:
    return {"secondary": "rests only on cited or secondary sources",
            "unread": "rests only on sources nobody has re-read"}.get(item.reliance)


def _sources(path: str, items, today: dt.date, days: int) -> list[Finding]:
    """Each distinct source of a file once: never re-read, or read longer ago than `days`."""
    seen: dict[str, Source] = {}
    for item in items:
        for source in item.sources:
            seen.setdefault(source.url, source)
    found = []
    for url, source in seen.items():
        if source.read == "unread":
            found.append(Finding(path, url, "source never re-read (read: unread)"))
        elif source.checked and (today - source.checked).days > days:
            found.append(Finding(path, url, f"source last read {source.checked} "
                                            f"({(today - source.checked).days} days ago, more than {days})"))
    return found


def audit(catalog: Catalog, content_dir: Path, today: dt.date, days: int = 180) -> list[Finding]:
    findings: list[Finding] = []
    for app in catalog:
        claims = [*(("status." + s, status) for s, status in app.statuses.items()),
                  *((step.id, step) for step in app.steps), *((claim.id, claim) for claim in app.claims)]
        findings += _sources(app.path, [item for _, item in claims], today, days)
        for item_id, item in claims:
            if (what := _reliance(item)):
                findings.append(Finding(app.path, item_id, what))
        for surface, status in app.statuses.items():
            if not any(s.firsthand for s in status.sources):
                findings.append(Finding(app.path, f"status.{surface}",
                                        "no vendor source read first-hand (own page or stored copy, not secondary)"))
        if any(step.menu for step in app.steps):
            for step in app.steps:
                if not step.menu:
                    findings.append(Finding(app.path, step.id, "no menu path, though other steps of this app have one"))
    topics = Path(content_dir) / "topics"  # topics.py: a list file is named after its list
    rumors = display_path(topics / "rumors.yaml")
    findings += _sources(rumors, catalog.topics.rumors, today, days)
    for rumor in catalog.topics.rumors:
        if (what := _reliance(rumor)):
            findings.append(Finding(rumors, rumor.id, what))
    findings += _sources(display_path(topics / "retired.yaml"), catalog.topics.retired, today, days)
    for explainer in catalog.topics.explainers.values():
        findings += _sources(display_path(topics / f"{explainer.id}.yaml"), [explainer], today, days)
    return findings
