"""Bad inputs, made in the test: each must give a typed error (API) or a clear message and exit code (CLI)."""

from __future__ import annotations

import zlib
from pathlib import Path

import pymupdf
import pytest

THAI_FONT = Path("/usr/share/fonts/truetype/tlwg/Garuda.ttf")


def pdf_bytes(
    text: str = "แผนปฏิบัติราชการ ประจำปี 2567", pages: int = 1, width: float = 595, height: float = 842, **save_options
) -> bytes:
    """A small PDF with ``text`` on each page (in a Thai font when one is installed, else its ASCII part)."""
    doc = pymupdf.open()
    for _ in range(pages):
        page = doc.new_page(width=width, height=height)
        if THAI_FONT.exists():
            page.insert_font(fontname="garuda", fontfile=str(THAI_FONT))
            page.insert_text((72, 72), text, fontname="garuda", fontsize=14)
        else:
            page.insert_text((72, 72), text.encode("ascii", "ignore").decode() or "Plan 2567")
    data = doc.tobytes(**save_options)
    doc.close()
    return data


def raw_pdf(objects: list[bytes]) -> bytes:
    """A PDF written by hand from its object bodies (1-based numbering), with a correct xref table."""
    out = bytearray(b"%PDF-1.7\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer<</Size %d/Root 1 0 R>>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def big_image_pdf(width_px: int, height_px: int) -> bytes:
    """One A4 page showing a grey image of the given pixel size (compressed: a few hundred KiB, never decoded)."""
    compressor = zlib.compressobj(9)
    row = bytes(width_px)
    stream = b"".join(compressor.compress(row) for _ in range(height_px)) + compressor.flush()
    image = b"<</Type/XObject/Subtype/Image/Width %d/Height %d/ColorSpace/DeviceGray/BitsPerComponent 8" % (
        width_px,
        height_px,
    )
    image += b"/Filter/FlateDecode/Length %d>>stream\n" % len(stream) + stream + b"\nendstream"
    content = b"q 595 0 0 842 0 0 cm /Im0 Do Q"
    return raw_pdf(
        [
            b"<</Type/Catalog/Pages 2 0 R>>",
            b"<</Type/Pages/Kids[3 0 R]/Count 1>>",
            b"<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]/Resources<</XObject<</Im0 4 0 R>>>>/Contents 5 0 R>>",
            image,
            b"<</Length %d>>stream\n" % len(content) + content + b"\nendstream",
        ]
    )


def zero_page_pdf() -> bytes:
    return raw_pdf([b"<</Type/Catalog/Pages 2 0 R>>", b"<</Type/Pages/Kids[]/Count 0>>"])


@pytest.fixture(scope="session")
def good_pdf() -> bytes:
    return pdf_bytes()
