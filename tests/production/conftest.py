"""The production stack for real: Debian's nginx in front of gunicorn, both on loopback.

Started once per session from deploy/stack.py (the same code the benchmarks use). Missing
nginx is an error, never a skip: these tests are what proves the documented deployment.
"""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "deploy"))
from stack import production_stack  # noqa: E402


@pytest.fixture(scope="session")
def stack():
    with production_stack(workers=2) as running:
        yield running
