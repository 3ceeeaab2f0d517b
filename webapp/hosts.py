"""The Host header is a stranger's text that ends up in links, QR codes and ETags: refuse any
Host that is not a well-formed name (or one outside LOCKSTEP_TRUSTED_HOSTS) with a clean 400,
before anything builds an address from it."""
from __future__ import annotations

import ipaddress
import re

from flask import abort, request
from werkzeug.exceptions import SecurityError

_NAME = re.compile(r"[a-z0-9-]{1,63}", re.IGNORECASE)
_PORT = re.compile(r"[0-9]{1,5}")


def _valid_name(name: str) -> bool:
    labels = name.removesuffix(".").split(".")
    if len(name) > 253 or not all(_NAME.fullmatch(label) and not label.startswith("-") for label in labels):
        return False
    try:
        name.encode("ascii").decode("idna")  # xn-- labels must be real punycode
    except UnicodeError:
        return False
    return True


def valid_host(host: str) -> bool:
    """`name[:port]`, `IPv4[:port]` or `[IPv6][:port]`; nothing else."""
    if host.startswith("["):
        address, _, rest = host[1:].partition("]")
        port = rest.removeprefix(":") if rest.startswith(":") else (None if rest else "")
        try:
            ipaddress.IPv6Address(address)
        except ValueError:
            return False
        return port == "" or bool(port and _PORT.fullmatch(port))
    name, colon, port = host.partition(":")
    if colon and not _PORT.fullmatch(port):
        return False
    return _valid_name(name)


def served() -> bool:
    """True when this request's Host is well formed and (if configured) a trusted one."""
    try:
        host = request.host  # raises for a Host outside LOCKSTEP_TRUSTED_HOSTS
    except SecurityError:
        return False
    return valid_host(host)


def refuse_bad_host():
    if not served():
        abort(400)
