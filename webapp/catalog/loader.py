"""Read and validate content files. Every problem is reported as `path:line: what is wrong`."""
from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import yaml

from . import vocab
from .model import (App, Catalog, Change, Claim, Evidence, Message, Source, Step, SurfaceStatus, Topics,
                    newest_evidence)
from .yaml_lines import LineDict, LineList, load

CONTENT_DIR = Path(__file__).resolve().parent.parent / "content"
_PROJECT_ROOT = CONTENT_DIR.parents[1]

APP_ID = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
ITEM_ID = re.compile(r"^[a-z0-9-]+(\.[a-z0-9-]+)+$")
MONTH = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")


class CatalogError(Exception):
    """One or more content files are invalid; str() lists every problem, one per line."""

    def __init__(self, problems: list[str]):
        self.problems = problems
        super().__init__("\n".join(problems))


def display_path(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(_PROJECT_ROOT))
    except ValueError:
        return str(path)


class _FileReader:
    """Typed field access on one file's parsed YAML, collecting problems and messages."""

    def __init__(self, path: str):
        self.path = path
        self.problems: list[str] = []
        self.messages: list[Message] = []

    def problem(self, line: int, text: str) -> None:
        self.problems.append(f"{self.path}:{line}: {text}")

    def check_keys(self, data: LineDict, what: str, required: set[str], optional: set[str] = frozenset()) -> bool:
        ok = True
        for key in data:
            if key not in required and key not in optional:
                allowed = ", ".join(sorted(required | set(optional)))
                self.problem(data.key_lines[key], f"{what}: unknown key {key!r} (allowed: {allowed})")
                ok = False
        for key in sorted(required - set(data)):
            self.problem(data.line, f"{what}: missing required key {key!r}")
            ok = False
        return ok

    def mapping(self, value, line: int, what: str) -> LineDict | None:
        if isinstance(value, LineDict):
            return value
        self.problem(line, f"{what}: expected a mapping (key: value), got {type(value).__name__}")
        return None

    def sequence(self, value, line: int, what: str, allow_empty: bool = False) -> LineList | None:
        if isinstance(value, LineList) and (value or allow_empty):
            return value
        if isinstance(value, LineList):
            self.problem(line, f"{what}: must not be empty")
        else:
            self.problem(line, f"{what}: expected a list, got {type(value).__name__}")
        return None

    def text(self, data: LineDict, key: str, what: str, *, translate: str | None = None,
             context: str | None = None, default: str | None = None) -> str:
        """A non-empty string; `translate` is the translator comment when it is user-visible."""
        if key not in data:
            return default if default is not None else ""
        value, line = data.get(key), data.value_lines.get(key, data.line)
        if not isinstance(value, str) or not value.strip():
            self.problem(line, f"{what}: {key!r} must be non-empty text")
            return ""
        value = value.strip()
        if translate:
            self.messages.append(Message(line, value, context, translate))
        return value

    def texts(self, data: LineDict, key: str, what: str, *, translate: str,
              context: str | None = None) -> tuple[str, ...]:
        """A list of non-empty strings, each one a message for translators."""
        if key not in data:
            return ()
        items = self.sequence(data[key], data.value_lines[key], f"{what}: {key!r}")
        result = []
        for item, line in zip(items or (), getattr(items, "item_lines", ())):
            if not isinstance(item, str) or not item.strip():
                self.problem(line, f"{what}: {key!r} items must be non-empty text")
                continue
            result.append(item.strip())
            self.messages.append(Message(line, item.strip(), context, translate))
        return tuple(result)

    def integer(self, data: LineDict, key: str, what: str, minimum: int = 1) -> int:
        if key not in data:
            return minimum
        value, line = data.get(key), data.value_lines.get(key, data.line)
        if isinstance(value, bool) or not isinstance(value, int) or value < minimum:
            self.problem(line, f"{what}: {key!r} must be a whole number >= {minimum}, got {value!r}")
            return minimum
        return value

    def date(self, data: LineDict, key: str, what: str) -> dt.date:
        if key not in data:
            return dt.date.min
        value, line = data.get(key), data.value_lines.get(key, data.line)
        if isinstance(value, dt.datetime) or not isinstance(value, dt.date):
            self.problem(line, f"{what}: {key!r} must be a date written YYYY-MM-DD, got {value!r}")
            return dt.date.min
        if value > dt.date.today():
            self.problem(line, f"{what}: {key!r} is in the future ({value.isoformat()})")
        return value

    def choice(self, data: LineDict, key: str, what: str, allowed: dict) -> str:
        if key not in data:
            return next(iter(allowed))
        value, line = data.get(key), data.value_lines.get(key, data.line)
        if value not in allowed:
            self.problem(line, f"{what}: {key!r} is {value!r}, expected one of: {', '.join(allowed)}")
            return next(iter(allowed))
        return value

    def choices(self, data: LineDict, key: str, what: str, allowed: dict) -> tuple[str, ...]:
        if key not in data:
            return ()
        line = data.value_lines.get(key, data.line)
        items = self.sequence(data.get(key), line, f"{what}: {key!r}")
        if items is None:
            return ()
        bad = [v for v in items if v not in allowed]
        if bad:
            self.problem(line, f"{what}: {key!r} has {bad!r}, expected values from: {', '.join(allowed)}")
        if len(set(items)) != len(items):
            self.problem(line, f"{what}: {key!r} lists a value twice")
        return tuple(v for v in allowed if v in items)  # canonical order

    def identifier(self, data: LineDict, key: str, what: str, prefix: str) -> str:
        if key not in data:
            return f"{prefix}.invalid"
        value, line = data.get(key), data.value_lines.get(key, data.line)
        if not isinstance(value, str) or not ITEM_ID.match(value) or not value.startswith(prefix + "."):
            self.problem(line, f"{what}: {key!r} must look like '{prefix}.topic.action' "
                               f"(lowercase, dot-separated, starting with '{prefix}.'), got {value!r}")
            return f"{prefix}.invalid"
        return value

    def evidence_date(self, data: LineDict, key: str, what: str) -> Evidence | None:
        """A day (YYYY-MM-DD), a month (YYYY-MM) when no day is shown, or `undated`: a copy
        that shows no date at all dates nothing (it still counts as read)."""
        if key not in data:
            return None
        value, line = data.get(key), data.value_lines.get(key, data.line)
        if value == "undated":
            return None
        if isinstance(value, str) and MONTH.match(value):
            year, month = map(int, value.split("-"))
            evidence = Evidence(dt.date(year, month, 1), month_only=True)
        elif isinstance(value, dt.date) and not isinstance(value, dt.datetime):
            evidence = Evidence(value)
        else:
            self.problem(line, f"{what}: {key!r} must be a date written YYYY-MM-DD, a month YYYY-MM or 'undated', "
                               f"got {value!r}")
            return None
        if evidence.date > dt.date.today():
            self.problem(line, f"{what}: {key!r} is in the future ({value})")
        return evidence

    def sources(self, data: LineDict, what: str) -> tuple[Source, ...]:
        if "sources" not in data:
            return ()
        items = self.sequence(data.get("sources"), data.value_lines.get("sources", data.line),
                              f"{what}: 'sources'")
        result = []
        for item, line in zip(items or (), getattr(items, "item_lines", ())):
            src = self.mapping(item, line, f"{what}: source")
            if src is None or not self.check_keys(src, f"{what}: source", {"url", "title", "read"},
                                                  {"checked", "copy_date", "cited_in", "cited_date", "lang",
                                                   "secondary"}):
                continue
            url = self.text(src, "url", f"{what}: source")
            if not url.startswith("https://"):
                self.problem(src.value_lines["url"], f"{what}: source url must start with https://, got {url!r}")
            secondary = src.get("secondary", False)
            if not isinstance(secondary, bool):
                self.problem(src.value_lines["secondary"], f"{what}: source 'secondary' must be true or false")
                secondary = False
            source = Source(url=url, title=self.text(src, "title", f"{what}: source"),
                            read=self.choice(src, "read", f"{what}: source", vocab.READING),
                            checked=self.date(src, "checked", f"{what}: source") if "checked" in src else None,
                            copy_date=self.evidence_date(src, "copy_date", f"{what}: source"),
                            cited_in=self.text(src, "cited_in", f"{what}: source", default=""),
                            cited_date=self.evidence_date(src, "cited_date", f"{what}: source"),
                            lang=self.text(src, "lang", f"{what}: source", default="en"),
                            secondary=secondary)
            self._check_provenance(src, source, f"{what}: source {url}")
            result.append(source)
        return tuple(result)

    def _check_provenance(self, src: LineDict, source: Source, what: str) -> None:
        """Each reading mode says exactly what it needs: a date we lived, and what the evidence is."""
        needs = {"own-page": {"checked"}, "stored-copy": {"checked", "copy_date"},
                 "cited": {"checked", "cited_in", "cited_date"}, "unread": set()}[source.read]
        allowed = needs | {"url", "title", "read", "lang", "secondary"}
        for key in sorted(needs - set(src)):
            self.problem(src.value_lines.get("read", src.line), f"{what}: read: {source.read} needs {key!r}")
        for key in sorted(set(src) - allowed):
            self.problem(src.key_lines[key], f"{what}: {key!r} does not go with read: {source.read}")
        if source.checked and source.evidence and source.evidence.date > source.checked:
            key = "copy_date" if source.read == "stored-copy" else "cited_date"
            self.problem(src.value_lines.get(key, src.line),
                         f"{what}: {key!r} ({src.get(key)}) is later than the day it was read ({source.checked})")

    def derived_date(self, data: LineDict, key: str, what: str, sources) -> None:
        """A hand-typed date next to sources may not claim more than the sources say; pages show
        the date derived from the sources only."""
        if key not in data:
            return
        typed = self.date(data, key, what)
        newest = newest_evidence(sources)
        later = newest is None or ((typed.year, typed.month) > (newest.date.year, newest.date.month)
                                   if newest.month_only else typed > newest.date)
        if later:
            shown = "no re-read source" if newest is None else newest.date.isoformat()[:7 if newest.month_only else 10]
            self.problem(data.value_lines[key], f"{what}: {key!r} {typed} contradicts the date derived from its "
                                                f"sources ({shown}); remove it, dates are derived from sources")


