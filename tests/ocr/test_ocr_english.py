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


# LaTeX source of a formula (``$\frac{\text{จำนวน…} \times 100}{\text{…}}$``) read by ``tha+eng`` as Thai and signs


def _tex(line: OcrLine, lines: list[OcrLine] | None = None) -> list[tuple[str, str]]:
    return [(" ".join(w.text for w in run.number), " ".join(w.text for w in run.tokens)) for run in ocr_english.tex_runs(lines or [line])]


def test_latex_read_as_thai_is_a_run_from_its_signs_over_the_doubtful_tokens_around():
    line = _line("โครงการ)", ("8", 84.0), ("เ", 79.0), ("โก", 28.0), ("ล", 80.0), ("๐", 95.0), ("[น", 53.0), ("่", 70.0), ("อะ", 86.0), ("[จ", 37.0), ("ํ", 92.0), ("า", 93.0), "น")
    assert _tex(line) == [("", "8 เ โก ล ๐ [น ่ อะ [จ")]


def test_a_number_before_the_run_is_no_part_of_it():
    line = _line("100", ("น", 55.0), ("4", 66.0), ("๑", 87.0), ("๕", 39.0), ("[จํา", 67.0), "น", "ว")
    assert _tex(line) == [("100", "น 4 ๑ ๕ [จํา")]


def test_a_bracket_alone_before_a_latex_command_is_a_run_of_its_own():
    line = _line("ความรู้", (")", 78.0), "\\times")
    assert _tex(line) == [("", ")")]


def test_garbled_tokens_are_looked_at_only_near_a_latex_command():
    garbled = _line(("9.", 86.0), ("'", 77.0), ("ก", 40.0), ("ล", 54.0), ("๐", 92.0), ("(ไอ", 54.0), "ะ", "น")
    command = _line("ความรู้", "\\times")
    assert _tex(garbled) == []
    assert _tex(garbled, [garbled, _line("บุคลากร"), command]) == [("9.", "' ก ล ๐ (ไอ")]
    assert _tex(garbled, [garbled, _line("บุคลากร"), _line("ความรู้"), command]) == []


@pytest.mark.parametrize(
    "words",
    [
        ("วิธีคำนวณ", "(ตัวชี้วัดของโครงการ)", "จำนวน"),  # brackets of Thai text
        ("ผลผลิต", "(Objective)44"),  # a footnote number after a bracket
        ("ร้อยละ", "80", "%"),  # a percentage
        ("T_n}{N}",),  # LaTeX read as such
    ],
)
def test_no_latex_run(words):
    assert _tex(_line(*words)) == []


def _ink_line(words: list[tuple[str, tuple[int, int, int, int]]]) -> OcrLine:
    return OcrLine((0, 0, 400, 60), 45.0, 45.0, [OcrWord(t, box, 60.0) for t, box in words])


def _brace(pixels: np.ndarray, x: int) -> None:
    pixels[13:53, x : x + 10] = 0  # 32 px above the baseline (45), 8 below: a brace's reach


def test_closing_braces_and_dollar_are_read_from_the_ink(monkeypatch):
    pixels = np.full((60, 400), 255, dtype=np.uint8)
    pixels[22:44, 100:120] = 0  # a Thai letter: 23 px high, on the baseline
    _brace(pixels, 130)
    _brace(pixels, 145)
    pixels[13:46, 160:176] = 0  # the dollar: as high, no lower than the baseline
    line = _ink_line([("ด", (100, 22, 120, 44)), ("))8", (128, 10, 180, 55))])
    line.words[0].confidence = 96.0
    monkeypatch.setattr(ocr_english, "run_tesseract", lambda *a, **k: pytest.fail("no English reading needed"))
    assert ocr_english.reread_english_words(pixels, [line], 300) == [("))8", "}}$")]
    assert [w.text for w in line.words] == ["ด", "}}$"]


def _english_says(monkeypatch, text: str) -> None:
    def english(strip, dpi, *, languages, psm):
        return (
            "<html><body><span class='ocr_line' title='bbox 0 0 400 %d'>"
            "<span class='ocrx_word' title='bbox 12 2 200 %d; x_wconf 80'>%s</span></span></body></html>" % (strip.shape[0], strip.shape[0] - 2, text)
        ).encode()

    monkeypatch.setattr(ocr_english, "run_tesseract", english)


