"""Topic files under content/topics/: which record each file holds (the one dispatch table).

`rumors.yaml` and `retired.yaml` hold a list under the key of the same name, which is also the
field of `Topics` they fill; any other file is an explainer page whose id is its file name.
They refer to steps by id instead of repeating them, so the app files stay the one source of truth.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from . import schema
from .model import Explainer, RetiredApp, Rumor
from .schema import Record


@dataclass(frozen=True, kw_only=True)
class RumorsFile:
    SCHEMA: ClassVar[Record] = Record("rumors file", root=True, sections=True)

    rumors: tuple[Rumor, ...] = schema.records(Rumor)


@dataclass(frozen=True, kw_only=True)
class RetiredFile:
    SCHEMA: ClassVar[Record] = Record("retired file", root=True, sections=True)

    retired: tuple[RetiredApp, ...] = schema.records(RetiredApp)


LISTS: dict[str, type] = {"rumors": RumorsFile, "retired": RetiredFile}  # file name (= Topics field) -> record


def record_for(name: str) -> type:
    """The record a topic file named `name`.yaml holds."""
    return LISTS.get(name, Explainer)