def _read_status(r: _FileReader, app_id: str, surface: str, data, line: int) -> SurfaceStatus | None:
    what = f"status {surface!r}"
    data = r.mapping(data, line, what)
    if data is None:
        return None
    r.check_keys(data, what, {"value", "note", "sources"}, {"verified"})
    sources = r.sources(data, what)
    r.derived_date(data, "verified", what, sources)
    return SurfaceStatus(
        surface=surface,
        value=r.choice(data, "value", what, vocab.STATUSES),
        note=r.text(data, "note", what, translate=f"{app_id}: E2EE status of {surface}"),
        sources=sources,
    )


def _read_step(r: _FileReader, app_id: str, data, line: int) -> Step | None:
    data = r.mapping(data, line, "step")
    if data is None:
        return None
    r.check_keys(data, "step", {"id", "rev", "kind", "platforms", "title", "body", "sources"}, {"menu"})
    step_id = r.identifier(data, "id", "step", app_id)
    what = f"step {step_id}"
    menu = r.texts(data, "menu", what, context=f"{app_id} menu",
                   translate=f"{step_id}: label of a menu item in {app_id}; use the app's own wording")
    return Step(
        id=step_id,
        rev=r.integer(data, "rev", what),
        kind=r.choice(data, "kind", what, vocab.STEP_KINDS),
        platforms=r.choices(data, "platforms", what, vocab.PLATFORMS),
        title=r.text(data, "title", what, translate=f"{step_id}: step title"),
        body=r.text(data, "body", what, translate=f"{step_id}: step text"),
        menu=menu,
        sources=r.sources(data, what),
    )


