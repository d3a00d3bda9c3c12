"""Thai digits (เลขไทย ๐-๙) read again from the bitmap, by shape.

Tesseract 5.3's ``tha`` model reads only ๐ ๑ ๒ ๓ ๕ of the ten Thai digits: ๔ and ๘ come back as ๕, ๖ as ๒ or ๑,
๗ as ๓ or ฒ, ๙ as ๕ or ญ, in every TLWG font and at any resolution (measured on clean renderings at 46 and 92 px,
with and without ``tessedit_char_whitelist``: the whitelist only removes the letters, the digit confusions stay).
The plans write budgets, codes, targets and row numbers in Thai digits, so that is most of the OCR route's number
loss.

The digits are ten fixed shapes, so they are read here by template: each run of digit words on an OCR line (Thai
digits, ``,``/``.``, and the letters Tesseract makes of digits, ``ฒ``/``อ``, inside a run) is cut from the page's
ink mask into glyphs at the blank columns between them; a glyph of a digit's height is compared with the ten
digits rendered from the installed TLWG fonts (ink box scaled to a small square, plus its aspect ratio), a short one
is a comma (below the digits' baseline), a dot or a dash.  A run takes the new reading only when every glyph is
close to a template (``MAX_DISTANCE``) and the run has as many digits as Tesseract read there (same shape; one more
or fewer when every glyph is very close, ``TIGHT``), and the reading differs; each change is returned for a finding.
Short Latin words whose glyphs are all Thai digits (``ร้อยละ vo`` for ๖๐) and digits in the ink that Tesseract put
in no word (before a line, after a run) are read the same way.  No Tesseract call: a few milliseconds per page.
"""

from __future__ import annotations

import functools
import glob

import numpy as np
import regex as re
from PIL import Image, ImageDraw, ImageFont

from extractor.ingest.ocr_tesseract import OcrLine, OcrWord

THAI_DIGITS = "๐๑๒๓๔๕๖๗๘๙"
ARABIC_DIGITS = "0123456789"  # templates too: a number Tesseract reads in Arabic digits is re-read among all twenty
WEAK_LOOKALIKES = "ฆจญธ"  # what it makes of ๗, ๖, ๗/๙ and ๒ now and then (OKR ฆ.๒.๐๕, จ.๑.๐๖, ญ.๓.๑.๑, a score ๒
# read ธ): letters 0.27 and more from every digit in the TLWG fonts, so a run with one is taken only when every glyph
# is within TIGHT
DIGIT_LOOKALIKES = "ฒอ" + WEAK_LOOKALIKES  # what Tesseract makes of ๗/๙ and ๖/๐ inside a number
LONE_LOOKALIKES = "ฒ"  # look-alikes never written as a word of their own: alone, they are a digit Tesseract cut off
FONT_GLOB = "/usr/share/fonts/truetype/tlwg/*.ttf"  # Debian fonts-thai-tlwg (installed by `make`)
SIDE = 20  # templates and glyphs are compared as SIDE × SIDE grey squares
MAX_DISTANCE = 0.25  # measured: digits of the scanned corpus score 0.05-0.15, letters and marks 0.3 and more
TIGHT = 0.18  # a reading with a digit more than Tesseract's needs every digit this close (corpus digits: 0.05-0.15)
RUN_GAP = 0.8  # words further apart than this share of the line's x_size are two numbers (a column); 0.3 cut
# amounts at their comma (Tesseract boxes a Thai comma well apart from the digits around it)
NARROW = 0.45  # a glyph narrower than this share of the run's median glyph width is a comma or a dot ...
FLAT = 0.35  # ... and one flatter than this share of the run's tallest glyph a dash
COMMA_DROP = 0.12  # ... a comma when it reaches this share of that height below the digits' baseline
AMOUNT = re.compile(r"^[๐-๙]{1,3}(?:,[๐-๙]{3})+(?:\.[๐-๙]{2})?$")
AMOUNT_SLACK = 2  # digits an amount's reading may differ by from Tesseract's count (see ``_same_shape``)
ITEM_WORDS = 3  # words Tesseract may cut an item's number into
MARK_LOOKALIKE = "\u0e48"  # the tone mark Tesseract makes of a ๖'s hook: ๖.๑ read ่ อ. ๑ (alone, opening the number)
ITEM_LOOKALIKES = DIGIT_LOOKALIKES + MARK_LOOKALIKE  # the letters it reads in one (ญ as in ๗. read ฒญ.)
ITEM_NUMBER = re.compile(rf"^[๐-๙{ITEM_LOOKALIKES}]{{1,3}}\.$")  # an item's number opening a line or a column, look-alikes in it
# (๗. read ฒญ., ๖. read อ.): the glyphs decide, a Thai letter is far from every digit (``MAX_DISTANCE``)
ITEM_READING = re.compile(r"^[๐-๙]{1,2}\.$")
LATIN_ITEM = re.compile(r"^(?=.*\.)[^\u0E00-\u0E7F\s]{2,5}$")  # an item's number Tesseract's ``eng`` model read as Latin
# letters and signs (``to.)`` for ๒.๖, ``9.»`` for ๑.๖): no Thai, the number's dot kept; the glyphs decide
LATIN_WORD = re.compile(r"^\(?(?=[A-Za-z.,]*[a-z])(?:[A-Za-z][.,]?){2,5}\)?$")  # a Thai number Tesseract's ``eng`` model read as Latin
# letters (``ร้อยละ vo`` for ๖๐, ``Moo`` for ๗๐๐, ``ever`` for ๔๗๙): real Latin words never read as digits (see
# ``reread_latin_numbers``)
SUB_ITEM_READING = re.compile(r"^[๐-๙]{1,2}\.(?:[๐-๙]{1,2}(?:\.[๐-๙]{1,2}){0,2}\.?)?$")  # ๑. ๒.๖ ๒.๑๐ ๑.๒.๓
BRACKET_HEIGHT = 1.25  # a bracket is this much taller than the tallest digit next to it (measured 1.4; ๔ over ๐ 1.38)
DIGIT_WIDTH = 0.3  # ink narrower than this share of the line's height is no digit (a speck, a stroke)
SPECK_SHARE = 0.1  # ink detached above or below a glyph (blank rows between) and under this share of it is a speck
NUMBER = re.compile(r"^-?[๐-๙]+(?:[,.][๐-๙]+)*\.?$")  # a closing dot: a heading's or an item's number (๔.)
_DOT_BEFORE_GROUP = re.compile(r"(?<=[๐-๙0-9])\.(?=[๐-๙0-9]{3},[๐-๙0-9]{3})")

