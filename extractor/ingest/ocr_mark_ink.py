"""How many upper marks the scan shows over each OCR word: evidence for the mark restorers of the thai stage.

Tesseract loses the small marks over Thai letters (``ที่`` read ``ที``) and the restorers of ``extractor.thai``
put them back from the words around; but a writer's own typo (``บรการ`` for บริการ, ``แกไข`` for แก้ไข) reads the
same as a lost mark, and the restorers "correct" it to the document's frequent form although the scan shows no
mark there.  The ink tells the two apart, and only the ingest stage has it: the pieces of ink (``ocr_noise.ink_blobs``,
an XY cut) that lie wholly in the zone above a line's letter tops (``MARK_ZONE`` em high, reaching ``SLACK`` of a
letter into the letters' band) are its upper marks, a piece as tall as a stacked vowel and tone mark (``STACK``
letter heights) counting two; each goes to the word whose box holds its middle (Tesseract boxes Thai a cluster or
two at a time, and a mark may stand over the edge of its box), or the nearest.  The thai stage compares each word's
count with the upper marks read in it (``extractor.thai.ocr_marks.InkWord``).  No Tesseract call.
"""

from __future__ import annotations

import statistics

import numpy as np

from extractor.ingest.ocr_noise import SLACK, letter_height
from extractor.ingest.ocr_tesseract import CONSONANT_PER_EM, OcrLine, OcrWord
from extractor.thai.ocr_marks import UPPER_MARKS, InkWord

MARK_ZONE = 0.6  # em above the letter tops: a stacked vowel and tone mark reach 0.55 (``ocr_noise.MARK_ZONE``)
STACK = 0.62  # a piece of ink this many letter heights tall is a vowel and a tone mark blurred into one
HIGH = 0.72  # a piece whose top is this many letter heights over the letter tops is a tone mark raised over an upper
# vowel (or SARA AM's ring), the vowel fused into its letter or into the tone: on seeds 001 and 003 a tone over a
# vowel read reaches 0.73 or more in 95 % of its words, a lone tone 0.69 and a lone upper vowel 0.53 at most in 99 %
# (MAI TAIKHU 0.71); of the pieces fused into their letters, 6 in 69,000 over words without a mark reach it
MIN_PIECE = 2  # pixels a piece must span both ways (a speck of the scan is no mark)
WORD = frozenset(chr(c) for c in range(0x0E01, 0x0E5C)) | frozenset("0123456789.,-/()")  # no Latin, no quotes:
# an i's dot or a quotation mark sits in the mark zone too


def mark_ink(ink: np.ndarray, lines: list[OcrLine]) -> list[tuple[InkWord, ...]]:
    """Per line of letters, an ``InkWord`` per word, with the words of marks alone that Tesseract put on a line of
    their own over it (``ั``, ``้``: the marks of that strip are this line's); a word of Latin letters or quotes is
    taken to show the marks read.  The letter height is the line's own (its consonants) or the page's median."""
    heights = {id(line): letter_height(line) for line in lines}
    known = [h for h in heights.values() if h]
    if not known:
        return []
    page = statistics.median(known)
    strips = [line for line in lines if line.words and all(_is_marks(w.text) for w in line.words)]
    loose = [w for line in strips for w in line.words]
    out = []
    for line in lines:
        if line.words and line not in strips:
            letter = heights[id(line)] or page
            out.append(_line_ink(ink, line, letter, _marks_above(line, letter, loose)))
    return out


def _is_marks(text: str) -> bool:
    return bool(text) and all(ch in UPPER_MARKS for ch in text)


def _marks_above(line: OcrLine, letter: float, loose: list[OcrWord]) -> list[OcrWord]:
    """The words of ``loose`` whose middle lies in the mark zone of ``line`` over its columns."""
    top, em = line.baseline - letter, letter / CONSONANT_PER_EM
    out = []
    for word in loose:
        x, y = (word.bbox[0] + word.bbox[2]) / 2, (word.bbox[1] + word.bbox[3]) / 2
        if line.bbox[0] <= x <= line.bbox[2] and top - MARK_ZONE * em <= y <= top + SLACK * letter:
            out.append(word)
    return out


