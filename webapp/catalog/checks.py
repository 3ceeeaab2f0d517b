"""Rules that span fields, records or files, run on records the reader has just built.

`check_record` is the reader's `check`: it gets each record with the YAML mapping it came from,
so a problem still names its line. The rules that need every file read are at the end.
"""
from __future__ import annotations

import dataclasses

from . import vocab
from .model import App, Source, newest_evidence
from .schema import fields_of, key_of
from .yaml_lines import LineDict


def check_record(r, record, data: LineDict, what: str) -> None:
    typed_dates(r, record, data, what)
    for rule in RULES.get(type(record), ()):
        rule(r, record, data, what)


def sources_within(record) -> list[Source]:
    """Every source a record rests on, its own and its parts' (an app: statuses, steps, claims)."""
    found: list[Source] = []

    def walk(value):
        if isinstance(value, Source):
            found.append(value)
        elif dataclasses.is_dataclass(value):
            for f, _ in fields_of(type(value)):
                walk(getattr(value, f.name))
        elif isinstance(value, (tuple, list)):
            for item in value:
                walk(item)
        elif isinstance(value, dict):
            for item in value.values():
                walk(item)

    walk(record)
    return found


def typed_dates(r, record, data: LineDict, what: str) -> None:
    """A hand-typed date beside sources may not claim more than the sources say; pages show the
    date derived from the sources only."""
    for f, spec in fields_of(type(record)):
        key = key_of(f, spec)
        if not spec.typed or key not in data:
            continue
        typed = getattr(record, f.name)
        newest = newest_evidence(sources_within(record))
        later = newest is None or ((typed.year, typed.month) > (newest.date.year, newest.date.month)
                                   if newest.month_only else typed > newest.date)
        if later:
            shown = "no re-read source" if newest is None else newest.date.isoformat()[:7 if newest.month_only else 10]
            r.problem(data.value_lines[key], f"{what}: {key!r} {typed} contradicts the date derived from its "
                                             f"sources ({shown}); remove it, dates are derived from sources")


def provenance(r, source: Source, src: LineDict, what: str) -> None:
    """Each reading mode needs exactly the keys whose field names it (`needed_by`): a date we
    lived, and what the evidence is; a key no mode needs goes with every mode."""
    what = f"{what} {source.url}"
    fields = fields_of(Source)
    needs = {key_of(f, spec) for f, spec in fields if source.read in spec.needed_by}
    allowed = needs | {key_of(f, spec) for f, spec in fields if not spec.needed_by}
    for key in sorted(needs - set(src)):
        r.problem(src.value_lines.get("read", src.line), f"{what}: read: {source.read} needs {key!r}")
    for key in sorted(set(src) - allowed):
        r.problem(src.key_lines[key], f"{what}: {key!r} does not go with read: {source.read}")
    if source.checked and source.evidence and source.evidence.date > source.checked:
        key = "copy_date" if source.read == "stored-copy" else "cited_date"
        r.problem(src.value_lines.get(key, src.line),
                  f"{what}: {key!r} ({src.get(key)}) is later than the day it was read ({source.checked})")


def app_rules(r, app: App, data: LineDict, what: str) -> None:
    """Ids unique within the file, a way to check, and every raised rev explained by a change."""
    line = data.line
    seen: set[str] = set()
    for item in (*app.steps, *app.claims):
        if item.id in seen:
            r.problem(data.value_lines.get("steps", line), f"id {item.id!r} is used twice")
        seen.add(item.id)
    if app.steps and not any(s.kind == "verify" for s in app.steps):
        r.problem(data.value_lines.get("steps", line), "every app needs at least one step of kind 'verify'")
    for step in app.steps:
        if step.rev > 1 and not any(c.step == step.id and c.rev == step.rev for c in app.changes):
            r.problem(data.value_lines.get("changes", line),
                      f"step {step.id} is at rev {step.rev}: add a change with step: {step.id} and rev: {step.rev} "
                      f"that says what changed")
    order = list(vocab.PRIORITIES)  # most important first: the walkthrough follows the file's order
    ranks = [order.index(s.priority) for s in app.steps]
    if ranks != sorted(ranks):
        r.problem(data.value_lines.get("steps", line), "steps must be ordered by priority: essential, recommended, optional")
    by_id = {s.id: s for s in app.steps}
    for change in app.changes:
        if change.step in by_id and change.rev and change.rev > by_id[change.step].rev:
            r.problem(data.value_lines.get("changes", line),
                      f"a change names rev {change.rev} of {change.step}, which is only at rev {by_id[change.step].rev}")


RULES = {Source: (provenance,), App: (app_rules,)}


# --- across files ---

def step_ids_once(app: App, path: str, owners: dict[str, str]) -> list[str]:
    """A step id belongs to one app file; `owners` (step id -> file) grows as files are read."""
    problems = []
    for step in app.steps:
        if step.id in owners:
            problems.append(f"{path}:1: step id {step.id!r} is already used in {owners[step.id]}")
        owners[step.id] = path
    return problems


def step_refs_exist(r, step_ids) -> None:
    """Topic files refer to steps by id; each must be a step of some app file."""
    for step_id, line in r.refs:
        if step_id not in step_ids:
            r.problem(line, f"step {step_id!r} does not exist in any app file")
