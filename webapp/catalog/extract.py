"""pybabel extractor for content files (registered as the `lockstep_content` entry point).

It runs the same loader the app uses, so what gets extracted is exactly what gets
translated at render time; a broken file fails extraction with its path:line problems.
"""
from __future__ import annotations

from pathlib import Path

from .loader import CatalogError, read_app, read_topic


def extract_content(fileobj, keywords, comment_tags, options):
    """Yield (lineno, funcname, message, comments) as Babel's extractor protocol expects."""
    path = Path(getattr(fileobj, "name", "<content>"))
    if path.parent.name == "topics":
        _, reader = read_topic(fileobj, str(path), path.stem)
        problems, messages = reader.problems, reader.messages
    else:
        app, problems = read_app(fileobj, str(path))
        messages = app.messages if app else []
    if problems:
        raise CatalogError(problems)
    for msg in messages:
        if msg.context:
            yield msg.line, "pgettext", (msg.context, msg.text), [msg.comment]
        else:
            yield msg.line, None, msg.text, [msg.comment]
