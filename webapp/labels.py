"""Which translated menu labels come from the app's own words, as a `# label-source:` comment on their
.po entry records, so a page can say which labels are our translation (TRANSLATING.md)."""
from __future__ import annotations

import re
from pathlib import Path

from babel.messages.pofile import read_po

from . import i18n

MARK = "label-source:"
# A web page with how and when it was read ("https://… (stored copy, read 2026-12-01)"), or a
# string file pinned to a commit ("owner/repo path @<sha> key=…"), which needs no date.
SOURCE = re.compile(r"https://\S+ \((?:stored copy|own page), read \d{4}-\d{2}-\d{2}\)"
                    r"|[\w.-]+/[\w.-]+ .+? @[0-9a-f]{40}(?: key=.+)?")


class LabelSourceError(ValueError):
    """A `# label-source:` comment that names no source we can follow; the message is `path:line: why`."""


def load(translations: Path) -> dict[str, frozenset[tuple[str, str]]]:
    """Per Babel locale code, the (context, msgid) of the menu labels that have a recorded source."""
    confirmed = {}
    for site_locale in i18n.LOCALES:
        if site_locale.url_code == i18n.DEFAULT_LOCALE:
            continue
        path = translations / site_locale.babel_code / "LC_MESSAGES" / "messages.po"
        with open(path, "rb") as f:
            catalog = read_po(f, locale=site_locale.babel_code)
        found = set()
        for message in catalog:
            sources = [c[len(MARK):].strip() for c in message.user_comments if c.startswith(MARK)]
            if not sources:
                continue
            if not (message.context or "").endswith(" menu"):
                raise LabelSourceError(f"{path}:{message.lineno}: a label source on an entry that is not a menu label")
            bad = [source for source in sources if not SOURCE.fullmatch(source)]
            if bad:
                raise LabelSourceError(f"{path}:{message.lineno}: {bad[0]!r} is neither 'https://… (stored copy, "
                                       "read YYYY-MM-DD)' nor 'owner/repo path @<40-hex commit> key=…'")
            found.add((message.context, message.id))
        confirmed[site_locale.babel_code] = frozenset(found)
    return confirmed
