"""Print the before/after table of the review records (docs/translation-review/<locale>.json).

    .venv/bin/python docs/translation-review/summary.py
"""
from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
ORDER = ("accepted", "awkward", "wrong", "dangerous")


def counts(scores) -> str:
    tally = Counter(score["verdict"] for score in scores)
    return " / ".join(str(tally[verdict]) for verdict in ORDER)


def main() -> None:
    print("| locale | before (1st reviewer) | after fixes (1st reviewer) | after round 2 (2nd reviewer) "
          "| entries changed (1st + 2nd) | English menu labels (of 162): start → end |")
    print("|---|---|---|---|---:|---|")
    for path in sorted(HERE.glob("*.json")):
        if path.name == "sample.json":
            continue
        data = json.loads(path.read_text(encoding="utf-8"))
        first = data.get("after_first_reviewer", data["after"])
        second = data.get("second_reviewer", {})
        labels = data.get("menu_labels_english", {})
        end = second.get("menu_labels_english_after", labels.get("after"))
        changed = f"{data.get('changed_entries', 0)} + {second.get('changed_entries', 0)}"
        print(f"| {data['locale']} | {counts(data['before'])} | {counts(first)} | {counts(data['after'])} "
              f"| {changed} | {labels.get('before')} → {end} |")
    print("\nCounts are accepted / awkward / wrong / dangerous, of the same 100 entries (sample.json).")


if __name__ == "__main__":
    main()
