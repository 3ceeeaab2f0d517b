"""Configuration: embedded defaults that run with no external services, overridable by environment."""
from __future__ import annotations

import os
import secrets
from pathlib import Path


def defaults(root: Path) -> dict:
    return {
        # Only the workshop form uses the session (for its CSRF token); a random key
        # per process is fine for development. Production must set LOCKSTEP_SECRET_KEY.
        "SECRET_KEY": secrets.token_hex(32),
        "CONTENT_DIR": str(root / "webapp" / "content"),
        "BABEL_TRANSLATION_DIRECTORIES": str(root / "translations"),
        "BABEL_DEFAULT_LOCALE": "en",
        "MAX_CONTENT_LENGTH": 64 * 1024,
        "MAX_FORM_MEMORY_SIZE": 64 * 1024,
        "SESSION_COOKIE_SAMESITE": "Strict",
        "SESSION_COOKIE_HTTPONLY": True,
    }


def from_environment(environ=os.environ) -> dict:
    """Settings read from LOCKSTEP_* variables (documented in the README)."""
    result = {}
    if environ.get("LOCKSTEP_SECRET_KEY"):
        result["SECRET_KEY"] = environ["LOCKSTEP_SECRET_KEY"]
    if environ.get("LOCKSTEP_CONTENT_DIR"):
        result["CONTENT_DIR"] = environ["LOCKSTEP_CONTENT_DIR"]
    return result
