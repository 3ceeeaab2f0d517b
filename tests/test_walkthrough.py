"""The walkthrough on the server: one screen per step, then a summary; guides name the app."""
from __future__ import annotations


from webapp.script_strings import script_strings
from webapp.templating import progress_steps


def test_the_step_after_the_last_is_the_summary_and_the_next_is_404(client, catalog):
    total = len(catalog.get("signal").steps)
    summary = client.get(f"/en/signal/walk/{total + 1}/")
    assert summary.status_code == 200
    text = summary.get_data(as_text=True)
    assert "Summary" in text and 'data-count="skipped"' in text and 'data-next-app="whatsapp"' in text
    assert client.get(f"/en/signal/walk/{total + 2}/").status_code == 404
    last = client.get(f"/en/signal/walk/{total}/").get_data(as_text=True)
    assert "Done, see the summary" in last and f'href="/en/signal/walk/{total + 1}/"' in last


def test_every_walk_screen_offers_done_skip_and_not_for_me(client, catalog):
    step = catalog.get("whatsapp").steps[0]
    text = client.get("/en/whatsapp/walk/").get_data(as_text=True)
    for state in ("done", "skipped", "not-for-me"):
        assert f'data-walk-state="{state}" data-step-id="{step.id}" data-rev="{step.rev}"' in text
    assert f"About {step.minutes} minute" in text


def test_a_guide_walkthrough_names_the_app_and_announces_the_next_one(client, catalog):
    whatsapp = catalog.get("whatsapp").steps_for("android")
    last = client.get(f"/en/guide/walk/{len(whatsapp)}/?apps=whatsapp,signal&platform=android").get_data(as_text=True)
    assert "App: WhatsApp" in last and "Done, next app: Signal" in last
    first_signal = client.get(f"/en/guide/walk/{len(whatsapp) + 1}/?apps=whatsapp,signal&platform=android")
    assert "App: Signal" in first_signal.get_data(as_text=True)


def test_progress_data_carries_platforms_and_the_plural_forms_of_the_locale(app, catalog):
    step = catalog.get("whatsapp").steps[0]
    assert progress_steps([step]) == f"{step.id}@{step.rev}@{','.join(step.platforms)}"
    # The scripts pick a form by Intl.PluralRules (CLDR, like Babel) for the total they count.
    with app.test_request_context("/en/"):
        assert script_strings()["onDevice"]["progress"] == {"one": "{done} of {count} step done",
                                                           "other": "{done} of {count} steps done"}
    with app.test_request_context("/ru/"):
        assert set(script_strings()["onDevice"]["progress"]) == {"one", "few", "many"}
