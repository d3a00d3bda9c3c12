"""Second reading of Latin-looking words on Thai lines (unit abbreviations read as 'naw.')."""

import numpy as np
import pytest

from extractor.ingest import ocr_recheck
from extractor.ingest.ocr_tesseract import OcrLine, OcrWord


def _line(*words: str) -> OcrLine:
    return OcrLine((0, 0, 100, 20), 18, 20, [OcrWord(w, (10 * i, 0, 10 * i + 8, 20), 90.0) for i, w in enumerate(words)])


def test_suspects_are_latin_with_a_dot_on_thai_lines():
    thai = _line("โครงการ", "naw.", "BMA", "Web", "nua..", "๑๐", "TIN.", "(aad.")
    latin_only = _line("see", "etc.")
    alone = _line("awa.")  # a cell's text wrapped before its last word, สพส.
    lines = [thai, latin_only, alone]
    assert [w.text for w in ocr_recheck.suspects(lines)] == ["naw.", "nua..", "TIN.", "(aad.", "awa."]


def test_thai_abbreviation_shape():
    assert ocr_recheck.THAI_ABBREVIATION.match("กคพ.") and ocr_recheck.THAI_ABBREVIATION.match("สนข.")
    assert not ocr_recheck.THAI_ABBREVIATION.match("กคพ") and not ocr_recheck.THAI_ABBREVIATION.match("naw.")


def test_strip_stacks_crops_apart():
    pixels = np.full((100, 200), 255, dtype=np.uint8)
    pixels[10:20, 10:30] = 0
    pixels[60:70, 100:140] = 0
    words = [OcrWord("ab.", (10, 10, 30, 20), 50.0), OcrWord("cd.", (100, 60, 140, 70), 50.0)]
    strip, bands = ocr_recheck.strip_of(pixels, words)
    dark_rows = np.nonzero((strip < 128).any(axis=1))[0]
    # two separate bands of ink, with white between them, each inside its crop's band
    assert len(dark_rows) == 20 and dark_rows[-1] - dark_rows[0] > 20
    assert [sum(top <= y < bottom for y in dark_rows) for top, bottom in bands] == [10, 10]


def test_a_line_read_back_goes_to_the_band_holding_its_middle():
    def read(text: str, top: int, bottom: int) -> OcrLine:
        return OcrLine((0, top, 50, bottom), bottom, 10, [OcrWord(text, (0, top, 50, bottom), 90.0)])

    bands = [(20, 40), (60, 80), (100, 120), (140, 180)]
    # the second crop came back as two lines of a height (a split), the third as none: neither is read; the fourth's
    # tone mark came back as a line of its own above the word
    lines = [read("ก ม .", 22, 38), read("ส", 58, 70), read("พ.", 70, 82), read("จ", 141, 157), read("ม ต ท", 158, 184)]
    assert ocr_recheck.readings_by_band(lines, bands) == ["กม.", None, None, "มตท"]


def test_a_latin_first_word_before_a_number_or_thai_is_a_suspect():
    heading = _line("VAN", "1", "การบริการสาธารณะ")  # มิติที่ 1 read as Latin
    bullet = _line("-", "NAN", "1", "การบริการสาธารณะ")  # a bullet before it
    note = _line("***", "ool", "ตรวจประเมิน")  # สยป. read without its dot
    kpi = _line("KPI", "4.1.4.1", ":", "ชุดข้อมูล")  # a code the grammars write: no Tesseract call for it
    prose = _line("Digital", "Twin", "ของเมือง")
    mask = _line("xxx", "การเข้าสู่สังคม")
    lines = [heading, bullet, note, kpi, prose, mask]
    assert [w.text for w in ocr_recheck.suspects(lines)] == ["VAN", "NAN", "ool"]


def test_the_grammars_latin_codes_are_known():
    assert {"KPI", "KR", "OKR"} <= ocr_recheck.grammar_latin_words()
    assert "Za" not in ocr_recheck.grammar_latin_words()  # a regex class [A-Za-z], not a word


