"""Full addresses of pages as visitors reach them (share links, QR codes, printed links, hreflang)."""
from __future__ import annotations

from flask import current_app, request


def absolute(path: str) -> str:
    """A site path as a full address (search engines want hreflang alternates absolute)."""
    base = current_app.config.get("PUBLIC_URL")
    if not base and current_app.config["STATIC_EXPORT"]:
        return path  # an export without --public-url does not know its address; never invent one
    return (base or request.host_url).rstrip("/") + path


def public_url() -> str:
    """This page's address as visitors reach it: PUBLIC_URL (set for static exports and behind
    proxies that hide the host) or the address of this request."""
    return absolute(request.full_path if request.query_string else request.path)
