"""Fuzzed requests against the documented production stack (deploy/stack.py: nginx in front of
gunicorn, loopback only), bounded by count: paths, queries, headers, methods and bodies, some of
them malformed on the wire. Prints the count of 5xx (goal 0) and of responses missing any of
webapp/headers.py's security headers (goal 0). Seeded, so a run can be repeated.

Run: .venv/bin/python bench/hostile.py [--requests 6000] [--seed 13]
"""
from __future__ import annotations

import argparse
import collections
import random
import socket
import string
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from urllib.parse import quote, urlsplit

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "deploy"))
sys.path.insert(0, str(ROOT))
from stack import production_stack  # noqa: E402

from webapp.headers import SECURITY_HEADERS  # noqa: E402

SEGMENTS = ["", "en", "ar", "pt-br", "EN", "xx", "whatsapp", "signal", "skype", "nope", "guide", "walk", "steps",
            "compare", "table", "workshop", "qr.svg", "print", "handout", "projector", "offline", "fragment",
            "progress", "manifest.webmanifest", "precache.json", "static", "css", "app.css", "sw.js", "healthz",
            "..", "%2e%2e", "%00", "%ff", "0", "-1", "99999999999999999999", "1", "2", "ü", "عربي", "a" * 300,
            "%2F", ";jsessionid=1", "index.html", ".git", "~root"]
KEYS = ["platform", "apps", "need", "title", "language", "v", "locale", "app_id", "number", "filename",
        "_external", "_anchor", "_method", "_scheme", "submit", "x", "apps[]", "", "%00"]
VALUES = ["", "android", "ios", "web", "desktop", "fax", "whatsapp,signal", ",".join(["signal"] * 44),
          "calls", "no-ai", "<script>alert(1)</script>", "%00", "%ff%fe", "a" * 2500, "\u202e", "ar", "1e300",
          "javascript:alert(1)", "//evil.example", "../../etc/passwd"]
METHODS = ["GET"] * 6 + ["HEAD", "POST", "PUT", "DELETE", "OPTIONS", "PATCH", "TRACE", "CONNECT", "FOO", "get"]
HOSTS = ["127.0.0.1"] * 12 + ["localhost", "evil.example", "a" * 64, "a..b", "xn--e.example",
         "127.0.0.1:1", "", "[::1]", "127.0.0.1 evil.example"]
EXTRA_HEADERS = [
    ("X-Forwarded-Host", "evil.example"), ("X-Forwarded-Proto", "https"), ("X-Forwarded-Prefix", "/evil"),
    ("SCRIPT_NAME", "//evil.example"), ("X-Original-URL", "/admin"), ("Forwarded", "host=evil.example"),
    ("X-Forwarded-Ssl", "on"), ("HX-Request", "true"), ("HX-History-Restore-Request", "true"),
    ("HX-Target", "#x"), ("If-None-Match", '"x"'), ("If-None-Match", "*"), ("Range", "bytes=0-1,5-"),
    ("Accept-Language", "ar;q=0.9,de;q=1.1"), ("Accept-Language", ";;;" * 50), ("Accept-Encoding", "br;q=x"),
    ("Content-Type", "multipart/form-data; boundary=x"), ("Content-Type", "application/json"),
    ("Transfer-Encoding", "chunked"), ("Expect", "100-continue"), ("Cookie", "session=" + "a" * 100),
    ("X-Long", "a" * 5000), ("Bad Header", "x"), ("X-Null", "a\x00b"), ("Connection", "upgrade"),
]
RAW = [  # malformed on the wire
    b"GET /en/ HTTP/1.1\r\nHost: 127.0.0.1\r\nNo colon here\r\n\r\n",
    b"GET /en/\r\n\r\n",
    b"GET /en/ HTTP/9.9\r\nHost: 127.0.0.1\r\n\r\n",
    b"GET http://evil.example/en/ HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n",
    b"\x16\x03\x01\x00\xa5\x01\x00\x00\xa1\x03\x03" + b"\x00" * 40,
    b"GET /en/ HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n",
    b"POST /en/ HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: -1\r\n\r\n",
    b"POST /en/ HTTP/1.1\r\nHost: 127.0.0.1\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n",
    b"GET /en/ HTTP/1.1\r\nHost: 127.0.0.1\r\nHost: evil.example\r\n\r\n",
    b"GET /" + b"a" * 9000 + b" HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n",
    b"GET /en/ HTTP/1.1\r\nHost: 127.0.0.1\r\n" + b"X: y\r\n" * 200 + b"\r\n",
    b"GET /\xff\xfe HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n",
]


