"""Shared fixtures: the app, its test client, and the app served for real on loopback."""
from __future__ import annotations


import pytest
from support import serve

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
    """The real app on 127.0.0.1 (a free port), for browser tests."""
    with serve(app) as url:
        yield url