__all__ = ["reread_thai_digits"]


@functools.cache
def templates(characters: str = THAI_DIGITS + ARABIC_DIGITS, italic: bool = False) -> tuple[str, np.ndarray, np.ndarray]:
    """(character per template, shapes stacked T × SIDE × SIDE, width/height per template): each of ``characters``
    (the Thai and Arabic digits) in each upright installed TLWG font, or with ``italic`` in each of its regular
    italics (the serif faces Kinnari, Laksaman and Norasi: a plan's mathematical italic capitals are serif)."""
    digits, shapes, aspects = [], [], []
    for path in sorted(glob.glob(FONT_GLOB)):
        if not _face(path, italic):
            continue
        font = ImageFont.truetype(path, 64)
        for digit in characters:
            image = Image.new("L", (128, 128), 255)
            ImageDraw.Draw(image).text((20, 10), digit, font=font, fill=0)
            shape = normalised(np.asarray(image) < 128)
            if shape is not None:
                digits.append(digit)
                shapes.append(shape[0])
                aspects.append(shape[1])
    return "".join(digits), np.array(shapes, dtype=np.float32).reshape(-1, SIDE, SIDE), np.array(aspects, dtype=np.float32)


def _face(path: str, italic: bool) -> bool:
    """Whether the font at ``path`` is upright (``italic`` False) or a regular italic (True)."""
    name = path.rsplit("/", 1)[-1]
    if italic:
        return name.endswith("-Italic.ttf")
    return "Oblique" not in name and "Italic" not in name


def normalised(mask: np.ndarray) -> tuple[np.ndarray, float] | None:
    """The ink of ``mask`` cropped to its box and scaled to SIDE × SIDE (0-1), with the box's width over its height;
    None for a mask without ink.  Templates and glyphs are compared in this form."""
    ys, xs = np.nonzero(mask)
    if not len(ys):
        return None
    box = mask[ys.min() : ys.max() + 1, xs.min() : xs.max() + 1]
    square = Image.fromarray((box * 255).astype(np.uint8)).resize((SIDE, SIDE), Image.BILINEAR)
    return np.asarray(square, dtype=np.float32) / 255, box.shape[1] / box.shape[0]


