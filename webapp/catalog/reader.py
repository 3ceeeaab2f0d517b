"""One generic reader: walks a record's schema fields over a file's YAML, with line numbers.

Every problem is reported as `path:line: what is wrong`; visible text becomes a `Message` for
translators; step ids a topic refers to are kept with their lines, to be checked once every app
file is read. Rules that span fields or records are not here: the caller passes them as `check`.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import re
from typing import Callable

import yaml

from .model import Evidence, Message
from .schema import Spec, fields_of, key_of, record_of
from .yaml_lines import LineDict, LineList, load

SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
DOTTED_ID = re.compile(r"^[a-z0-9-]+(\.[a-z0-9-]+)+$")
MONTH = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")


class _Unusable(Exception):
    """A fatal field is wrong: the record cannot be built (an app without a usable id)."""


Check = Callable[["Reader", object, LineDict, str], None]


class Reader:
    """Reads one file; collects its problems, messages and step references."""

    def __init__(self, path: str, check: Check | None = None):
        self.path = path
        self.check = check or (lambda reader, record, data, what: None)
        self.problems: list[str] = []
        self.messages: list[Message] = []
        self.refs: list[tuple[str, int]] = []  # (step id, line) of every step reference

    def problem(self, line: int, text: str) -> None:
        self.problems.append(f"{self.path}:{line}: {text}")

    # --- files and records ---

    def read_file(self, stream, cls: type, **context):
        """Parse one YAML file and read it as `cls`; None when it cannot be read at all."""
        try:
            data = load(stream)
        except yaml.MarkedYAMLError as exc:
            mark = exc.problem_mark or exc.context_mark
            self.problem(mark.line + 1 if mark else 1, f"YAML syntax: {exc.problem or exc}")
            return None
        except yaml.YAMLError as exc:
            self.problem(1, f"YAML syntax: {exc}")
            return None
        record = self.record(cls, data, 1, context)
        self.messages.sort(key=lambda m: m.line)
        return record

    def record(self, cls: type, value, line: int, context: dict):
        shape = record_of(cls)
        context = dict(context)
        what = shape.label.format(**context)
        data = self.mapping(value, line, "file" if shape.root else what)
        if data is None:
            return None
        fields = fields_of(cls)
        readable = [(f, spec) for f, spec in fields if spec.kind != "parent_key"]
        keys_ok = self.check_keys(data, what, {key_of(f, s) for f, s in readable if s.required},
                                  {key_of(f, s) for f, s in readable if not s.required})
        if not keys_ok and shape.whole:
            return None
        values = {}
        for f, spec in fields:
            context["what"] = what  # a nested record names itself after its owner
            try:
                values[f.name] = self.field(f, spec, data, what, context, shape.sections)
            except _Unusable:
                return None
            if f.name == "id":
                context["id"] = values["id"]
                if shape.names:
                    context[shape.names] = values["id"]
                what = (shape.named or shape.label).format(**context)
        record = cls(**values)
        self.check(self, record, data, what)
        return record

    def field(self, f: dataclasses.Field, spec: Spec, data: LineDict, what: str, context: dict, sections: bool):
        if spec.kind == "parent_key":
            return context["key"]
        key = key_of(f, spec)
        if key not in data:
            if spec.fatal:
                return getattr(self, spec.kind)(spec, None, data.line, what, key, context)
            return self.missing(f, spec, context)
        if spec.kind in ("records", "keyed"):  # `what` names the container; its records name their owner
            what = repr(key) if sections else f"{what}: {key!r}"
        return getattr(self, spec.kind)(spec, data[key], data.value_lines[key], what, key, context)

    def missing(self, f: dataclasses.Field, spec: Spec, context: dict):
        """What a field holds when its key is absent: its default or, for a required key (a
        problem already says it is missing), a stand-in so the rest of the file is still checked."""
        if f.default is not dataclasses.MISSING:
            return f.default
        if spec.kind == "choice":
            return next(iter(spec.vocab))
        if spec.kind == "ident":
            return f"{spec.prefix.format(**context)}.invalid"
        if spec.kind == "slug":
            return (context.get("file") or "") if spec.file_name else ""
        return {"text": "", "texts": (), "integer": spec.minimum, "date": dt.date.min, "choices": (),
                "records": (), "keyed": {}, "step_refs": ()}[spec.kind]

    # --- structure ---

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

    def sequence(self, value, line: int, what: str) -> LineList | None:
        if isinstance(value, LineList) and value:
            return value
        if isinstance(value, LineList):
            self.problem(line, f"{what}: must not be empty")
        else:
            self.problem(line, f"{what}: expected a list, got {type(value).__name__}")
        return None

    def records(self, spec: Spec, value, line: int, what: str, key: str, context: dict) -> tuple:
        items = self.sequence(value, line, what)
        read = [self.record(spec.record, item, item_line, context)
                for item, item_line in zip(items or (), getattr(items, "item_lines", ()))]
        read = [r for r in read if r is not None]
        if spec.newest_first:
            read.sort(key=lambda r: getattr(r, spec.newest_first), reverse=True)
        return tuple(read)

    def keyed(self, spec: Spec, value, line: int, what: str, key: str, context: dict) -> dict:
        data = self.mapping(value, line, what)
        if data is None:
            return {}
        self.check_keys(data, key, set(spec.vocab))
        result = {}
        for name in spec.vocab:
            if name in data:
                record = self.record(spec.record, data[name], data.value_lines[name], {**context, "key": name})
                if record is not None:
                    result[name] = record
        return result

    # --- values ---

    def _message(self, line: int, value: str, spec: Spec, context: dict) -> None:
        if spec.translate:
            context_text = spec.context.format(**context) if spec.context else None
            self.messages.append(Message(line, value, context_text, spec.translate.format(**context)))

    def text(self, spec: Spec, value, line: int, what: str, key: str, context: dict) -> str:
        if not isinstance(value, str) or not value.strip():
            self.problem(line, f"{what}: {key!r} must be non-empty text")
            value = ""
        else:
            value = value.strip()
            self._message(line, value, spec, context)
        if spec.https and not value.startswith("https://"):
            self.problem(line, f"{what} {key} must start with https://, got {value!r}")
        return value

    def texts(self, spec: Spec, value, line: int, what: str, key: str, context: dict) -> tuple[str, ...]:
        items = self.sequence(value, line, f"{what}: {key!r}")
        result = []
        for item, item_line in zip(items or (), getattr(items, "item_lines", ())):
            if not isinstance(item, str) or not item.strip():
                self.problem(item_line, f"{what}: {key!r} items must be non-empty text")
                continue
            result.append(item.strip())
            self._message(item_line, item.strip(), spec, context)
        return tuple(result)

    def step_refs(self, spec: Spec, value, line: int, what: str, key: str, context: dict) -> tuple[str, ...]:
        items = self.sequence(value, line, f"{what}: {key!r}")
        refs = []
        for item, item_line in zip(items or (), getattr(items, "item_lines", ())):
            if not isinstance(item, str):
                self.problem(item_line, f"{what}: {key!r} items must be step ids, got {item!r}")
                continue
            refs.append(item)
            self.refs.append((item, item_line))
        return tuple(refs)

    def integer(self, spec: Spec, value, line: int, what: str, key: str, context: dict) -> int:
        if isinstance(value, bool) or not isinstance(value, int) or value < spec.minimum:
            self.problem(line, f"{what}: {key!r} must be a whole number >= {spec.minimum}, got {value!r}")
            return spec.minimum
        return value

    def flag(self, spec: Spec, value, line: int, what: str, key: str, context: dict) -> bool:
        if not isinstance(value, bool):
            self.problem(line, f"{what} {key!r} must be true or false")
            return False
        return value

    def date(self, spec: Spec, value, line: int, what: str, key: str, context: dict) -> dt.date:
        if isinstance(value, dt.datetime) or not isinstance(value, dt.date):
            self.problem(line, f"{what}: {key!r} must be a date written YYYY-MM-DD, got {value!r}")
            return dt.date.min
        if value > dt.date.today():
            self.problem(line, f"{what}: {key!r} is in the future ({value.isoformat()})")
        return value

    def evidence_date(self, spec: Spec, value, line: int, what: str, key: str, context: dict) -> Evidence | None:
        """A copy that shows no date at all (`undated`) dates nothing; it still counts as read."""
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

    def choice(self, spec: Spec, value, line: int, what: str, key: str, context: dict) -> str:
        if not isinstance(value, str) or value not in spec.vocab:
            self.problem(line, f"{what}: {key!r} is {value!r}, expected one of: {', '.join(spec.vocab)}")
            return next(iter(spec.vocab))
        return value

    def choices(self, spec: Spec, value, line: int, what: str, key: str, context: dict) -> tuple[str, ...]:
        items = self.sequence(value, line, f"{what}: {key!r}")
        if items is None:
            return ()
        bad = [v for v in items if not isinstance(v, str) or v not in spec.vocab]
        if bad:
            self.problem(line, f"{what}: {key!r} has {bad!r}, expected values from: {', '.join(spec.vocab)}")
        if len(set(map(repr, items))) != len(items):
            self.problem(line, f"{what}: {key!r} lists a value twice")
        return tuple(v for v in spec.vocab if v in items)  # canonical order

    def ident(self, spec: Spec, value, line: int, what: str, key: str, context: dict) -> str:
        prefix = spec.prefix.format(**context)
        if not isinstance(value, str) or not DOTTED_ID.match(value) or not value.startswith(prefix + "."):
            self.problem(line, f"{what}: {key!r} must look like '{prefix}.topic.action' "
                               f"(lowercase, dot-separated, starting with '{prefix}.'), got {value!r}")
            return f"{prefix}.invalid"
        return value

    def slug(self, spec: Spec, value, line: int, what: str, key: str, context: dict) -> str:
        valid = isinstance(value, str) and SLUG.match(value)
        file_name = context.get("file") if spec.file_name else None
        if file_name and value != file_name and (valid or not spec.fatal):
            self.problem(line, f"{what}: {key!r} is {value!r} but the file is named {file_name}.yaml")
        elif not valid:
            self.problem(line, f"{what}: {key!r} must be lowercase letters, digits and dashes, got {value!r}")
            if spec.fatal:
                raise _Unusable(key)
        return value if isinstance(value, str) else str(value)
