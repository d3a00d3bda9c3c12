"""Ruled tables: spans from missing rules, header rows, wrapped cell text, stacked rows split, borderless tables."""

from __future__ import annotations

from extractor.ingest.pdf import read_pdf
from tests.layout.pdfgen import CellSpec, Drawer, draw_table


def _tables(doc):
    return [b for b in doc.blocks if b.is_table]


def _kpi_table(d: Drawer, y: float = 100) -> None:
    """ตัวชี้วัด spans two header rows; ค่าเป้าหมาย spans two year columns; one data cell spans two rows."""
    cells = [
        CellSpec(0, 0, ["ตัวชี้วัด"], row_span=2, bold=True),
        CellSpec(0, 1, ["ค่าเป้าหมาย"], col_span=2, bold=True),
        CellSpec(1, 1, ["2565"], bold=True),
        CellSpec(1, 2, ["2566"], bold=True),
        CellSpec(2, 0, ["ร้อยละของผู้สูงอายุที่ได้รับ", "การดูแล"]),
        CellSpec(2, 1, ["80.00"]),
        CellSpec(2, 2, ["85.00"]),
        CellSpec(3, 0, ["จำนวนโครงการ"]),
        CellSpec(3, 1, ["12.00"], row_span=2),
        CellSpec(3, 2, ["10.00"]),
        CellSpec(4, 0, ["จำนวนชุมชน"]),
        CellSpec(4, 2, ["50.00"]),
    ]
    draw_table(d, 60, y, [135, 90, 90], [24, 24, 40, 24, 24], cells)  # no room for การ after ได้รับ: a wrap


def test_spans_header_and_wrapped_cell_text() -> None:
    d = Drawer()
    d.new_page()
    _kpi_table(d)
    (table,) = _tables(read_pdf(d.bytes()))
    grid = [[(c.text, c.row_span, c.col_span, c.inherited) for c in row.cells] for row in table.rows]
    assert grid == [
        [("ตัวชี้วัด", 2, 1, False), ("ค่าเป้าหมาย", 1, 2, False)],
        [("ตัวชี้วัด", 1, 1, True), ("2565", 1, 1, False), ("2566", 1, 1, False)],
        [("ร้อยละของผู้สูงอายุที่ได้รับการดูแล", 1, 1, False), ("80.00", 1, 1, False), ("85.00", 1, 1, False)],
        [("จำนวนโครงการ", 1, 1, False), ("12.00", 2, 1, False), ("10.00", 1, 1, False)],
        [("จำนวนชุมชน", 1, 1, False), ("12.00", 1, 1, True), ("50.00", 1, 1, False)],
    ]
    assert [row.is_header for row in table.rows] == [True, True, False, False, False]
    wrapped = table.rows[2].cells[0]
    assert wrapped.raw == "ร้อยละของผู้สูงอายุที่ได้รับการดูแล"  # a wrap between Thai letters stood for nothing
    assert wrapped.provenance.page == 1 and wrapped.provenance.bbox is not None


def test_every_row_covers_all_columns() -> None:
    d = Drawer()
    d.new_page()
    _kpi_table(d)
    (table,) = _tables(read_pdf(d.bytes()))
    assert {sum(c.col_span for c in row.cells) for row in table.rows} == {3}


def test_ruled_row_holding_stacked_text_rows_is_split() -> None:
    """Budget tables rule only groups of rows: three text rows in one ruled row are three rows."""
    d = Drawer()
    d.new_page()
    cells = [
        CellSpec(0, 0, ["หน่วยงาน"], bold=True),
        CellSpec(0, 1, ["งบประมาณ"], bold=True),
        CellSpec(1, 0, ["งบบุคลากร", "งบดำเนินงาน", "งบลงทุน"]),
        CellSpec(1, 1, ["1,200", "300", "45"]),
    ]
    draw_table(d, 60, 100, [200, 100], [24, 60], cells)
    (table,) = _tables(read_pdf(d.bytes()))
    assert [row.texts for row in table.rows] == [
        ["หน่วยงาน", "งบประมาณ"],
        ["งบบุคลากร", "1,200"],
        ["งบดำเนินงาน", "300"],
        ["งบลงทุน", "45"],
    ]