@functools.cache
def _outside(alphabet: str, characters: str, italic: bool = False) -> np.ndarray:
    """The templates of ``characters`` whose character is not in ``alphabet``."""
    return np.array([d not in alphabet for d in templates(characters, italic)[0]], dtype=bool)


def classify(
    mask: np.ndarray, alphabet: str = THAI_DIGITS, characters: str = THAI_DIGITS + ARABIC_DIGITS, italic: bool = False
) -> tuple[str, float]:
    """The nearest character of ``alphabet`` to a glyph's ink and its distance (mean pixel difference + aspect-ratio
    penalty), among the templates of ``characters`` (``templates``; the italic ones with ``italic``)."""
    digits, shapes, aspects = templates(characters, italic)
    shape = normalised(mask)
    if shape is None or not digits:
        return "", float("inf")
    pixels, aspect = shape
    distances = np.abs(shapes - pixels).mean(axis=(1, 2)) + 0.5 * np.abs(np.log(aspect / aspects))
    distances[_outside(alphabet, characters, italic)] = np.inf
    best = int(np.argmin(distances))
    return digits[best], float(distances[best])


def numeric_runs(line: OcrLine) -> list[tuple[int, int]]:
    """[start, end) word indexes of the runs of number words on a line: Thai digits, ``,``/``.``/``-``, and the
    digit look-alike letters when a digit or a separator is next to them (``ฒ . ๑``, ``๐ อ``) or that make the whole
    line, a lone tone mark that opens a number (``_opening_mark``)."""
    words = [w.text for w in line.words]
    kinds = [_kind(text) or ("" if _starts_thai(text) else "other") for text in words]
    kinds = ["mark" if _opening_mark(line, kinds, i) else k for i, k in enumerate(kinds)]
    if words and set(kinds) == {"alike"}:  # a line of look-alikes only (อ อ for ๖๖ alone in a cell): no Thai text
        return [(0, len(words))]
    inside = [
        k in ("digit", "sep", "mark") or (k == "alike" and (_digit_next(kinds, i, w.endswith(")")) or _opens(kinds, i, w)))
        for i, (k, w) in enumerate(zip(kinds, words))
    ]
    runs, start = [], None
    for i in range(len(words) + 1):
        ends = i == len(words) or not inside[i] or (start is not None and _parted(line, i))
        if start is not None and ends:
            if "digit" in kinds[start:i] or any(_lone(word) for word in words[start:i]):
                runs.append((start, i))
            start = None
        if start is None and i < len(words) and inside[i] and kinds[i] != "sep":
            start = i
    return runs


def _parted(line: OcrLine, i: int) -> bool:
    """Whether word ``i`` starts a new run: spaced from the word before, a bracket between them (``๒๕๖๗ (๑``:
    read as one run, the bracket came back as a comma) or a dash (a range, ``๒๕๖๕-๒๕๖๖``: read as one run, the
    reading was no number and both years stayed misread).  A run opens on a digit, never on a separator (the dot
    of ``พ.ศ.`` before a year made the reading ``.๒๕๖๔``, no number)."""
    left, right = line.words[i - 1], line.words[i]
    bracket = left.text.endswith(")") or right.text.startswith("(")
    return _spaced(left, right, line.x_size) or bracket or "-" in (left.text, right.text)


def arabic_runs(line: OcrLine) -> list[tuple[int, int]]:
    """[start, end) word indexes of the runs of Arabic-digit words (``9.``, ``12``) on a line with Thai letters:
    Tesseract's ``eng`` model reads a Thai digit as an Arabic one now and then (``๑.`` as ``9.``); Thai digits count
    as Thai (``P๒๑๕ (OKR 2.9.90)``, a cell with no Thai letter, for ``OKR ๔.๑.๑๐``)."""
    if not any("\u0e01" <= ch <= "\u0e2e" or ch in THAI_DIGITS for ch in line.text):
        return []
    runs, start = [], None
    for i, word in enumerate([*line.words, None]):
        inside = word is not None and _is_arabic_number(word.text)
        if start is not None and (not inside or _spaced(line.words[i - 1], word, line.x_size)):
            runs.append((start, i))
            start = None
        if start is None and inside:
            start = i
    return runs


