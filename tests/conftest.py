"""Shared fixtures: the app, its test client, and the app served for real on loopback."""
from __future__ import annotations

import threading

import pytest
from werkzeug.serving import make_server

from webapp import create_app


@pytest.fixture(scope="session")
def app():
    return create_app({"TESTING": True, "SECRET_KEY": "test"})


@pytest.fixture()
def client(app):
    return app.test_client()


@pytest.fixture(scope="session")
def catalog(app):
    return app.extensions["catalog"]


@pytest.fixture(scope="session")
def live_server(app):
    """The real app on 127.0.0.1 (a free port), in a thread, for browser tests."""
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    thread.join(timeout=5)
