import hashlib
import re
from pathlib import Path

VENDOR = Path(__file__).resolve().parent.parent / "static" / "vendor"


def test_every_vendored_file_matches_its_recorded_checksum():
    table = (VENDOR / "README.md").read_text()
    rows = re.findall(r"^\| `([^`]+)` \| `[^`]+` \| [^|]+ \| `([0-9a-f]{64})` \|", table, flags=re.M)
    files = sorted(p.name for p in VENDOR.iterdir() if p.name != "README.md")
    assert sorted(name for name, _ in rows) == files
    for name, digest in rows:
        assert hashlib.sha256((VENDOR / name).read_bytes()).hexdigest() == digest, name


def test_vendored_htmx_is_version_2_0():
    head = (VENDOR / "htmx-2.0.11.min.js").read_text()
    assert 'version:"2.0.11"' in head.replace(" ", "")
