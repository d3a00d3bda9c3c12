"""Second reading, with English alone, of English words read as Thai or noise beside an English word."""

import numpy as np
import pytest

from extractor.ingest import ocr_english
from extractor.ingest.ocr_tesseract import OcrLine, OcrWord


def _line(*words: str | tuple[str, float]) -> OcrLine:
    items = [(w, 96.0) if isinstance(w, str) else w for w in words]
    return OcrLine((0, 0, 100, 20), 18, 20, [OcrWord(t, (30 * i, 0, 30 * i + 25, 20), c) for i, (t, c) in enumerate(items)])


def _runs(line: OcrLine) -> list[tuple[str, str, int]]:
    return [("".join(w.text for w in run), anchor.text, side) for _, run, anchor, side in ocr_english.suspects([line])]


def test_noise_up_to_the_bracket_before_an_english_word_is_a_suspect():
    line = _line("อุบัติเหตุ", ("(83!", 0.0), ("ล", 0.0), "spot)", "ในพื้นที่")
    assert _runs(line) == [("(83!ล", "spot)", -1)]


def test_noise_up_to_the_bracket_after_an_english_word_is_a_suspect():
    line = _line("ทันสมัย", "(SMART", ("ธะ", 53.0), ("ค", 62.0), ("ง", 32.0), ("108)", 40.0), "เพื่อ")
    assert _runs(line) == [("ธะคง108)", "(SMART", 1)]


def test_without_a_bracket_only_doubtful_tokens_touching_the_anchor():
    line = _line("แพลตฟอร์ม", ("โ", 83.0), ("ล", 79.0), ("กึ", 85.0), ("บ", 41.0), "fondue")
    assert _runs(line) == [("โลกึบ", "fondue", -1)]


@pytest.mark.parametrize(
    "words",
    [
        ("ผ่านแพลตฟอร์ม", "Traffy", "Fondue"),  # Thai words before an English phrase: no suspect
        ("(OKR", "๑.๓.๐๒)"),  # the number of a code the grammars write
        ("Policy", "P๐๐๑", "Lab"),  # digits without a Thai letter
        ("(", "ผลการดำเนินงาน", "Base)"),  # a Thai phrase in the same bracket
        ("ห้อง", ("(8|", 49.0), "ล", ("spot)", 60.0)),  # an anchor read with little confidence
    ],
)
def test_no_suspect(words):
    assert _runs(_line(*words)) == []


def _read(*words: tuple[str, float]) -> list[OcrWord]:
    return [OcrWord(t, (0, 0, 10, 10), c) for t, c in words]


@pytest.mark.parametrize(
    ("read", "anchor", "side", "taken"),
    [
        (_read(("(Black", 96), ("spot)", 96)), "spot)", -1, "(Black"),
        (_read(("(SMART", 96), ("SERVICE)", 96)), "(SMART", 1, "SERVICE)"),
        (_read(("Hawker", 96), ("Center", 96)), "Center", -1, "Hawker"),
        (_read(("(GIS", 74), ("Data", 96)), "Data", -1, None),  # not confident enough for a run with Thai letters
        (_read(("‘GIS", 96), ("Data", 96)), "Data", -1, "GIS"),  # a bracket read as a quote
        (_read(("nce", 96), ("Basc)", 96)), "Base)", -1, None),  # the anchor read otherwise: the crop is off
        (_read(("(~", 0), ("waye", 25), ("check", 96)), "check", -1, None),  # Thai read as English: garbage
        (_read(("a", 96), ("b", 96), ("Data", 96)), "Data", -1, None),  # no word of three letters
        (_read(("Data", 96),), "Data", -1, None),  # nothing read for the run
    ],
)
def test_the_english_reading_is_taken_only_when_plainly_english(read, anchor, side, taken):
    words = ocr_english._english(read, anchor, side)
    assert (" ".join(w.text for w in words) if words else None) == taken


def test_a_noisy_run_takes_a_less_confident_english_reading():
    read = _read(("(GIS", 74), ("Data", 96))
    assert [w.text for w in ocr_english._english(read, "Data", -1, ocr_english.NOISE_CONFIDENCE)] == ["(GIS"]
    assert ocr_english._english(_read(("(GIS", 40), ("Data", 96)), "Data", -1, ocr_english.NOISE_CONFIDENCE) is None


