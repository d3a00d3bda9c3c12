"""Table cells Tesseract left blank: found from the ruled grid (rules broken into pieces by a residual tilt are one
rule), re-read from a strip of their crops, the lines put back where the cells are."""

import numpy as np
import pytest

from extractor.ingest import ocr_tesseract
from extractor.ingest.ocr_cells import CellBox, blank_read_cells, covered_by, grid_cells, reread_regions, unread_lines
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