def _line_ink(ink: np.ndarray, line: OcrLine, letter: float, marks: list[OcrWord]) -> tuple[InkWord, ...]:
    words = sorted([*line.words, *marks], key=lambda w: w.bbox[0]) if marks else line.words  # stable: letters first
    counts = [0] * len(words)
    found = marks_over(ink, (line.bbox[0], line.bbox[2]), line.baseline - letter, letter)
    if found:
        for owner, (_, marks_seen) in zip(_owners(words, [middle for middle, _ in found]), found):
            counts[owner] += marks_seen
    out = []
    for word, inked in zip(words, counts):
        read = sum(ch in UPPER_MARKS for ch in word.text)
        out.append(InkWord(word.text, read, inked if set(word.text) <= WORD else read))
    return tuple(out)


def _owners(words: list[OcrWord], columns: list[float]) -> list[int]:
    """For each column, the word whose box holds it (the narrowest: a word of marks alone over a letter's), or the
    nearest."""
    boxes = np.array([w.bbox for w in words], dtype=float)
    x = np.array(columns)[:, None]
    off = np.maximum(np.maximum(boxes[:, 0] - x, x - boxes[:, 2]), 0.0)  # columns × words: how far outside the box
    return np.argmin(off * 1e6 + (boxes[:, 2] - boxes[:, 0]), axis=1).tolist()


def marks_over(ink: np.ndarray, columns: tuple[int, int], top: float, letter: float) -> list[tuple[float, int]]:
    """(middle column, marks) of each piece of ink wholly in the mark zone above ``top`` (the letter tops) over
    ``columns``: two marks for a piece as tall as a stacked vowel and tone mark, else one."""
    em = letter / CONSONANT_PER_EM
    y0, y1 = max(0, int(round(top - MARK_ZONE * em))), int(round(top + SLACK * letter))
    crop = ink[y0:y1, max(0, columns[0]) : columns[1]]
    if crop.shape[0] < 2 or not crop.shape[1]:
        return []
    high = top - y0 - HIGH * letter  # rows of the crop above this: a tone mark raised over an upper vowel
    found = [p for p in pieces(crop) if p[2] > 0 and min(p[1] - p[0], p[3] - p[2]) >= MIN_PIECE]
    # a piece reaching the zone's bottom is a letter's stroke or a mark fused into its letter: only a stacked
    # tone's tells (it reaches ``HIGH``); one reaching the top is the line above's lower vowels
    marks = [p for p in found if p[3] < crop.shape[0] or p[2] <= high]
    out = []
    for piece in marks:
        left, right, start, end = piece
        stacked = end - start >= STACK * letter or (start <= high and not _over_another(piece, marks))
        out.append((max(0, columns[0]) + (left + right) / 2, 2 if stacked else 1))
    return out


def _over_another(piece: tuple[int, int, int, int], marks: list[tuple[int, int, int, int]]) -> bool:
    """Is there another piece in ``marks`` under ``piece`` (columns overlapping, starting lower): its upper vowel?"""
    return any(o[0] < piece[1] and piece[0] < o[1] and o[2] > piece[2] for o in marks if o is not piece)


def pieces(crop: np.ndarray) -> list[tuple[int, int, int, int]]:
    """(left, right, top, bottom), exclusive ends, of the pieces of ink of ``crop`` by an XY cut: runs of inked
    columns, each cut at its blank rows (``ocr_noise.ink_blobs``, in a few array operations for a whole line)."""
    inked = np.flatnonzero(crop.any(axis=0))
    if not len(inked):
        return []
    breaks = np.flatnonzero(np.diff(inked) > 1)
    lefts = np.concatenate(([inked[0]], inked[breaks + 1]))
    rights = np.concatenate((inked[breaks], [inked[-1]])) + 1
    rows = np.logical_or.reduceat(crop, lefts, axis=1)  # rows × runs (a run's columns and the blank ones after it)
    padded = np.zeros((rows.shape[0] + 2, rows.shape[1]), dtype=np.int8)
    padded[1:-1] = rows
    steps = np.diff(padded, axis=0).T  # runs × rows + 1: +1 where a piece starts, -1 where it ends
    run, start = np.nonzero(steps == 1)
    _, end = np.nonzero(steps == -1)
    return list(zip(lefts[run].tolist(), rights[run].tolist(), start.tolist(), end.tolist()))