def _read_claim(r: _FileReader, app_id: str, data, line: int) -> Claim | None:
    data = r.mapping(data, line, "claim")
    if data is None:
        return None
    r.check_keys(data, "claim", {"id", "category", "confidence", "text", "sources"})
    claim_id = r.identifier(data, "id", "claim", app_id)
    what = f"claim {claim_id}"
    return Claim(
        id=claim_id,
        category=r.choice(data, "category", what, vocab.CLAIM_CATEGORIES),
        confidence=r.choice(data, "confidence", what, vocab.CONFIDENCE),
        text=r.text(data, "text", what, translate=f"{claim_id}: what stays collectible"),
        sources=r.sources(data, what),
    )


def _read_change(r: _FileReader, app_id: str, data, line: int) -> Change | None:
    data = r.mapping(data, line, "change")
    if data is None:
        return None
    r.check_keys(data, "change", {"date", "note"}, {"step", "rev"})
    step = data.get("step")
    if step is not None:
        step = r.identifier(data, "step", "change", app_id)
    return Change(
        date=r.date(data, "date", "change"),
        note=r.text(data, "note", "change", translate=f"{app_id}: entry of the changes page"),
        step=step,
        rev=r.integer(data, "rev", "change") if "rev" in data else None,
    )


def _read_list(r: _FileReader, data: LineDict, key: str, read) -> list:
    items = r.sequence(data.get(key), data.value_lines.get(key, data.line), f"'{key}'")
    if items is None:
        return []
    return [x for x in (read(item, line) for item, line in zip(items, items.item_lines)) if x is not None]