def item_numbers(line: OcrLine) -> list[tuple[int, int]]:
    """[start, end) of the runs of up to ``ITEM_WORDS`` words that open the line or a column of it, read together
    look like an item's number read with digit look-alike letters (``ITEM_NUMBER``: Tesseract cuts a bold ๖. into
    ``๖`` and ``อ.``) or as Latin letters and signs (``LATIN_ITEM``: a sub-item's ``๒.๖`` read ``to.)``) and are
    followed by Thai text."""
    words = line.words
    out = []
    for i, word in enumerate(words[:-1]):
        if i and not _spaced(words[i - 1], word, line.x_size):
            continue
        for end in range(min(i + ITEM_WORDS, len(words) - 1), i, -1):
            text = "".join(w.text for w in words[i:end])
            if _looks_like_item(text) and _starts_thai(words[end].text):
                out.append((i, end))
                break
    return out


def _looks_like_item(text: str) -> bool:
    """An item's number read with digit look-alike letters (``ฒญ.``), or read as Latin letters and signs around its
    dot (``to.)``); Arabic numbers (``9.``) are ``arabic_runs``'."""
    if ITEM_NUMBER.match(text):
        return any(ch in ITEM_LOOKALIKES for ch in text)
    return bool(LATIN_ITEM.match(text)) and not _is_arabic_number(text)


def _is_arabic_number(text: str) -> bool:
    text = text.strip("()")
    return bool(text) and all(ch in ARABIC_DIGITS + ",.-" for ch in text) and any(ch in ARABIC_DIGITS for ch in text)


def _spaced(left: OcrWord, right: OcrWord, x_size: float) -> bool:
    return right.bbox[0] - left.bbox[2] > RUN_GAP * x_size


def _starts_thai(text: str) -> bool:
    return "\u0e01" <= text[:1] <= "\u0e4e"


def _kind(text: str) -> str:
    text = text.strip("()")
    if not text:
        return ""
    if all(ch in THAI_DIGITS + ",.-" for ch in text) and any(ch in THAI_DIGITS for ch in text):
        return "digit"
    if all(ch in ",.-" for ch in text):
        return "sep"
    if all(ch in THAI_DIGITS + DIGIT_LOOKALIKES + ",." for ch in text):
        return "alike"
    return ""


def _lone(text: str) -> bool:
    """A word that is one look-alike letter no Thai word is made of alone (``ฒ แห่ง`` for ๗ แห่ง)."""
    return text.strip("()") in tuple(LONE_LOOKALIKES)


def _digit_next(kinds: list[str], i: int, closes: bool) -> bool:
    """A look-alike letter counts when a digit or separator is on either side and no Thai text follows it (or it
    closes a bracket: ``๐อ)``); look-alikes next to it are passed over (``๒ ๕ อ อ`` for ๒๕๖๖)."""
    b = i - 1
    while b >= 0 and kinds[b] == "alike":
        b -= 1
    a = i + 1
    while not closes and a < len(kinds) and kinds[a] == "alike":
        a += 1
    before = kinds[b] if b >= 0 else ""
    after = kinds[a] if a < len(kinds) and not closes else "end"
    return (before in ("digit", "sep", "mark") and after in ("digit", "sep", "end", "other")) or after == "sep"


def _opens(kinds: list[str], i: int, word: str) -> bool:
    """A look-alike letter alone (``_lone``), or with a dot before a digit: a number's first digit (``อ. ๓`` for ๖.๓)."""
    return _lone(word) or (word.endswith(".") and i + 1 < len(kinds) and kinds[i + 1] == "digit")


def _opening_mark(line: OcrLine, kinds: list[str], i: int) -> bool:
    """A tone mark alone (``MARK_LOOKALIKE``) before a look-alike letter or a digit, that opens the line, follows a
    space or a digit or a look-alike: no Thai word starts with a mark, it is the hook of a ๖ (``่ อ. ๑`` for ๖.๑,
    ``ฒ ่ อ`` for ๗๖)."""
    words = line.words
    opens = i == 0 or _spaced(words[i - 1], words[i], line.x_size) or kinds[i - 1] in ("alike", "digit")
    return words[i].text == MARK_LOOKALIKE and opens and i + 1 < len(words) and kinds[i + 1] in ("alike", "digit")


