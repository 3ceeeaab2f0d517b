"""Assemble the content files into a Catalog. Every problem is reported as `path:line: what is wrong`.

What a file may hold is the schema in `model.py` and `topics.py`, read by `reader.py`; the rules
across fields and files are in `checks.py`. This module only finds the files and puts them together.
"""
from __future__ import annotations

import dataclasses
from pathlib import Path

from . import checks
from . import topics as topic_files
from .model import App, Catalog, Topics
from .reader import Reader

CONTENT_DIR = Path(__file__).resolve().parent.parent / "content"
_PROJECT_ROOT = CONTENT_DIR.parents[1]


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


def read_app(stream, path: str, expected_id: str | None = None) -> tuple[App | None, list[str]]:
    """Parse and validate one app file. Returns the app (None if unusable) and its problems."""
    reader = Reader(path, checks.check_record)
    app = reader.read_file(stream, App, file=expected_id)
    if app is not None:
        app = dataclasses.replace(app, path=path, messages=tuple(reader.messages))
    return app, reader.problems


def read_topic(stream, path: str, name: str) -> tuple[object | None, Reader]:
    """Parse and validate the topic file `name`.yaml. Returns its record (None if unusable) and
    the reader, which holds the problems, the messages and the step ids it refers to."""
    reader = Reader(path, checks.check_record)
    return reader.read_file(stream, topic_files.record_for(name), file=name), reader


def _load_topics(directory: Path, step_ids, problems: list[str]) -> Topics:
    lists, explainers = {}, {}
    for path in sorted(directory.glob("*.yaml")) if directory.is_dir() else ():
        with path.open("rb") as stream:
            record, reader = read_topic(stream, display_path(path), path.stem)
        checks.step_refs_exist(reader, step_ids)
        problems += reader.problems
        if record is None:
            continue
        if path.stem in topic_files.LISTS:
            lists[path.stem] = getattr(record, path.stem)
        else:
            explainers[record.id] = record
    return Topics(**lists, explainers=explainers)


def load_catalog(directory: Path = CONTENT_DIR) -> Catalog:
    """Load `apps/*.yaml` and `topics/*.yaml` under `directory`; raise CatalogError listing all problems."""
    apps: dict[str, App] = {}
    problems: list[str] = []
    files = sorted((Path(directory) / "apps").glob("*.yaml"))
    if not files:
        raise CatalogError([f"{display_path(Path(directory) / 'apps')}: no content files (*.yaml) found"])
    step_owners: dict[str, str] = {}
    for path in files:
        shown = display_path(path)
        with path.open("rb") as stream:
            app, file_problems = read_app(stream, shown, expected_id=path.stem)
        problems += file_problems
        if app is not None:
            problems += checks.step_ids_once(app, shown, step_owners)
            apps[app.id] = app
    topics = _load_topics(Path(directory) / "topics", step_owners, problems)
    if problems:
        raise CatalogError(problems)
    return Catalog(apps=apps, topics=topics)
