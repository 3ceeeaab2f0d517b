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
        # Set by `flask export`: hides what needs the server (filters, workshop builder).
        "STATIC_EXPORT": False,
        # Keep rendered pages in memory (webapp/response_cache.py); off in debug mode.
        "RESPONSE_CACHE": True,
        "PUBLIC_URL": "",
        # Brotli where the browser takes it (all current ones), gzip otherwise. Static files
        # are sent as streams, which Flask-Compress only brotlis.
        "COMPRESS_ALGORITHM": ["br", "gzip"],
        "COMPRESS_ALGORITHM_STREAMING": ["br"],
    }


class ConfigError(RuntimeError):
    """A setting that would make the site unsafe or broken; start-up stops with this message."""


def from_environment(environ=os.environ) -> dict:
    """Settings read from LOCKSTEP_* variables (documented in the README)."""
    result = {}
    if environ.get("LOCKSTEP_SECRET_KEY"):
        result["SECRET_KEY"] = environ["LOCKSTEP_SECRET_KEY"]
    if environ.get("LOCKSTEP_CONTENT_DIR"):
        result["CONTENT_DIR"] = environ["LOCKSTEP_CONTENT_DIR"]
    if environ.get("LOCKSTEP_PUBLIC_URL"):
        result["PUBLIC_URL"] = environ["LOCKSTEP_PUBLIC_URL"]
    if environ.get("LOCKSTEP_PROXIES"):
        result["TRUSTED_PROXIES"] = int(environ["LOCKSTEP_PROXIES"])
    if environ.get("LOCKSTEP_ENV", "development") == "production":
        if not environ.get("LOCKSTEP_SECRET_KEY"):
            # A random per-process key would break the workshop form across gunicorn workers
            # and restarts; refuse to start rather than fail for visitors later.
            raise ConfigError("LOCKSTEP_ENV=production needs LOCKSTEP_SECRET_KEY: set it to a long random "
                              "value, e.g. the output of `python -c 'import secrets; print(secrets.token_hex(32))'`.")
        result.update(SESSION_COOKIE_SECURE=True, PREFERRED_URL_SCHEME="https")
    return result
