"""YAML loading that remembers line numbers, so errors can say `path:line: what`.

PyYAML's SafeLoader drops node positions once it builds Python objects; these
constructors keep them on the dicts and lists they build. Duplicate keys, which
PyYAML silently overwrites, are reported instead.
"""
from __future__ import annotations

import yaml


class LineDict(dict):
    line: int = 0
    key_lines: dict
    value_lines: dict


class LineList(list):
    line: int = 0
    item_lines: list


class DuplicateKeyError(yaml.MarkedYAMLError):
    pass


class _Loader(yaml.SafeLoader):
    pass


def _construct_map(loader: _Loader, node: yaml.MappingNode):
    data = LineDict()
    data.line = node.start_mark.line + 1
    data.key_lines, data.value_lines = {}, {}
    yield data
    loader.flatten_mapping(node)
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        if key in data:
            raise DuplicateKeyError(problem=f"duplicate key {key!r}", problem_mark=key_node.start_mark)
        data[key] = loader.construct_object(value_node, deep=True)
        data.key_lines[key] = key_node.start_mark.line + 1
        data.value_lines[key] = value_node.start_mark.line + 1


def _construct_seq(loader: _Loader, node: yaml.SequenceNode):
    data = LineList()
    data.line = node.start_mark.line + 1
    data.item_lines = [item.start_mark.line + 1 for item in node.value]
    yield data
    data.extend(loader.construct_object(item, deep=True) for item in node.value)


def _construct_timestamp(loader: _Loader, node: yaml.ScalarNode):
    # "2026-13-45" looks like a date to YAML but is none; keep the text so the
    # validator can say so with the line, instead of PyYAML raising ValueError.
    try:
        return yaml.SafeLoader.construct_yaml_timestamp(loader, node)
    except ValueError:
        return node.value


_Loader.add_constructor("tag:yaml.org,2002:map", _construct_map)
_Loader.add_constructor("tag:yaml.org,2002:timestamp", _construct_timestamp)
_Loader.add_constructor("tag:yaml.org,2002:seq", _construct_seq)


def load(stream):
    """Parse one YAML document; raises yaml.YAMLError (with a mark) on bad input."""
    return yaml.load(stream, Loader=_Loader)  # noqa: S506 - a SafeLoader subclass
