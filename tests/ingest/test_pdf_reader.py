"""read_pdf on bad input (typed errors) and on the real government PDFs (no crash, tables found, totals add up)."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pymupdf
import pytest

from extractor.blocks import BlockKind
from extractor.errors import EncryptedPDFError, InputError
from extractor.ingest.pdf import read_pdf

REAL = Path(__file__).resolve().parents[2].parent / "shared" / "real-pdfs"


def _pdf_bytes(encrypt: bool = False) -> bytes:
    doc = pymupdf.open()
    doc.new_page().insert_text((72, 72), "hello")
    if encrypt:
        return doc.tobytes(encryption=pymupdf.PDF_ENCRYPT_AES_256, user_pw="secret", owner_pw="owner")
    return doc.tobytes()


def test_not_a_pdf_is_an_input_error() -> None:
    with pytest.raises(InputError, match="not a PDF"):
        read_pdf("ยุทธศาสตร์ที่ 1 | plain text dump".encode())


def test_empty_input_is_an_input_error() -> None:
    with pytest.raises(InputError, match="empty"):
        read_pdf(b"")


def test_missing_file_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="cannot read"):
        read_pdf(tmp_path / "missing.pdf")


def test_truncated_pdf_is_an_input_error() -> None:
    with pytest.raises(InputError):
        read_pdf(b"%PDF-1.7\n1 0 obj <<\n")


def test_encrypted_pdf_is_reported_as_such() -> None:
    with pytest.raises(EncryptedPDFError):
        read_pdf(_pdf_bytes(encrypt=True))


def test_page_out_of_range_is_an_input_error() -> None:
    with pytest.raises(InputError, match="out of range"):
        read_pdf(_pdf_bytes(), pages=[2])


def test_reads_from_path_and_bytes_alike(tmp_path: Path) -> None:
    path = tmp_path / "one.pdf"
    path.write_bytes(_pdf_bytes())
    a, b = read_pdf(path), read_pdf(path.read_bytes())
    assert [x.text for x in a.blocks] == [x.text for x in b.blocks] == ["hello"]
    assert a.sha256 == b.sha256 and a.input_format == "pdf"
    assert [(p.number, p.route) for p in a.pages] == [(1, "text")]


needs_real = pytest.mark.skipif(not (REAL / "31.pdf").exists(), reason="real PDFs not available")


@needs_real
@pytest.mark.parametrize("name", ["31.pdf", "14.pdf"])
def test_real_pdf_reads_into_the_block_flow(name: str) -> None:
    doc = read_pdf(REAL / name)
    assert len(doc.pages) == pymupdf.open(REAL / name).page_count
    assert sum(b.is_table for b in doc.blocks) >= 20
    assert all(b.provenance.page is not None for b in doc.blocks)
    assert all(c.provenance.page for b in doc.blocks if b.is_table for r in b.rows for c in r.cells)


# 31.pdf page 11, section 3.2 (budget by unit and strategy), typed from the rendered page.  Units: million baht.
HEADER_31_11 = [
    "หน่วยงาน - ประเภทงบประมาณรายจ่าย",
    "รวมทั้งสิ้น",
    "ด้านความมั่นคง",
    "ด้านการสร้างความสามารถในการแข่งขัน",
    "ด้านการพัฒนาและเสริมสร้างศักยภาพทรัพยากรมนุษย์",
    "ด้านการสร้างโอกาสและความเสมอภาคทางสังคม",
    "ด้านการสร้างการเติบโตบนคุณภาพชีวิตที่เป็นมิตรต่อสิ่งแวดล้อม",
    "ด้านการปรับสมดุลและพัฒนาระบบการบริหารจัดการภาครัฐ",
    "รายการค่าดำเนินการภาครัฐ",
]
ROWS_31_11 = [
    ["รวมทั้งสิ้น", "478.9665", "-", "-", "-", "312.3898", "-", "166.5767", "-"],
    ["งบประมาณรายจ่ายบุคลากร", "282.8268", "-", "-", "-", "204.3678", "-", "78.4590", "-"],
    ["งบประมาณรายจ่ายของหน่วยรับงบประมาณ", "192.0550", "-", "-", "-", "103.9373", "-", "88.1177", "-"],
    ["งบประมาณรายจ่ายบูรณาการ", "4.0847", "-", "-", "-", "4.0847", "-", "-", "-"],
    ["ส่วนราชการ", "478.9665", "-", "-", "-", "312.3898", "-", "166.5767", "-"],
    ["1. สำนักงานคณะกรรมการการแข่งขันทางการค้า", "166.5767", "-", "-", "-", "-", "-", "166.5767", "-"],
    ["งบประมาณรายจ่ายบุคลากร", "78.4590", "-", "-", "-", "-", "-", "78.4590", "-"],
    ["งบประมาณรายจ่ายของหน่วยรับงบประมาณ", "88.1177", "-", "-", "-", "-", "-", "88.1177", "-"],
    ["2. สำนักงานสภาเกษตรกรแห่งชาติ", "312.3898", "-", "-", "-", "312.3898", "-", "-", "-"],
    ["งบประมาณรายจ่ายบุคลากร", "204.3678", "-", "-", "-", "204.3678", "-", "-", "-"],
    ["งบประมาณรายจ่ายของหน่วยรับงบประมาณ", "103.9373", "-", "-", "-", "103.9373", "-", "-", "-"],
    ["งบประมาณรายจ่ายบูรณาการ", "4.0847", "-", "-", "-", "4.0847", "-", "-", "-"],
]


@pytest.fixture(scope="module")
def budget_table_31_11():
    doc = read_pdf(REAL / "31.pdf", pages=[11])
    tables = [b for b in doc.blocks if b.is_table and len(b.rows) > 5]
    assert len(tables) == 1
    return tables[0]


@needs_real
def test_31_page_11_header_is_one_row_of_nine_unspanned_labels(budget_table_31_11) -> None:
    # on the page every header label has its own ruled cell: no spanned header cells in this table
    header = [r for r in budget_table_31_11.rows if r.is_header]
    assert len(header) == 1
    assert [c.text for c in header[0].cells] == HEADER_31_11
    assert all(c.row_span == 1 and c.col_span == 1 for c in header[0].cells)


@needs_real
def test_31_page_11_rows_as_read_on_the_page(budget_table_31_11) -> None:
    body = [r.texts for r in budget_table_31_11.rows if not r.is_header]
    assert body == ROWS_31_11


@needs_real
def test_31_page_11_total_row_equals_the_sum_of_its_parts(budget_table_31_11) -> None:
    body = [r.texts for r in budget_table_31_11.rows if not r.is_header]
    total, parts = body[0], body[1:4]

    def amount(text: str) -> Decimal:
        return Decimal(0) if text == "-" else Decimal(text.replace(",", ""))

    for col in range(1, 9):
        assert sum(amount(p[col]) for p in parts) == amount(total[col])
    # and across: the total column is the sum of the strategy columns
    assert amount(total[1]) == sum(amount(total[col]) for col in range(2, 9))


@needs_real
def test_31_page_11_budget_summary_is_a_borderless_table() -> None:
    doc = read_pdf(REAL / "31.pdf", pages=[11])
    small = [b for b in doc.blocks if b.is_table and len(b.rows) == 3]
    assert [r.texts for r in small[0].rows] == [
        ["งบประมาณรายจ่าย", "478,966,500", "บาท"],
        ["รายจ่ายประจำ", "473,710,000", "บาท"],
        ["รายจ่ายลงทุน", "5,256,500", "บาท"],
    ]
    assert doc.blocks[0].kind is BlockKind.HEADING


def test_glyph_code_memory_never_reuses_a_conflicting_code() -> None:
    from extractor.ingest.pdf_page import GlyphCodes

    codes = GlyphCodes()
    codes.learn(("DilleniaUPC", 201), "É")
    assert codes.covers([("DilleniaUPC", 201)])
    assert not codes.covers([("DilleniaUPC", 201), ("DilleniaUPC", 202)])
    codes.learn(("DilleniaUPC", 201), "Ê")
    assert not codes.covers([("DilleniaUPC", 201)])


@needs_real
def test_legacy_codes_from_memory_match_a_fresh_read() -> None:
    from extractor.ingest.pdf_page import GlyphCodes, read_glyphs

    doc = pymupdf.open(REAL / "31.pdf")
    codes = GlyphCodes()
    for page in list(doc)[10:30]:
        shared = read_glyphs(page, codes)
        fresh = read_glyphs(page)
        differ = [(a.char, b.char) for a, b in zip(shared, fresh) if a.char != b.char]
        assert all(b == "\ufffd" for _, b in differ)  # memory may only fill what rawdict missed
