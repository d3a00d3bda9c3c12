"""Bad inputs, made in the test: each must give a typed error (API) or a clear message and exit code (CLI)."""

import pymupdf
import pytest

THAI_FONT = "/usr/share/fonts/truetype/tlwg/Garuda.ttf"


def pdf_bytes(text: str = "แผนปฏิบัติราชการ ประจำปี 2567", pages: int = 1, **save_options) -> bytes:
    doc = pymupdf.open()
    for _ in range(pages):
        page = doc.new_page()
        page.insert_text((72, 72), "Plan 2567")
    data = doc.tobytes(**save_options)
    doc.close()
    return data


@pytest.fixture
def good_pdf() -> bytes:
    return pdf_bytes()
