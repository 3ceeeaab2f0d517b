"""Invariants of the shipped content: sourced, dated, one vocabulary, every app checkable."""
from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from webapp.catalog import vocab

CSS = (Path(__file__).resolve().parent.parent / "static" / "css" / "app.css").read_text()
REQUIRED_APPS = {"whatsapp", "messenger", "instagram", "facebook", "signal", "imessage", "google-messages",
                 "telegram", "snapchat", "discord", "x", "viber", "line", "threema", "wire", "zoom", "threads", "bluesky", "element", "simplex"}


def test_all_sixteen_apps_and_the_skype_note_are_there(catalog):
    assert set(catalog.apps) == REQUIRED_APPS
    assert [r.id for r in catalog.topics.retired] == ["skype"]


def test_every_step_status_and_claim_has_https_sources_with_how_they_were_read(catalog):
    for app in catalog:
        items = [*app.steps, *app.claims, *app.statuses.values()]
        for item in items:
            assert item.sources, f"{app.id}: {getattr(item, 'id', item)} has no source"
            for source in item.sources:
                assert source.url.startswith("https://") and source.title
                assert source.read in vocab.READING
                # A date we lived: nothing was read before this project existed or after today.
                if source.checked:
                    assert dt.date(2026, 11, 1) <= source.checked <= dt.date.today(), source


def test_every_app_has_a_verify_step_and_collectible_claims(catalog):
    for app in catalog:
        assert any(s.kind == "verify" for s in app.steps), app.id
        assert len(app.claims) >= 2, app.id
        assert any(s.kind == "backup" for s in app.steps) or app.statuses["backups"].value == "na", app.id


def test_opt_in_apps_explain_how_to_turn_encryption_on(catalog):
    for app in catalog:
        if app.statuses["chats"].value == "opt-in":
            assert any(s.kind == "enable" for s in app.steps), app.id


def test_values_come_from_one_vocabulary_and_have_a_style(catalog):
    for app in catalog:
        assert set(app.statuses) == set(vocab.SURFACES)
        for status in app.statuses.values():
            assert status.value in vocab.STATUSES
        assert app.verification in vocab.VERIFICATION
    for value in vocab.STATUSES:
        assert f".badge--{value}" in CSS, value
    for value in vocab.CONFIDENCE:
        assert f".confidence--{value}" in CSS, value
    for value in vocab.RUMOR_VERDICTS:
        assert f".verdict--{value}" in CSS, value


def test_todays_truth_over_the_seeds(catalog):
    instagram = catalog.get("instagram")
    assert instagram.statuses["chats"].value == "discontinued"
    assert "8 May 2026" in instagram.notice
    assert "desktop" not in catalog.get("messenger").platforms
    discord = catalog.get("discord")
    assert discord.statuses["calls"].value == "default" and discord.statuses["chats"].value == "none"
    assert catalog.get("telegram").statuses["chats"].value == "opt-in"


def test_disputed_claims_say_so(catalog):
    disputed = [c for app in catalog for c in app.claims if c.confidence == "disputed"]
    assert disputed
    for claim in disputed:
        assert re.search(r"disagree|unclear|not known|unknown|unverified|dispute|conflict|not confirmed|cannot confirm"
                         r"|no source|not sure|do not say|don't say|does not say|unsettled", claim.text, re.I), claim.id


def test_ai_training_page_pulls_the_objection_steps_from_the_app_files(catalog):
    explainer = catalog.topics.explainers["ai-training"]
    steps = catalog.steps
    assert {steps[s].kind for s in explainer.steps} == {"object"}
    assert {s.split(".")[0] for s in explainer.steps} == {"instagram", "facebook"}


def test_rumors_point_at_existing_steps(catalog):
    steps = catalog.steps
    assert len(catalog.topics.rumors) >= 3
    for rumor in catalog.topics.rumors:
        assert rumor.helps and all(s in steps for s in rumor.helps)
