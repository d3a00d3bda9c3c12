from extractor.blocks import Block, BlockKind, Cell, Provenance, Row
from extractor.cli import main
from extractor.commands import parse_pages
from extractor.commands.text import block_lines


def test_text_of_a_dump_is_repaired(tmp_path, capsys):
    path = tmp_path / "plan.txt"
    path.write_text("สํานักงานเขต\nรหัส | โครงการ |\n", encoding="utf-8")  # decomposed SARA AM
    assert main(["text", str(path)]) == 0
    assert capsys.readouterr().out == "สำนักงานเขต\nรหัส | โครงการ\n"


def test_block_lines_mark_pages_tables_and_images():
    page = Provenance(page=2)
    blocks = [
        Block(kind=BlockKind.HEADING, text="ส่วนที่ 1", provenance=page),
        Block(kind=BlockKind.TABLE, rows=[Row(cells=[Cell("ก", "ก"), Cell("ข\nค", "ข\nค")])], provenance=page),
        Block(kind=BlockKind.IMAGE, text="แผนภาพ", provenance=Provenance(page=3)),
    ]
    assert block_lines(blocks) == ["--- page 2 ---", "ส่วนที่ 1", "ก | ข ค", "--- page 3 ---", "[image: แผนภาพ]"]


def test_page_lists():
    assert parse_pages("3, 1-2,2") == [1, 2, 3]
