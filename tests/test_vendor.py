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


def test_vendored_qr_library_is_qrcode_generator_2_0_4_as_an_es_module():
    text = (VENDOR / "qrcode-generator-2.0.4.esm.js").read_text()
    assert "export default qrcode;" in text and "createSvgTag" in text
