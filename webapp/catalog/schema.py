"""Field kinds: how one field of a content record is written in YAML.

A record is a dataclass in `model.py`; each field made with one of the functions below carries a
`Spec` in its metadata, and `reader.py` walks those fields to read and check a file. A field with a
dataclass default is optional, one without is required. Templates in `translate`, `context` and
`prefix` are filled from what the reader knows at that point: `{app}` (the app's id), `{id}` (the
record's id), `{key}` (the key a record sits under in its parent mapping), `{file}` (the file's
name without .yaml) and `{what}` (the record as problems name it, e.g. "step whatsapp.verify.code").
"""
from __future__ import annotations

import dataclasses
from dataclasses import MISSING
from typing import Any

KEY = "lockstep.schema"


@dataclasses.dataclass(frozen=True)
class Spec:
    kind: str  # the name of a Reader method that reads this kind
    required: bool = True
    key: str | None = None  # the YAML key, when it is not the field's name
    translate: str | None = None  # translator comment: the text is a message for translators
    context: str | None = None  # msgctxt of that message
    vocab: dict | None = None  # allowed values (choice, choices, keyed)
    record: type | None = None  # the record of a list or a mapping of records
    prefix: str | None = None  # an id must start with this and a dot
    minimum: int = 1
    https: bool = False  # text that must be an https:// URL
    fatal: bool = False  # slug: the record is unusable without it
    file_name: bool = False  # slug: must be the file's name
    newest_first: str | None = None  # records: sorted on this attribute, newest first
    needed_by: frozenset = frozenset()  # the `read:` modes of a source that need this key (checks.py)
    typed: bool = False  # a hand-typed date that may claim no more than its sources (checks.py)


@dataclasses.dataclass(frozen=True)
class Record:
    """How a record is named in problems, before and after its `id` field is read."""

    label: str  # e.g. "step", "status {key!r}", "{what}: source" (a source names itself after its owner)
    named: str | None = None  # e.g. "step {id}"; defaults to label
    root: bool = False  # the whole file: a file that is no mapping is "file: expected a mapping"
    sections: bool = False  # its lists of records are sections, named by their key alone ("'steps': ...")
    whole: bool = False  # a wrong or missing key drops the record (no check piles up on a malformed one)
    names: str | None = None  # the id is also known as this in templates (an app's id is `{app}`)


def _field(kind: str, default=MISSING, *, repr: bool = True, compare: bool = True, **options) -> Any:
    spec = Spec(kind, required=default is MISSING, **options)
    return dataclasses.field(default=default, metadata={KEY: spec}, repr=repr, compare=compare)


def text(*, translate: str | None = None, context: str | None = None, default=MISSING) -> Any:
    """Non-empty text (stripped); with `translate`, a message for translators."""
    return _field("text", default, translate=translate, context=context)


def texts(*, translate: str, context: str | None = None, default=MISSING) -> Any:
    """A non-empty list of non-empty texts, each a message for translators."""
    return _field("texts", default, translate=translate, context=context)


def url() -> Any:
    return _field("text", https=True)


def date(default=MISSING) -> Any:
    """A day written YYYY-MM-DD, not in the future."""
    return _field("date", default)


def typed_date() -> Any:
    """A hand-typed date beside sources: allowed only if it claims no more than they say
    (checks.py); never shown, pages show the date derived from the sources."""
    return _field("date", None, repr=False, compare=False, typed=True)


def evidence_date(*, needed_by: frozenset) -> Any:
    """A day, a month (YYYY-MM) when no day is shown, or `undated`."""
    return _field("evidence_date", None, needed_by=needed_by)


def choice(vocab: dict) -> Any:
    return _field("choice", vocab=vocab)


def choices(vocab: dict) -> Any:
    """A non-empty list of distinct values from `vocab`, kept in the vocabulary's order."""
    return _field("choices", vocab=vocab)


def ident(prefix: str, default=MISSING) -> Any:
    """A dotted id starting with `prefix.`, e.g. whatsapp.verify.code."""
    return _field("ident", default, prefix=prefix)


def slug(*, fatal: bool = False, file_name: bool = False) -> Any:
    """Lowercase letters, digits and dashes (a URL part)."""
    return _field("slug", fatal=fatal, file_name=file_name)


def integer(default=MISSING, *, minimum: int = 1) -> Any:
    return _field("integer", default, minimum=minimum)


def flag(default: bool = False) -> Any:
    return _field("flag", default)


def records(record: type, *, key: str | None = None, newest_first: str | None = None, default=MISSING) -> Any:
    """A non-empty list of records."""
    return _field("records", default, record=record, key=key, newest_first=newest_first)


def keyed(record: type, vocab: dict, *, key: str) -> Any:
    """A mapping with every key of `vocab`, each holding a record (e.g. a status per surface)."""
    return _field("keyed", record=record, vocab=vocab, key=key)


def step_refs() -> Any:
    """A non-empty list of step ids, checked against every app file once all are read."""
    return _field("step_refs")


def parent_key() -> Any:
    """Not written in the record: the key it sits under in its parent mapping."""
    return _field("parent_key")


def optional_text(needed_by: frozenset = frozenset(), default: str = "") -> Any:
    return _field("text", default, needed_by=needed_by)


def optional_date(*, needed_by: frozenset) -> Any:
    return _field("date", None, needed_by=needed_by)


def spec_of(f: dataclasses.Field) -> Spec | None:
    return f.metadata.get(KEY)


def fields_of(cls: type) -> list[tuple[dataclasses.Field, Spec]]:
    """The fields of a record that are read from its YAML mapping, in order."""
    return [(f, spec) for f in dataclasses.fields(cls) if (spec := spec_of(f)) is not None]


def key_of(f: dataclasses.Field, spec: Spec) -> str:
    return spec.key or f.name


def record_of(cls: type) -> Record:
    return cls.SCHEMA  # a ClassVar of every record

