"""Browser tests run in Debian's Chromium (never a downloaded browser) against live_server.

They fail, never skip, when Chromium is missing: bin/test installs it.
"""
from __future__ import annotations

import os

import pytest

from support import CHROMIUM, LAUNCH_ARGS


def pytest_collection_modifyitems(items):
    for item in items:
        if "/browser/" in str(item.fspath):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    assert os.access(CHROMIUM, os.X_OK), f"{CHROMIUM} is missing: run bin/test, which installs it"
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "args": LAUNCH_ARGS,
    }


@pytest.fixture(scope="session")
def base_url(live_server):
    return live_server
