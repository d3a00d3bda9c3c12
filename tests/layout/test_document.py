"""Across pages: running headers and page numbers removed, a table split over two pages stitched into one."""

from __future__ import annotations

from extractor.blocks import BlockKind
from extractor.ingest.pdf import read_pdf
from tests.layout.pdfgen import CellSpec, Drawer, draw_table

HEADER = [CellSpec(0, 0, ["ลำดับ"], bold=True), CellSpec(0, 1, ["โครงการ"], bold=True), CellSpec(0, 2, ["งบประมาณ"], bold=True)]


def _furniture(d: Drawer, number: int) -> None:
    d.text(200, 30, "แผนปฏิบัติราชการประจำปี 2567", size=10)
    d.text(290, 820, f"- {number} -", size=10)


def _split_table_pdf() -> bytes:
    d = Drawer()
    d.new_page()
    _furniture(d, 1)
    d.text(60, 90, "ตารางที่ 1 โครงการตามแผน", size=14, bold=True)
    rows = [
        CellSpec(1, 0, ["1"]), CellSpec(1, 1, ["โครงการพัฒนาคุณภาพชีวิต"]), CellSpec(1, 2, ["1,500,000"]),
        CellSpec(2, 0, ["2"]), CellSpec(2, 1, ["โครงการส่งเสริมสุขภาพ"]), CellSpec(2, 2, ["250,000"]),
    ]
    draw_table(d, 60, 110, [50, 132, 120], [24, 24, 24], HEADER + rows)  # no room for ผู้สูงอายุ: a wrap
    d.new_page()
    _furniture(d, 2)
    rows = [
        CellSpec(1, 0, []), CellSpec(1, 1, ["ผู้สูงอายุในชุมชน"]), CellSpec(1, 2, []),
        CellSpec(2, 0, ["3"]), CellSpec(2, 1, ["โครงการอบรมอาสาสมัคร"]), CellSpec(2, 2, ["80,000"]),
    ]
    draw_table(d, 60, 60, [50, 132, 120], [24, 24, 24], HEADER + rows)
    d.text(60, 160, "หมายเหตุ ข้อมูล ณ สิ้นปีงบประมาณ", size=14)
    return d.bytes()


def test_table_split_over_two_pages_is_one_table() -> None:
    doc = read_pdf(_split_table_pdf())
    tables = [b for b in doc.blocks if b.is_table]
    assert len(tables) == 1
    (table,) = tables
    assert [row.texts for row in table.rows] == [
        ["ลำดับ", "โครงการ", "งบประมาณ"],
        ["1", "โครงการพัฒนาคุณภาพชีวิต", "1,500,000"],
        ["2", "โครงการส่งเสริมสุขภาพผู้สูงอายุในชุมชน", "250,000"],
        ["3", "โครงการอบรมอาสาสมัคร", "80,000"],
    ]
    assert [row.is_header for row in table.rows] == [True, False, False, False]
    codes = [code for code, _, _ in doc.reader_findings]
    assert "table.header_repeat_dropped" in codes and "table.continuation_merged" in codes
    assert table.rows[3].cells[1].provenance.page == 2


def test_running_header_and_page_numbers_are_not_content() -> None:
    doc = read_pdf(_split_table_pdf())
    texts = [b.text for b in doc.blocks if not b.is_table]
    assert texts == ["ตารางที่ 1 โครงการตามแผน", "หมายเหตุ ข้อมูล ณ สิ้นปีงบประมาณ"]
    assert doc.blocks[0].kind is BlockKind.HEADING


def test_a_table_not_at_the_page_top_is_not_stitched() -> None:
    d = Drawer()
    for _ in range(2):
        d.new_page()
        d.text(60, 80, "ตารางสรุป", size=14, bold=True)
        rows = [CellSpec(1, 0, ["1"]), CellSpec(1, 1, ["โครงการ"]), CellSpec(1, 2, ["100"])]
        draw_table(d, 60, 100, [50, 300, 120], [24, 24], HEADER + rows)
    doc = read_pdf(d.bytes())
    assert len([b for b in doc.blocks if b.is_table]) == 2


def test_an_image_is_kept_as_an_image_block() -> None:
    d = Drawer()
    page = d.new_page()
    d.text(60, 80, "แผนภาพประกอบ", size=14)
    import pymupdf

    pix = pymupdf.Pixmap(pymupdf.csRGB, pymupdf.IRect(0, 0, 40, 40), 0)
    pix.clear_with(200)
    page.insert_image(pymupdf.Rect(60, 100, 200, 200), pixmap=pix, keep_proportion=False)
    doc = read_pdf(d.bytes())
    assert [b.kind for b in doc.blocks] == [BlockKind.PARAGRAPH, BlockKind.IMAGE]
    assert doc.blocks[1].provenance.bbox == (60.0, 100.0, 200.0, 200.0)


