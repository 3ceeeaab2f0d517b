"""Print the before/after table of the review records (docs/translation-review/<locale>.json).

    .venv/bin/python docs/translation-review/summary.py
"""
from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

from babel.messages.pofile import read_po

from webapp.labels import load as load_label_sources
from webapp.i18n import BY_URL_CODE

HERE = Path(__file__).resolve().parent
TRANSLATIONS = HERE.parents[1] / "translations"
ORDER = ("accepted", "awkward", "wrong", "dangerous")


def counts(scores) -> str:
    tally = Counter(score["verdict"] for score in scores)
    return " / ".join(str(tally[verdict]) for verdict in ORDER)


def menu_labels(url_code: str, sourced: frozenset) -> Counter:
    """This catalog's menu labels now, read from the .po: with a recorded source (the app's own words,
    as webapp/labels.py reads them), our translation without one, and English kept without one."""
    with open(TRANSLATIONS / BY_URL_CODE[url_code].babel_code / "LC_MESSAGES" / "messages.po", "rb") as f:
        menu = [m for m in read_po(f) if m.context and m.context.endswith(" menu")]
    states = Counter("source" if (m.context, m.id) in sourced else "english" if m.string == m.id else "ours"
                     for m in menu)
    states["in English"] = sum(m.string == m.id for m in menu)  # sourced or not
    return states


def main() -> None:
    print("| locale | before (1st reviewer) | after fixes (1st) | after round 2 (2nd reviewer) "
          "| after round 3 (3rd reviewer) | after the label round (fixed by one helper, scored by another) "
          "| entries changed (1st + 2nd + 3rd + label round) | English menu labels: at the start → now "
          "| menu labels now: source recorded / our translation / English |")
    print("|---|---|---|---|---|---|---:|---|---|")
    sourced = load_label_sources(TRANSLATIONS)
    for path in sorted(HERE.glob("*.json")):
        if path.name == "sample.json":
            continue
        data = json.loads(path.read_text(encoding="utf-8"))
        reviewers = [data.get("second_reviewer", {}), data.get("third_reviewer", {})]
        # Each round's "after" is kept under the next round's name when a later round re-scores.
        label_round = data.get("label_round", {})
        latest = data.get("after_before_label_round", data["after"])
        first = data.get("after_first_reviewer", latest)
        second = data.get("after_second_reviewer", latest) if reviewers[0] else None
        third = latest if reviewers[1] else None
        labelled = data["after"] if label_round else None
        labels = data.get("menu_labels_english", {})
        now = menu_labels(data["locale"], sourced[BY_URL_CODE[data["locale"]].babel_code])
        total = now["source"] + now["ours"] + now["english"]
        # The label round's fixes: its fixer's, a follow-up fix, and the same rule applied to the rest of the catalog.
        label_parts = [label_round.get("fixer", {}), *(step["fixer"] for step in label_round.get("follow_up", [])),
                       label_round.get("consistency", {})]
        label_changed = {"changed_entries": sum(part.get("changed_entries", 0) for part in label_parts)} if label_round else {}
        changed = " + ".join(str(entry.get("changed_entries", 0)) for entry in [data, *reviewers, label_changed] if entry)
        cells = [counts(data["before"]), counts(first)] + [counts(s) if s else "—" for s in (second, third, labelled)]
        print(f"| {data['locale']} | {' | '.join(cells)} | {changed} | {labels.get('before')} → {now['in English']} of {total} "
              f"| {now['source']} / {now['ours']} / {now['english']} |")
    print("\nCounts are accepted / awkward / wrong / dangerous, of the same 100 entries (sample.json). The last "
          "round's column includes the follow-up scores of entries whose English or translation changed after it "
          "(\"follow_up\" in a record). In the label round, one helper replaced unconfirmed English labels in sentences "
          "(TRANSLATING.md) and a different helper re-scored every sample entry that changed or was not accepted "
          "(\"label_round\" in a record). \"Now\" is counted from the .po files.")


if __name__ == "__main__":
    main()
