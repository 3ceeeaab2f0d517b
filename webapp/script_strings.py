"""The strings the scripts show, in the visitor's language: one file per locale
(`/<locale>/strings.js`, views/offline.py), cached and precached once, instead of a copy in
every page."""
from __future__ import annotations

from flask import url_for
from flask_babel import gettext as _

from .catalog import vocab
from .on_device import on_device_strings


def script_strings() -> dict:
    return {
        "confirmResetApp": _("Clear your ticks for this app on this device? This cannot be undone."),
        "confirmResetAll": _("Clear all your ticks for every app on this device? This cannot be undone."),
        "unreadablePart": _("Part of the progress saved on this device could not be read: %(kept)s records were kept and %(aside)s set aside, not deleted.", kept="{kept}", aside="{aside}"),
        "unreadableAll": _("The progress saved on this device could not be read at all: it was set aside, not deleted, and %(kept)s records were kept.", kept="{kept}"),
        "storageStuck": _("Part of the progress saved on this device could not be read, and there is no room to set it aside. Nothing was changed, and nothing will be saved here until you free some space."),
        "showSetAside": _("See what was set aside"),
        "setAsideUrl": url_for("locale.reading.progress") + "#set-aside",
        "dismiss": _("Dismiss"),
        "unknownApps": _("Apps saved in your list but not on Lockstep: %(count)s. They are kept on this device and not shown.", count="{count}"),
        "stateLabels": {"skipped": _("Skipped"), "not-for-me": _("Not for me")},
        "stepChanged": _("This step changed since you ticked it. Please check it again."),
        "stepElsewhere": _("Not for your platform: not counted in your progress."),
        "skip": _("Skip"),
        "myChoices": {"iUse": _("I use %(app)s", app="{app}"), "platform": _("My phone or computer"),
                      "noPlatform": _("Not chosen: count every platform"),
                      "platforms": {code: str(label) for code, label in vocab.PLATFORMS.items()},
                      "note": _("Saved on this device with your ticks, never sent.")},
        "confirmDiscardAside": _("Delete the data that was set aside on this device? This cannot be undone."),
        "asideSummary": _("Items set aside on this device: %(aside)s.", aside="{aside}"),
        "asideEmpty": _("Nothing is set aside on this device."),
        "asideDiscarded": _("The data that was set aside has been deleted."),
        "storageFull": _("This device is out of storage space for Lockstep, so this tick was not saved. Free some space, or save a copy of your progress."),
        "storagePersistent": _("Your ticks are saved on this device, and your browser has agreed to keep them."),
        "storageMayBeCleared": _("Your ticks are saved on this device, but your browser may clear them when it runs short of space. Save a copy to be safe."),
        "offlineReady": _("Ready to use offline."),
        "offlineIncomplete": _("Not everything could be saved for offline use yet. What was saved before is kept; Lockstep tries again on your next visit."),
        "exportEmpty": _("There are no ticks on this device yet."),
        "importDone": _("Restored: %(added)s new, %(updated)s updated, %(kept)s kept because this device had a newer tick.", added="{added}", updated="{updated}", kept="{kept}"),
        "importEmpty": _("Please paste a code or choose a file."),
        "importTooLarge": _("That file is too large to be a Lockstep copy. Nothing was changed."),
        "importInvalid": _("That is not a Lockstep copy, or it is damaged. Nothing was changed."),
        "importNewer": _("That copy comes from a newer version of Lockstep. Reload the page and try again. Nothing was changed."),
        "copied": _("Copied."),
        "onDevice": on_device_strings(),
        "storageFailed": _("Your browser did not let Lockstep save this tick. Ticks will not be kept after you close the page."),
    }