_WORDS = ["การพัฒนา", "ระบบ", "บริหารจัดการ", "ข้อมูล", "ของ", "กรุงเทพมหานคร", "ให้", "มีประสิทธิภาพ", "และ", "โปร่งใส"]


def _full_line(d: Drawer, start: int, width: float = 450) -> tuple[str, int]:
    """Words from the list (cycling) while they fit in ``width`` points at 14 pt, and the index of the word that
    did not fit: a line that wrapped before it."""
    words: list[str] = []
    k = start
    while d.width_of("".join(words + [_WORDS[k % len(_WORDS)]]), 14) < width:
        words.append(_WORDS[k % len(_WORDS)])
        k += 1
    return "".join(words), k


def _two_page_paragraph(last_width: float) -> tuple[bytes, str, str]:
    """A paragraph whose last line on page 1 is ``last_width`` wide; page 2 opens with the words that follow."""
    d = Drawer()
    d.new_page()
    _furniture(d, 1)
    d.text(72, 90, "ผลการดำเนินงาน", size=14, bold=True)
    lines, k = [], 0
    for width in (450, 450, last_width):
        line, k = _full_line(d, k, width)
        lines.append(line)
    for n, line in enumerate(lines):
        d.text(72, 740 + 20 * n, line, size=14)
    d.new_page()
    _furniture(d, 2)
    rest = _WORDS[k % len(_WORDS)] + "ที่สอง"
    d.text(72, 70, rest, size=14)
    return d.bytes(), "".join(lines), rest


def test_paragraph_cut_by_a_page_break_is_joined() -> None:
    pdf, first_part, second_part = _two_page_paragraph(450)
    doc = read_pdf(pdf)
    assert [b.text for b in doc.blocks] == ["ผลการดำเนินงาน", first_part + second_part]
    assert doc.blocks[1].raw == first_part + second_part and doc.blocks[1].provenance.page == 1
    assert "layout.paragraph_joined" in [code for code, _, _ in doc.reader_findings]


def test_paragraph_ending_short_before_a_page_break_is_not_joined() -> None:
    pdf, first_part, second_part = _two_page_paragraph(150)
    assert [b.text for b in read_pdf(pdf).blocks] == ["ผลการดำเนินงาน", first_part, second_part]


def test_line_cut_short_by_a_long_word_continues() -> None:
    """A line ends well before the margin because the next word (a masked run) did not fit: still one paragraph."""
    d = Drawer()
    d.new_page()
    d.text(72, 100, "การพัฒนาระบบบริหารจัดการ", size=14)
    d.text(72, 120, "x" * 45 + " ของเมือง", size=14)
    d.text(72, 160, "ย่อหน้าใหม่", size=14)
    blocks = read_pdf(d.bytes()).blocks
    assert [b.text for b in blocks] == ["การพัฒนาระบบบริหารจัดการ " + "x" * 45 + " ของเมือง", "ย่อหน้าใหม่"]


def test_row_after_a_page_break_with_a_dash_under_an_amount_is_not_merged() -> None:
    """An empty first cell alone does not make a continuation: '-' (no budget) under an amount is a second row."""
    d = Drawer()
    d.new_page()
    rows = [CellSpec(1, 0, []), CellSpec(1, 1, ["๙. ค่าใช้จ่ายในการส่งเสริมสภาเด็ก"]), CellSpec(1, 2, ["๒๐๒,๐๐๐"])]
    draw_table(d, 60, 700, [50, 300, 120], [24, 24], HEADER + rows)
    d.new_page()
    rows = [CellSpec(1, 0, []), CellSpec(1, 1, ["๑๐. กิจกรรมแผนผังชุมชน"]), CellSpec(1, 2, ["-"])]
    draw_table(d, 60, 60, [50, 300, 120], [24, 24], HEADER + rows)
    (table,) = [b for b in read_pdf(d.bytes()).blocks if b.is_table]
    assert [row.texts for row in table.rows[1:]] == [
        ["", "๙. ค่าใช้จ่ายในการส่งเสริมสภาเด็ก", "๒๐๒,๐๐๐"],
        ["", "๑๐. กิจกรรมแผนผังชุมชน", "-"],
    ]


def test_row_split_over_three_pages_is_one_row() -> None:
    """A row cut by two page breaks: its middle part is merged into the first page's row, and the third page's part
    still continues it (the stitched table reaches the second page although the merged row started on the first)."""
    d = Drawer()
    parts = [["1"], ["โครงการพัฒนาคุณภาพชีวิต"], ["ผู้สูงอายุในชุมชนริมคลอง"], ["และผู้พิการ"]]
    for number, (first, text) in enumerate([(parts[0], parts[1]), ([], parts[2]), ([], parts[3])], start=1):
        d.new_page()
        rows = [CellSpec(1, 0, first), CellSpec(1, 1, text), CellSpec(1, 2, ["1,500,000"] if number == 1 else [])]
        draw_table(d, 60, 60 if number > 1 else 700, [50, 132, 120], [24, 24], HEADER + rows)  # full lines: wraps
    (table,) = [b for b in read_pdf(d.bytes()).blocks if b.is_table]
    assert [row.texts for row in table.rows[1:]] == [
        ["1", "โครงการพัฒนาคุณภาพชีวิตผู้สูงอายุในชุมชนริมคลองและผู้พิการ", "1,500,000"]]


