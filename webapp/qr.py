"""QR codes as SVG with segno: one function for the inline print header, one for the image URL."""
from __future__ import annotations

import io

import segno
from flask import Response
from markupsafe import Markup


def _svg(url: str, **options) -> str:
    buffer = io.BytesIO()
    # Error level M survives a smudged printout; segno picks the smallest version that fits.
    # Dark modules on an explicit white ground, so the code also scans from a dark-mode screen.
    segno.make(url, error="m", micro=False).save(buffer, kind="svg", xmldecl=False, nl=False,
                                                   dark="#000", light="#fff", omitsize=True, **options)
    return buffer.getvalue().decode("utf-8")


def qr_svg_inline(url: str, label: str) -> Markup:
    """For the print header: scales with CSS, labelled for screen readers. A query too long for
    any QR code (a stranger's ?x=...) falls back to the page's address without it."""
    options = {"svgclass": "qr", "lineclass": None, "title": label}
    try:
        return Markup(_svg(url, **options))
    except segno.DataOverflowError:
        return Markup(_svg(url.split("?", 1)[0], **options))


def qr_svg_response(url: str) -> Response:
    return Response(_svg(url, border=4, svgclass=None, lineclass=None), mimetype="image/svg+xml")
