"""Short Latin codes (SWOT items, KR labels) re-read by shape: Tesseract's Thai model reads ``S1`` as ``ธ 1``."""

import glob

import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFont

from extractor.ingest import ocr_codes, ocr_digits
from extractor.ingest.ocr_image import ink_mask
from extractor.ingest.ocr_tesseract import OcrLine, OcrWord

needs_fonts = pytest.mark.skipif(not glob.glob(ocr_digits.FONT_GLOB), reason="fonts-thai-tlwg not installed")
SIZE = 46  # pixels per em: 11 pt at 300 dpi


def _scan(pieces: list[tuple[str, str]], font: str = "Loma") -> tuple[np.ndarray, OcrLine]:
    """The ink of the pieces drawn a word space apart (grey noise), and an OCR line with one word per piece read as
    its second item (a piece read as two words: ``ธ|1``), boxed over the piece's ink."""
    path = next(p for p in glob.glob(ocr_digits.FONT_GLOB) if p.endswith(f"/{font}.ttf"))
    face = ImageFont.truetype(path, SIZE)
    width = 60 + sum(len(text) + 1 for text, _ in pieces) * SIZE
    image = Image.new("L", (width, 3 * SIZE), 255)
    draw = ImageDraw.Draw(image)
    pen, words = 20.0, []
    for text, read in pieces:
        draw.text((pen, SIZE), text, font=face, fill=0)
        length = face.getlength(text)
        parts = read.split("|")
        for i, part in enumerate(parts):
            x0, x1 = pen + i * length / len(parts), pen + (i + 1) * length / len(parts)
            words.append(OcrWord(part, (int(x0), SIZE, int(x1), 2 * SIZE), 80.0))
        pen += length + face.getlength(" ")
    pixels = np.clip(np.asarray(image).astype(np.int16) + np.random.default_rng(7).integers(-20, 20, (3 * SIZE, width)), 0, 255)
    return ink_mask(pixels.astype(np.uint8)), OcrLine((10, SIZE // 2, width - 10, int(2.5 * SIZE)), 2 * SIZE, 1.16 * SIZE, words)


@needs_fonts
@pytest.mark.parametrize("font", ["Loma", "Garuda"])
@pytest.mark.parametrize("code, read", [("S1", "ธ|1"), ("T5", "โ|5"), ("S6", "SE"), ("O3", "03")])
def test_a_swot_code_read_as_thai_or_digits_is_read_by_shape(font, code, read):
    ink, line = _scan([("บุคลากร", "บุคลากร"), ("(Staff)", "(Staff)"), (code, read), ("บุคลากรเพียงพอ", "บุคลากรเพียงพอ")], font)
    assert ocr_codes.reread_codes(ink, [line]) == [(read.replace("|", " "), code)]
    assert [w.text for w in line.words][2] == code


@needs_fonts
def test_a_key_result_label_read_as_noise_is_read_by_shape():
    ink, line = _scan([("ยุทธศาสตร์ย่อยที่", "ยุทธศาสตร์ย่อยที่"), ("5.1", "5.1"), ("KR", "4@"), ("1", "1"), (":", ":"), ("พัฒนาเครือข่าย", "พัฒนาเครือข่าย")])
    assert ocr_codes.reread_codes(ink, [line]) == [("4@", "KR")]


@needs_fonts
@pytest.mark.parametrize("text", ["05", "2567", "ปี", "KPI"])
def test_numbers_thai_words_and_codes_read_well_are_left_alone(text):
    # a zero is narrower than an O; a number alone is no code; ป stands as tall as a capital but is Thai
    ink, line = _scan([("ข้อมูล", "ข้อมูล"), ("ณ", "ณ"), (text, text), ("ประชาชนมากขึ้น", "ประชาชนมากขึ้น")])
    assert ocr_codes.reread_codes(ink, [line]) == []


@needs_fonts
def test_lower_case_letters_are_no_code():
    # x-height letters fail the capitals' height: ``os`` is not read as ``OS``
    ink, line = _scan([("ข้อมูล", "ข้อมูล"), ("os", "0s"), ("ประชาชนมากขึ้น", "ประชาชนมากขึ้น")])
    assert ocr_codes.reread_codes(ink, [line]) == []


@needs_fonts
def test_a_code_read_in_capitals_keeps_its_letters():
    # Tesseract's English model tells R from P better than the templates on a thinned scan: only a digit read for
    # a letter (or the reverse) is changed in a code it read in capitals
    ink, line = _scan([("ยุทธศาสตร์ย่อยที่", "ยุทธศาสตร์ย่อยที่"), ("OKR", "OKP"), ("1", "1"), ("พัฒนาเครือข่าย", "พัฒนาเครือข่าย")])
    assert ocr_codes.reread_codes(ink, [line]) == []
