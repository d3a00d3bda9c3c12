"""Second look, with English alone, at English words Tesseract read as Thai or noise beside an English word.

``tha+eng`` reads a word of an English phrase in a Thai plan as Thai letters mixed with digits and signs when the
Thai model wins on it: ``(Black spot)`` comes back as ``(83!ล spot)``, ``(Best Service)`` as ``(56 ร 1 Service)``,
``Hawker Center`` as ``(ไลพ 66 Center``, ``(SMART SERVICE)`` as ``(SMART ธะ ค ง 108)``.  The English word next to it
(the *anchor*, read with confidence) says where to look: the tokens between it and the bracket that opens (or
closes) its phrase, or without a bracket the doubtful tokens touching it, are a *suspect run* when they hold a Thai
letter and are not plain Thai words, or hold no Thai letter but signs or Arabic and Thai digits together (no number:
``(๐18 Data`` for ``(GIS Data``, ``Message %86๑706)`` for ``Message Service)``).  An anchor opening the line below
a line that it continues (a phrase wrapped: ``แพลตฟอร์ม โธลกึง`` / ``Fondue``) looks back at the end of that line.
Each run is cropped with its anchor (a wrapped one is not: the run alone), the crops are stacked into one strip
(``ocr_recheck.strip_of``) and read once more with ``eng`` alone (one call per page with a run, ``--psm 6``).

The plans also write real Thai beside English words, so a run takes the English reading only when that reading is
plainly an English phrase: the anchor read back as it was, and one to three words of letters (a bracket at its
ends) read with at least ``ENGLISH_CONFIDENCE`` (``NOISE_CONFIDENCE`` for a run with digits or signs: no Thai word
is lost there), one of them three letters or more; a quote opening the reading is the bracket read so, and a bracket
the run opened with is kept when one closes further on the line.  Each change is returned for a finding.
"""

from __future__ import annotations

import numpy as np
import regex as re

from extractor.ingest.ocr_recheck import grammar_latin_words, lines_in_band, page_offset, strip_of
from extractor.ingest.ocr_tesseract import OcrLine, OcrWord, parse_hocr, run_tesseract
from extractor.thai.dictionary import is_word, tokenize

ANCHOR = re.compile(r"^\(?[A-Za-z][A-Za-z'&-]{2,}[),:.]?$")  # an English word of three letters or more
ANCHOR_CONFIDENCE = 85.0  # an anchor read with less may itself be Thai read as Latin
DOUBTFUL = 90.0  # Tesseract reads clean Thai glyphs at 90-97; the glyphs of an English word read as Thai lower
NOISE = re.compile(r"[0-9\u0E50-\u0E59!|«»%@\[\]?*'$]")  # digits and signs inside a word: no Thai word has them
SIGN = re.compile(r"[!|«»%@\[\]?*'$]")
ARABIC_DIGIT = re.compile(r"[0-9]")
THAI_DIGIT = re.compile(r"[\u0E50-\u0E59]")
THAI_LETTER = re.compile(r"[\u0E01-\u0E2E]")
LATIN = re.compile(r"[A-Za-z]{2}")
MAX_RUN = 14  # tokens between an anchor and its bracket (Tesseract reads Thai glyph by glyph)
MAX_WORDS = 3  # English words a run may become
QUOTES = frozenset("‘'`")
ENGLISH_WORD = re.compile(r"^\(?[A-Za-z]{2,}\)?$")
ENGLISH_CONFIDENCE = 85.0
NOISE_CONFIDENCE = 50.0  # ... or this, for a run with digits or signs: no Thai word is lost (``(๐18`` and ``(๐1ธ``
# read ``GIS`` at 52-74)


def _run_beside(words: list[OcrWord], at: int, step: int) -> list[OcrWord]:
    """The tokens beside the anchor ``words[at]`` (``step`` -1: before it, 1: after it) up to the bracket that opens
    (closes) its phrase, or without one the doubtful tokens touching it; in reading order."""
    run: list[OcrWord] = []
    closed = False
    i = at + step
    while 0 <= i < len(words) and len(run) < MAX_RUN and not LATIN.search(words[i].text):
        run.append(words[i])
        if (step < 0 and words[i].text.startswith("(")) or (step > 0 and words[i].text.endswith(")")):
            closed = True
            break
        i += step
    if not closed:
        run = _doubtful_stretch(run)
    return run[::-1] if step < 0 else run


def _doubtful_stretch(run: list[OcrWord]) -> list[OcrWord]:
    """The tokens from the first of ``run`` up to the last doubtful one before two confident ones in a row (an
    English word read as Thai has a glyph or two read with confidence among the doubtful ones)."""
    end = confident = 0
    for i, word in enumerate(run):
        if word.confidence < DOUBTFUL or NOISE.search(word.text):
            end, confident = i + 1, 0
        else:
            confident += 1
            if confident == 2:
                break
    return run[:end]


def _suspect_run(run: list[OcrWord]) -> bool:
    """Thai letters that are not plain Thai words: noise among them, or a piece no dictionary knows."""
    core = "".join(w.text for w in run).strip("()")
    if not THAI_LETTER.search(core):  # digits and codes (``P๐๐๑``, ``๑.๓.๐๒``) are the digit readers' work, unless
        return _mixed(core)  # signs or both kinds of digits say no number was read (``(๐18 Data`` for (GIS Data)
    if NOISE.search(core):
        return True
    return not all(is_word(t) for t in tokenize(core) if not t.isspace())


