"""The committed messages.pot is exactly what extraction produces (SecureDrop's drift check)."""
from webapp.cli import POT, extract_pot


def test_committed_pot_matches_the_strings_in_the_code(tmp_path):
    fresh = tmp_path / "messages.pot"
    extract_pot(fresh)
    assert fresh.read_text(encoding="utf-8") == POT.read_text(encoding="utf-8"), (
        "strings changed: run `.venv/bin/flask --app webapp translate extract` and commit translations/messages.pot")


def test_content_strings_are_extracted_with_their_step_id(tmp_path):
    text = POT.read_text(encoding="utf-8")
    assert "#. whatsapp.backup.e2ee: step title\n" in text
    assert 'msgctxt "whatsapp menu"\nmsgid "Chat backup"' in text
    assert "#. rumor.dms-feed-meta-ai: what is true" in text
