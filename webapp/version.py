"""Fingerprints of what a visitor downloads, computed once at start-up.

content_revision: the app and topic files (printed on guides, so a paper copy says which
content it shows). site_version: that plus the static files, templates and translations;
it names the service worker's caches, so any change ships a new worker and fresh caches.
"""
from __future__ import annotations

import hashlib
from pathlib import Path


def tree_digest(*folders: Path, suffixes: tuple[str, ...] = ()) -> str:
    digest = hashlib.sha256()
    for folder in folders:
        for path in sorted(p for p in folder.rglob("*") if p.is_file()):
            if suffixes and path.suffix not in suffixes:
                continue
            digest.update(str(path.relative_to(folder)).encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def compute(content_dir: Path, static_dir: Path, templates_dir: Path, translations_dir: Path) -> dict[str, str]:
    content = tree_digest(content_dir, suffixes=(".yaml",))
    site = hashlib.sha256((content + tree_digest(static_dir, templates_dir) +
                           tree_digest(translations_dir, suffixes=(".po",))).encode()).hexdigest()
    return {"content_revision": content[:10], "site_version": site[:16]}
