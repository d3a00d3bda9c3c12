"""Second reading of Latin-looking words on Thai lines (unit abbreviations read as 'naw.')."""

import numpy as np

from extractor.ingest import ocr_recheck
from extractor.ingest.ocr_tesseract import OcrLine, OcrWord


def _line(*words: str) -> OcrLine:
    return OcrLine((0, 0, 100, 20), 18, 20, [OcrWord(w, (10 * i, 0, 10 * i + 8, 20), 90.0) for i, w in enumerate(words)])


def test_suspects_are_lowercase_latin_with_a_dot_on_thai_lines():
    thai = _line("โครงการ", "naw.", "BMA", "Web", "nua..")
    latin_only = _line("see", "etc.")
    assert [w.text for w in ocr_recheck.suspects([thai, latin_only])] == ["naw.", "nua.."]


def test_thai_abbreviation_shape():
    assert ocr_recheck.THAI_ABBREVIATION.match("กคพ.") and ocr_recheck.THAI_ABBREVIATION.match("สนข.")
    assert not ocr_recheck.THAI_ABBREVIATION.match("กคพ") and not ocr_recheck.THAI_ABBREVIATION.match("naw.")


def test_strip_stacks_crops_apart():
    pixels = np.full((100, 200), 255, dtype=np.uint8)
    pixels[10:20, 10:30] = 0
    pixels[60:70, 100:140] = 0
    words = [OcrWord("ab.", (10, 10, 30, 20), 50.0), OcrWord("cd.", (100, 60, 140, 70), 50.0)]
    strip = ocr_recheck.strip_of(pixels, words)
    dark_rows = np.nonzero((strip < 128).any(axis=1))[0]
    # two separate bands of ink, with white between them
    assert len(dark_rows) == 20 and dark_rows[-1] - dark_rows[0] > 20


def test_a_latin_first_word_before_a_number_is_a_suspect():
    heading = _line("VAN", "1", "การบริการสาธารณะ")  # มิติที่ 1 read as Latin
    kpi = _line("KPI", "4.1.4.1", ":", "ชุดข้อมูล")
    prose = _line("Digital", "Twin", "ของเมือง")
    assert [w.text for w in ocr_recheck.suspects([heading, kpi, prose])] == ["VAN", "KPI"]


def test_only_a_heading_keyword_replaces_a_latin_first_word():
    assert ocr_recheck._heading_keyword("มิติที่") and ocr_recheck._heading_keyword("มตท")  # marks come back later
    assert not ocr_recheck._heading_keyword("หห")  # what a Thai-only reading makes of 'KR': left as read