def read_number(
    ink: np.ndarray, box: tuple[int, int, int, int], brackets: tuple[bool, bool] = (False, False), alphabet: str = THAI_DIGITS
) -> str | None:
    """The reading of the ink in ``box`` (page pixels) in the digits of ``alphabet``, or None when a glyph is not
    plainly a digit.  ``brackets``: the run's words start with ``(`` / end with ``)``; that first / last glyph is kept
    as written."""
    read = read_glyphs(ink, box, brackets, alphabet)
    return read[0] if read else None


def read_glyphs(
    ink: np.ndarray, box: tuple[int, int, int, int], brackets: tuple[bool, bool] = (False, False), alphabet: str = THAI_DIGITS
) -> tuple[str, float] | None:
    """``read_number``'s reading and the distance of its farthest digit from its template."""
    x0, y0, x1, y1 = widened(ink, box)
    crop = ink[y0:y1, x0:x1]
    glyphs = column_glyphs(crop)
    glyphs = _without_brackets(glyphs[int(brackets[0]) : len(glyphs) - int(brackets[1])])
    if not glyphs:
        return None
    height = max(bottom - top for top, bottom, _ in glyphs)
    width = float(np.median([mask.shape[1] for _, _, mask in glyphs]))
    digits = [(top, bottom) for top, bottom, mask in glyphs if not _is_punctuation(bottom - top, mask.shape[1], height, width)]
    if not digits:
        return None
    base = float(np.median([bottom for _, bottom in digits]))
    text, worst = "", 0.0
    for top, bottom, mask in glyphs:
        if not _is_punctuation(bottom - top, mask.shape[1], height, width):
            digit, distance = classify(mask, alphabet)
            if distance > MAX_DISTANCE:  # not a digit, or digits that touch (Garuda prints ๔๗๒ as one stretch)
                return None
            text += digit
            worst = max(worst, distance)
        elif bottom > base + COMMA_DROP * height:
            text += ","
        elif bottom < base - 0.25 * height:
            text += "-"
        else:
            text += "."
    return "(" * brackets[0] + thousands_grouped(text) + ")" * brackets[1], worst


def _without_brackets(glyphs: list[tuple[int, int, np.ndarray]]) -> list[tuple[int, int, np.ndarray]]:
    """``glyphs`` without a first or last one that is a bracket, narrow and far taller than the digits (but not a
    digit beside a dot: ``1.``): the bracket of the word next to the run, which Tesseract boxed with the digits
    (``OKR ๔.๑.๐๑ )``: read as a digit, it left the whole code as misread)."""
    def bracket(glyph: tuple[int, int, np.ndarray], others: list[tuple[int, int, np.ndarray]]) -> bool:
        top, bottom, mask = glyph
        tallest = max(b - t for t, b, _ in others)
        return BRACKET_HEIGHT * tallest < bottom - top < 2 * tallest and mask.shape[1] < NARROW * (bottom - top)

    while len(glyphs) > 1 and bracket(glyphs[-1], glyphs[:-1]):
        glyphs = glyphs[:-1]
    while len(glyphs) > 1 and bracket(glyphs[0], glyphs[1:]):
        glyphs = glyphs[1:]
    return glyphs


def thousands_grouped(number: str) -> str:
    """``number`` with a dot that stands before three digits and a thousands comma read as the comma it must be
    (a decimal point never precedes a thousands comma: ``๑.๘๔๖,๖๐๐`` is ``๑,๘๔๖,๖๐๐``; a comma whose tail the scan
    lost looks like a dot)."""
    return _DOT_BEFORE_GROUP.sub(",", number)


def _is_punctuation(glyph_height: int, glyph_width: int, height: int, width: float) -> bool:
    """A comma or dot is narrow (digits are about as wide as high), a dash is flat."""
    return glyph_width < NARROW * width or glyph_height < FLAT * height


def widened(ink: np.ndarray, box: tuple[int, int, int, int]) -> tuple[int, int, int, int]:
    """``box`` clipped to the page and widened over the ink that runs across its left and right edges (Tesseract's
    word boxes cut a digit's stroke off), by at most the box's height."""
    x0, y0, x1, y1 = max(0, box[0]), max(0, box[1]), min(ink.shape[1], box[2]), min(ink.shape[0], box[3])
    limit = y1 - y0
    left, right = x0, x1
    while left > 0 and x0 - left < limit and ink[y0:y1, left - 1].any():
        left -= 1
    while right < ink.shape[1] and right - x1 < limit and ink[y0:y1, right].any():
        right += 1
    return left, y0, right, y1


