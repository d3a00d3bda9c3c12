"""A work-step table's row of months (ต.ค. … ก.ย.) with months Tesseract read as Latin restored from the calendar
order of the months it read right (``extractor/thai/ocr_months.py``), in OCR tables only, with a finding."""

import pytest

from extractor.blocks import Block, BlockKind, Cell, Provenance, Row
from extractor.ingest.ocr_recheck import recheck_headings
from extractor.thai.ocr_months import restore_month_row

FISCAL = ["ต.ค.", "พ.ย.", "ธ.ค.", "ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.", "ก.ค.", "ส.ค.", "ก.ย."]
SPANNED = [None, None, None]  # the step, share and cumulative headers spanned over from the row above


def _fixed(texts):
    fixes, evidence = restore_month_row(texts)
    out = list(texts)
    for fix in fixes:
        out[fix.index] = fix.after
    return out, evidence


@pytest.mark.parametrize(
    "read",
    [
        # seen on the scans of seeds 001 and 002
        ["ต.ค.", "พ.ย.", "ธ.ค.", "ม.ค.", "aw", "มี.ค.", "เม.ย", ". wa.", "มิ.ย.", "na.", "ส.ค.", "fe."],
        ["ารต.ค.", "We.", "ธ.ค.", "ม.ค.", "mw", "มี.ค.", "เม.ย.", "wa.", "ม\nfie", "ma.", "aa.", "ne."],  # 4 read right
        ["A าร", "พ.ย.", "ธ.ค.", "WA.", "ก.พ.", "มี.ค.", "เม.ย", ". Wa.", "มิ.ย.", "ma.", "ส.ค.", "ก.ย"],  # ต.ค. lost
    ],
)
def test_misread_months_take_their_place_in_the_calendar(read):
    fixed, evidence = _fixed(SPANNED + read + [None])
    assert fixed == SPANNED + FISCAL + [None]
    assert "ต.ค. … ก.ย." in evidence


def test_a_calendar_year_row_is_a_month_row_too():
    calendar = FISCAL[3:] + FISCAL[:3]
    read = ["ม.ค.", "n.W.", *calendar[2:10], "wa.", "ธ.ค."]
    assert _fixed(read)[0] == calendar


@pytest.mark.parametrize(
    "texts",
    [
        FISCAL,  # read right: nothing to do
        ["ต.ค.", "aw", "ธ.ค.", "xx", "ก.พ.", "yy"],  # three months read: too few to say the row is months
        ["ต.ค.", "พ.ย.", "ก.พ.", "ม.ค.", "ธ.ค.", "ws", "ww"],  # months out of order
        ["ต.ค.-ธ.ค.", "ม.ค.-มี.ค.", "เม.ย.-มิ.ย.", "ก.ค.-ก.ย."],  # quarters
        ["ขั้นตอนที่ 1 จัดทำโครงการ", "๕", "๕", "", "", "", "", "", ""],
    ],
)
def test_rows_that_are_not_misread_months_are_left_alone(texts):
    assert restore_month_row(texts) == ([], "") or _fixed(texts)[0] == texts


def test_a_long_or_empty_cell_ends_the_run_of_months():
    texts = ["ขั้นตอนการปฏิบัติงาน", "ต.ค.", "พ.ย.", "ธ.ค.", "ม.ค.", "aw", ""]
    assert _fixed(texts)[0] == ["ขั้นตอนการปฏิบัติงาน", "ต.ค.", "พ.ย.", "ธ.ค.", "ม.ค.", "ก.พ.", ""]


def test_month_rows_of_ocr_tables_are_restored_with_a_finding():
    def table(page: int) -> Block:
        header = Row([Cell("ขั้นตอนการปฏิบัติงาน", "ขั้นตอนการปฏิบัติงาน", row_span=2), Cell("ระยะเวลาดำเนินการ", "ระยะเวลาดำเนินการ", col_span=12)])
        spanned = Cell("ขั้นตอนการปฏิบัติงาน", "ขั้นตอนการปฏิบัติงาน", inherited=True)
        months = Row([spanned] + [Cell(t, t) for t in ["ต.ค.", "พ.ย.", "ธ.ค.", "ม.ค.", "aw", "มี.ค.", "เม.ย.", "wa.", "มิ.ย.", "na.", "ส.ค.", "fe."]])
        return Block(BlockKind.TABLE, rows=[header, months], provenance=Provenance(page=page))

    scanned, born = table(1), table(2)
    findings = recheck_headings([scanned, born], {1})
    assert [c.text for c in scanned.rows[1].cells] == ["ขั้นตอนการปฏิบัติงาน", *FISCAL]
    assert born.rows[1].cells[5].text == "aw"  # a text layer is read as written
    [(code, message, _)] = findings
    assert code == "ocr.month_restored" and "'aw' → 'ก.พ.'" in message and "'fe.' → 'ก.ย.'" in message