def _check_consistency(r: _FileReader, app_id: str, data: LineDict, steps: list[Step], claims: list[Claim],
                       changes: list[Change]) -> None:
    line = data.line
    seen: set[str] = set()
    for item in (*steps, *claims):
        if item.id in seen:
            r.problem(data.value_lines.get("steps", line), f"id {item.id!r} is used twice")
        seen.add(item.id)
    if steps and not any(s.kind == "verify" for s in steps):
        r.problem(data.value_lines.get("steps", line), "every app needs at least one step of kind 'verify'")
    for step in steps:
        if step.rev > 1 and not any(c.step == step.id and c.rev == step.rev for c in changes):
            r.problem(data.value_lines.get("changes", line),
                      f"step {step.id} is at rev {step.rev}: add a change with step: {step.id} and rev: {step.rev} "
                      f"that says what changed")
    by_id = {s.id: s for s in steps}
    for change in changes:
        if change.step in by_id and change.rev and change.rev > by_id[change.step].rev:
            r.problem(data.value_lines.get("changes", line),
                      f"a change names rev {change.rev} of {change.step}, which is only at rev {by_id[change.step].rev}")


def read_app(stream, path: str, expected_id: str | None = None) -> tuple[App | None, list[str]]:
    """Parse and validate one app file. Returns the app (None if unusable) and its problems."""
    r = _FileReader(path)
    data = _parse(stream, r)
    if data is None:
        return None, r.problems
    r.check_keys(data, "app", {"id", "name", "vendor", "summary", "platforms", "status",
                               "steps", "collectible", "verification"}, {"notice", "changes", "verified"})
    app_id = data.get("id")
    if not isinstance(app_id, str) or not APP_ID.match(app_id):
        r.problem(data.value_lines.get("id", data.line), f"app: 'id' must be lowercase letters, digits and dashes, got {app_id!r}")
        return None, r.problems
    if expected_id and app_id != expected_id:
        r.problem(data.value_lines["id"], f"app: 'id' is {app_id!r} but the file is named {expected_id}.yaml")

    statuses = {}
    status_map = r.mapping(data["status"], data.value_lines["status"], "'status'") if "status" in data else None
    if status_map is not None:
        r.check_keys(status_map, "status", set(vocab.SURFACES))
        for surface in vocab.SURFACES:
            if surface in status_map:
                status = _read_status(r, app_id, surface, status_map[surface], status_map.value_lines[surface])
                if status:
                    statuses[surface] = status

    steps = _read_list(r, data, "steps", lambda d, ln: _read_step(r, app_id, d, ln)) if "steps" in data else []
    claims = (_read_list(r, data, "collectible", lambda d, ln: _read_claim(r, app_id, d, ln))
              if "collectible" in data else [])
    changes = _read_list(r, data, "changes", lambda d, ln: _read_change(r, app_id, d, ln)) if "changes" in data else []
    _check_consistency(r, app_id, data, steps, claims, changes)
    r.derived_date(data, "verified", "app", [s for item in (*statuses.values(), *steps, *claims) for s in item.sources])
    app = App(
        id=app_id,
        name=r.text(data, "name", "app"),
        vendor=r.text(data, "vendor", "app"),
        summary=r.text(data, "summary", "app", translate=f"{app_id}: one-line summary"),
        notice=r.text(data, "notice", "app", translate=f"{app_id}: warning shown at the top of the page", default="")
        if "notice" in data else "",
        platforms=r.choices(data, "platforms", "app", vocab.PLATFORMS),
        verification=r.choice(data, "verification", "app", vocab.VERIFICATION),
        statuses=statuses,
        steps=tuple(steps),
        claims=tuple(claims),
        changes=tuple(sorted(changes, key=lambda c: c.date, reverse=True)),
        path=path,
        messages=tuple(sorted(r.messages, key=lambda m: m.line)),
    )
    return app, r.problems