def column_glyphs(crop: np.ndarray) -> list[tuple[int, int, np.ndarray]]:
    """(top, bottom, mask) of each run of inked columns, left to right."""
    columns = crop.any(axis=0)
    out, start = [], None
    for x in range(len(columns) + 1):
        inked = x < len(columns) and columns[x]
        if inked and start is None:
            start = x
        elif not inked and start is not None:
            top, bottom = _despeckled_rows(crop[:, start:x])
            out.append((top, bottom, crop[top:bottom, start:x]))
            start = None
    return out


def _despeckled_rows(part: np.ndarray) -> tuple[int, int]:
    """[top, bottom) of a glyph's ink rows, without a speck that blank rows part from it: a digit's ink is one
    unbroken stretch of rows, and JPEG noise the speck filter left under a ``๒`` pushed it past ``MAX_DISTANCE``
    (``๒,๒๔๖,๐๐๐`` read ``๒๒,๒๕,๐๐๐`` by Tesseract, and not re-read).  Stretches of comparable ink (``:``) stay."""
    per_row = part.sum(axis=1)
    stretches = ink_spans(per_row > 0)
    if len(stretches) == 1:
        return stretches[0]
    ink = [int(per_row[a:b].sum()) for a, b in stretches]
    main = int(np.argmax(ink))
    if sum(ink) - ink[main] >= SPECK_SHARE * ink[main]:
        return stretches[0][0], stretches[-1][1]
    return stretches[main]


def ink_spans(present: np.ndarray, gap: int = 1) -> list[tuple[int, int]]:
    """(start, end) of the runs of True in ``present``, runs closer than ``gap`` merged."""
    idx = np.flatnonzero(present)
    if not len(idx):
        return []
    breaks = np.flatnonzero(np.diff(idx) > gap)
    starts = np.concatenate(([idx[0]], idx[breaks + 1]))
    ends = np.concatenate((idx[breaks], [idx[-1]])) + 1
    return list(zip(starts.tolist(), ends.tolist()))


def reread_thai_digits(ink: np.ndarray, lines: list[OcrLine]) -> list[tuple[str, str]]:
    """Re-read each run of number words by template; replace it in place by one word when the reading is plausible;
    return the (before, after) pairs changed."""
    changed: list[tuple[str, str]] = []
    for line in lines:
        # Arabic runs first, indexes taken before the Thai runs' words are merged; both lists right to left
        runs = [(run, THAI_DIGITS + ARABIC_DIGITS) for run in arabic_runs(line)]
        items = item_numbers(line)  # before the digit runs they overlap (๖ of ``๖ อ.``): the whole number is read
        runs += [(run, THAI_DIGITS) for run in numeric_runs(line) if not any(a < run[1] and run[0] < b for a, b in items)]
        runs += [(run, _item_alphabet(line, run)) for run in items]
        for (start, end), alphabet in sorted(runs, reverse=True):
            _reread_run(ink, line, start, end, alphabet, changed, item=(start, end) in items)
    changed.reverse()
    return changed + reread_latin_numbers(ink, lines) + read_digits_before_lines(ink, lines)


def read_digits_before_lines(ink: np.ndarray, lines: list[OcrLine]) -> list[tuple[str, str]]:
    """Read the digits Tesseract left out just before a line (``๑ แห่ง`` read ``แห่ง``: the ๑ is in the ink, in no
    word): the stretch of ink that ends less than a line height before the line's first word, parted from it by blank
    columns and covered by no OCR word, when it reads as a number with every digit close (``TIGHT``); it becomes the
    line's first word.  The ('', reading) pairs added."""
    added = []
    for line in lines:
        box = _ink_before(ink, line)
        if box is None or any(_overlap(box, w.bbox) for other in lines if _overlap(box, other.bbox) for w in other.words):
            continue
        read = read_glyphs(ink, box)
        if read and read[1] <= TIGHT and NUMBER.match(read[0]):
            line.words.insert(0, OcrWord(read[0], box, 0.0, False))
            added.append(("", read[0]))
    return added


