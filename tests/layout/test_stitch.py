"""Stitching a table across pages when a scan read the repeats and the cut rows (``layout.stitch``)."""

from __future__ import annotations

from extractor.blocks import Block, BlockKind, Cell, Provenance, Row
from extractor.layout.furniture import is_furniture, number_slots
from extractor.layout.stitch import stitch
from extractor.layout.tables import CellEnds
from extractor.layout.types import TextLine

HEADER = ["ประเด็นการพัฒนา", "ตัววัดผล", "ชื่อโครงการที่สนับสนุน", "KPIโครงการ"]


def _row(texts: list[str], page: int, header: bool = False) -> Row:
    return Row([Cell(t, t, provenance=Provenance(page=page)) for t in texts], Provenance(page=page), is_header=header)


def _table(rows: list[Row], page: int) -> Block:
    return Block(BlockKind.TABLE, rows=rows, provenance=Provenance(page=page))


def _full_lines(rows: list[Row]) -> dict[int, CellEnds]:
    """Every cell's text one line that fills its cell: the geometry proves no written break anywhere."""
    ends = {}
    for row in rows:
        for x, cell in enumerate(row.cells):
            line = TextLine(cell.text, 100.0 * x, 0.0, 100.0 * x + 98.0, 10.0, 10.0, False)
            ends[id(cell)] = CellEnds(line, line, 100.0 * x, 100.0 * x + 98.0, False)
    return ends


def test_a_header_repeat_read_with_a_few_letters_changed_is_dropped() -> None:
    first = _table([_row(HEADER, 1, header=True), _row(["๑.๑ เดินได้", "ระยะทาง", "โครงการ ก", "๗ แห่ง"], 1)], 1)
    repeat = ["ประเด็นการพัฒนา", "ตัววัดผล", "ชื่อโครงการที่สนับสนุน", "๕51 โครงการ"]  # KPI read as digits
    second = _table([_row(repeat, 2), _row(["๑.๒ เพิ่ม", "จำนวนจุด", "โครงการ ข", "๑ แห่ง"], 2)], 2)
    findings: list = []
    table = stitch(first, second, findings)
    assert [r.texts[0] for r in table.rows] == ["ประเด็นการพัฒนา", "๑.๑ เดินได้", "๑.๒ เพิ่ม"]
    assert [code for code, _, _ in findings] == ["table.header_repeat_dropped"]


def test_a_data_row_like_the_header_but_for_its_words_is_kept() -> None:
    first = _table([_row(HEADER, 1, header=True)], 1)
    second = _table([_row(["ประเด็นการพัฒนา", "ตัววัดผลลัพธ์ของโครงการ", "โครงการอื่น", "๓ แห่ง"], 2)], 2)
    table = stitch(first, second, [])
    assert len(table.rows) == 2


def test_a_header_repeat_with_one_label_read_as_another_word_is_dropped() -> None:
    """Every cell but one the same: the repeat, however its one other cell was read (SWOT read as รพอา)."""
    header = ["SWOT", "ด้านแผน", "ด้านเทคโนโลยีสารสนเทศ"]
    first = _table([_row(header, 1, header=True), _row(["จุดแข็ง (Strength)", "S1 มีแผน", "S2 มีระบบ"], 1)], 1)
    second = _table([_row(["รพอา", "ด้านแผน", "ด้านเทคโนโลยีสารสนเทศ"], 2), _row(["", "S3 บุคลากร", ""], 2)], 2)
    table = stitch(first, second, [])
    assert [r.texts[0] for r in table.rows] == ["SWOT", "จุดแข็ง (Strength)"]
    # two cells of three differing: a row of its own (one equal cell proves no repeat)
    second = _table([_row(["รพอา", "ด้านแผน", "ด้านเทคโนโลยี"], 2)], 2)
    assert len(stitch(_table([_row(header, 1, header=True)], 1), second, []).rows) == 2


def test_a_header_repeat_with_specks_read_beside_a_label_is_dropped() -> None:
    """Seed 000: ลำดับที่ read as junk and ส่วนราชการที่รับผิดชอบ read with ``ซ่ =`` before it and a mark lost: still the
    repeat; a cell with more than a few characters beside the label's text is not the label."""
    header = ["ลำดับที่", "ชื่อโครงการ/กิจกรรมสำคัญ", "งบประมาณ", "ส่วนราชการที่รับผิดชอบ", "รหัสนโยบาย"]
    data = ["4", "กิจกรรมวิเคราะห์ความพร้อม", "ไม่ใช้งบประมาณ", "กยค.", ""]
    repeat = ["J » a aiaun", "ชื่อโครงการ/กิจกรรมสำคัญ", "งบประมาณ", "ซ่ = ส่วนราชการทีรับผิดชอบ", "รหัสนโยบาย"]
    first = _table([_row(header, 1, header=True), _row(data, 1)], 1)
    table = stitch(first, _table([_row(repeat, 2), _row(["5", "กิจกรรมประสาน", "-", "กยค.", ""], 2)], 2), [])
    assert [r.texts[0] for r in table.rows] == ["ลำดับที่", "4", "5"]
    longer = repeat[:3] + ["ฝ่ายบริหาร ส่วนราชการที่รับผิดชอบ", "รหัสนโยบาย"]
    first = _table([_row(header, 1, header=True), _row(data, 1)], 1)
    assert len(stitch(first, _table([_row(longer, 2)], 2), []).rows) == 3


