"""Plain, immutable records built by the loader; templates read these directly."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Message:
    """One translatable string found in a content file (what pybabel extracts)."""

    line: int
    text: str
    context: str | None
    comment: str


@dataclass(frozen=True)
class Source:
    url: str
    title: str
    checked: dt.date
    lang: str = "en"  # language of the source's title, kept as published
    secondary: bool = False  # a news or aggregator copy, not the vendor's own page


@dataclass(frozen=True)
class Step:
    id: str
    rev: int
    kind: str
    platforms: tuple[str, ...]
    title: str
    body: str
    menu: tuple[str, ...]
    sources: tuple[Source, ...]

    def applies_to(self, platform: str | None) -> bool:
        return platform is None or platform in self.platforms

    @property
    def paragraphs(self) -> list[str]:
        return [p.strip() for p in self.body.split("\n\n") if p.strip()]


@dataclass(frozen=True)
class SurfaceStatus:
    surface: str
    value: str
    note: str
    verified: dt.date
    sources: tuple[Source, ...]


@dataclass(frozen=True)
class Claim:
    """Something the company can still collect even with E2EE."""

    id: str
    category: str
    confidence: str
    text: str
    sources: tuple[Source, ...]


@dataclass(frozen=True)
class Change:
    date: dt.date
    note: str
    step: str | None = None
    rev: int | None = None


@dataclass(frozen=True)
class App:
    id: str
    name: str
    vendor: str
    summary: str
    verified: dt.date
    platforms: tuple[str, ...]
    statuses: dict[str, SurfaceStatus]
    steps: tuple[Step, ...]
    claims: tuple[Claim, ...]
    changes: tuple[Change, ...]
    notice: str = ""
    path: str = ""
    messages: tuple[Message, ...] = field(default=(), compare=False, repr=False)

    def steps_for(self, platform: str | None) -> list[Step]:
        return [s for s in self.steps if s.applies_to(platform)]

    @property
    def sources(self) -> list[Source]:
        """Every distinct source the page cites, in order of first use."""
        seen: dict[str, Source] = {}
        for status in self.statuses.values():
            for src in status.sources:
                seen.setdefault(src.url, src)
        for item in (*self.steps, *self.claims):
            for src in item.sources:
                seen.setdefault(src.url, src)
        return list(seen.values())


@dataclass(frozen=True)
class Catalog:
    apps: dict[str, App]

    def __iter__(self):
        return iter(self.apps.values())

    def get(self, app_id: str) -> App | None:
        return self.apps.get(app_id)

    @property
    def steps(self) -> dict[str, Step]:
        return {s.id: s for app in self for s in app.steps}

    @property
    def verified(self) -> dt.date:
        return max(app.verified for app in self)