def _overlap(a: tuple[int, int, int, int], b: tuple[int, int, int, int]) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def _ink_before(ink: np.ndarray, line: OcrLine) -> tuple[int, int, int, int] | None:
    """The box of the stretch of ink (blank gaps inside under half the line's height) that ends within a line height
    before the line's first word, with blank columns between; None when there is none, or it is too thin for a digit."""
    x0, y0, _, y1 = line.words[0].bbox[0], line.bbox[1], line.bbox[2], line.bbox[3]
    height = y1 - y0
    start = max(0, x0 - 3 * height)
    inked = np.flatnonzero(ink[y0:y1, start:x0].any(axis=0)) + start
    if not len(inked) or not x0 - height <= inked[-1] < x0 - 1:
        return None
    gaps = np.flatnonzero(np.diff(inked) > height / 2)
    left = inked[gaps[-1] + 1] if len(gaps) else inked[0]
    right = inked[-1] + 1
    return (int(left), y0, int(right), y1) if right - left >= DIGIT_WIDTH * height else None


def reread_latin_numbers(ink: np.ndarray, lines: list[OcrLine]) -> list[tuple[str, str]]:
    """Re-read, in place, each short Latin word (``LATIN_WORD``) whose every glyph is a Thai digit by shape (nearer a
    Thai digit than an Arabic one, within ``MAX_DISTANCE``) and that reads as a number; the (before, after) pairs
    changed.  Measured on the scanned corpus: the Latin words of the plans (OKR, Traffy, LED, Map) never read so, a
    Thai letter neither (the digits' loops and tails are unlike them), so no context is asked for."""
    changed = []
    for line in lines:
        for word in line.words:
            if not LATIN_WORD.match(word.text):
                continue
            brackets = (word.text.startswith("("), word.text.endswith(")"))
            read = read_glyphs(ink, (word.bbox[0], line.bbox[1], word.bbox[2], line.bbox[3]), brackets, THAI_DIGITS + ARABIC_DIGITS)
            if read and _latin_number(word.text, *read):
                changed.append((word.text, read[0]))
                word.text = read[0]
    return changed


def _latin_number(before: str, after: str, worst: float) -> bool:
    """A number in Thai digits only, each close to its template (``TIGHT``), within a digit of the letters Tesseract
    made of it (``ov`` for ๗, ``ddd`` for ๒๕๖๖: a leader of dots or a checkbox reads as a string of ๑ or one ๘)."""
    letters = sum(ch.isalpha() for ch in before)
    digits = sum(ch in THAI_DIGITS for ch in after)
    thai = not any(ch in ARABIC_DIGITS for ch in after)
    return thai and worst <= TIGHT and abs(letters - digits) <= 1 and bool(NUMBER.match(after.strip("()")))


def _item_alphabet(line: OcrLine, run: tuple[int, int]) -> str:
    """Thai digits for an item's number read with look-alike letters; Thai and Arabic ones for one read as Latin (the
    reading is kept only if every glyph is nearer a Thai digit: an Arabic ``1.6`` stays)."""
    text = "".join(w.text for w in line.words[run[0] : run[1]])
    return THAI_DIGITS + ARABIC_DIGITS if LATIN_ITEM.match(text) else THAI_DIGITS


def _reread_run(
    ink: np.ndarray, line: OcrLine, start: int, end: int, alphabet: str, changed: list[tuple[str, str]], item: bool = False
) -> None:
    """Replace the run's words by one word of its reading by shape when plausible; an Arabic run (``alphabet`` with
    the Arabic digits) only when every glyph is nearer a Thai digit than any Arabic one; an item's number
    (``item_numbers``) may have one digit more or fewer than the letters Tesseract made of it.  A look-alike letter
    right after the run, before Thai text, is tried with it first (``OKR ๔.๒.๑ อ สัดส่วน`` for ๔.๒.๑๖)."""
    tail = not item and end < len(line.words) and _kind(line.words[end].text) == "alike" and not _parted(line, end)
    for stop in (end + 1, end) if tail else (end,):
        if _reread_words(ink, line, start, stop, alphabet, changed, item):
            return


