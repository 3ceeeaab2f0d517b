"""Whole responses kept in memory, so a rendered page costs what a static file costs.

The catalog, templates and translations are read once at start-up, so a page rendered once
is byte-for-byte the same for every visitor until the next deploy. This WSGI middleware keeps
each 200 response to a GET (body, headers, ETag) keyed by everything that can change it: path,
query string, the htmx headers and Accept-Encoding. Responses that set a cookie or say
no-store (the workshop form) are never kept. An LRU bound on entries and bytes keeps junk
query strings from growing it without limit.
"""
from __future__ import annotations

import threading
from collections import OrderedDict

# Pages embed their own address (print header, share links), so host and scheme are part of the key.
KEY_HEADERS = ("HTTP_HX_REQUEST", "HTTP_HX_HISTORY_RESTORE_REQUEST", "HTTP_ACCEPT_ENCODING", "HTTP_HOST",
               "HTTP_X_FORWARDED_HOST", "HTTP_X_FORWARDED_PROTO", "wsgi.url_scheme")


class ResponseCache:
    def __init__(self, wsgi_app, max_entries: int = 4096, max_bytes: int = 64 * 1024 * 1024):
        self.wsgi_app = wsgi_app
        self.max_entries, self.max_bytes = max_entries, max_bytes
        self.entries: OrderedDict[tuple, tuple[str, list[tuple[str, str]], bytes]] = OrderedDict()
        self.size = 0
        self.lock = threading.Lock()

    def __call__(self, environ, start_response):
        if environ.get("REQUEST_METHOD") != "GET":
            return self.wsgi_app(environ, start_response)
        key = (environ.get("PATH_INFO", ""), environ.get("QUERY_STRING", ""),
               *(" ".join(environ.get(name, "").split()) for name in KEY_HEADERS))
        with self.lock:
            entry = self.entries.get(key)
            if entry:
                self.entries.move_to_end(key)
        if entry:
            return self._answer(entry, environ, start_response)

        captured = {}

        def capture(status, headers, exc_info=None):
            captured.update(status=status, headers=headers)
            return start_response(status, headers, exc_info)

        body_iter = self.wsgi_app(environ, capture)
        try:
            body = b"".join(body_iter)
        finally:
            getattr(body_iter, "close", lambda: None)()
        if self._cacheable(captured, body):
            self._store(key, (captured["status"], list(captured["headers"]), body))
        return [body]

    @staticmethod
    def _cacheable(captured, body) -> bool:
        if not captured.get("status", "").startswith("200"):
            return False
        headers = {name.lower(): value for name, value in captured["headers"]}
        return "set-cookie" not in headers and "no-store" not in headers.get("cache-control", "") \
            and "private" not in headers.get("cache-control", "") and len(body) < 2 * 1024 * 1024

    def _store(self, key, entry) -> None:
        with self.lock:
            if key in self.entries:
                return
            self.entries[key] = entry
            self.size += len(entry[2])
            while len(self.entries) > self.max_entries or self.size > self.max_bytes:
                _, (_, _, old_body) = self.entries.popitem(last=False)
                self.size -= len(old_body)

    @staticmethod
    def _answer(entry, environ, start_response):
        status, headers, body = entry
        etag = next((value for name, value in headers if name.lower() == "etag"), None)
        if etag and etag in [tag.strip() for tag in environ.get("HTTP_IF_NONE_MATCH", "").split(",")]:
            kept = [(n, v) for n, v in headers if n.lower() not in ("content-length", "content-type",
                                                                      "content-encoding")]
            start_response("304 NOT MODIFIED", kept)
            return [b""]
        start_response(status, headers)
        return [body]
