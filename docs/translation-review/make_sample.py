"""Draw the 100-entry review sample every locale is scored on (issue #17, step 4).

The same entries in every locale, chosen without looking at any translation: 20 safety strings
(a status that is negated or opt-in, or a step that turns off a backup or resets a key, PIN or
account), 15 app menu labels and 65 others, each group ordered by a SHA-256 of a fixed seed and the
entry. Run once when a review round starts; the committed sample.json is the record of that round.

    .venv/bin/python docs/translation-review/make_sample.py > docs/translation-review/sample.json
"""
from __future__ import annotations

import hashlib
import json
import re
import sys
from pathlib import Path

from babel.messages.pofile import read_po

SEED = "lockstep translation review 2026-12"
POT = Path(__file__).resolve().parents[2] / "translations" / "messages.pot"
SAFETY = re.compile(r"\bnot (?:be |been |yet )?(?:end-to-end encrypted|encrypted end to end)\b|\bno end-to-end\b|"
                    r"\bopt-in\b|\bopt in\b|\bturn(?:ing)? off\b.*\bbackup|\bbackup\b.*\b(?:off|delet|lose|lost)|"
                    r"\breset|\brecovery (?:key|code|phrase)|\bPIN\b|\bdelete|\blose\b|\blost\b", re.IGNORECASE)
GROUPS = (("safety", 20), ("menu label", 15), ("other", 65))


def key(message) -> str:
    msgid = message.id[0] if isinstance(message.id, (list, tuple)) else message.id
    return f"{message.context}\x04{msgid}" if message.context else msgid


def group(message) -> str:
    english = " ".join(message.id) if isinstance(message.id, (list, tuple)) else message.id
    if message.context and message.context.endswith(" menu"):
        return "menu label"
    return "safety" if SAFETY.search(english) else "other"


def main() -> None:
    with open(POT, "rb") as f:
        messages = [m for m in read_po(f) if m.id]
    sample = []
    for name, size in GROUPS:
        members = sorted((m for m in messages if group(m) == name),
                         key=lambda m: hashlib.sha256(f"{SEED}\n{key(m)}".encode()).hexdigest())
        sample += [{"key": key(m), "group": name} for m in members[:size]]
    json.dump({"seed": SEED, "drawn_from": "translations/messages.pot", "entries": sample}, sys.stdout,
              ensure_ascii=False, indent=1)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
