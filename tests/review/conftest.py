"""Inputs for the review page tests: a small generated plan PDF (Thai heading and a ruled project table) and the
smallest corpus seed."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.layout.pdfgen import CellSpec, Drawer, draw_table

ROOT = Path(__file__).resolve().parents[2]
SCREENSHOTS = ROOT / "test-output" / "review"
HEADINGS = [
    "แผนปฏิบัติราชการประจำปี พ.ศ. 2567 สำนักงานเขตทดสอบ",
    "ส่วนที่ 1 ความสอดคล้องกับยุทธศาสตร์",
    "มิติที่ 1 การบริการสาธารณะ",
    "ยุทธศาสตร์ที่ 7 การบริหาร",
    "ยุทธศาสตร์ย่อยที่ 7.5 เทคโนโลยี",
]
PROJECT_HEADER = ["รหัสยุทธศาสตร์", "โครงการ/กิจกรรมสำคัญ", "งบประมาณ", "ส่วนราชการ", "รหัสนโยบาย"]
PROJECT_ROW = [["775013"], ["โครงการจัดหาระบบ", "Web Hosting"], ["9,950,000"], ["กคพ."], ["P058"]]
# A targets table under the title, with a cell spanning two rows and one spanning two columns.
SPANNED_CELLS = [
    CellSpec(0, 0, ["ตัวชี้วัด"], row_span=2), CellSpec(0, 1, ["ค่าเป้าหมาย"], col_span=2),
    CellSpec(1, 1, ["2566"]), CellSpec(1, 2, ["2567"]),
]


def plan_pdf_bytes() -> bytes:
    """One A4 page of a 2567 plan: the title, a small table with merged cells, the headings of Part 1 down to a
    sub-strategy, then a ruled project table with one project row."""
    d = Drawer()
    d.new_page()
    d.text(50, 60, HEADINGS[0], size=14, bold=True)
    draw_table(d, 60, 75, [150, 100, 100], [20, 20], SPANNED_CELLS, size=10)
    for i, text in enumerate(HEADINGS[1:]):
        d.text(50, 150 + 26 * i, text, size=14, bold=True)
    cells = [CellSpec(0, c, [text], bold=True) for c, text in enumerate(PROJECT_HEADER)]
    cells += [CellSpec(1, c, lines) for c, lines in enumerate(PROJECT_ROW)]
    draw_table(d, 40, 260, [80, 170, 80, 80, 70], [24, 40], cells, size=10)
    return d.bytes()


@pytest.fixture(scope="session")
def plan_pdf(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("review-input") / "plan.pdf"
    path.write_bytes(plan_pdf_bytes())
    return path


def plan_dump_text() -> str:
    """The same plan as a text export: headings on lines 1-5, the pipe table on lines 6-7."""
    row = [" ".join(lines) for lines in PROJECT_ROW]
    return "\n".join([*HEADINGS, " | ".join(PROJECT_HEADER) + " |", " | ".join(row) + " |"]) + "\n"


@pytest.fixture(scope="session")
def plan_dump(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("review-input") / "plan.txt"
    path.write_text(plan_dump_text(), encoding="utf-8")
    return path