@pytest.mark.parametrize(
    ("suspect", "reading", "taken"),
    [
        ("TIN.", "กม.", True),  # a unit the dictionary knows
        ("WH.", "พ.ย.", True),  # a month
        ("NH.", "กต.", True),  # an abbreviation of Thai letters
        ("(aad.", "(สสจ.", True),
        ("ov.", "ฒญ.", False),  # ๗๙. read as Latin: the Thai model's shapes of digits
        ("lo.", "๒.", False),
        ("ool", "สยป.", True),  # a first word: an abbreviation ...
        ("NAN", "มิติที่", True),  # ... a heading keyword ...
        ("au", "อื่น", True),  # ... or common words
        ("WiFi", "แอ", False),  # a rare word: English read as Thai
        ("Center", "๐อท1ไอ", False),
    ],
)
def test_a_second_reading_is_taken_only_when_plainly_thai(suspect: str, reading: str, taken: bool):
    assert ocr_recheck._takes(suspect, reading) is taken


def test_only_a_heading_keyword_replaces_a_latin_first_word():
    assert ocr_recheck._heading_keyword("มิติที่") and ocr_recheck._heading_keyword("มตท")  # marks come back later
    assert not ocr_recheck._heading_keyword("หห")  # what a Thai-only reading makes of 'KR': left as read


def test_capitals_thai_glyphs_are_read_as_are_suspects_at_any_confidence():
    group = _line("เดินได้", "LALA")  # เดินดี, read at 89
    bracket = _line("เขต", "๕๐", "LUA)")  # เขต), read at 94
    acronyms = _line("ระบบ", "SLA", "HR", "QR", "ของ")  # letters Thai glyphs are not read as
    for line in (group, bracket, acronyms):
        for word in line.words:
            word.confidence = 94.0
    assert [w.text for w in ocr_recheck.suspects([group, bracket, acronyms])] == ["LALA", "LUA)"]


def test_a_doubtful_short_word_beside_a_latin_one_is_a_suspect():
    after = _line("แพลตฟอร์ม", "Traffy", "Fondue", "wae")  # และ, read at 63
    after.words[3].confidence = 63.0
    english = _line("ระบบ", "drop", "down", "ที่")  # English beside English, read with confidence
    assert [w.text for w in ocr_recheck.suspects([after, english])] == ["wae"]


def test_a_short_latin_word_among_thai_ones_is_a_suspect():
    small = _line("เทคโนโลยีดิจิทัล", "usa", "ข้อตกลง")  # หรือ
    count = _line("เขตละ", "2", "au", "(100", "คน)")  # คน: a number or a bracket beside it is no Latin word
    after_bracket = _line("(Survey)", "ปีละ", "2", "ade")  # ครั้ง at the end of a line
    capitals = _line("ส่วนราชการ", "MIN", "สนค.")
    capitals.words[1].confidence = 70.0  # ตามที่ read as capitals, with little confidence
    acronym = _line("ระบบ", "SLA", "ของ")  # a real acronym, read with confidence (90)
    phrase = _line("ศูนย์", "City", "Lab", "ที่")  # English beside English
    codes = _line("ตัวชี้วัด", "KPI", "ที่", "xxxx", "ของ")  # a code the grammars write, a mask
    long = _line("แพลตฟอร์ม", "Traffy", "ของ")  # five letters or more: English
    lines = [small, count, after_bracket, capitals, acronym, phrase, codes, long]
    assert [w.text for w in ocr_recheck.suspects(lines)] == ["usa", "au", "ade", "MIN"]


@pytest.mark.parametrize(
    ("suspect", "reading", "taken"),
    [
        ("usa", "หรือ", True),
        ("NINN", "ตามที่", True),  # a compound of two common words the corpus counts apart
        ("Gulu)", "ขึ้นไป)", True),  # a bracket the suspect has, the reading keeps
        ("Gulu)", "ขึ้นไป", False),
        ("(au", "(คน", True),
        ("SQL", "ซอล", False),
    ],
)
def test_a_mid_line_reading_is_taken_when_common_thai(suspect: str, reading: str, taken: bool):
    assert ocr_recheck._takes(suspect, reading) is taken
