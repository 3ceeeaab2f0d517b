"""The closed vocabularies of the content files, with their visible labels.

The loader rejects any value not listed here, so templates, the compare page and the
tests all speak the same words.
"""
from flask_babel import lazy_gettext as _l

PLATFORMS = {
    "android": _l("Android"),
    "ios": _l("iPhone"),
    "web": _l("Web"),
    "desktop": _l("Desktop"),
}

SURFACES = {
    "chats": _l("One-to-one chats"),
    "groups": _l("Group chats"),
    "calls": _l("Calls"),
    "backups": _l("Backups"),
}

# E2EE status of one surface.
STATUSES = {
    "default": _l("On by default"),
    "opt-in": _l("Opt-in"),
    "partial": _l("Partial"),
    "none": _l("Not encrypted end to end"),
    "discontinued": _l("Discontinued"),
    "na": _l("Not offered"),
}

STEP_KINDS = {
    "enable": _l("Turn on end-to-end encryption"),
    "verify": _l("Check that it is on"),
    "backup": _l("Secure your backups"),
    "ai": _l("AI features"),
    "object": _l("Object to AI training"),
    "learn": _l("Good to know"),
}

# How much a step matters: the checklist and the walkthrough put the essential ones first.
PRIORITIES = {
    "essential": _l("Essential"),
    "recommended": _l("Recommended"),
    "optional": _l("Optional"),
}

CLAIM_CATEGORIES = {
    "metadata": _l("Metadata"),
    "ai": _l("AI interactions"),
    "reports": _l("Reported messages"),
    "business": _l("Business chats"),
    "backups": _l("Backups"),
    "account": _l("Account and device data"),
}

# How a source was really read. The date a page shows is derived from these, never typed.
READING = {
    "own-page": _l("read on its own page"),
    "stored-copy": _l("read in a stored copy"),
    "cited": _l("only seen cited by another source"),
    "unread": _l("not re-read since an earlier edition"),
}

CONFIDENCE = {
    "confirmed": _l("Confirmed"),
    "likely": _l("Likely"),
    "disputed": _l("Disputed"),
}

RUMOR_VERDICTS = {
    "wrong": _l("Wrong"),
    "misleading": _l("Misleading"),
    "half-true": _l("Half true"),
    "accurate": _l("Accurate"),
}

# How a person can check that a chat really is end-to-end encrypted.
VERIFICATION = {
    "keys": _l("Compare keys or codes"),
    "indicator": _l("Only an in-app sign"),
    "none": _l("No way to check"),
}

# Filters of the compare page: what a visitor needs, and which apps meet it.
COMPARE_NEEDS = {
    "chats": _l("One-to-one chats encrypted by default"),
    "groups": _l("Group chats encrypted by default"),
    "calls": _l("Calls encrypted by default"),
    "backups": _l("Backups can be end-to-end encrypted"),
    "verify": _l("You can compare keys or codes"),
    "no-ai": _l("No AI assistant inside"),
}
