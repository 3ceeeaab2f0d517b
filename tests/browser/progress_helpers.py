"""Shared helpers of the progress browser tests: read and write this device's saved progress."""
from __future__ import annotations

import json

from playwright.sync_api import Page

KEY = "lockstep.progress.v1"
ASIDE = "lockstep.progress.unreadable"


def tick(page: Page, step_id: str) -> None:
    page.locator(f'label[for="check-{step_id}"]').click()


def stored(page: Page) -> dict:
    return json.loads(page.evaluate(f"localStorage.getItem('{KEY}')") or "{}")


def raw(page: Page, key: str = KEY) -> str | None:
    return page.evaluate("(k) => localStorage.getItem(k)", key)


def put(page: Page, value: str, key: str = KEY) -> None:
    """Write saved data as another version (or a broken device) would have left it."""
    if not page.url.startswith("http"):
        page.goto("/en/")
    page.evaluate("([k, v]) => localStorage.setItem(k, v)", [key, value])


def record(step, state="done", at="2026-11-01T10:00:00.000Z") -> dict:
    return {"id": step.id, "rev": step.rev, "state": state, "done": state == "done", "at": at}