def test_signs_or_mixed_digits_without_a_thai_letter_are_a_suspect():
    digits = _line("พื้นที่", ("(๐", 95.0), ("18", 61.0), "Data", "Analytics)")  # (GIS Data Analytics)
    signs = _line("Message", ("%86๑706)", 70.0), "สำหรับ")  # (SMS: Short Message Service)
    assert _runs(digits) == [("(๐18", "Data", -1)]
    assert _runs(signs) == [("%86๑706)", "Message", 1)]
    assert _runs(_line("(OKR", "๑.๓.๐๒)")) == [] and _runs(_line("Policy", "P๐๐๑", "Lab")) == []


def test_an_anchor_opening_the_line_below_looks_back_at_the_end_of_the_line():
    line = _line("แพลตฟอร์ม", ("โธ", 82.0), ("ล", 96.0), ("ก", 83.0), ("ึ", 83.0), ("ง", 89.0))  # Traffy
    below = OcrLine((0, 25, 100, 45), 43, 20, [OcrWord("Fondue", (0, 25, 60, 45), 96.0), OcrWord("ของ", (70, 25, 95, 45), 96.0)])
    beside = OcrLine((200, 0, 300, 20), 18, 20, [OcrWord("Fondue", (200, 0, 260, 20), 96.0)])  # another column
    assert [("".join(w.text for w in run), anchor.text, side) for _, run, anchor, side in ocr_english.suspects([line, below])] == [("โธลกึง", "Fondue", -1)]
    assert ocr_english.suspects([line, beside]) == []


def test_a_run_before_a_wrapped_anchor_is_read_alone(monkeypatch):
    line = _line("แพลตฟอร์ม", ("โธ", 82.0), ("ล", 96.0), ("ก", 83.0), ("ึ", 83.0), ("ง", 89.0))
    below = OcrLine((0, 25, 100, 45), 43, 20, [OcrWord("Fondue", (0, 25, 60, 45), 96.0)])
    pixels = np.full((60, 200), 255, dtype=np.uint8)

    def english(strip, dpi, *, languages, psm):
        return (
            "<html><body><span class='ocr_line' title='bbox 0 0 200 %d'>"
            "<span class='ocrx_word' title='bbox 12 2 60 30; x_wconf 92'>Traffy</span></span></body></html>" % strip.shape[0]
        ).encode()

    monkeypatch.setattr(ocr_english, "run_tesseract", english)
    assert ocr_english.reread_english_words(pixels, [line, below], 300) == [("โธลกึง", "Traffy")]
    assert [w.text for w in line.words] == ["แพลตฟอร์ม", "Traffy"]


def test_a_bracket_closed_further_on_is_kept(monkeypatch):
    line = _line("พื้นที่", ("(๐", 95.0), ("18", 61.0), "Data", "Analytics)")
    pixels = np.full((40, 200), 255, dtype=np.uint8)

    def english(strip, dpi, *, languages, psm):
        return (
            "<html><body><span class='ocr_line' title='bbox 0 0 200 %d'>"
            "<span class='ocrx_word' title='bbox 12 2 60 30; x_wconf 52'>GIS</span>"
            "<span class='ocrx_word' title='bbox 70 2 110 30; x_wconf 96'>Data</span></span></body></html>" % strip.shape[0]
        ).encode()

    monkeypatch.setattr(ocr_english, "run_tesseract", english)
    assert ocr_english.reread_english_words(pixels, [line], 300) == [("(๐18", "(GIS")]
    assert [w.text for w in line.words] == ["พื้นที่", "(GIS", "Data", "Analytics)"]


def test_a_taken_reading_replaces_the_run_in_place(monkeypatch):
    line = _line("อุบัติเหตุ", ("(83!", 0.0), ("ล", 0.0), "spot)", "ในพื้นที่")
    pixels = np.full((40, 200), 255, dtype=np.uint8)
    seen = {}

    def english(strip, dpi, *, languages, psm):
        seen["languages"] = languages
        height = strip.shape[0]
        return (
            "<html><body><span class='ocr_line' title='bbox 0 0 200 %d'>"
            "<span class='ocrx_word' title='bbox 12 2 60 30; x_wconf 96'>(Black</span>"
            "<span class='ocrx_word' title='bbox 70 2 110 30; x_wconf 96'>spot)</span></span></body></html>" % height
        ).encode()

    monkeypatch.setattr(ocr_english, "run_tesseract", english)
    assert ocr_english.reread_english_words(pixels, [line], 300) == [("(83!ล", "(Black")]
    assert seen["languages"] == "eng"
    assert [w.text for w in line.words] == ["อุบัติเหตุ", "(Black", "spot)", "ในพื้นที่"]