def test_cells_wrapping_on_the_same_baselines_stay_one_row() -> None:
    """Word wraps every cell of a row onto common baselines: that is one row (and one header row), not a stack."""
    d = Drawer()
    d.new_page()
    cells = [
        CellSpec(0, 0, ["วัตถุประสงค์หลัก", "(Objective)"], bold=True),
        CellSpec(0, 1, ["หน่วยงาน", "รับผิดชอบ"], bold=True),
        CellSpec(1, 0, ["กรุงเทพมหานครมีผังเมือง", "รวมที่สอดคล้องต่อการ", "เปลี่ยนแปลง"]),
        CellSpec(1, 1, ["ทุกโครงการ", "ที่ขอจัดสรร", "งบประมาณ"]),
    ]
    draw_table(d, 60, 100, [130, 64], [40, 56], cells)  # widths where each next word would not have fitted
    (table,) = _tables(read_pdf(d.bytes()))
    assert [row.texts for row in table.rows] == [
        ["วัตถุประสงค์หลัก (Objective)", "หน่วยงานรับผิดชอบ"],
        ["กรุงเทพมหานครมีผังเมืองรวมที่สอดคล้องต่อการเปลี่ยนแปลง", "ทุกโครงการที่ขอจัดสรรงบประมาณ"],
    ]
    assert [row.is_header for row in table.rows] == [True, False]


def test_stacked_rows_keep_a_wrapped_label_with_its_amount() -> None:
    """The amounts column gives the row starts; a label line between two amounts wraps the label above."""
    d = Drawer()
    d.new_page()
    cells = [
        CellSpec(0, 0, ["แผนงาน"], bold=True),
        CellSpec(0, 1, ["งบประมาณ"], bold=True),
        CellSpec(1, 0, ["แผนงานบุคลากร", "แผนงานพื้นฐานด้าน", "การสร้างความสามารถ", "แผนงานบูรณาการ"]),
        CellSpec(1, 1, ["123.6669", "76.9473", "", "4.0847"]),
    ]
    draw_table(d, 60, 100, [108, 100], [24, 72], cells)  # การ does not fit after ด้าน: a wrap
    (table,) = _tables(read_pdf(d.bytes()))
    assert [row.texts for row in table.rows] == [
        ["แผนงาน", "งบประมาณ"],
        ["แผนงานบุคลากร", "123.6669"],
        ["แผนงานพื้นฐานด้านการสร้างความสามารถ", "76.9473"],
        ["แผนงานบูรณาการ", "4.0847"],
    ]


def test_wrapped_cell_beside_single_line_cells_is_not_split() -> None:
    d = Drawer()
    d.new_page()
    cells = [
        CellSpec(0, 0, ["โครงการ"], bold=True),
        CellSpec(0, 1, ["งบประมาณ"], bold=True),
        CellSpec(1, 0, ["โครงการพัฒนาศักยภาพ", "บุคลากรด้านสาธารณสุข"]),
        CellSpec(1, 1, ["1,200"]),
    ]
    draw_table(d, 60, 100, [130, 100], [24, 44], cells)  # บุคลากร does not fit after ศักยภาพ: a wrap
    (table,) = _tables(read_pdf(d.bytes()))
    assert len(table.rows) == 2
    assert table.rows[1].cells[1].text == "1,200"
    assert table.rows[1].cells[0].raw == "โครงการพัฒนาศักยภาพบุคลากรด้านสาธารณสุข"


def test_line_break_written_inside_a_cell_stays_a_newline() -> None:
    """A line that ends although the next word would have fitted was broken by the author (the paragraphs of a
    definition cell): the newline stays, in text and raw, as a text export keeps it; a real wrap is still joined."""
    d = Drawer()
    d.new_page()
    cells = [
        CellSpec(0, 0, ["ตัวชี้วัด"], bold=True),
        CellSpec(0, 1, ["นิยาม"], bold=True),
        CellSpec(1, 0, ["ร้อยละความสำเร็จ"]),
        CellSpec(1, 1, ["วิธีคำนวณ", "ตรวจสอบผลการดำเนินงาน", "1. แผนดำเนินการ"]),
    ]
    draw_table(d, 60, 100, [120, 200], [24, 56], cells)
    (table,) = _tables(read_pdf(d.bytes()))
    definition = table.rows[1].cells[1]
    assert definition.text == definition.raw == "วิธีคำนวณ\nตรวจสอบผลการดำเนินงาน\n1. แผนดำเนินการ"


def test_words_across_a_written_line_break_are_not_joined() -> None:
    """The dictionary would join การ + ซ่อมแซม across a wrap; across a line break the author wrote it must not."""
    d = Drawer()
    d.new_page()
    cells = [CellSpec(0, 0, ["นิยาม"], bold=True), CellSpec(1, 0, ["ห้องที่ได้รับการ", "ซ่อมแซมระบบโครงสร้าง"])]
    draw_table(d, 60, 100, [300], [24, 44], cells)
    (table,) = _tables(read_pdf(d.bytes()))
    assert table.rows[1].cells[0].text == "ห้องที่ได้รับการ\nซ่อมแซมระบบโครงสร้าง"


