"""Second look at ink Tesseract did not read: its page segmentation drops short isolated text, in narrow table
columns (the row numbers 5-12 of a project table, a lone ``-``) and elsewhere (a short bold part heading,
``ส่วนที่ 1``, alone at the top of a page), although the page plainly holds ink there.

Two kinds of regions: *blank-read cells* (the ruled grid of the page, from the rulings found in the bitmap, gives
the cells; a cell with a fair amount of ink and no OCR word), and *unread lines* outside them (bands of ink no OCR
word covers, cut at wide gaps, of a text line's height).  Their crops are stacked one under the other into a
strip, the tallest region's height apart but at most a third of an inch (a tall cell holding one number at its
top would otherwise space the strip by 1,800 px of blank bitmap), and read in one Tesseract call (``--psm 6``: a
single block of text lines); each line read goes back to the region whose slot it falls in, as an OCR line in
page pixels.  One call per page that has such regions, none for the others.

*Number and code cells* (``reread_cells_by_shape``, after the re-read above): a ruled cell whose words hold Thai
digits (or an amount in Arabic digits: ``99,000`` for ``๑๑,๖๐๐``) is read again whole, by shape
(``ocr_digits.read_number``), with the cell's rulings as its bounds.  Tesseract cuts a Thai amount into pieces
with letters between them (``๒ ต, อ ๒๗,๐๐๐`` for ``๒,๖๒๗,๐๐๐``, ``๑ , ฒ ฒ ญ่ ๒, ๐ ๐ ๐`` for ``๑,๗๗๒,๐๐๐``),
which the digit re-read of word runs cannot join; the cell says where the number starts and ends.  A cell takes
the reading only when every glyph in it is a Thai digit or a separator and the whole is a well-formed number; a
cell whose only ink is one short flat stroke is a dash (no budget), whatever Tesseract made of it (``=``, ``ซ``,
``๓``, or nothing).  A policy code opening a cell (``P๐๗๘``, read ``Pome`` or ``2๐๗๘``) is read the same way,
its ``P`` against the fonts' ``P``.  No Tesseract call.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import regex as re

from extractor.ingest.ocr_digits import AMOUNT, ARABIC_DIGITS, MAX_DISTANCE, NUMBER, THAI_DIGITS, classify, ink_spans, read_number
from extractor.ingest.ocr_tesseract import OcrLine, OcrWord, parse_hocr, run_tesseract
from extractor.layout.types import Ruling

INSET = 4  # pixels kept clear of the cell's rulings (their grey fringe)
MIN_INK_EM2 = 0.04  # a cell holds text when its uncovered ink is at least this share of an em square
WORD_MARGIN = 3  # pixels around an OCR word's box counted as covered
MIN_CELL_PT = 6.0  # rulings closer than this are one rule drawn twice, not a cell
UNREAD_GAP_EM = 1.5  # unread ink further apart than this (em) on a band is two regions
MIN_LINE_EM, MAX_LINE_EM = 0.5, 2.5  # an unread region is a text line: its height in em
STRIP_GAP_IN = 1 / 3  # at most this much blank (inch) between two regions in the strip and around them
DASH_HEIGHT_EM, DASH_WIDTH_EM, DASH_FILL = 0.2, (0.15, 1.5), 0.6  # a dash: flat, short, solid (em: the line's size)
DASH_ABOVE_BASELINE = 0.3  # em: a dash sits this far above the baseline of the text around it
SHAPE_CONFIDENCE = 60.0  # what a dash or a row number found by shape is given as Tesseract's confidence
ROW_NUMBER = re.compile(r"^(?:[1-9][0-9]{0,2}|[๑-๙][๐-๙]{0,2})$")  # a row's number: whole, one script
ROW_NUMBER_HEIGHT_EM = (0.35, 1.2)  # its digits' height (em: the page's text size; Thai digits are as high as ก)
CODE_GAP = 0.3  # em: a policy code's glyphs are closer than this, the word after it (``(OKR``) further
CODE_LOOKALIKES = "P258S"  # what Tesseract makes of a policy code's ``P`` before Thai digits
CODE_GLYPHS = "P" + THAI_DIGITS + ARABIC_DIGITS  # a policy code's first glyph is told among these by shape
ARABIC_NUMBER = re.compile(r"^[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]{2})?$")  # an amount Tesseract gave in Arabic digits
CODE_DIGITS_THAI, CODE_DIGITS_ARABIC = re.compile(r"^[๐-๙]{3}$"), re.compile(r"^[0-9]{3}$")
MIN_ROWS_CROSSED = 3  # an OCR line whose box holds the middles of this many grid rows is a column read sideways


@dataclass(slots=True)
class CellBox:
    x0: int
    y0: int
    x1: int
    y1: int


def grid_cells(rulings: list[Ruling], scale: float) -> list[CellBox]:
    """Cells (pixels) between consecutive horizontal rules and the vertical rules crossing both.

    A rule left slightly tilted after deskewing is found as pieces on neighbouring rows: rulings closer than
    ``MIN_CELL_PT`` are one rule (their extents joined), and a vertical rule crosses a row when its pieces cover
    most of the row's height.
    """
    px = 1.0 / scale
    rows = _clusters([r for r in rulings if r.horizontal])
    columns = _clusters([r for r in rulings if not r.horizontal])
    cells: list[CellBox] = []
    for (top, top_pieces), (bottom, bottom_pieces) in zip(rows, rows[1:]):
        xs = [x for x, pieces in columns if _covers(pieces, top, bottom) and _covers(top_pieces, x, x) and _covers(bottom_pieces, x, x)]
        for a, b in zip(xs, xs[1:]):
            if b - a >= MIN_CELL_PT:
                cells.append(CellBox(int(a * px) + INSET, int(top * px) + INSET, int(b * px) - INSET, int(bottom * px) - INSET))
    return cells


def _clusters(rulings: list[Ruling]) -> list[tuple[float, list[tuple[float, float]]]]:
    """(position, extents of its pieces) of each rule, rulings closer than ``MIN_CELL_PT`` taken as one."""
    out: list[tuple[float, list[tuple[float, float]]]] = []
    for r in sorted(rulings, key=lambda r: r.pos):
        if out and r.pos - out[-1][0] < MIN_CELL_PT:
            out[-1][1].append((r.start, r.end))
        else:
            out.append((r.pos, [(r.start, r.end)]))
    return out


def _covers(pieces: list[tuple[float, float]], lo: float, hi: float, tol: float = 3.0) -> bool:
    """Do the pieces cover [lo, hi] (points) but for a small share, within ``tol``?"""
    if hi - lo <= 2 * tol:
        return any(a - tol <= lo and hi <= b + tol for a, b in pieces)
    covered = sum(max(0.0, min(b, hi) - max(a, lo)) for a, b in pieces)
    return covered >= 0.8 * (hi - lo)


def covered_by(lines: list[OcrLine], shape: tuple[int, int], margin: int = WORD_MARGIN, whole_lines: bool = False) -> np.ndarray:
    """The pixels under the OCR words' boxes (or the lines' boxes), with a margin."""
    covered = np.zeros(shape, dtype=bool)
    boxes = [line.bbox for line in lines] if whole_lines else [w.bbox for line in lines for w in line.words]
    for x0, y0, x1, y1 in boxes:
        covered[max(0, y0 - margin) : y1 + margin + 1, max(0, x0 - margin) : x1 + margin + 1] = True
    return covered


def unread_lines(ink: np.ndarray, lines: list[OcrLine], cells: list[CellBox], em: float) -> list[CellBox]:
    """Boxes of text-line height around ink outside every OCR line (its marks included: half an em around it)
    and outside the grid's cells no OCR word touches (read whole as cells).  A cell Tesseract read in part keeps
    the lines it dropped (001's KPI definition cell lost ``วิธีคำนวณ : …``, the line above it and the ``วิธี`` of
    the line below); such a region is cut to its cell."""
    loose = ink & ~covered_by(lines, ink.shape, int(0.5 * em), whole_lines=True)
    words = covered_by(lines, ink.shape)
    read = [c for c in cells if words[c.y0 : c.y1, c.x0 : c.x1].any()]
    for c in cells:
        if c not in read:
            loose[c.y0 - INSET : c.y1 + INSET, c.x0 - INSET : c.x1 + INSET] = False
    out: list[CellBox] = []
    for top, bottom in ink_spans(loose.sum(axis=1) > 0, gap=max(1, int(0.15 * em))):
        band = loose[top:bottom]
        for left, right in ink_spans(band.sum(axis=0) > 0, gap=int(UNREAD_GAP_EM * em)):
            box = band[:, left:right]
            rows = np.flatnonzero(box.any(axis=1))
            height = rows[-1] - rows[0] + 1
            if MIN_LINE_EM * em <= height <= MAX_LINE_EM * em and right - left >= MIN_LINE_EM * em and box.sum() >= MIN_INK_EM2 * em * em:
                pad = int(0.3 * em)
                region = CellBox(max(0, left - pad), max(0, top + rows[0] - pad), right + pad, top + rows[-1] + 1 + pad)
                out.append(_in_read_cell(region, read))
    return out


def _in_read_cell(region: CellBox, read: list[CellBox]) -> CellBox:
    """The region, cut to the read cell holding its middle (the pad must not take in the next cell's ink)."""
    middle = ((region.x0 + region.x1) / 2, (region.y0 + region.y1) / 2)
    for c in read:
        if c.x0 <= middle[0] < c.x1 and c.y0 <= middle[1] < c.y1:
            return CellBox(max(region.x0, c.x0), max(region.y0, c.y0), min(region.x1, c.x1), min(region.y1, c.y1))
    return region


def blank_read_cells(cells: list[CellBox], ink: np.ndarray, covered: np.ndarray, em: float) -> list[CellBox]:
    """The cells holding ink where no OCR word is."""
    out = []
    for c in cells:
        if c.x1 <= c.x0 or c.y1 <= c.y0:
            continue
        loose = ink[c.y0 : c.y1, c.x0 : c.x1] & ~covered[c.y0 : c.y1, c.x0 : c.x1]
        if loose.sum() >= MIN_INK_EM2 * em * em and not covered[c.y0 : c.y1, c.x0 : c.x1].any():
            out.append(c)
    return out


def reread_regions(pixels: np.ndarray, cells: list[CellBox], dpi: int) -> list[OcrLine]:
    """OCR lines (page pixels) read from the regions' crops, stacked into one strip."""
    if not cells:
        return []
    gap = min(max(c.y1 - c.y0 for c in cells), round(STRIP_GAP_IN * dpi))  # a tall cell's height: blank bitmap only
    width = max(c.x1 - c.x0 for c in cells) + 2 * gap
    slots, y = [], gap
    for c in cells:
        slots.append(y)
        y += (c.y1 - c.y0) + gap
    strip = np.full((y, width), 255, dtype=np.uint8)
    for c, top in zip(cells, slots):
        strip[top : top + c.y1 - c.y0, gap : gap + c.x1 - c.x0] = pixels[c.y0 : c.y1, c.x0 : c.x1]
    out: list[OcrLine] = []
    for line in parse_hocr(run_tesseract(strip, dpi, psm=6)):
        middle = (line.bbox[1] + line.bbox[3]) / 2
        for c, top in zip(cells, slots):
            if top <= middle < top + (c.y1 - c.y0):
                out.append(_moved(line, c.x0 - gap, c.y0 - top))
                break
    return out


def _moved(line: OcrLine, dx: int, dy: int) -> OcrLine:
    def box(b: tuple[int, int, int, int]) -> tuple[int, int, int, int]:
        return (b[0] + dx, b[1] + dy, b[2] + dx, b[3] + dy)

    words = [OcrWord(w.text, box(w.bbox), w.confidence, w.bold) for w in line.words]
    return OcrLine(box(line.bbox), line.baseline + dy, line.x_size, words)


def reread_cells_by_shape(ink: np.ndarray, cells: list[CellBox], lines: list[OcrLine]) -> list[tuple[str, str]]:
    """Replace, in place, the words of each ruled cell holding a Thai-digit number, or opening with a policy code, by
    its reading by shape (one word); a cell where Tesseract read nothing gets the dash or the row number its ink
    alone shows, and a dash Tesseract dropped after a cell's last word is put back (``_trailing_dashes``); return the
    (before, after) pairs changed.  Cells whose words span several lines, and numbers whose ink is not all digits (or
    that Tesseract read with Arabic digits or Latin letters) are left as read."""
    changed: list[tuple[str, str]] = []
    em = float(np.median([line.x_size for line in lines])) if lines else 0.0
    for cell in cells:
        found = _cell_words(cell, lines)
        if not found:
            dash = _dash_box(ink, cell, em)
            if dash is not None:  # a dash alone in its cell: too little ink for the blank-cell re-read, or dropped as noise
                lines.append(OcrLine(dash, (dash[1] + dash[3]) / 2 + DASH_ABOVE_BASELINE * em, em, [OcrWord("-", dash, SHAPE_CONFIDENCE)]))
                changed.append(("", "-"))
            elif (number := _row_number(ink, cell, em)) is not None:
                text, box = number
                lines.append(OcrLine(box, box[3], em, [OcrWord(text, box, SHAPE_CONFIDENCE)]))
                changed.append(("", text))
            continue
        line, start, end = found[0]
        before = " ".join(w.text for w in line.words[start:end])
        after = None
        if len(found) == 1:
            alphabet = _number_alphabet(before)
            after = _cell_reading(ink, cell, alphabet) if alphabet else None
            after = after or ("-" if _dash_box(ink, cell, line.x_size) else None)
        if after is None:
            code = _code_reading(ink, cell, line, start, end)
            if code is None:
                continue
            end, after = code
            before = " ".join(w.text for w in line.words[start:end])
        if after != before.replace(" ", ""):
            _merge(line, start, end, after)
            changed.append((before, after))
    changed += _trailing_dashes(ink, cells, lines, em)
    return changed


def _trailing_dashes(ink: np.ndarray, cells: list[CellBox], lines: list[OcrLine], em: float) -> list[tuple[str, str]]:
    """Put in, after a cell's last word on a line, the dash Tesseract did not report where the only ink left between
    that word and the cell's edge is one short flat stroke at the height of the line's letters (a baseline year
    with no figure, ``พ.ศ. ๒๕๖๔ : -``, its text and the next cell's on one OCR line); return (before, after)."""
    changed: list[tuple[str, str]] = []
    for cell in cells:
        for line, _, end in _cell_words(cell, lines):
            last = line.words[end - 1]
            if last.text in ("-", "—"):
                continue
            rest = CellBox(last.bbox[2] + WORD_MARGIN + 1, max(cell.y0, line.bbox[1]), cell.x1, min(cell.y1, line.bbox[3]))
            if rest.x1 - rest.x0 < DASH_WIDTH_EM[0] * line.x_size or rest.y1 <= rest.y0:
                continue
            dash = _dash_box(ink, rest, line.x_size)
            if dash is None or not line.baseline - line.x_size <= (dash[1] + dash[3]) / 2 <= line.baseline:
                continue
            line.words.insert(end, OcrWord("-", dash, SHAPE_CONFIDENCE))
            changed.append((last.text, f"{last.text} -"))
    return changed


def _row_number(ink: np.ndarray, cell: CellBox, em: float) -> tuple[str, tuple[int, int, int, int]] | None:
    """(reading, box in page pixels) of a cell whose only ink is a short whole number (a row's ``1``) in one script,
    read by shape: Tesseract reads a lone ``1`` as ``-`` or ``—``, which the noise filter drops, and its cell then
    counts as read."""
    crop = ink[cell.y0 : cell.y1, cell.x0 : cell.x1]
    ys, xs = np.nonzero(crop)
    if not len(ys) or not em or not ROW_NUMBER_HEIGHT_EM[0] * em <= ys.max() - ys.min() + 1 <= ROW_NUMBER_HEIGHT_EM[1] * em:
        return None
    box = (cell.x0 + int(xs.min()), cell.y0 + int(ys.min()), cell.x0 + int(xs.max()) + 1, cell.y0 + int(ys.max()) + 1)
    reading = read_number(ink, box, alphabet=THAI_DIGITS + ARABIC_DIGITS)
    return (reading, box) if reading and ROW_NUMBER.match(reading) else None


def _merge(line: OcrLine, start: int, end: int, text: str) -> None:
    """Words [start, end) of ``line`` replaced by one word of ``text`` over their boxes."""
    words = line.words[start:end]
    box = (min(w.bbox[0] for w in words), min(w.bbox[1] for w in words), max(w.bbox[2] for w in words), max(w.bbox[3] for w in words))
    line.words[start:end] = [OcrWord(text, box, min(w.confidence for w in words), any(w.bold for w in words))]


def _cell_words(cell: CellBox, lines: list[OcrLine]) -> list[tuple[OcrLine, int, int]]:
    """(line, start, end) of the words whose centre is in the cell, per line, top line first; none when a line's
    words in the cell are not consecutive."""
    hits = []
    for line in lines:
        inside = [i for i, w in enumerate(line.words) if cell.x0 <= (w.bbox[0] + w.bbox[2]) / 2 < cell.x1 and cell.y0 <= (w.bbox[1] + w.bbox[3]) / 2 < cell.y1]
        if inside and inside != list(range(inside[0], inside[-1] + 1)):
            return []
        if inside:
            hits.append((line, inside[0], inside[-1] + 1))
    return sorted(hits, key=lambda hit: hit[0].bbox[1])


def _number_alphabet(text: str) -> str | None:
    """The digits to read a cell's ink in when its words look like a number: Thai digits when they hold some (and no
    Latin letter or Arabic digit: those cells are read well, or are not numbers); Thai and Arabic ones when the
    words are an Arabic number (Tesseract's ``eng`` model reads ``๑๑,๖๐๐`` as ``99,000``), the reading kept only
    if every glyph is nearer a Thai digit; else None."""
    if any(ch in THAI_DIGITS for ch in text) and not any(ch.isascii() and ch.isalnum() for ch in text):
        return THAI_DIGITS
    if ARABIC_NUMBER.match(text):
        return THAI_DIGITS + ARABIC_DIGITS
    return None


def _cell_reading(ink: np.ndarray, cell: CellBox, alphabet: str = THAI_DIGITS) -> str | None:
    """The cell's ink read by shape as one number in Thai digits (``AMOUNT`` or ``NUMBER``), or None."""
    crop = ink[cell.y0 : cell.y1, cell.x0 : cell.x1]
    rows = np.flatnonzero(crop.any(axis=1))
    if not len(rows):
        return None
    reading = read_number(crop, (0, int(rows[0]), crop.shape[1], int(rows[-1]) + 1), alphabet=alphabet)
    if reading is None or any(ch in ARABIC_DIGITS for ch in reading) or not (AMOUNT.match(reading) or NUMBER.match(reading)):
        return None
    return reading


def shape_cells_message(changed: list[tuple[str, str]]) -> str:
    """The text of the finding listing the cells re-read by ``reread_cells_by_shape``."""
    pairs = "; ".join(f"{a!r} → {b!r}" if a else f"(nothing read) → {b!r}" for a, b in changed)
    return (f"{len(changed)} table cell(s) re-read whole by shape (a number in Thai digits or a policy code against the "
            f"TLWG fonts' digits and P, a dash alone or after a cell's last word, a row number alone; Tesseract cut the number into pieces, misread its digits or read them as letters): {pairs}")

def lines_across_rows(lines: list[OcrLine], cells: list[CellBox], em: float) -> list[OcrLine]:
    """OCR lines taller than a text line that run down ``MIN_ROWS_CROSSED`` rows of the ruled grid or more: Tesseract
    now and then reads a narrow column of short cells (the row numbers 1-7 of a table) as one line on its side
    (``anDOoO-+WDN``).  Its words cover the cells, so they are not read again unless the line is set aside."""
    out = []
    for line in lines:
        x0, y0, x1, y1 = line.bbox
        if y1 - y0 <= MAX_LINE_EM * em:
            continue
        rows = {c.y0 for c in cells if c.x0 < x1 and x0 < c.x1 and y0 <= (c.y0 + c.y1) / 2 < y1}
        if len(rows) >= MIN_ROWS_CROSSED:
            out.append(line)
    return out


def across_rows_message(lines: list[OcrLine]) -> str:
    """The text of the finding listing the lines set aside by ``lines_across_rows``."""
    return f"{len(lines)} OCR line(s) running down several table rows (a column read sideways) dropped, their cells read again: " + "; ".join(repr(line.text) for line in lines)


def _dash_box(ink: np.ndarray, cell: CellBox, em: float) -> tuple[int, int, int, int] | None:
    """The box (page pixels) of the cell's ink when it is one short flat stroke (a budget cell's "no budget" dash,
    which Tesseract reads as ``=``, ``ซ`` or ``J``, or not at all), else None."""
    crop = ink[cell.y0 : cell.y1, cell.x0 : cell.x1]
    ys, xs = np.nonzero(crop)
    if not len(ys) or not em:
        return None
    height, width = int(ys.max() - ys.min()) + 1, int(xs.max() - xs.min()) + 1
    flat = height <= DASH_HEIGHT_EM * em and DASH_WIDTH_EM[0] * em <= width <= DASH_WIDTH_EM[1] * em
    if not flat or len(ys) < DASH_FILL * height * width:
        return None
    return (cell.x0 + int(xs.min()), cell.y0 + int(ys.min()), cell.x0 + int(xs.max()) + 1, cell.y0 + int(ys.max()) + 1)


def _code_reading(ink: np.ndarray, cell: CellBox, line: OcrLine, start: int, end: int) -> tuple[int, str] | None:
    """(end of the words it covers, reading) of a policy code (``P`` and three digits, ``P๐๗๘``) opening the cell,
    read by shape: Tesseract's ``eng`` model reads the Thai digits after a ``P`` as letters (``Pome``, ``Pood``)
    and the ``P`` itself as a digit before them (``2๑๐๐``, ``8051``).  The code is the cell's first stretch of ink
    (up to a gap of ``CODE_GAP`` em); its first glyph must be nearer the ``P`` of the TLWG fonts than any digit and
    close to it, the rest three digits of one script, and no word may run past its end."""
    words = line.words[start:end]
    if words[0].text[:1] not in CODE_LOOKALIKES:
        return None
    em = line.x_size
    x0, y0, y1 = max(cell.x0, words[0].bbox[0] - WORD_MARGIN), max(cell.y0, line.bbox[1]), min(cell.y1, line.bbox[3])
    band = ink[y0:y1, x0 : cell.x1]
    stretches = ink_spans(band.any(axis=0), gap=max(1, int(CODE_GAP * em)))
    if not stretches or y1 <= y0:
        return None
    left, right = stretches[0]
    first = ink_spans(band[:, left:right].any(axis=0), gap=1)[0]  # touching columns: one glyph
    if not _is_p(band[:, left + first[0] : left + first[1]]):
        return None
    digits = read_number(band, (left + first[1] + 1, 0, right, band.shape[0]), alphabet=THAI_DIGITS + ARABIC_DIGITS)
    if digits is None or not (CODE_DIGITS_THAI.match(digits) or CODE_DIGITS_ARABIC.match(digits)):
        return None
    covered = [i for i, w in enumerate(words) if (w.bbox[0] + w.bbox[2]) / 2 < x0 + right]
    if not covered or words[covered[-1]].bbox[2] > x0 + right + WORD_MARGIN + CODE_GAP * em:
        return None
    return start + covered[-1] + 1, "P" + digits


def _is_p(mask: np.ndarray) -> bool:
    """Is the glyph a Latin ``P``: within ``MAX_DISTANCE`` of a TLWG ``P`` and nearer it than any digit?"""
    character, distance = classify(mask, CODE_GLYPHS, CODE_GLYPHS)
    return character == "P" and distance <= MAX_DISTANCE


# -- Gantt bars: arrows in a step table's month cells ----------------------------------------------------------------
# A work-step table (ตาราง จ) marks the months of a step with arrows (``←``, ``→``, ``↔``, ``←→``), which Tesseract
# reads as ``4=``, ``<-``, ``«-``, ``=>``, ``-``, ``com`` or not at all.  An arrow is a shaft with a head: a glyph
# much wider than high, thin in the middle, high near an end that ends in a point; the head says its direction.

ARROW_MIN_EM = 0.3  # an arrow is at least this wide (x_size of the page's text): narrower ink is a speck or a mark
ARROW_ASPECT = 1.4  # ... and at least this many times wider than high
ARROW_SHAFT = 0.45  # its middle fifth (the shaft) is at most this share of its height high
ARROW_HEAD = 0.6  # a head: a column in the outer third at least this share of its height high ...
ARROW_TIP = 0.5  # ... and the outermost column (the head's point) at most this share: a bar is no head
ARROW_CONFIDENCE = 60.0  # what an arrow read by shape is given as Tesseract's confidence
ARROWS = {(True, False): "←", (False, True): "→", (True, True): "↔"}


def arrow_glyph(mask: np.ndarray) -> str | None:
    """``←``, ``→`` or ``↔`` when the glyph (ink of touching columns, cropped to its box) is an arrow, else None."""
    height, width = mask.shape
    if not height or width < ARROW_ASPECT * height:
        return None
    inked = mask.any(axis=0)
    if not inked.all():
        return None
    tops, bottoms = mask.argmax(axis=0), height - mask[::-1].argmax(axis=0)
    extent = bottoms - tops
    middle = slice(2 * width // 5, width - 2 * width // 5)
    shaft = (tops[middle] + bottoms[middle]) / 2
    if extent[middle].max() > ARROW_SHAFT * height or not (0.3 * height <= shaft.mean() <= 0.7 * height):
        return None
    third = max(1, width // 3)
    heads = (_head(extent[:third], height), _head(extent[::-1][:third], height))
    return ARROWS.get(heads)


def _head(extent: np.ndarray, height: int) -> bool:
    """Do these column extents, from the glyph's end inwards, make an arrowhead (a point widening to the full height)?"""
    return extent.max() >= ARROW_HEAD * height and extent[0] <= ARROW_TIP * height


def cell_arrows(ink: np.ndarray, cell: CellBox, em: float) -> tuple[str, tuple[int, int, int, int]] | None:
    """(reading, ink box in page pixels) of a cell whose ink is arrows and nothing else (``←→``: two glyphs), or None."""
    crop = ink[cell.y0 : cell.y1, cell.x0 : cell.x1]
    if not crop.any() or not em:
        return None
    reading = ""
    for left, right in ink_spans(crop.any(axis=0), gap=1):
        part = crop[:, left:right]
        rows = np.flatnonzero(part.any(axis=1))
        arrow = arrow_glyph(part[rows[0] : rows[-1] + 1]) if right - left >= ARROW_MIN_EM * em else None
        if arrow is None:
            return None
        reading += arrow
    ys, xs = np.nonzero(crop)
    return reading, (cell.x0 + int(xs.min()), cell.y0 + int(ys.min()), cell.x0 + int(xs.max()) + 1, cell.y0 + int(ys.max()) + 1)


def read_arrow_cells(ink: np.ndarray, cells: list[CellBox], lines: list[OcrLine]) -> list[tuple[str, str]]:
    """Cells whose ink is arrows read by shape: their OCR words (whatever Tesseract made of the arrows) are replaced,
    in place, by one line holding the arrows; return the (before, after) pairs changed."""
    changed: list[tuple[str, str]] = []
    em = float(np.median([line.x_size for line in lines])) if lines else 0.0
    for cell in cells:
        found = cell_arrows(ink, cell, em)
        if found is None:
            continue
        reading, box = found
        before = _take_words(cell, lines)
        # arrows stand on the middle of the row's text, as a dash does
        lines.append(OcrLine(box, (box[1] + box[3]) / 2 + DASH_ABOVE_BASELINE * em, em, [OcrWord(reading, box, ARROW_CONFIDENCE)]))
        if before.replace(" ", "") != reading:
            changed.append((before, reading))
    return changed


def _take_words(cell: CellBox, lines: list[OcrLine]) -> str:
    """Remove the words whose centre is in the cell from ``lines`` (and the lines left empty); their text."""
    taken = []
    for line in lines:
        inside = [w for w in line.words if cell.x0 <= (w.bbox[0] + w.bbox[2]) / 2 < cell.x1 and cell.y0 <= (w.bbox[1] + w.bbox[3]) / 2 < cell.y1]
        taken.extend(w.text for w in inside)
        line.words[:] = [w for w in line.words if w not in inside]
    lines[:] = [line for line in lines if line.words]
    return " ".join(taken)


def arrows_message(changed: list[tuple[str, str]]) -> str:
    """The text of the finding listing the cells read by ``read_arrow_cells``."""
    pairs = "; ".join(f"{a!r} → {b!r}" if a else f"(nothing read) → {b!r}" for a, b in changed)
    return (f"{len(changed)} table cell(s) whose only ink is arrows (a shaft with a point-ended head; the head's side "
            f"gives the direction) read by shape: {pairs}")