def _opening() -> tuple[np.ndarray, OcrLine]:
    pixels = np.full((60, 400), 255, dtype=np.uint8)
    for x in range(60, 150, 15):
        pixels[22:44, x : x + 10] = 0  # ``$\frac{\text`` as Thai-high ink (what is read there comes from Tesseract)
    _brace(pixels, 155)  # the brace ``\text`` opens
    pixels[22:44, 170:190] = 0  # จ against it
    words = [("โครงการ)", (0, 20, 50, 44)), ("8", (60, 20, 70, 44)), ("เ", (75, 20, 85, 44)), ("ล", (90, 20, 115, 44))]
    words += [("[น", (120, 15, 145, 52)), ("[จ", (155, 13, 190, 53)), ("ํ", (195, 22, 205, 44))]
    line = _ink_line(words)
    for word in line.words:
        word.confidence = 96.0 if word.text in ("โครงการ)", "ํ") else 40.0
    line.words.append(OcrWord("า", (210, 22, 220, 44), 96.0))
    return pixels, line


def test_latex_source_read_back_replaces_the_run_and_keeps_the_thai_its_brace_opens(monkeypatch):
    pixels, line = _opening()
    _english_says(monkeypatch, "$\\frac{\\text{")
    assert ocr_english.reread_english_words(pixels, [line], 300) == [("8 เ ล [น [จ", "$\\frac{\\text{จ")]
    assert [w.text for w in line.words] == ["โครงการ)", "$\\frac{\\text{จ", "ํ", "า"]


@pytest.mark.parametrize("reading", ["\\Mrac{\\text{", "100}\\text{", "$\\frac{\\text{d", "ITs"])
def test_a_reading_that_is_not_latex_source_alone_changes_nothing(monkeypatch, reading):
    pixels, line = _opening()
    _english_says(monkeypatch, reading)
    assert ocr_english.reread_english_words(pixels, [line], 300) == []
    assert [w.text for w in line.words][1] == "8"


# English words read as Thai letters and Latin-shaped digits with no English word beside them


def _lone(line: OcrLine) -> list[str]:
    return ["".join(w.text for w in run) for _, run in ocr_english.lone_runs([line], set())]


def test_a_bracket_of_thai_letters_and_digits_read_with_little_confidence_is_a_lone_run():
    # (application) read (ล๒0๐ลน์๐ก)
    line = _line("เครื่องมือ", "(ล", ("๒", 86.0), ("0", 85.0), ("๐", 20.0), "ล", ("น", 76.0), ("์", 74.0), ("๐", 78.0), ("ก", 84.0), ")", "ที่")
    assert _lone(line) == ["(ล๒0๐ลน์๐ก)"]


def test_doubtful_tokens_touching_a_digit_are_a_lone_run():
    # ร้อยละ 100 ของ OKRs read ร้อยละ 100 ของ 0 พร
    line = _line("ร้อยละ", "100", "ขอ", "ง", "0", ("พร", 33.0), "ส", "ย", "ป.")  # Tesseract boxes Thai glyph by glyph
    assert _lone(line) == ["0พร"]


@pytest.mark.parametrize(
    "words",
    [
        ("ร้อยละ", "80", "ของ", "ผู้ตอบ"),  # a number among confident Thai words
        ("(ไม่น้อยกว่าร้อยละ", "80)"),  # a confident bracket
        ("ร้อยละ", ("80", 40.0), "ของ"),  # a doubtful number alone: no Thai letter in the run
        ("ผู้", ("ตอบ", 40.0), "ของ"),  # doubtful Thai without a digit
        ("(ล", ("๒", 20.0), "Data"),  # beside an English word: the anchored runs' work
        ("ที", ("่", 52.0), "7.2"),  # an item's number
        (("มตท", 49.0), "1:", "ทุก"),  # signs of a ratio
        ("ร", ("ู", 34.0), ("2222222222", 18.0), ("อ", 0.0)),  # a rule read as digits
    ],
)
def test_no_lone_run(words):
    assert _lone(_line(*words)) == []