def _mixed(text: str) -> bool:
    """Signs, or Arabic and Thai digits together: no number a plan writes (``%86๑706)`` for Service), ``๐18``)."""
    return bool(SIGN.search(text)) or bool(ARABIC_DIGIT.search(text) and THAI_DIGIT.search(text))


def suspects(lines: list[OcrLine]) -> list[tuple[OcrLine, list[OcrWord], OcrWord, int]]:
    """(line, run, anchor, side) of every suspect run: side -1 when the run is before its anchor, 1 after it; an
    anchor that is not among the line's words opens the next line (the run ends the line: a phrase wrapped)."""
    out = []
    for index, line in enumerate(lines):
        taken: set[int] = set()
        for at, anchor in enumerate(line.words):
            if not _anchor(anchor):
                continue
            for step in (-1, 1):
                run = _run_beside(line.words, at, step)
                if run and not taken.intersection(map(id, run)) and _suspect_run(run):
                    taken.update(map(id, run))
                    out.append((line, run, anchor, step))
        wrapped = _wrapped_anchor(line, lines[index + 1]) if index + 1 < len(lines) else None
        if wrapped is not None:
            run = _run_beside(line.words + [wrapped], len(line.words), -1)
            if run and not taken.intersection(map(id, run)) and _suspect_run(run):
                out.append((line, run, wrapped, -1))
    return out


def _anchor(word: OcrWord) -> bool:
    """An English word read with confidence that is not a code the grammars write (KPI, OKR: numbers go beside them)."""
    return bool(ANCHOR.match(word.text)) and word.confidence >= ANCHOR_CONFIDENCE and word.text.strip("(),:.") not in grammar_latin_words()


def _wrapped_anchor(line: OcrLine, below: OcrLine) -> OcrWord | None:
    """The anchor opening the line below ``line`` when that line continues it (starts under its start, below it)."""
    if not line.words or not below.words or not _anchor(below.words[0]):
        return None
    height = line.bbox[3] - line.bbox[1]
    under = abs(below.bbox[0] - line.bbox[0]) <= height and line.bbox[3] - height / 2 <= below.bbox[1] <= line.bbox[3] + height
    return below.words[0] if under else None


def _on(word: OcrWord, line: OcrLine) -> bool:
    return any(w is word for w in line.words)


def _box(words: list[OcrWord]) -> tuple[int, int, int, int]:
    return (min(w.bbox[0] for w in words), min(w.bbox[1] for w in words), max(w.bbox[2] for w in words), max(w.bbox[3] for w in words))


def _english(read: list[OcrWord], anchor: str, side: int, confidence: float = ENGLISH_CONFIDENCE) -> list[OcrWord] | None:
    """The words that replace a run, from the English reading of run and anchor; None unless it is plainly English
    (each word read with at least ``confidence``)."""
    if not read or (read[0] if side > 0 else read[-1]).text != anchor:
        return None
    words = read[:-1] if side < 0 else read[1:]
    if words and words[0].text[:1] in QUOTES:  # a bracket read as a quote (``‘GIS`` for ``(GIS``)
        words[0].text = words[0].text[1:]
    if not 1 <= len(words) <= MAX_WORDS:
        return None
    if not all(ENGLISH_WORD.match(w.text) and w.confidence >= confidence for w in words):
        return None
    return words if any(len(w.text.strip("()")) >= 3 for w in words) else None


def _closed_after(words: list[OcrWord]) -> bool:
    """Whether the first bracket in ``words`` closes one (``Data Analytics)`` after ``(๐18``)."""
    brackets = [ch for w in words for ch in w.text if ch in "()"]
    return bool(brackets) and brackets[0] == ")"


def _band_words(lines: list[OcrLine], top: int, bottom: int) -> list[OcrWord]:
    """The words read back in one crop's band, in reading order."""
    return [w for line in sorted(lines_in_band(lines, top, bottom), key=lambda x: x.bbox[0]) for w in line.words]


def reread_english_words(pixels: np.ndarray, lines: list[OcrLine], dpi: int) -> list[tuple[str, str]]:
    """Re-read suspect runs with English alone; replace them in place; return the (before, after) pairs changed."""
    found = suspects(lines)
    if not found:
        return []
    crops = [OcrWord("", _box(run + ([anchor] if _on(anchor, line) else [])), 0.0) for line, run, anchor, _ in found]
    strip, bands = strip_of(pixels, crops)
    again = parse_hocr(run_tesseract(strip, dpi, languages="eng", psm=6))
    changed = []
    for (line, run, anchor, side), crop, (top, bottom) in zip(found, crops, bands):
        noisy = NOISE.search("".join(w.text for w in run).strip("()"))
        read = _band_words(again, top, bottom) + ([] if _on(anchor, line) else [anchor])  # a wrapped anchor: not cropped
        words = _english(read, anchor.text, side, NOISE_CONFIDENCE if noisy else ENGLISH_CONFIDENCE)
        if words is None:
            continue
        x0, y0 = page_offset(crop.bbox, top)
        new = [OcrWord(w.text, (w.bbox[0] + x0, w.bbox[1] + y0, w.bbox[2] + x0, w.bbox[3] + y0), w.confidence) for w in words]
        at = next(i for i, w in enumerate(line.words) if w is run[0])
        if run[0].text.startswith("(") and not new[0].text.startswith("(") and _closed_after(line.words[at + len(run) :]):
            new[0].text = "(" + new[0].text  # a bracket closed further on was opened here
        line.words[at : at + len(run)] = new
        changed.append(("".join(w.text for w in run), " ".join(w.text for w in new)))
    return changed
