"""The content records: plain, immutable dataclasses that templates read directly.

They are also the schema of the content files: each field made with a `schema` function says
whether its key is required, what kind of value it holds and, for visible text, the comment
translators see. `reader.py` reads a file by walking these fields; `checks.py` holds the rules
that span fields or records.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import cached_property
from typing import ClassVar

from . import schema, vocab
from .schema import Record

READ = frozenset(vocab.READING) - {"unread"}  # the reading modes in which somebody did read something


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


@dataclass(frozen=True, kw_only=True)
class Source:
    """A cited page, with how and when we really read it (vocab.READING)."""

    SCHEMA: ClassVar[Record] = Record("{what}: source", whole=True)

    url: str = schema.url()
    title: str = schema.text()  # as published
    read: str = schema.choice(vocab.READING)  # own-page, stored-copy, cited or unread
    # the day we read it (or, when cited, read the citing text)
    checked: dt.date | None = schema.optional_date(needed_by=READ)
    copy_date: Evidence | None = schema.evidence_date(needed_by=frozenset({"stored-copy"}))  # the copy we read
    cited_in: str = schema.optional_text(needed_by=frozenset({"cited"}))  # the source that cites it
    cited_date: Evidence | None = schema.evidence_date(needed_by=frozenset({"cited"}))  # the date of that text
    lang: str = schema.optional_text(default="en")  # language of the source's title, kept as published
    secondary: bool = schema.flag()  # a news or aggregator copy, not the vendor's own page

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


@dataclass(frozen=True, kw_only=True)
class Step(Sourced):
    SCHEMA: ClassVar[Record] = Record("step", "step {id}")

    id: str = schema.ident("{app}")  # <app>.<topic>.<action>, never reused
    rev: int = schema.integer()
    kind: str = schema.choice(vocab.STEP_KINDS)
    priority: str = schema.choice(vocab.PRIORITIES)  # essential steps come first in a file (checks.py)
    minutes: int = schema.integer()  # an honest estimate of the time it takes, at least 1
    platforms: tuple[str, ...] = schema.choices(vocab.PLATFORMS)
    title: str = schema.text(translate="{id}: step title")
    body: str = schema.text(translate="{id}: step text")
    menu: tuple[str, ...] = schema.texts(context="{app} menu", default=(),
                                         translate="{id}: label of a menu item in {app}; use the app's own wording")
    sources: tuple[Source, ...] = schema.records(Source)

    def applies_to(self, platform: str | None) -> bool:
        return platform is None or platform in self.platforms


def split_paragraphs(text: str) -> list[str]:
    """Blank lines separate paragraphs. Split after translating: the msgid is the whole body."""
    return [p.strip() for p in text.split("\n\n") if p.strip()]


@dataclass(frozen=True, kw_only=True)
class SurfaceStatus(Sourced):
    SCHEMA: ClassVar[Record] = Record("status {key!r}")

    surface: str = schema.parent_key()
    value: str = schema.choice(vocab.STATUSES)
    note: str = schema.text(translate="{app}: E2EE status of {key}")
    sources: tuple[Source, ...] = schema.records(Source)
    verified: dt.date | None = schema.typed_date()


@dataclass(frozen=True, kw_only=True)
class Claim(Sourced):
    """Something the company can still collect even with E2EE."""

    SCHEMA: ClassVar[Record] = Record("claim", "claim {id}")

    id: str = schema.ident("{app}")
    category: str = schema.choice(vocab.CLAIM_CATEGORIES)
    confidence: str = schema.choice(vocab.CONFIDENCE)  # disputed facts are shown as disputed
    text: str = schema.text(translate="{id}: what stays collectible")
    sources: tuple[Source, ...] = schema.records(Source)


@dataclass(frozen=True, kw_only=True)
class Change:
    """A dated entry of the changes page; with `step` and `rev`, the change that raised a step's rev."""

    SCHEMA: ClassVar[Record] = Record("change")

    date: dt.date = schema.date()
    note: str = schema.text(translate="{app}: entry of the changes page")
    step: str | None = schema.ident("{app}", default=None)
    rev: int | None = schema.integer(default=None)


@dataclass(frozen=True, kw_only=True)
class App:
    """One app file, `apps/<id>.yaml`."""

    SCHEMA: ClassVar[Record] = Record("app", root=True, sections=True, names="app")

    id: str = schema.slug(fatal=True, file_name=True)
    name: str = schema.text()
    vendor: str = schema.text()
    summary: str = schema.text(translate="{app}: one-line summary")
    platforms: tuple[str, ...] = schema.choices(vocab.PLATFORMS)
    statuses: dict[str, SurfaceStatus] = schema.keyed(SurfaceStatus, vocab.SURFACES, key="status")
    steps: tuple[Step, ...] = schema.records(Step)
    claims: tuple[Claim, ...] = schema.records(Claim, key="collectible")
    changes: tuple[Change, ...] = schema.records(Change, newest_first="date", default=())
    verification: str = schema.choice(vocab.VERIFICATION)
    notice: str = schema.text(translate="{app}: warning shown at the top of the page", default="")
    verified: dt.date | None = schema.typed_date()
    path: str = field(default="", compare=False)  # as problems name it, set by the loader
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
    topics: Topics = field(default_factory=lambda: Topics())

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
        """Up to when any fact on the site was checked (the About page)."""
        return max((app.evidence for app in self if app.evidence), default=None)


@dataclass(frozen=True, kw_only=True)
class Rumor(Sourced):
    """A claim going around, what is true and what is not, and the steps that help."""

    SCHEMA: ClassVar[Record] = Record("rumor", "rumor {id}")

    id: str = schema.ident("rumor")
    claim: str = schema.text(translate="{id}: the rumor, as people repeat it")
    verdict: str = schema.choice(vocab.RUMOR_VERDICTS)
    what_is_true: str = schema.text(translate="{id}: what is true")
    what_is_not: str = schema.text(translate="{id}: what is not true")
    helps: tuple[str, ...] = schema.step_refs()
    sources: tuple[Source, ...] = schema.records(Source)
    checked: dt.date | None = schema.typed_date()


@dataclass(frozen=True, kw_only=True)
class RetiredApp(Sourced):
    """An app that no longer exists, so people who search for it learn where to go."""

    SCHEMA: ClassVar[Record] = Record("retired app", "retired app {id}")

    id: str = schema.slug()
    name: str = schema.text()
    vendor: str = schema.text()
    retired: dt.date = schema.date()
    note: str = schema.text(translate="{id}: note on a retired app")
    sources: tuple[Source, ...] = schema.records(Source)


@dataclass(frozen=True, kw_only=True)
class Explainer(Sourced):
    """A topic page (the EU AI-training objection): facts, lists, and the app steps that act on it."""

    SCHEMA: ClassVar[Record] = Record("explainer", "explainer {file}", root=True)

    id: str = schema.slug(file_name=True)
    title: str = schema.text(translate="{file}: page title")
    summary: str = schema.text(translate="{file}: summary")
    uses: tuple[str, ...] = schema.texts(translate="{what}: uses")
    excludes: tuple[str, ...] = schema.texts(translate="{what}: excludes")
    notes: tuple[str, ...] = schema.texts(translate="{what}: notes")
    steps: tuple[str, ...] = schema.step_refs()  # shown from their app files (one source of truth)
    sources: tuple[Source, ...] = schema.records(Source)
    verified: dt.date | None = schema.typed_date()


@dataclass(frozen=True)
class Topics:
    rumors: tuple[Rumor, ...] = ()
    retired: tuple[RetiredApp, ...] = ()
    explainers: dict[str, Explainer] = field(default_factory=dict)
