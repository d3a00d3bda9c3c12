"""Table cells Tesseract left blank: found from the ruled grid (rules broken into pieces by a residual tilt are one
rule), re-read from a strip of their crops, the lines put back where the cells are."""

import glob

import numpy as np
import pytest

from extractor.ingest import ocr_tesseract
from extractor.ingest.ocr_cells import (
    CellBox,
    across_rows_message,
    arrow_glyph,
    arrows_message,
    blank_read_cells,
    cell_arrows,
    covered_by,
    grid_cells,
    lines_across_rows,
    read_arrow_cells,
    shape_cells_message,
    reread_cells_by_shape,
    reread_regions,
    unread_lines,
)
from extractor.ingest.ocr_tesseract import OcrLine, OcrWord
from extractor.layout.types import Ruling

SCALE = 72 / 300  # points per pixel at 300 dpi


def _pt(px: float) -> float:
    return px * SCALE


def _grid() -> list[Ruling]:
    """Two rows of three columns; the middle horizontal rule found as two pieces a pixel apart."""
    rules = [Ruling(True, _pt(100), _pt(100), _pt(700)), Ruling(True, _pt(300), _pt(100), _pt(700))]
    rules += [Ruling(True, _pt(200), _pt(100), _pt(420)), Ruling(True, _pt(201), _pt(400), _pt(700))]
    rules += [Ruling(False, _pt(x), _pt(100), _pt(300)) for x in (100, 300, 500, 700)]
    return rules


