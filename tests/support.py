"""Helpers shared by test modules (importable because pytest puts tests/ on sys.path)."""
from __future__ import annotations

import contextlib
import threading

from werkzeug.serving import make_server

CHROMIUM = "/usr/bin/chromium"
LAUNCH_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
               "--disable-component-update", "--no-first-run"]


@contextlib.contextmanager
def serve(wsgi_app, port: int = 0):
    """Serve an app for real on 127.0.0.1 in a thread; yields its base URL."""
    server = make_server("127.0.0.1", port, wsgi_app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)
