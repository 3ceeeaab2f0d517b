"""Configuration: embedded defaults that run with no external services, overridable by environment."""
from __future__ import annotations

import os
from pathlib import Path


def defaults(root: Path) -> dict:
    return {
        "CONTENT_DIR": str(root / "webapp" / "content"),
        "BABEL_TRANSLATION_DIRECTORIES": str(root / "translations"),
        "BABEL_DEFAULT_LOCALE": "en",
        "MAX_CONTENT_LENGTH": 64 * 1024,
        "MAX_FORM_MEMORY_SIZE": 64 * 1024,
        # Set by `flask export`: hides what needs the server (filters, workshop builder).
        "STATIC_EXPORT": False,
        "PUBLIC_URL": "",
        # Where visitors report a mistake (shown as a plain link on the About page; nothing loaded).
        "REPORT_URL": "",
        # Brotli where the browser takes it (all current ones), gzip otherwise. Static files
        # are sent as streams, which Flask-Compress only brotlis.
        "COMPRESS_ALGORITHM": ["br", "gzip"],
        "COMPRESS_ALGORITHM_STREAMING": ["br"],
        # Brotli 7 for what is compressed per request (pages with a query): a fifth smaller than
        # the default 4 at under 1 ms a page (9+ costs 10-30 ms). Pages without a query are
        # brotli'd at 11 once per version instead (headers._page_brotli).
        "COMPRESS_BR_LEVEL": 7,
    }


class ConfigError(RuntimeError):
    """A setting that would make the site unsafe or broken; start-up stops with this message."""


def from_environment(environ=os.environ) -> dict:
    """Settings read from LOCKSTEP_* variables (documented in the README)."""
    result = {}
    if environ.get("LOCKSTEP_CONTENT_DIR"):
        result["CONTENT_DIR"] = environ["LOCKSTEP_CONTENT_DIR"]
    if environ.get("LOCKSTEP_PUBLIC_URL"):
        result["PUBLIC_URL"] = environ["LOCKSTEP_PUBLIC_URL"]
    if environ.get("LOCKSTEP_REPORT_URL"):
        url = environ["LOCKSTEP_REPORT_URL"]
        if not url.startswith(("https://", "mailto:")):
            raise ConfigError("LOCKSTEP_REPORT_URL must start with https:// or mailto:")
        result["REPORT_URL"] = url
    if environ.get("LOCKSTEP_PROXIES"):
        try:
            result["TRUSTED_PROXIES"] = int(environ["LOCKSTEP_PROXIES"])
        except ValueError:
            raise ConfigError("LOCKSTEP_PROXIES must be the number of reverse proxies in front, e.g. 1") from None
    if environ.get("LOCKSTEP_TRUSTED_HOSTS"):
        # Any other Host header gets a 400 before it can reach a link, a QR code or a cache.
        result["TRUSTED_HOSTS"] = [h.strip() for h in environ["LOCKSTEP_TRUSTED_HOSTS"].split(",") if h.strip()]
    if environ.get("LOCKSTEP_ENV", "development") == "production":
        result["PREFERRED_URL_SCHEME"] = "https"
    return result
