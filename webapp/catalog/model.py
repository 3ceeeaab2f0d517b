"""Plain, immutable records built by the loader; templates read these directly."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import cached_property


@dataclass(frozen=True)
class Message:
    """One translatable string found in a content file (what pybabel extracts)."""

    line: int
    text: str
    context: str | None
    comment: str


@dataclass(frozen=True, order=True)
class Evidence:
    """How recent a piece of evidence is: a day, or only a month ("a stored copy from July 2026")."""

    date: dt.date
    month_only: bool = False


@dataclass(frozen=True)
class Source:
    """A cited page, with how and when we really read it (vocab.READING)."""

    url: str
    title: str
    read: str  # own-page, stored-copy, cited or unread
    checked: dt.date | None = None  # the day we read it (or, when cited, read the citing text)
    copy_date: Evidence | None = None  # stored-copy: the date of the copy we read
    cited_in: str = ""  # cited: the source that cites it
    cited_date: Evidence | None = None  # cited: the date of that citing text
    lang: str = "en"  # language of the source's title, kept as published
    secondary: bool = False  # a news or aggregator copy, not the vendor's own page

    @property
    def evidence(self) -> Evidence | None:
        """What this source tells us about the state of things, and as of when."""
        if self.read == "own-page":
            return Evidence(self.checked) if self.checked else None
        if self.read == "stored-copy":
            return self.copy_date
        if self.read == "cited":
            return self.cited_date
        return None  # unread: nobody has re-read it; it dates nothing

    @property
    def firsthand(self) -> bool:
        """Read by us, in the vendor's own words (not a news copy, not a citation)."""
        return self.read in ("own-page", "stored-copy") and not self.secondary


def newest_evidence(sources) -> Evidence | None:
    dates = [s.evidence for s in sources if s.evidence]
    return max(dates) if dates else None


class Sourced:
    """Dates and trust derived from `self.sources`; never typed by hand."""

    sources: tuple[Source, ...]

    @property
    def evidence(self) -> Evidence | None:
        return newest_evidence(self.sources)

    @property
    def reliance(self) -> str | None:
        """None when a first-hand source backs it; else what the reader must be told."""
        if not self.sources or any(s.firsthand for s in self.sources):
            return None
        if all(s.read == "unread" for s in self.sources):
            return "unread"
        return "secondary"


@dataclass(frozen=True)
class Step(Sourced):
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


def split_paragraphs(text: str) -> list[str]:
    """Blank lines separate paragraphs. Split after translating: the msgid is the whole body."""
    return [p.strip() for p in text.split("\n\n") if p.strip()]


@dataclass(frozen=True)
class SurfaceStatus(Sourced):
    surface: str
    value: str
    note: str
    sources: tuple[Source, ...]


@dataclass(frozen=True)
class Claim(Sourced):
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
    platforms: tuple[str, ...]
    statuses: dict[str, SurfaceStatus]
    steps: tuple[Step, ...]
    claims: tuple[Claim, ...]
    changes: tuple[Change, ...]
    verification: str = "none"
    notice: str = ""
    path: str = ""
    messages: tuple[Message, ...] = field(default=(), compare=False, repr=False)

    @property
    def has_ai(self) -> bool:
        """An AI assistant is inside the app: it has AI steps or AI-related collectible claims."""
        return any(s.kind == "ai" for s in self.steps) or any(c.category == "ai" for c in self.claims)

    @property
    def claim_categories(self) -> list[str]:
        return list(dict.fromkeys(c.category for c in self.claims))

    def meets(self, need: str) -> bool:
        """Does the app meet one of the compare page's needs (vocab.COMPARE_NEEDS)?"""
        if need in ("chats", "groups", "calls"):
            return self.statuses[need].value == "default"
        if need == "backups":
            return self.statuses["backups"].value in ("default", "opt-in")
        if need == "verify":
            return self.verification == "keys"
        if need == "no-ai":
            return not self.has_ai
        raise ValueError(need)

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

    @property
    def evidence(self) -> Evidence | None:
        """Up to when this page's facts were checked: the newest evidence among its sources."""
        return newest_evidence(self.sources)

    @property
    def unread_sources(self) -> int:
        return sum(1 for s in self.sources if s.read == "unread")


@dataclass(frozen=True)
class Catalog:
    apps: dict[str, App]
    topics: "Topics" = None

    @property
    def changes(self) -> list[tuple["App", Change]]:
        """Every dated change of every app, newest first (the Changes page)."""
        return sorted(((app, c) for app in self for c in app.changes), key=lambda pair: pair[1].date, reverse=True)

    def __iter__(self):
        return iter(self.apps.values())

    def get(self, app_id: str) -> App | None:
        return self.apps.get(app_id)

    @cached_property
    def step_index(self) -> dict[str, tuple[App, Step]]:
        """Every step by id, with the app it belongs to (topic pages refer to steps by id)."""
        return {s.id: (app, s) for app in self for s in app.steps}

    @property
    def steps(self) -> dict[str, Step]:
        return {step_id: step for step_id, (_, step) in self.step_index.items()}

    @property
    def evidence(self) -> Evidence | None:
        """Up to when any fact on the site was checked (the footer and the About text)."""
        return max((app.evidence for app in self if app.evidence), default=None)


@dataclass(frozen=True)
class Rumor(Sourced):
    """A claim going around, what is true and what is not, and the steps that help."""

    id: str
    claim: str
    verdict: str
    what_is_true: str
    what_is_not: str
    helps: tuple[str, ...]  # step ids
    sources: tuple[Source, ...]


@dataclass(frozen=True)
class RetiredApp(Sourced):
    id: str
    name: str
    vendor: str
    retired: dt.date
    note: str
    sources: tuple[Source, ...]


@dataclass(frozen=True)
class Explainer(Sourced):
    """A topic page (the EU AI-training objection): facts, lists, and the app steps that act on it."""

    id: str
    title: str
    summary: str
    uses: tuple[str, ...]
    excludes: tuple[str, ...]
    notes: tuple[str, ...]
    steps: tuple[str, ...]  # step ids, shown from their app files (one source of truth)
    sources: tuple[Source, ...]


@dataclass(frozen=True)
class Topics:
    rumors: tuple[Rumor, ...] = ()
    retired: tuple[RetiredApp, ...] = ()
    explainers: dict[str, Explainer] = field(default_factory=dict)
    messages: tuple[Message, ...] = field(default=(), compare=False, repr=False)
