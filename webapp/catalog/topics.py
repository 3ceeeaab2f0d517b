"""Topic files under content/topics/: rumors, retired apps, and explainer pages.

They reuse the app loader's field reader, so they report problems the same way
(`path:line: what`) and their strings are extracted for translators the same way.
"""
from __future__ import annotations

from . import vocab
from .loader import _FileReader, _read_list
from .model import Explainer, RetiredApp, Rumor


def _step_ids(r: _FileReader, data, key: str, owner: str) -> tuple[tuple[str, int], ...]:
    """Step ids with their lines, checked against the catalog later."""
    items = r.sequence(data.get(key), data.value_lines.get(key, data.line), f"{owner}: {key!r}")
    return tuple((item, line) for item, line in zip(items or (), getattr(items, "item_lines", ())))


def read_rumors(r: _FileReader, data) -> tuple[list[Rumor], list]:
    refs = []

    def read(item, line):
        item = r.mapping(item, line, "rumor")
        if item is None:
            return None
        r.check_keys(item, "rumor", {"id", "claim", "verdict", "what_is_true", "what_is_not", "helps", "sources"},
                     {"checked"})
        rumor_id = r.identifier(item, "id", "rumor", "rumor")
        what = f"rumor {rumor_id}"
        helps = _step_ids(r, item, "helps", what)
        refs.extend(helps)
        sources = r.sources(item, what)
        r.derived_date(item, "checked", what, sources)
        return Rumor(
            id=rumor_id,
            claim=r.text(item, "claim", what, translate=f"{rumor_id}: the rumor, as people repeat it"),
            verdict=r.choice(item, "verdict", what, vocab.RUMOR_VERDICTS),
            what_is_true=r.text(item, "what_is_true", what, translate=f"{rumor_id}: what is true"),
            what_is_not=r.text(item, "what_is_not", what, translate=f"{rumor_id}: what is not true"),
            helps=tuple(step for step, _ in helps),
            sources=sources,
        )

    r.check_keys(data, "rumors file", {"rumors"})
    return _read_list(r, data, "rumors", read), refs


def read_retired(r: _FileReader, data) -> list[RetiredApp]:
    def read(item, line):
        item = r.mapping(item, line, "retired app")
        if item is None:
            return None
        r.check_keys(item, "retired app", {"id", "name", "vendor", "retired", "note", "sources"})
        app_id = item.get("id", "")
        what = f"retired app {app_id}"
        return RetiredApp(id=str(app_id), name=r.text(item, "name", what), vendor=r.text(item, "vendor", what),
                          retired=r.date(item, "retired", what),
                          note=r.text(item, "note", what, translate=f"{app_id}: note on a retired app"),
                          sources=r.sources(item, what))

    r.check_keys(data, "retired file", {"retired"})
    return _read_list(r, data, "retired", read)


def read_explainer(r: _FileReader, data, expected_id: str) -> tuple[Explainer, list]:
    r.check_keys(data, "explainer", {"id", "title", "summary", "uses", "excludes", "notes", "steps", "sources"},
                 {"verified"})
    explainer_id = data.get("id")
    if explainer_id != expected_id:
        r.problem(data.value_lines.get("id", data.line),
                  f"explainer: 'id' is {explainer_id!r} but the file is named {expected_id}.yaml")
    what = f"explainer {expected_id}"
    steps = _step_ids(r, data, "steps", what)
    sources = r.sources(data, what)
    r.derived_date(data, "verified", what, sources)
    return Explainer(
        id=expected_id,
        title=r.text(data, "title", what, translate=f"{expected_id}: page title"),
        summary=r.text(data, "summary", what, translate=f"{expected_id}: summary"),
        uses=r.texts(data, "uses", what, translate=f"{what}: uses"),
        excludes=r.texts(data, "excludes", what, translate=f"{what}: excludes"),
        notes=r.texts(data, "notes", what, translate=f"{what}: notes"),
        steps=tuple(step for step, _ in steps),
        sources=sources,
    ), list(steps)