def _reread_words(
    ink: np.ndarray, line: OcrLine, start: int, end: int, alphabet: str, changed: list[tuple[str, str]], item: bool
) -> bool:
    """``_reread_run`` of words ``start`` to ``end``; whether they were replaced."""
    words = line.words[start:end]
    box = (min(w.bbox[0] for w in words), line.bbox[1], max(w.bbox[2] for w in words), line.bbox[3])
    before = "".join(w.text for w in words)
    latin_item = item and bool(LATIN_ITEM.match(before))  # its brackets are misread digits (``to.)`` for ๒.๖)
    brackets = (False, False) if latin_item else (before.startswith("("), before.endswith(")"))
    wider = None if brackets[1] else _with_ink_after(ink, line, end, box)
    for box in filter(None, (wider, box)):  # the run with the digits Tesseract left out after it, else as boxed
        read = read_glyphs(ink, box, brackets, alphabet)
        if read and _plausible(before, *read, item):
            break
    else:
        return False
    after = read[0]
    merged = OcrWord(after, (box[0], min(w.bbox[1] for w in words), box[2], max(w.bbox[3] for w in words)),
                     min(w.confidence for w in words), any(w.bold for w in words))
    line.words[start:end] = [merged]
    changed.append((before, after))
    return True


def _plausible(before: str, after: str, worst: float, item: bool) -> bool:
    """A new reading, in Thai digits, of the shape of the number Tesseract read (``_same_shape``, ``_item_shape``)."""
    if after == before or any(ch in ARABIC_DIGITS for ch in after):
        return False
    if worst > TIGHT and any(ch in WEAK_LOOKALIKES for ch in before):
        return False
    return _same_shape(before, after, worst) or (item and _item_shape(before, after))


def _with_ink_after(
    ink: np.ndarray, line: OcrLine, end: int, box: tuple[int, int, int, int]
) -> tuple[int, int, int, int] | None:
    """``box`` widened over the stretch of ink that follows it within half the line's height, before the next word
    (Tesseract boxed no word over it: ``OKR ๒.๑.๐`` for ๒.๑.๐๗, the ๗ in the ink only); None when there is none."""
    height = box[3] - box[1]
    x = widened(ink, box)[2]
    limit = line.words[end].bbox[0] if end < len(line.words) else min(ink.shape[1], x + 2 * height)
    inked = np.flatnonzero(ink[box[1] : box[3], x:limit].any(axis=0))
    if not len(inked) or inked[0] > height / 2 or inked[-1] - inked[0] < DIGIT_WIDTH * height:
        return None
    gaps = np.flatnonzero(np.diff(inked) > height / 3)
    right = inked[gaps[0]] if len(gaps) else inked[-1]
    return box[0], box[1], x + int(right) + 1, box[3]


def _item_shape(before: str, after: str) -> bool:
    """An item's number of one or two digits and a dot, within a digit of the look-alikes Tesseract read there; or,
    where Tesseract read Latin letters (whose count says nothing of the digits'), a sub-item's number (``๒.๖``)."""
    if LATIN_ITEM.match(before):
        return bool(SUB_ITEM_READING.match(after))
    count = sum(1 for ch in before if ch in THAI_DIGITS + ITEM_LOOKALIKES)
    return bool(ITEM_READING.match(after)) and abs(count - (len(after) - 1)) <= 1


def _split(before: str) -> bool:
    """Whether Tesseract's reading has a look-alike letter, made of part of a digit (๗ read ๕ฒ: one digit fewer)."""
    return any(ch in DIGIT_LOOKALIKES for ch in before)


def _same_shape(before: str, after: str, worst: float = MAX_DISTANCE) -> bool:
    """A well-formed number with as many digits as Tesseract read (look-alike letters counted as digits), or one
    more when every digit is close to its template (``TIGHT``: Tesseract reads ๖๗ as one ๒, ``๒๕๒`` for ๒๕๖๗), or
    one fewer, so close, when a look-alike letter is among them (``_split``: ``๒๕๒๕ฒ`` for ๒๕๖๗), or an
    amount grouped by thousands (``๓๒๙,๑๐๐``) within ``AMOUNT_SLACK`` digits of it (Tesseract reads a comma or a
    ๙'s tail as a digit of its own)."""
    text = after.strip("()")
    count = sum(1 for ch in before if ch in THAI_DIGITS + ARABIC_DIGITS + DIGIT_LOOKALIKES)
    digits = sum(1 for ch in after if ch in THAI_DIGITS)
    if count == digits or (abs(digits - count) == 1 and worst <= TIGHT and (digits > count or _split(before))):
        return bool(NUMBER.match(text))
    return abs(count - digits) <= AMOUNT_SLACK and bool(AMOUNT.match(text))