def test_the_next_item_of_a_numbered_list_opens_a_row_whatever_the_geometry() -> None:
    above = _row(["", "", "๒. ปรับปรุงโรงเรียนวัดโคกนอน*", "ใช้งบประมาณส่วนหนึ่งในโครงการ"], 1)
    below = _row(["", "", "๓. ปรับปรุงโรงเรียนวัดกำแพง*", "ใช้งบประมาณส่วนหนึ่งในโครงการ"], 2)
    first, second = _table([_row(HEADER, 1, header=True), above], 1), _table([below], 2)
    table = stitch(first, second, [], _full_lines([above, below]))
    assert [r.texts[2] for r in table.rows[1:]] == ["๒. ปรับปรุงโรงเรียนวัดโคกนอน*", "๓. ปรับปรุงโรงเรียนวัดกำแพง*"]
    assert table.rows[2].is_continuation


def test_a_list_going_on_alone_in_its_column_is_still_merged() -> None:
    above = _row(["", "", "๑. โครงการ ก", ""], 1)
    below = _row(["", "", "๒. โครงการ ข", ""], 2)
    first, second = _table([_row(HEADER, 1, header=True), above], 1), _table([below], 2)
    table = stitch(first, second, [], _full_lines([above, below]))
    assert len(table.rows) == 2
    assert table.rows[1].texts[2].startswith("๑.") and table.rows[1].texts[2].endswith("๒. โครงการ ข")


def test_a_bracket_left_open_goes_on_across_the_break() -> None:
    above = _row(["", "", "จำนวนประชาชนที่มาใช้บริการ (BMA", ""], 1)
    below = _row(["", "", "OSS)", ""], 2)
    ends = _full_lines([above, below])
    short_above = TextLine("(BMA", 200.0, 0.0, 230.0, 10.0, 10.0, False)  # room left for the next word:
    short_below = TextLine("OSS)", 200.0, 0.0, 225.0, 10.0, 10.0, False)  # the geometry alone says a written break
    ends[id(above.cells[2])] = CellEnds(short_above, short_above, 200.0, 298.0, False)
    ends[id(below.cells[2])] = CellEnds(short_below, short_below, 200.0, 298.0, False)
    findings: list = []
    table = stitch(_table([_row(HEADER, 1, header=True), above], 1), _table([below], 2), findings, ends)
    assert len(table.rows) == 2
    assert table.rows[1].texts[2].replace(" ", "") == "จำนวนประชาชนที่มาใช้บริการ(BMAOSS)"
    assert "table.continuation_merged" in [code for code, _, _ in findings]


def test_a_page_number_whose_dashes_a_scan_read_as_equals_signs_is_furniture() -> None:
    def line(text: str, y: float) -> TextLine:
        return TextLine(text, 280.0, y, 320.0, y + 10.0, 10.0, False)

    assert is_furniture(line("= 57=", 20.0), 595.0, set())
    assert is_furniture(line("- 57 -", 20.0), 595.0, set())
    assert is_furniture(line("- 27%", 20.0), 595.0, set())
    assert not is_furniture(line("27%", 20.0), 595.0, set())  # a percentage
    assert not is_furniture(line("= 57=", 300.0), 595.0, set())  # not in the page's top or bottom band
    assert not is_furniture(line("ก = 57", 20.0), 595.0, set())


def test_a_page_number_a_scan_misread_is_furniture_where_the_other_pages_put_theirs() -> None:
    def line(text: str, x0: float, x1: float, y: float = 20.0, ink: bool = True) -> TextLine:
        return TextLine(text, x0, y, x1, y + 10.0, 10.0, False, ink_widths=ink)

    pages = [(842.0, 595.0, [line(f"- {n} -", 407.0, 438.0)]) for n in (18, 19, 21)]
    slots = number_slots(pages + [(842.0, 595.0, [line("= 101 8", 407.0, 438.0)])])
    slot = slots[(842, True)]
    assert is_furniture(line("= 101 8", 407.0, 438.0), 595.0, set(), slot)  # - 20 - as a scan read it
    assert is_furniture(line("แว 7", 408.0, 436.0), 595.0, set(), slot)
    assert not is_furniture(line("แว 7", 408.0, 436.0, ink=False), 595.0, set(), slot)  # a text layer reads right
    assert not is_furniture(line("ตารางที่ 1 แสดงผล", 380.0, 470.0), 595.0, set(), slot)  # wider than a number
    assert not is_furniture(line("แว 7", 100.0, 128.0), 595.0, set(), slot)  # away from the slot
    assert not is_furniture(line("แว 7", 408.0, 436.0, y=560.0), 595.0, set(), slot)  # the other band
    assert (842, True) not in number_slots(pages[:2])  # two pages are no slot yet