def random_request(rng: random.Random) -> bytes:
    if rng.random() < 0.05:
        return rng.choice(RAW)
    segments = [rng.choice(SEGMENTS) for _ in range(rng.randint(0, 4))]
    if segments and rng.random() < 0.7:  # mostly inside a locale, where the pages are
        segments[0] = rng.choice(["en", "ar", "de", "pt-br"])
    path = "/" + "/".join(quote(segment, safe="%;.~") for segment in segments)
    if rng.random() < 0.5:
        path += "/"
    if rng.random() < 0.7:
        pairs = [(rng.choice(KEYS), rng.choice(VALUES)) for _ in range(rng.randint(1, 4))]
        path += "?" + "&".join(f"{quote(k)}={quote(v)}" for k, v in pairs)
    method = rng.choice(METHODS)
    host = rng.choice(HOSTS)
    lines = [f"{method} {path} HTTP/1.1"] + ([f"Host: {host}"] if host else [])
    headers = rng.sample(EXTRA_HEADERS, rng.choice([0, 0, 1, 1, 2, 3]))
    body = b""
    if method in ("POST", "PUT", "PATCH") or rng.random() < 0.05:
        body = rng.choice([b"title=x&apps=signal", b"x" * 70_000, bytes(rng.randrange(256) for _ in range(200)),
                           b'{"a": 1}', b"--x\r\nContent-Disposition: form-data; name=\"title\"; filename=\"t\"\r\n\r\nx\r\n--x--\r\n"])
    chunked = any(name == "Transfer-Encoding" for name, _ in headers)
    for name, value in headers:
        lines.append(f"{name}: {value}")
    if body and not chunked:
        lines.append(f"Content-Length: {len(body)}")
    lines.append("Connection: close")
    head = ("\r\n".join(lines) + "\r\n\r\n").encode("utf-8", "surrogateescape")
    if chunked:
        body = f"{len(body):x}\r\n".encode() + body + b"\r\n0\r\n\r\n"
    return head + body


def exchange(host: str, port: int, data: bytes) -> tuple[int | None, dict]:
    """(status, headers) of the answer, or (None, {}) when the connection closed without one."""
    with socket.create_connection((host, port), timeout=15) as sock:
        try:
            sock.sendall(data)
        except OSError:
            pass  # nginx may answer (413) and close before it has read everything
        received = b""
        try:
            # Skip interim answers (100 Continue): the final one is what counts.
            while b"\r\n\r\n" not in received or received.startswith(b"HTTP/1.1 1"):
                if received.startswith(b"HTTP/1.1 1") and b"\r\n\r\n" in received:
                    received = received.split(b"\r\n\r\n", 1)[1]
                    continue
                chunk = sock.recv(65536)
                if not chunk:
                    break
                received += chunk
        except OSError:
            pass
    head = received.split(b"\r\n\r\n", 1)[0].decode("latin-1")
    lines = head.split("\r\n")
    if not lines[0].startswith("HTTP/"):
        return None, {}
    headers = collections.defaultdict(list)
    for line in lines[1:]:
        name, _, value = line.partition(":")
        headers[name.strip().lower()].append(value.strip())
    return int(lines[0].split()[1]), headers


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--requests", type=int, default=6000)
    parser.add_argument("--seed", type=int, default=13)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    requests = [random_request(rng) for _ in range(min(args.requests, 20_000))]
    with production_stack(workers=4) as stack:
        address = urlsplit(stack.url)
        with ThreadPoolExecutor(16) as pool:
            answers = list(pool.map(lambda data: exchange(address.hostname, address.port, data), requests))
    statuses = collections.Counter(status for status, _ in answers)
    server_errors = [(data[:120], status) for data, (status, _) in zip(requests, answers) if status and status >= 500]
    missing = [(data[:120], status) for data, (status, headers) in zip(requests, answers) if status and any(
        headers.get(name.lower()) != [value] for name, value in SECURITY_HEADERS.items())]
    print(f"requests: {len(requests)} (seed {args.seed}); statuses: "
          + ", ".join(f"{status or 'no answer'}: {count}" for status, count in sorted(statuses.items(), key=str)))
    print(f"5xx: {len(server_errors)}; responses missing a security header: {len(missing)}")
    for data, status in (server_errors + missing)[:10]:
        print(f"  {status}: {data!r}")
    sys.exit(0 if not server_errors and not missing else 1)


if __name__ == "__main__":
    main()