def test_grid_cells_join_rule_pieces():
    cells = grid_cells(_grid(), SCALE)
    assert len(cells) == 6
    assert {(c.x0 // 10, c.y0 // 10) for c in cells} == {(x, y) for x in (10, 30, 50) for y in (10, 20)}


def test_blank_read_cells_are_the_inked_cells_without_words():
    ink = np.zeros((400, 800), dtype=bool)
    ink[130:170, 130:160] = True  # a row number nobody read
    ink[130:170, 330:460] = True  # text Tesseract read
    ink[230:232, 520:522] = True  # a speck: not text
    line = OcrLine((330, 130, 460, 170), 165, 40.0, [OcrWord("โครงการ", (330, 130, 460, 170), 90.0)])
    blank = blank_read_cells(grid_cells(_grid(), SCALE), ink, covered_by([line], ink.shape), 40.0)
    assert [(c.x0 // 10, c.y0 // 10) for c in blank] == [(10, 10)]


@pytest.mark.skipif(not ocr_tesseract.tesseract_available(), reason="tesseract not installed")
def test_reread_puts_the_lines_back_in_their_cells():
    from PIL import Image, ImageDraw, ImageFont

    image = Image.new("L", (800, 400), 255)
    font = ImageFont.truetype("/usr/share/fonts/truetype/tlwg/Loma.ttf", 40)
    ImageDraw.Draw(image).text((130, 120), "12", font=font, fill=0)
    ImageDraw.Draw(image).text((330, 220), "P058", font=font, fill=0)
    cells = [CellBox(104, 104, 296, 196), CellBox(304, 204, 496, 296)]
    lines = reread_regions(np.asarray(image), cells, 300)
    assert [line.text for line in lines] == ["12", "P058"]
    assert 104 <= lines[0].bbox[0] < lines[0].bbox[2] <= 296 and 204 <= lines[1].bbox[1] < lines[1].bbox[3] <= 296


@pytest.mark.skipif(not ocr_tesseract.tesseract_available(), reason="tesseract not installed")
def test_a_tall_cell_does_not_space_the_strip_by_its_height(monkeypatch):
    # a column cell 1,800 px high holding one number at its top (seen on the scanned corpus): spacing the strip by
    # the tallest region made Tesseract read a 7,300 x 3,800 px bitmap, nearly all blank, for two short words
    from PIL import Image, ImageDraw, ImageFont

    from extractor.ingest import ocr_cells

    image = Image.new("L", (800, 2000), 255)
    font = ImageFont.truetype("/usr/share/fonts/truetype/tlwg/Loma.ttf", 40)
    ImageDraw.Draw(image).text((130, 120), "12", font=font, fill=0)
    ImageDraw.Draw(image).text((330, 120), "P058", font=font, fill=0)
    cells = [CellBox(104, 104, 296, 1904), CellBox(304, 104, 496, 196)]
    shapes = []

    def spy(pixels: np.ndarray, dpi: int, **kw: object) -> str:
        shapes.append(pixels.shape)
        return ocr_tesseract.run_tesseract(pixels, dpi, **kw)

    monkeypatch.setattr(ocr_cells, "run_tesseract", spy)
    lines = reread_regions(np.asarray(image), cells, 300)
    assert [line.text for line in lines] == ["12", "P058"]
    assert 104 <= lines[0].bbox[1] < lines[0].bbox[3] <= 200 and 304 <= lines[1].bbox[0] < lines[1].bbox[2] <= 496
    gap = round(ocr_cells.STRIP_GAP_IN * 300)
    assert shapes == [(1800 + 92 + 3 * gap, 192 + 2 * gap)]


def _cell_page(texts: list[str], font_path: str = "/usr/share/fonts/truetype/tlwg/Loma.ttf", size: int = 40, pitch: int = 400) -> tuple[np.ndarray, list[CellBox]]:
    """Ink mask of one table row, a cell per text (Loma, 300 dpi size, unless told), and the cells (inside their rulings)."""
    from PIL import Image, ImageDraw, ImageFont

    from extractor.ingest.ocr_image import ink_mask

    font = ImageFont.truetype(font_path, size)
    image = Image.new("L", (100 + pitch * len(texts), 200), 255)
    cells = []
    for i, text in enumerate(texts):
        ImageDraw.Draw(image).text((130 + pitch * i, 70), text, font=font, fill=0)
        cells.append(CellBox(104 + pitch * i, 54, pitch + 96 + pitch * i, 146))
    return ink_mask(np.asarray(image)), cells


def _words_line(*words: tuple[str, int, int]) -> OcrLine:
    """An OCR line of (text, x0, x1) words on the row drawn by ``_cell_page``."""
    return OcrLine((words[0][1], 70, words[-1][2], 130), 120, 40.0, [OcrWord(t, (a, 75, b, 125), 80.0) for t, a, b in words])


@pytest.mark.skipif(not glob.glob("/usr/share/fonts/truetype/tlwg/Loma.ttf"), reason="fonts-thai-tlwg not installed")
def test_an_amount_tesseract_cut_into_pieces_with_letters_is_read_whole_from_its_cell():
    # ๒,๖๒๗,๐๐๐ read as ``๒ ต, อ ๒๗,๐๐๐`` (seen on the scanned corpus): the digit runs stop at the letters, the cell
    # says where the number is
    ink, cells = _cell_page(["โครงการ", "๒,๖๒๗,๐๐๐"])
    line = _words_line(("โครงการ", 130, 300), ("๒", 530, 550), ("ต,", 555, 580), ("อ", 585, 610), ("๒๗,๐๐๐", 615, 740))
    assert reread_cells_by_shape(ink, cells, [line]) == [("๒ ต, อ ๒๗,๐๐๐", "๒,๖๒๗,๐๐๐")]
    assert [w.text for w in line.words] == ["โครงการ", "๒,๖๒๗,๐๐๐"]
    assert "๒,๖๒๗,๐๐๐" in shape_cells_message([("๒ ต, อ ๒๗,๐๐๐", "๒,๖๒๗,๐๐๐")])


@pytest.mark.skipif(not glob.glob("/usr/share/fonts/truetype/tlwg/Loma.ttf"), reason="fonts-thai-tlwg not installed")
@pytest.mark.parametrize("drawn, read", [("ร้อยละ ๘๐", "ร้อยละ ๕๐"), ("12,500", "12,500"), ("๑๒", "๑๒")])
def test_cells_with_letters_arabic_digits_or_a_right_reading_are_left_alone(drawn, read):
    ink, cells = _cell_page([drawn])
    line = _words_line(*[(t, 130 + 80 * i, 200 + 80 * i) for i, t in enumerate(read.split())])
    assert reread_cells_by_shape(ink, cells, [line]) == []
    assert line.text == read


def test_a_line_running_down_several_rows_is_set_aside_and_text_lines_are_not():
    # five rows of a two-column grid; Tesseract read the narrow first column's row numbers as one tall line
    rules = [Ruling(True, _pt(100 + 100 * i), _pt(100), _pt(700)) for i in range(6)]
    rules += [Ruling(False, _pt(x), _pt(100), _pt(600)) for x in (100, 200, 700)]
    cells = grid_cells(rules, SCALE)
    sideways = OcrLine((140, 140, 160, 560), 560, 20.0, [OcrWord("anDOoO-+WDN", (140, 140, 160, 560), 40.0)])
    text = OcrLine((220, 130, 680, 170), 165, 40.0, [OcrWord("โครงการ", (220, 130, 680, 170), 90.0)])
    two_lines = OcrLine((220, 230, 680, 360), 355, 40.0, [OcrWord("สอง", (220, 230, 680, 360), 90.0)])  # a cell wrapped once
    assert lines_across_rows([sideways, text, two_lines], cells, 40.0) == [sideways]
    assert "anDOoO-+WDN" in across_rows_message([sideways])


def _drawn_words(text: str, cell_x: int, reads: list[str]) -> OcrLine:
    """An OCR line over ``text`` as ``_cell_page`` draws it in the cell at ``cell_x``, one OCR word per space-separated
    part (boxes from the font's own advance), read as ``reads``."""
    from PIL import ImageFont

    font = ImageFont.truetype("/usr/share/fonts/truetype/tlwg/Loma.ttf", 40)
    words, x = [], 130 + cell_x
    for part, read in zip(text.split(" "), reads):
        width = int(font.getlength(part))
        words.append((read, x, x + width))
        x += width + int(font.getlength(" "))
    return _words_line(*words)


@pytest.mark.skipif(not glob.glob("/usr/share/fonts/truetype/tlwg/Loma.ttf"), reason="fonts-thai-tlwg not installed")
@pytest.mark.parametrize("drawn, read, code", [
    ("P๐๗๘ (OKR ๒.๑.๐๑)", ["Pome", "(OKR", "๒.๑.๐๑)"], "P๐๗๘"),  # the eng model reads the Thai digits as letters
    ("P๑๐๐ (OKR ๑.๑.๐๑)", ["2๑๐๐", "(OKR", "๑.๑.๐๑)"], "P๑๐๐"),  # ... or the P as a digit
    ("P051", ["8051"], "P051"),
])
def test_a_policy_code_opening_a_cell_is_read_by_shape(drawn, read, code):
    ink, cells = _cell_page([drawn])
    line = _drawn_words(drawn, 0, read)
    assert reread_cells_by_shape(ink, cells, [line]) == [(read[0], code)]
    assert [w.text for w in line.words] == [code, *read[1:]]


@pytest.mark.skipif(not glob.glob("/usr/share/fonts/truetype/tlwg/Loma.ttf"), reason="fonts-thai-tlwg not installed")
@pytest.mark.parametrize("drawn", ["2551", "8051 (OKR)", "Page ๑๒"])
def test_a_number_or_a_word_starting_like_a_code_is_left_alone(drawn):
    ink, cells = _cell_page([drawn])
    line = _drawn_words(drawn, 0, drawn.split(" "))
    assert reread_cells_by_shape(ink, cells, [line]) == []
    assert line.text == drawn


@pytest.mark.skipif(not glob.glob("/usr/share/fonts/truetype/tlwg/Loma.ttf"), reason="fonts-thai-tlwg not installed")
@pytest.mark.parametrize("drawn, read, after", [("-", "=", "-"), ("-", "ซ", "-"), ("ก", "ก", None), ("=", "=", None)])
def test_a_cell_holding_one_flat_stroke_is_a_dash(drawn, read, after):
    # a budget cell's "no budget" dash, read as = or ซ by Tesseract; a letter or a real = stays
    ink, cells = _cell_page(["โครงการ", drawn])
    line = _words_line(("โครงการ", 130, 300), (read, 530, 560))
    assert reread_cells_by_shape(ink, cells, [line]) == ([(read, after)] if after else [])
    assert line.words[-1].text == (after or read)


@pytest.mark.skipif(not glob.glob("/usr/share/fonts/truetype/tlwg/Loma.ttf"), reason="fonts-thai-tlwg not installed")
def test_a_dash_nobody_read_is_put_in_its_cell():
    # too little ink for the blank-cell re-read (MIN_INK_EM2), and Tesseract's own reading of it dropped as noise
    ink, cells = _cell_page(["โครงการ", "-", ""])
    name = _words_line(("โครงการ", 130, 300))
    lines = [name]
    changed = reread_cells_by_shape(ink, cells, lines)
    assert changed == [("", "-")] and "(nothing read) → '-'" in shape_cells_message(changed)
    assert len(lines) == 2 and lines[1].text == "-"
    x0, y0, x1, y1 = lines[1].bbox
    assert cells[1].x0 <= x0 < x1 <= cells[1].x1 and cells[1].y0 <= y0 < y1 <= cells[1].y1
    assert y1 < lines[1].baseline < cells[1].y1  # the dash stands above the baseline of its row's text



@pytest.mark.skipif(not glob.glob("/usr/share/fonts/truetype/tlwg/Loma.ttf"), reason="fonts-thai-tlwg not installed")
@pytest.mark.parametrize("drawn, read, after", [
    ("๑๑,๖๐๐", "99,000", "๑๑,๖๐๐"),  # a Thai amount the eng model read in Arabic digits
    ("-", "๓", "-"),  # a dash read as a digit: not a number, a dash
])
def test_a_cell_read_as_the_wrong_kind_of_number_is_read_by_shape(drawn, read, after):
    ink, cells = _cell_page(["โครงการ", drawn])
    line = _words_line(("โครงการ", 130, 300), (read, 530, 700))
    assert reread_cells_by_shape(ink, cells, [line]) == [(read, after)]


SYMBOLS = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"  # the renderer draws the arrows the Thai fonts lack in it


def _arrow_page(texts: list[str], size: int = 40) -> tuple[np.ndarray, list[CellBox]]:
    """One row of month cells, a cell per text drawn in DejaVu Sans."""
    return _cell_page(texts, SYMBOLS, size, pitch=200)


@pytest.mark.skipif(not glob.glob(SYMBOLS), reason="fonts-dejavu-core not installed")
@pytest.mark.parametrize("size", [30, 40, 60])
def test_arrows_are_read_by_their_heads(size):
    drawn = ["←", "→", "↔", "←→", "→←"]
    ink, cells = _arrow_page(drawn, size)
    assert [cell_arrows(ink, cell, 40.0)[0] for cell in cells] == drawn


@pytest.mark.skipif(not glob.glob(SYMBOLS), reason="fonts-dejavu-core not installed")
@pytest.mark.parametrize("drawn", ["-", "=", "<", ">", "+", "ก", "T", "|-", "- >", "→ ก", "⇒", "··", ""])
def test_ink_that_is_not_only_arrows_is_no_arrow(drawn):
    ink, cells = _arrow_page([drawn])
    assert cell_arrows(ink, cells[0], 40.0) is None


def test_a_bar_is_no_arrowhead():
    # |—— : as high as a head at its end, but no point there
    mask = np.zeros((15, 40), dtype=bool)
    mask[6:9, :] = True
    mask[:, :2] = True
    assert arrow_glyph(mask) is None
    mask[:, :2] = False
    mask[[7], 0] = True
    for x in range(1, 8):  # a head narrowing to a point on the left
        mask[7 - x : 8 + x, x] = True
    assert arrow_glyph(mask) == "←"


@pytest.mark.skipif(not glob.glob(SYMBOLS), reason="fonts-dejavu-core not installed")
def test_arrow_cells_replace_what_tesseract_read():
    # seen on the scanned corpus: ← read ``4=``, → read ``-`` and dropped, ←→ read ``«-->`` as two words
    ink, cells = _arrow_page(["←", "→", "←→", "→"])
    misread = OcrLine((130, 70, 700, 130), 120, 40.0, [OcrWord("4=", (130, 75, 160, 125), 40.0), OcrWord("«-", (530, 75, 560, 125), 40.0),
                                                      OcrWord("->", (570, 75, 600, 125), 40.0)])
    right = OcrLine((730, 70, 770, 130), 120, 40.0, [OcrWord("→", (730, 75, 770, 125), 80.0)])
    lines = [misread, right]
    changed = read_arrow_cells(ink, cells, lines)
    assert changed == [("4=", "←"), ("", "→"), ("«- ->", "←→")]
    assert sorted(line.text for line in lines) == ["←", "←→", "→", "→"]  # Tesseract's words gone, one line per cell
    for line in lines:
        cell = next(c for c in cells if c.x0 <= line.bbox[0] < line.bbox[2] <= c.x1)
        assert cell.y0 <= line.bbox[1] < line.bbox[3] < line.baseline
    assert "'4=' → '←'" in arrows_message(changed) and "(nothing read) → '→'" in arrows_message(changed)


def _two_line_cell() -> tuple[np.ndarray, CellBox, OcrLine]:
    """Ink of one tall cell holding two text lines, and an OCR line for the first only (Tesseract drops a line in
    a tall cell now and then)."""
    from PIL import Image, ImageDraw, ImageFont

    from extractor.ingest.ocr_image import ink_mask

    font = ImageFont.truetype("/usr/share/fonts/truetype/tlwg/Loma.ttf", 40)
    image = Image.new("L", (900, 400), 255)
    ImageDraw.Draw(image).text((130, 110), "กลุ่มเป้าหมาย", font=font, fill=0)
    ImageDraw.Draw(image).text((130, 230), "วิธีคำนวณ : ตรวจสอบ", font=font, fill=0)
    read = OcrLine((125, 100, 420, 175), 160, 40.0, [OcrWord("กลุ่มเป้าหมาย", (125, 100, 420, 175), 90.0)])
    return ink_mask(np.asarray(image)), CellBox(104, 84, 796, 396), read


@pytest.mark.skipif(not glob.glob("/usr/share/fonts/truetype/tlwg/Loma.ttf"), reason="fonts-thai-tlwg not installed")
def test_a_line_lost_in_a_cell_tesseract_read_in_part_is_read_again():
    ink, cell, read = _two_line_cell()
    boxes = unread_lines(ink, [read], [cell], 40.0)
    assert len(boxes) == 1
    box = boxes[0]
    assert box.y0 < 250 < box.y1 and box.y0 > 160 and box.x0 <= 130 and box.x1 > 450


@pytest.mark.skipif(not glob.glob("/usr/share/fonts/truetype/tlwg/Loma.ttf"), reason="fonts-thai-tlwg not installed")
def test_a_cell_with_no_ocr_line_is_left_to_the_blank_cell_reread():
    ink, cell, _ = _two_line_cell()
    assert unread_lines(ink, [], [cell], 40.0) == []
    assert blank_read_cells([cell], ink, covered_by([], ink.shape), 40.0) == [cell]


def _dash_row(baseline_text: str) -> tuple[np.ndarray, list[CellBox], OcrLine]:
    """A baseline cell whose last glyph Tesseract did not report (``พ.ศ. ๒๕๖๔ : -``) and a target cell beside it,
    with the OCR line running across both without that glyph."""
    from extractor.ingest.ocr_digits import ink_spans

    ink, cells = _cell_page([baseline_text, "ร้อยละ"])
    spans = ink_spans(ink[:, : cells[0].x1].any(axis=0), gap=12)
    words = [("พ.ศ.", spans[0][0], spans[0][1]), ("๒๕๖๔", spans[1][0], spans[1][1]), (":", spans[2][0], spans[2][1])]
    target = ink_spans(ink[:, cells[1].x0 :].any(axis=0), gap=12)
    words.append(("ร้อยละ", cells[1].x0 + target[0][0], cells[1].x0 + target[-1][1]))
    return ink, cells, _words_line(*words)


@pytest.mark.skipif(not glob.glob("/usr/share/fonts/truetype/tlwg/Loma.ttf"), reason="fonts-thai-tlwg not installed")
def test_a_dash_tesseract_left_out_after_a_cells_last_word_is_put_in():
    # 003's baselines ``พ.ศ. ๒๕๖๔ : -``: the year's status dash never came back from Tesseract
    ink, cells, line = _dash_row("พ.ศ. ๒๕๖๔ : -")
    assert reread_cells_by_shape(ink, cells, [line]) == [(":", ": -")]
    assert line.text == "พ.ศ. ๒๕๖๔ : - ร้อยละ"
    dash = line.words[3].bbox
    assert line.words[2].bbox[2] < dash[0] < dash[2] < cells[0].x1 and dash[3] < line.baseline


@pytest.mark.skipif(not glob.glob("/usr/share/fonts/truetype/tlwg/Loma.ttf"), reason="fonts-thai-tlwg not installed")
@pytest.mark.parametrize("last", ["ก", "=", "_"])
def test_other_ink_after_a_cells_last_word_is_no_dash(last):
    # a letter, two strokes, a stroke on the baseline: not the flat stroke at the letters' middle a dash is
    ink, cells, line = _dash_row(f"พ.ศ. ๒๕๖๔ : {last}")
    assert reread_cells_by_shape(ink, cells, [line]) == []
    assert line.text == "พ.ศ. ๒๕๖๔ : ร้อยละ"


@pytest.mark.skipif(not glob.glob("/usr/share/fonts/truetype/tlwg/Loma.ttf"), reason="fonts-thai-tlwg not installed")
@pytest.mark.parametrize("drawn", ["1", "12", "๑", "๒๓"])
def test_a_row_number_nobody_read_is_read_by_shape(drawn):
    # 002's and 003's first rows: Tesseract read the lone 1 as '-' or '—', which the noise filter dropped
    ink, cells = _cell_page([drawn, "โครงการ"])
    name = _words_line(("โครงการ", 530, 700))
    lines = [name]
    assert reread_cells_by_shape(ink, cells, lines) == [("", drawn)]
    assert lines[1].text == drawn and cells[0].x0 <= lines[1].bbox[0] < lines[1].bbox[2] <= cells[0].x1


@pytest.mark.skipif(not glob.glob("/usr/share/fonts/truetype/tlwg/Loma.ttf"), reason="fonts-thai-tlwg not installed")
@pytest.mark.parametrize("drawn", ["ก", "1.2", "ข้อ", "(1)"])
def test_a_cell_of_other_ink_is_no_row_number(drawn):
    # a letter, a dotted number, a bracketed one: not a row's plain number
    ink, cells = _cell_page([drawn, "โครงการ"])
    lines = [_words_line(("โครงการ", 530, 700))]
    assert reread_cells_by_shape(ink, cells, lines) == [] and len(lines) == 1