def test_line_ending_where_only_a_space_could_break_is_written() -> None:
    """In a text layer that keeps the space glyph of a wrap at a space (some line of the table ends with one), a
    line ending without it before a digit was not wrapped there: ``… ๑๕ วัน`` / ``๓) เรื่อง…``, even when the next
    word would not have fitted."""
    d = Drawer()
    d.new_page()
    first, second = "มากกว่า ๑๕ วัน", "๓) เรื่อง"
    width = d.width_of(first, 11) + 6 + 0.5 * d.width_of("๓)", 11)  # no room for ๓) after วัน
    cells = [
        CellSpec(0, 0, ["นิยาม "], bold=True),  # a wrap at a space keeps its space glyph in this text layer
        CellSpec(1, 0, [first, second]),
    ]
    draw_table(d, 60, 100, [width], [24, 44], cells)
    (table,) = _tables(read_pdf(d.bytes()))
    assert table.rows[1].cells[0].text == f"{first}\n{second}"


def test_centred_cell_lines_are_wraps() -> None:
    """Centred lines end short on both sides: no evidence of a written break, they are joined as wraps."""
    d = Drawer()
    d.new_page()
    for y in (100, 135, 160):
        d.line(60, y, 260, y)
    d.line(60, 100, 60, 160)
    d.line(260, 100, 260, 160)
    for k, text in enumerate(["กอง", "ยุทธศาสตร์และประเมินผลงานบริหาร"]):
        d.text(160 - d.width_of(text, 11) / 2, 100 + 11 * (k + 1) * 1.25, text, size=11)
    d.text(63, 152, "สยป.", size=11)
    (table,) = _tables(read_pdf(d.bytes()))
    assert table.rows[0].cells[0].text == "กองยุทธศาสตร์และประเมินผลงานบริหาร"


def test_borderless_aligned_rows_become_a_table() -> None:
    d = Drawer()
    d.new_page()
    d.text(60, 80, "สรุปงบประมาณ", size=14, bold=True)
    for k, (label, amount) in enumerate([("งบประมาณรายจ่าย", "478,966,500"), ("รายจ่ายประจำ", "473,710,000"),
                                         ("รายจ่ายลงทุน", "5,256,500")]):
        y = 110 + 20 * k
        d.text(80, y, label, size=14)
        d.text(300 - d.width_of(amount, 14), y, amount, size=14)
        d.text(340, y, "บาท", size=14)
    doc = read_pdf(d.bytes())
    (table,) = _tables(doc)
    assert [row.texts for row in table.rows] == [
        ["งบประมาณรายจ่าย", "478,966,500", "บาท"],
        ["รายจ่ายประจำ", "473,710,000", "บาท"],
        ["รายจ่ายลงทุน", "5,256,500", "บาท"],
    ]
    assert doc.blocks[0].text == "สรุปงบประมาณ"


def test_paragraph_lines_are_not_a_table() -> None:
    d = Drawer()
    d.new_page()
    for k, line in enumerate(["การพัฒนาเมืองให้น่าอยู่", "สำหรับทุกคน", "อย่างยั่งยืน"]):
        d.text(72, 100 + 20 * k, line, size=14)
    assert not _tables(read_pdf(d.bytes()))


def _ruled_page(glyphs: list) -> list:
    """Texts of the cells of a one-row, two-column ruled table (columns 50-100 and 100-300) holding ``glyphs``."""
    from extractor.layout.tables import find_ruled_tables
    from extractor.layout.types import PageModel, Ruling

    rulings = [Ruling(True, y, 50, 300) for y in (90, 120)] + [Ruling(False, x, 90, 120) for x in (50, 100, 300)]
    regions, _ = find_ruled_tables(PageModel(1, 400, 400, glyphs, rulings, from_image=True))
    (region,) = regions
    return [" ".join(line.text for line in cell.lines) for cell in region.rows[0]]


def _word(text: str, x: float, width: float = 7.0) -> list:
    from extractor.thai.glyphs import Glyph

    return [Glyph(c, (x + i * width, 100, x + (i + 1) * width, 112), "Loma", 12) for i, c in enumerate(text)]


def test_a_glyph_across_a_column_line_goes_with_the_word_it_starts() -> None:
    """A scan's word box reaching over the ruling: the ร of ร้อยละ centred left of the line still opens the word."""
    from extractor.thai.glyphs import Glyph

    number = _word("1", 70)
    space = [Glyph(" ", (77, 100, 77, 112), "Loma", 12)]
    word = _word("รอยละ", 94.0, 8.0)  # ร spans 94-102 over the line at 100, centre 98
    assert _ruled_page(number + space + word) == ["1", "รอยละ"]


