"""Masked spans (runs of ``x``) re-read by shape: Tesseract's ``tha+eng`` reads them as Thai digits and noise."""

import glob

import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFont

from extractor.ingest import ocr_digits, ocr_masks
from extractor.ingest.ocr import split_noise
from extractor.ingest.ocr_image import ink_mask
from extractor.ingest.ocr_tesseract import OcrLine, OcrWord

needs_fonts = pytest.mark.skipif(not glob.glob(ocr_digits.FONT_GLOB), reason="fonts-thai-tlwg not installed")
SIZE = 46  # pixels per em: 11 pt at 300 dpi, the corpus' body text


def _font(name: str) -> ImageFont.FreeTypeFont:
    path = next(p for p in glob.glob(ocr_digits.FONT_GLOB) if p.endswith(f"/{name}.ttf"))
    return ImageFont.truetype(path, SIZE)


def _scan(pieces: list[tuple[str, str]], font: str = "Loma", tracking: int = 0) -> tuple[np.ndarray, OcrLine]:
    """The ink of the pieces' text drawn on one line (with grey noise), and an OCR line with one word per piece read
    as its second item, boxed over the piece's ink (as Tesseract boxes what it read).  ``tracking``: pixels between
    two x's (negative: the x's of a mask touch, as on a blurred scan)."""
    face = _font(font)
    width = 60 + sum(len(text) for text, _ in pieces) * (SIZE + tracking)
    image = Image.new("L", (width, 3 * SIZE), 255)
    draw = ImageDraw.Draw(image)
    pen, boxes = 20.0, []
    for text, _ in pieces:
        start = pen
        for i, ch in enumerate(text):
            draw.text((pen, SIZE), ch, font=face, fill=0)
            pen += face.getlength(ch) + (tracking if text[i : i + 2] == "xx" else 0)
        boxes.append((int(start), int(pen)))
    pixels = np.clip(np.asarray(image).astype(np.int16) + np.random.default_rng(5).integers(-20, 20, (3 * SIZE, width)), 0, 255)
    ink = ink_mask(pixels.astype(np.uint8))
    words = [OcrWord(read, (x0, SIZE, x1, 2 * SIZE), 80.0) for (_, read), (x0, x1) in zip(pieces, boxes) if read]
    return ink, OcrLine((10, SIZE // 2, width - 10, int(2.5 * SIZE)), 2 * SIZE, 1.16 * SIZE, words)


@needs_fonts
@pytest.mark.parametrize("font", ["Loma", "Garuda", "Norasi"])
def test_a_mask_read_as_thai_digits_is_read_as_its_xs(font):
    ink, line = _scan([("สำนัก", "สำนัก"), ("xxxxxxxxxx", "2๐๐๐๐๐๐๐๐๐"), ("และ", "และ")], font)
    assert ocr_masks.reread_masks(ink, [line]) == [("2๐๐๐๐๐๐๐๐๐", "xxxxxxxxxx")]
    assert [w.text for w in line.words] == ["สำนัก", "xxxxxxxxxx", "และ"]


@needs_fonts
@pytest.mark.parametrize("count", [3, 6, 13])
def test_touching_xs_are_counted_one_by_one(count):
    # a blurred scan runs a mask's x's into one stretch of ink: its width says how many there are
    ink, line = _scan([("ความ", "ความ"), ("x" * count, ">»%๐๐"), ("ทาง", "ทาง")], tracking=-3)
    assert ocr_masks.reread_masks(ink, [line]) == [(">»%๐๐", "x" * count)]


@needs_fonts
def test_an_x_read_into_the_next_word_leaves_it():
    # Tesseract reads the last x with the Thai word after it (``«ติดตาม``): the word keeps its Thai letters only
    ink, line = _scan([("ที่", "ที่"), ("xxxxx", "๐๐๐"), ("xติดตาม", "«ติดตาม")])
    assert ocr_masks.reread_masks(ink, [line]) == [("๐๐๐«", "xxxxxx")]
    assert [w.text for w in line.words] == ["ที่", "xxxxxx", "ติดตาม"]


@needs_fonts
def test_a_mark_read_over_the_mask_stays_with_its_letter():
    ink, line = _scan([("ให้ม", "ให้ม"), ("xxxxxx", "9๐๐๐๐")])
    mark = OcrWord("ี", (line.words[1].bbox[0] + 5, line.words[1].bbox[1], line.words[1].bbox[0] + 20, line.words[1].bbox[3]), 80.0)
    line.words.insert(1, mark)
    ocr_masks.reread_masks(ink, [line])
    assert [w.text for w in line.words] == ["ให้ม", "ี", "xxxxxx"]


@needs_fonts
@pytest.mark.parametrize("text", ["๑๐๐,๐๐๐", "๒๕๖๗", "2567", "Index", "xx"])
def test_numbers_and_latin_words_are_left_alone(text):
    ink, line = _scan([("งบ", "งบ"), (text, text), ("บาท", "บาท")])
    before = [w.text for w in line.words]
    assert ocr_masks.reread_masks(ink, [line]) == []
    assert [w.text for w in line.words] == before


@needs_fonts
@pytest.mark.parametrize("font", ["Loma", "Garuda", "Norasi", "Kinnari"])
def test_no_thai_letter_is_read_as_an_x(font):
    # the x is told among digits and Latin letters only: a Thai letter Tesseract boxed as a digit must not pass
    consonants = "".join(chr(c) for c in range(0x0E01, 0x0E2F)) + "ะาเแโใไ"
    ink, line = _scan([(ch * 3, "๐๐๐") for ch in consonants], font)
    assert ocr_masks.reread_masks(ink, [line]) == []


@needs_fonts
def test_the_xs_own_templates_give_the_distance_read_among_all_rivals():
    # _x_distance settles a glyph by the x's templates alone when it is far from every x: that must be the very
    # distance the x gets among all the rivals (same templates, same sums), or a mask could be read differently
    ink, line = _scan([("x", "x"), ("5", "5"), ("๘", "๘"), ("e", "e"), ("ก", "ก")], "Norasi")
    glyphs = [mask for _, _, _, _, mask in ocr_masks.line_stretches(ink, line)]
    everything = ocr_masks.MASK + ocr_masks.RIVALS
    x_rows = np.array([c == ocr_masks.MASK for c in ocr_digits.templates(everything)[0]])
    assert len(glyphs) == 5 and x_rows.sum() == len(ocr_digits.templates(ocr_masks.MASK)[0])
    for glyph in glyphs:
        alone = ocr_digits.classify(glyph, ocr_masks.MASK, ocr_masks.MASK)[1]
        assert alone == ocr_digits.classify(glyph, ocr_masks.MASK, everything)[1]
    assert ocr_masks._x_distance(glyphs[0]) is not None
    assert [ocr_masks._x_distance(g) for g in glyphs[1:]] == [None] * 4


def test_a_line_of_masks_and_thai_is_not_a_strip_of_marks():
    # the masks have no ascenders: Tesseract sizes the line like a strip of detached marks above the next line
    thai = OcrLine((100, 200, 900, 240), 235, 40.0, [OcrWord("กรุงเทพมหานคร", (100, 200, 900, 240), 95.0)] * 3)
    body = [OcrLine((100, 300 + 60 * i, 900, 340 + 60 * i), 335 + 60 * i, 40.0, [OcrWord("ประชาชน", (100, 300, 900, 340), 95.0)]) for i in range(3)]

    def masks_line(*texts: str) -> OcrLine:
        return OcrLine((100, 150, 900, 176), 175, 24.0, [OcrWord(t, (100 + 80 * i, 150, 170 + 80 * i, 176), 60.0) for i, t in enumerate(texts)])

    read = masks_line("xxxxxxxxxx", "โด", "ย", "ม", "ี", "xxxxxxxxxx", "ชา", "ต", "ิ")
    garbled = masks_line("2๐๐๐๐๐๐๐๐๐", "โด", "ย", "ม", "ี", "ว๐๐๑๐๐๐๐๐", "ชา", "ต", "ิ")
    kept, noise = split_noise([read, garbled, thai, *body])
    assert read in kept and garbled in noise
