"""The text-dump reader: every dump style of the seeds becomes blocks, nothing is dropped."""

from extractor.blocks import BlockKind
from extractor.ingest.dump import read_dump_text, split_row_cells
from extractor.ingest.html_text import html_to_text


def test_pipe_row_drops_only_the_closing_empty_tail():
    assert split_row_cells("551002 | โครงการ | 8.8400 | กยภ. | P059 |") == ["551002 ", " โครงการ ", " 8.8400 ", " กยภ. ", " P059 "]
    assert split_row_cells("2567 | ||") == ["2567 ", " ", ""]


def test_tab_row_keeps_empty_cells_in_place():
    assert split_row_cells("\t\tA\t") == ["", "", "A", ""]


def test_markdown_separator_row_is_no_content():
    blocks = read_dump_text("| a | b |\n|---|---|\n| 1 | 2 |")
    assert [r.texts for r in blocks[0].rows] == [["a", "b"], ["1", "2"]]


def test_consecutive_rows_form_one_table_and_text_ends_it():
    blocks = read_dump_text("ก | ข |\n1 | 2 |\nข้อความ\n3 | 4 |")
    assert [b.kind for b in blocks] == [BlockKind.TABLE, BlockKind.PARAGRAPH, BlockKind.TABLE]
    assert blocks[0].provenance.line_start == 1 and blocks[0].provenance.line_end == 2
    assert blocks[2].rows[0].provenance.line_start == 4


def test_markdown_heading_bold_and_list_items():
    blocks = read_dump_text("## คำนำ\n**4) กลุ่มงานเลขานุการ** มีหน้าที่\n- **ลักษณะที่ 1** งานประจำ\n1) ฝ่ายบริหาร")
    assert blocks[0].kind is BlockKind.HEADING and blocks[0].level == 2 and blocks[0].text == "คำนำ"
    assert blocks[1].bold and blocks[1].text == "4) กลุ่มงานเลขานุการ มีหน้าที่"
    assert blocks[2].kind is BlockKind.LIST_ITEM and blocks[2].text == "- ลักษณะที่ 1 งานประจำ"
    assert blocks[3].kind is BlockKind.LIST_ITEM


def test_html_cell_becomes_lines_of_text():
    blocks = read_dump_text("ก\t<p>ข้อหนึ่ง</p><ul><li>ย่อย 1</li><li>ย่อย 2</li></ul>")
    assert blocks[0].rows[0].cells[1].text == "ข้อหนึ่ง\nย่อย 1\nย่อย 2"
    assert blocks[0].rows[0].cells[1].raw.startswith("<p>")


def test_html_text_keeps_text_around_tags_and_formulas():
    assert html_to_text("ก่อน <b>หนา</b> หลัง") == "ก่อน หนา หลัง"
    assert "A" in html_to_text("<math>A/B</math>")


def test_image_placeholder_is_kept_as_a_block():
    blocks = read_dump_text("<.. image(รูปภาพ, วงกลม) removed ..>")
    assert blocks[0].kind is BlockKind.IMAGE and blocks[0].text == "รูปภาพ, วงกลม"


def test_every_nonblank_line_of_every_seed_is_in_a_block(seed_paths):
    for path in seed_paths:
        text = path.read_text(encoding="utf-8")
        covered = set()
        for block in read_dump_text(text):
            rows = block.rows if block.is_table else [block]
            for item in rows:
                covered.update(range(item.provenance.line_start, item.provenance.line_end + 1))
        nonblank = {i for i, line in enumerate(text.splitlines(), 1) if line.strip() and not set(line.strip()) <= set("|-: ")}
        assert nonblank <= covered, path.name


def test_raw_holds_sara_am_as_written_not_as_the_export_encoded_it():
    """``ทํา`` (NIKHAHIT + SARA AA: two glyphs of a font, kept by the export) is ``ทำ`` in raw, as on the PDF route;
    the composition is reported as a repair of the reader."""
    (table,) = read_dump_text("ในการทํางาน | ส่วนราชการ |")
    cell = table.rows[0].cells[0]
    assert cell.raw.strip() == cell.text == "ในการทำงาน"
    assert [r.code for r in cell.repairs] == ["thai.sara_am_composed"]