def test_a_glyph_across_a_column_line_goes_with_the_word_it_ends() -> None:
    from extractor.thai.glyphs import Glyph

    word = _word("ละ", 89.0, 8.0)  # the last glyph spans 97-105, centre 101: text running over its cell's edge
    space = [Glyph(" ", (105, 100, 105, 112), "Loma", 12)]
    assert _ruled_page(word + space + _word("10", 150)) == ["ละ", "10"]


def test_a_lone_glyph_across_a_column_line_stays_where_its_centre_is() -> None:
    # ร spans 96-104, centre just left of the line, touching nothing: the centre decides
    assert _ruled_page(_word("1", 60) + _word("ร", 96.0, 8.0) + _word("อ", 150)) == ["1 ร", "อ"]



def _wrapped_cell_joins(ink_widths: bool):
    """The joins of a cell wrapped between Thai letters, in a table where another cell's line ends with a space."""
    from extractor.layout.grid import LogicalCell
    from extractor.layout.tables import TableRegion, region_block
    from extractor.layout.types import TextLine

    def line(text: str, y0: float, ends_with_space: bool = False) -> TextLine:
        return TextLine(
            text, 2.0, y0, 98.0, y0 + 12.0, 12.0, False, ends_with_space=ends_with_space, ink_widths=ink_widths
        )

    spaced = LogicalCell(0, 0, 1, 1, (0.0, 0.0, 100.0, 30.0), [line("ผลการดำเนินงาน", 2.0, True), line("ร้อยละ", 16.0)])
    wrapped_lines = [line("ระดับความพึงพอใจ", 2.0), line("ค่าเฉลี่ย", 16.0)]
    wrapped = LogicalCell(0, 1, 1, 1, (100.0, 0.0, 200.0, 30.0), wrapped_lines)
    for ln in wrapped.lines:
        ln.x0, ln.x1 = ln.x0 + 100.0, ln.x1 + 100.0
    region = TableRegion((0.0, 0.0, 200.0, 30.0), [[spaced, wrapped]], 2, True, [0.0, 100.0, 200.0])
    return region_block(region, 1).rows[0].cells[1].wrap_joins


def test_a_space_ocr_reads_at_a_line_end_is_no_text_layer_keeping_wrap_spaces():
    # a text layer that keeps one wrap's space glyph shows every wrap's; OCR shows none (a speck's gap is not one)
    assert [j.space_unseen for j in _wrapped_cell_joins(ink_widths=False)] == [False]
    assert [j.space_unseen for j in _wrapped_cell_joins(ink_widths=True)] == [True]


def _cell_after_a_full_line(ink_widths: bool) -> str:
    """A cell whose first line is full and ends before a bracket (only a wrap at a space, or a break the author
    wrote, could end it there), in a table where another cell's line ends with a space."""
    from extractor.layout.grid import LogicalCell
    from extractor.layout.tables import TableRegion, region_block
    from extractor.layout.types import TextLine

    def line(text: str, x0: float, y0: float, ends_with_space: bool = False) -> TextLine:
        return TextLine(
            text, x0, y0, x0 + 96.0, y0 + 12.0, 12.0, False, ends_with_space=ends_with_space, ink_widths=ink_widths
        )

    spaced = LogicalCell(0, 0, 1, 1, (0.0, 0.0, 100.0, 30.0), [line("ผลการดำเนินงาน", 2.0, 2.0, True)])
    cell = LogicalCell(0, 1, 1, 1, (100.0, 0.0, 200.0, 30.0), [line("พ.ศ. 2566 :", 102.0, 2.0)])
    cell.lines.append(line("(ตัวชี้วัดใหม่)", 102.0, 16.0))
    region = TableRegion((0.0, 0.0, 200.0, 30.0), [[spaced, cell]], 2, True, [0.0, 100.0, 200.0])
    return region_block(region, 1).rows[0].cells[1].text


def test_a_space_ocr_reads_at_a_line_end_proves_no_written_break():
    # a text layer that keeps one wrap's space glyph would show this wrap's too: its absence proves a written
    # break; OCR shows no wrap's space (a space read at a line end is a speck's gap), so the break is a wrap
    assert _cell_after_a_full_line(ink_widths=False) == "พ.ศ. 2566 :\n(ตัวชี้วัดใหม่)"
    assert _cell_after_a_full_line(ink_widths=True) == "พ.ศ. 2566 : (ตัวชี้วัดใหม่)"