@pytest.mark.parametrize(
    ("read", "run", "taken"),
    [
        (_read(("‘application)", 82), (")", 0)), ["(ล", "ก)"], "(application)"),  # a quote for the bracket, the bracket again
        (_read(("OKRs", 92),), ["0", "พร"], "OKRs"),
        (_read(("OKRs", 70),), ["0", "พร"], None),  # no English word beside it vouches for a less confident reading
        (_read(("application", 90),), ["(ล", "ก)"], None),  # the run's brackets not read back
        (_read(("Coaching", 93), ("&", 92)), ["0", "0"], None),  # an ampersand ending the reading joins nothing
        (_read(("ab", 96),), ["0", "พ"], None),  # no word of three letters
    ],
)
def test_a_lone_run_takes_an_english_reading_only_when_plainly_english(read, run, taken):
    words = ocr_english._lone_english(read, [OcrWord(t, (0, 0, 10, 10), 50.0) for t in run])
    assert (" ".join(w.text for w in words) if words else None) == taken


def test_an_ampersand_before_the_anchor_joins_the_run_to_it():
    read = _read(("Coaching", 93), ("&", 92), ("Mentor", 96))
    assert [w.text for w in ocr_english._english(read, "Mentor", -1, ocr_english.NOISE_CONFIDENCE)] == ["Coaching", "&"]


def test_a_crop_whose_edge_cuts_ink_is_widened_to_the_blank_beside_it():
    pixels = np.full((40, 200), 255, dtype=np.uint8)
    pixels[10:30, 60:80] = 0  # a glyph whose box (70-..) starts past its left edge
    pixels[10:30, 40:50] = 0  # the glyph before it, a blank between
    line = OcrLine((0, 0, 200, 40), 30, 40.0, [])
    box = ocr_english._to_blank(pixels, (70, 10, 120, 30), line)
    assert box[0] - ocr_english.PAD == 59  # the crop starts at the blank column before the glyph, none of its neighbour
    assert ocr_english._to_blank(pixels, (56, 10, 120, 30), line) == (56, 10, 120, 30)  # no ink at its edge: as it was


def _english_reads(monkeypatch: pytest.MonkeyPatch, word: str, confidence: int) -> None:
    """Tesseract's English reading of the strip: one word on one line."""
    span = f"<span class='ocrx_word' title='bbox 12 2 60 30; x_wconf {confidence}'>{word}</span>"
    hocr = "<html><body><span class='ocr_line' title='bbox 0 0 200 {}'>" + span + "</span></body></html>"
    monkeypatch.setattr(ocr_english, "run_tesseract", lambda strip, dpi, *, languages, psm: hocr.format(strip.shape[0]).encode())


def test_a_lone_run_read_as_english_replaces_its_tokens(monkeypatch):
    line = _line("ร้อยละ", "100", "ขอ", "ง", "0", ("พร", 33.0), "ส", "ย", "ป.")
    pixels = np.full((40, 300), 255, dtype=np.uint8)
    _english_reads(monkeypatch, "OKRs", 92)
    assert ocr_english.reread_english_words(pixels, [line], 300) == [("0พร", "OKRs")]
    assert [w.text for w in line.words] == ["ร้อยละ", "100", "ขอ", "ง", "OKRs", "ส", "ย", "ป."]


def test_a_latex_run_whose_box_cuts_ink_is_widened_to_the_word_before_it():
    # 002's ``1. \frac{\text{`` : the \f left out of the first token's box, ``rac{\text{`` read
    line = _line("1.", ("ล", 20.0), ("[จ", 79.0))  # boxes 0-25, 30-55, 60-85
    pixels = np.full((40, 200), 255, dtype=np.uint8)
    run = ocr_english.TexRun(line, [], line.words[1:])
    assert ocr_english._to_neighbour(pixels, run) == (30, 0, 85, 20)  # no ink at the crop's edge: as boxed
    pixels[5:15, 22:29] = 0  # ink running under the box's edge
    assert ocr_english._to_neighbour(pixels, run) == (26, 0, 85, 20)