def test_row_after_a_page_break_under_a_finished_text_is_a_new_row() -> None:
    """An empty first cell, and the text above it ended where the author broke the line (the next word would have
    fitted): the row above was complete, this one is a new row under a label written once (a SWOT matrix)."""
    d = Drawer()
    d.new_page()
    rows = [CellSpec(1, 0, ["จุดแข็ง"]), CellSpec(1, 1, ["S1 บุคลากรมีความรู้"]), CellSpec(1, 2, ["S2 มีงบประมาณ"])]
    draw_table(d, 60, 700, [50, 300, 120], [24, 24], HEADER + rows)
    d.new_page()
    rows = [CellSpec(1, 0, []), CellSpec(1, 1, ["S3 ระบบงานชัดเจน"]), CellSpec(1, 2, [])]
    draw_table(d, 60, 60, [50, 300, 120], [24, 24], HEADER + rows)
    (table,) = [b for b in read_pdf(d.bytes()).blocks if b.is_table]
    assert [row.texts for row in table.rows[1:]] == [
        ["จุดแข็ง", "S1 บุคลากรมีความรู้", "S2 มีงบประมาณ"],
        ["", "S3 ระบบงานชัดเจน", ""],
    ]
    assert table.rows[2].is_continuation


def test_row_cut_after_a_written_line_break_keeps_it() -> None:
    """A row cut by a page break where one column wraps on and another ended a paragraph: one row, the paragraph
    end kept as a newline."""
    d = Drawer()
    d.new_page()
    rows = [CellSpec(1, 0, ["1"]), CellSpec(1, 1, ["โครงการพัฒนาคุณภาพชีวิต"]), CellSpec(1, 2, ["วิธีคำนวณ"])]
    draw_table(d, 60, 700, [50, 132, 120], [24, 24], HEADER + rows)
    d.new_page()
    rows = [CellSpec(1, 0, []), CellSpec(1, 1, ["ผู้สูงอายุในชุมชน"]), CellSpec(1, 2, ["นับจำนวน"])]
    draw_table(d, 60, 60, [50, 132, 120], [24, 24], HEADER + rows)
    (table,) = [b for b in read_pdf(d.bytes()).blocks if b.is_table]
    assert [row.texts for row in table.rows[1:]] == [["1", "โครงการพัฒนาคุณภาพชีวิตผู้สูงอายุในชุมชน", "วิธีคำนวณ\nนับจำนวน"]]


def test_header_label_row_repeated_after_a_page_break_is_dropped() -> None:
    """A two-row header whose second (label) row was not recognised as header: repeated on the next page, both
    rows go, not only the one recognised."""
    d = Drawer()
    head = [CellSpec(0, 0, ["หลักเกณฑ์"], bold=True), CellSpec(0, 1, ["ระดับความพึงพอใจ"], bold=True),
            CellSpec(1, 0, ["มากที่สุด"]), CellSpec(1, 1, ["น้อยที่สุด"])]
    for number, item in enumerate(["1. ด้านกระบวนงาน", "2. ด้านการใช้งานระบบ"], start=1):
        d.new_page()
        draw_table(d, 60, 700 if number == 1 else 60, [200, 200], [24, 24, 24],
                   head + [CellSpec(2, 0, [item]), CellSpec(2, 1, [])])
    (table,) = [b for b in read_pdf(d.bytes()).blocks if b.is_table]
    assert [row.texts[0] for row in table.rows] == ["หลักเกณฑ์", "มากที่สุด", "1. ด้านกระบวนงาน", "2. ด้านการใช้งานระบบ"]


def test_bold_heading_wrapped_onto_a_short_line_is_one_heading() -> None:
    d = Drawer()
    d.new_page()
    first, k = _full_line(d, 0, 450)
    d.text(72, 100, first, size=14, bold=True)
    d.text(72, 120, _WORDS[k % len(_WORDS)], size=14, bold=True)
    d.text(72, 160, "เนื้อหาของส่วนนี้", size=14)
    blocks = read_pdf(d.bytes()).blocks
    assert [(b.kind, b.text) for b in blocks] == [
        (BlockKind.HEADING, first + _WORDS[k % len(_WORDS)]),
        (BlockKind.PARAGRAPH, "เนื้อหาของส่วนนี้"),
    ]