def _parse(stream, r: _FileReader) -> LineDict | None:
    """Parse one YAML file into a LineDict; syntax errors become problems with their line."""
    try:
        data = load(stream)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        r.problem(mark.line + 1 if mark else 1, f"YAML syntax: {exc.problem or exc}")
        return None
    except yaml.YAMLError as exc:
        r.problem(1, f"YAML syntax: {exc}")
        return None
    return r.mapping(data, 1, "file")


def read_topic(stream, path: str, name: str):
    """Parse one topic file. Returns (kind, value, step references, reader)."""
    from . import topics
    r = _FileReader(path)
    data = _parse(stream, r)
    if data is None:
        return None, None, [], r
    if name == "rumors":
        rumors, refs = topics.read_rumors(r, data)
        return "rumors", rumors, refs, r
    if name == "retired":
        return "retired", topics.read_retired(r, data), [], r
    explainer, refs = topics.read_explainer(r, data, name)
    return "explainer", explainer, refs, r


def _load_topics(directory: Path, steps: dict[str, str], problems: list[str]) -> Topics:
    rumors, retired, explainers, messages = (), (), {}, []
    for path in sorted(directory.glob("*.yaml")) if directory.is_dir() else ():
        shown = display_path(path)
        with path.open("rb") as stream:
            kind, value, refs, reader = read_topic(stream, shown, path.stem)
        for step_id, line in refs:
            if step_id not in steps:
                reader.problem(line, f"step {step_id!r} does not exist in any app file")
        problems += reader.problems
        messages += reader.messages
        if kind == "rumors":
            rumors = tuple(value)
        elif kind == "retired":
            retired = tuple(value)
        elif kind == "explainer":
            explainers[value.id] = value
    return Topics(rumors=rumors, retired=retired, explainers=explainers, messages=tuple(messages))


def load_catalog(directory: Path = CONTENT_DIR) -> Catalog:
    """Load `apps/*.yaml` and `topics/*.yaml` under `directory`; raise CatalogError listing all problems."""
    apps: dict[str, App] = {}
    problems: list[str] = []
    files = sorted((Path(directory) / "apps").glob("*.yaml"))
    if not files:
        raise CatalogError([f"{display_path(Path(directory) / 'apps')}: no content files (*.yaml) found"])
    step_owner: dict[str, str] = {}
    for path in files:
        shown = display_path(path)
        with path.open("rb") as stream:
            app, file_problems = read_app(stream, shown, expected_id=path.stem)
        problems += file_problems
        if app is None:
            continue
        for step in app.steps:
            if step.id in step_owner:
                problems.append(f"{shown}:1: step id {step.id!r} is already used in {step_owner[step.id]}")
            step_owner[step.id] = shown
        apps[app.id] = app
    topics = _load_topics(Path(directory) / "topics", step_owner, problems)
    if problems:
        raise CatalogError(problems)
    return Catalog(apps=apps, topics=topics)
