"""Second look, with English alone, at English words Tesseract read as Thai or noise, and at LaTeX source.

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

An English word with no English word beside it is looked for where Latin glyphs were read as Thai letters and
Arabic digits (``(ล๒0๐ลน์๐ก)`` for ``(application)``, ``ของ 0พร`` for ``ของ OKRs``): around an Arabic digit, its
bracket or the doubtful tokens touching it, holding Thai letters and a token read with little confidence
(``lone_runs``).  A crop whose box cuts ink at its edge (Tesseract's boxes stray off their glyphs: ``Soaching`` for
the ``Coaching`` whose C was cut) is widened to the blank beside that ink.

The plans also write real Thai beside English words, so a run takes the English reading only when that reading is
plainly an English phrase: the anchor read back as it was, and one to three words of letters (a bracket at its
ends) read with at least ``ENGLISH_CONFIDENCE`` (``NOISE_CONFIDENCE`` for a run with digits or signs: no Thai word
is lost there), one of them three letters or more (an ampersand may join them: ``Coaching & Mentor``); a quote
opening the reading is the bracket read so, and a bracket the run opened with is kept when one closes further on the
line.  A lone run needs ``LONE_CONFIDENCE`` and its brackets read back.  Each change is returned for a finding.

Formulas some plans write as LaTeX source (``$\\frac{\\text{จำนวน…} \\times 100}{\\text{…}}$``, rendered as text) come
back as Thai and signs: ``8 เโกล๐ [น่อะ [จำนวน`` for ``$\\frac{\\text{จำนวน``, ``100 น 4๑๕ [จำนวน`` for
``100}{\\text{จำนวน``, ``) \\times`` for ``} \\times``, ``))8`` or ``])%`` for ``}}$``.  Such a run (``tex_runs``:
around a sign the Thai model leaves of LaTeX, a bracket alone before a command, or near a command read as such a
garbled stretch) is cropped into the same strip (from the word before it when its box cuts ink: ``\\f`` boxed with
no token); where Thai letters end it, the crop ends after the last brace found
in the ink (a narrow stretch reaching above the Thai letters and below the baseline: ``{จ`` is one token), and those
letters are kept as read.  The run takes the English reading only when that is LaTeX source and nothing else
(braces, dollars, ``\\frac{``, ``\\text{``, ``\\times``…, a number the Thai reading had before them).  A formula's
closing group (``))8``) needs no reading: it is as many braces as the ink has brace-shaped stretches, then the dollar
(English alone reads it ``}$`` or ``HS``).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import regex as re

from extractor.ingest.ocr_recheck import PAD, grammar_latin_words, lines_in_band, page_offset, strip_of
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
AMPERSAND = "&"  # joins two English words (``Coaching & Mentor``): no word of its own
ENGLISH_CONFIDENCE = 85.0
NOISE_CONFIDENCE = 50.0  # ... or this, for a run with digits or signs: no Thai word is lost (``(๐18`` and ``(๐1ธ``
# read ``GIS`` at 52-74)
TEX_SIGNS = re.compile(r"[\[\]{}$]|\)[8%]$")  # what the Thai model leaves of LaTeX source: ``[`` for ``{``, ``)8`` for ``}$``
TEX_COMMAND = re.compile(r"\\[A-Za-z]{2,}")  # a LaTeX command read as such (``\times``)
TEX_CLOSE = frozenset({")", "))"})  # a brace read as a bracket before a command (``) \times`` for ``} \times``)
TEX_SOURCE = re.compile(r"^(?:\$|\\(?:frac|text)\{|\\(?:times|dots|geq|leq|cdot|div)(?![A-Za-z])|[{}])+$")  # LaTeX
# source and nothing else: braces, dollars and the commands the plans' formulas write (\frac and \text open a brace)
TEX_CLOSING = re.compile(r"^[)\]}]+[8%$]$")  # a formula's closing braces and dollar read as brackets and 8 or %
NUMBER = re.compile(r"^(?:[0-9]{2,}|[0-9]\.|[\u0E50-\u0E59]+\.?|\.)$")  # a list's number, the 100 of ``\times 100}{``;
# not one Arabic digit alone: the dollar is read ``8``
TEX_CONTEXT = 2  # lines on each side of a LaTeX command read as such where garbled tokens are looked at too
TEX_DOUBT = 60.0  # ... a token read with less than this (Thai glyphs come at 90-97, LaTeX read as Thai at 0-55) ...
TEX_GARBLE = 3  # ... among at least this many doubtful tokens
TOUCH = 0.2  # a number this close (share of the line's x_size) to the run is written against it
TEX_BRACE = re.compile(r"[{}]")
LETTER = re.compile(r"[A-Za-z]")
LEADING_DIGITS = re.compile(r"^(?:[0-9]{2,}(?=[^0-9]))?")  # ``100]([1``: a number read right before the braces
INK = 128  # grey below this is ink
LONE_CONFIDENCE = 80.0  # an English reading of a lone run: ``OKRs`` 92, ``application`` 82; Thai read with English
# alone comes at 0-60 (``waye`` 25)
NOT_LONE = re.compile(r"[.,:;=/|'\"]|[0-9]{3}")  # signs and numbers no lone run holds (``7.2``, ``1:``, ``=``, a
# rule read ``11111110606``): 19 of the corpus' 27 stretches around an Arabic digit, none an English word; each would
# cost an English call on a page that has none
LONE_SIGNS = frozenset({")", "(", "|"})  # a bracket or an edge read again as a word of its own
WIDEN = 0.5  # a crop is widened to the blank beside the ink it cuts up to this share of the line's x_size
BRACE_WIDTH, BRACE_RISE, BRACE_DROP = 0.4, 0.5, 0.1  # shares of the line's x_size (45 px: a brace 12 px wide, 32
# above the baseline and 8 below; Thai letters 23 above and none below, 55 px lines alike)


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


def lone_runs(lines: list[OcrLine], skip: set[int]) -> list[tuple[OcrLine, list[OcrWord]]]:
    """(line, run) of every English word read as Thai letters and Latin-shaped digits with no English word beside
    it (``(ล๒0๐ลน์๐ก)`` for ``(application)``, ``0พร`` for ``OKRs``): around a token holding an Arabic digit, its
    bracket's tokens (up to ``MAX_RUN``) or the doubtful tokens touching it (``_doubtful_stretch``), when they hold
    Thai letters, an Arabic digit and a token read with less than ``TEX_DOUBT`` (Thai glyphs come at 90-97); tokens
    in ``skip`` (ids: the runs beside an anchor, LaTeX) are no part of one."""
    out = []
    for line in lines:
        words, taken = line.words, set(skip)
        for at, word in enumerate(words):
            if id(word) in taken or not ARABIC_DIGIT.search(word.text) or LATIN.search(word.text):
                continue
            run = _bracket(words, at) or _doubtful_stretch(_tex_side(words, at, -1))[::-1] + [word] + _doubtful_stretch(_tex_side(words, at, 1))
            if not taken.intersection(map(id, run)) and _lone_suspect(run):
                taken.update(map(id, run))
                out.append((line, run))
    return out


def _bracket(words: list[OcrWord], at: int) -> list[OcrWord]:
    """The tokens from the bracket that opens before ``words[at]`` to the one that closes after it, none Latin, at
    most ``MAX_RUN``; empty when there is none."""
    start = next((i for i in range(at, max(-1, at - MAX_RUN), -1) if "(" in words[i].text or ")" in words[i].text or LATIN.search(words[i].text)), None)
    end = next((i for i in range(at, min(len(words), at + MAX_RUN)) if ")" in words[i].text or (i > at and "(" in words[i].text) or LATIN.search(words[i].text)), None)
    if start is None or end is None or not words[start].text.startswith("(") or not words[end].text.endswith(")") or end - start >= MAX_RUN:
        return []
    return words[start : end + 1] if (start == at or ")" not in words[start].text) else []


def _lone_suspect(run: list[OcrWord]) -> bool:
    """Thai letters, an Arabic digit and a token read with little confidence (``TEX_DOUBT``), and none of the signs and
    numbers of a formula, a date or a code (``NOT_LONE``: no English word reads so)."""
    text = "".join(w.text for w in run)
    if NOT_LONE.search(text) or not (THAI_LETTER.search(text) and ARABIC_DIGIT.search(text)):
        return False
    return any(w.confidence < TEX_DOUBT for w in run)


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
    return words if _plainly_english(words, confidence) else None


def _plainly_english(words: list[OcrWord], confidence: float) -> bool:
    """One to ``MAX_WORDS`` words of letters (and ampersands) each read with at least ``confidence``, one of them
    three letters or more."""
    letters = [w for w in words if w.text != AMPERSAND]
    if not 1 <= len(letters) <= MAX_WORDS:
        return False
    if not all(ENGLISH_WORD.match(w.text) and w.confidence >= confidence for w in letters):
        return False
    return any(len(w.text.strip("()")) >= 3 for w in letters)


def _to_blank(pixels: np.ndarray, box: tuple[int, int, int, int], line: OcrLine) -> tuple[int, int, int, int]:
    """The box widened, where the ink runs past the edge ``strip_of`` crops at, to the first blank column beyond (up
    to ``WIDEN`` of the line's x_size): Tesseract's boxes stray off their ink and a glyph cut in half is read as
    another (``Soaching`` for the ``Coaching`` whose C the box of ``0`` cut)."""
    x0, y0, x1, y1 = box
    inked = (pixels[y0:y1] < INK).any(axis=0)
    reach = int(WIDEN * line.x_size)
    left, right = x0 - PAD, x1 + PAD - 1
    if 0 <= left and inked[left]:
        blank = next((c for c in range(left - 1, max(-1, left - reach), -1) if not inked[c]), None)
        x0 = x0 if blank is None else blank + PAD
    if right < len(inked) and inked[right]:
        blank = next((c for c in range(right + 1, min(len(inked), right + reach)) if not inked[c]), None)
        x1 = x1 if blank is None else blank - PAD + 1
    return x0, y0, x1, y1


def _closed_after(words: list[OcrWord]) -> bool:
    """Whether the first bracket in ``words`` closes one (``Data Analytics)`` after ``(๐18``)."""
    brackets = [ch for w in words for ch in w.text if ch in "()"]
    return bool(brackets) and brackets[0] == ")"


def _band_words(lines: list[OcrLine], top: int, bottom: int) -> list[OcrWord]:
    """The words read back in one crop's band, in reading order."""
    return [w for line in sorted(lines_in_band(lines, top, bottom), key=lambda x: x.bbox[0]) for w in line.words]


@dataclass
class TexRun:
    """A stretch of LaTeX source read as Thai and signs: its tokens, the number touching its start (``100`` of
    ``100}{\\text{``, kept as read: English reads Thai digits as letters), the box to read again and the Thai letters
    its last brace opens (``{จ`` read ``[จ``: cut off the box, kept as read)."""

    line: OcrLine
    number: list[OcrWord]
    tokens: list[OcrWord]
    box: tuple[int, int, int, int] = (0, 0, 0, 0)
    tail: str = ""


def tex_runs(lines: list[OcrLine]) -> list[TexRun]:
    """Every stretch of LaTeX source read as Thai and signs, with the doubtful tokens touching it on both sides up to
    a Latin word (``\\times`` is read right; ``_doubtful_stretch``): around a token with a sign the Thai model leaves
    of LaTeX (``[``, ``]``, ``{``, ``}``, ``$``, a bracket closing on ``8`` or ``%``), a bracket alone before a LaTeX
    command, or within ``TEX_CONTEXT`` lines of a LaTeX command a token read with less than ``TEX_DOUBT`` among at
    least ``TEX_GARBLE`` doubtful ones; a number before it is no part of it (``100`` of ``\\times 100}{``)."""
    near = _near_commands(lines)
    out = []
    for index, line in enumerate(lines):
        words = line.words
        taken: set[int] = set()
        for at, word in enumerate(words):
            if id(word) in taken:
                continue
            before = _doubtful_stretch(_tex_side(words, at, -1))[::-1]
            after = [] if word.text in TEX_CLOSE else _doubtful_stretch(_tex_side(words, at, 1))
            garbled = index in near and word.confidence < TEX_DOUBT and len(before) + len(after) + 1 >= TEX_GARBLE
            if not garbled and not _tex_seed(words, at):
                continue
            number = []
            while before and NUMBER.match(before[0].text):
                number.append(before.pop(0))
            run = TexRun(line, number, before + [word] + after)
            if not taken.intersection(map(id, run.number + run.tokens)):
                taken.update(map(id, run.number + run.tokens))
                out.append(run)
    return out


def _near_commands(lines: list[OcrLine]) -> set[int]:
    """The indexes of the lines within ``TEX_CONTEXT`` lines of one holding a LaTeX command read as such."""
    marked = [i for i, line in enumerate(lines) if any(TEX_COMMAND.search(w.text) for w in line.words)]
    return {j for i in marked for j in range(i - TEX_CONTEXT, i + TEX_CONTEXT + 1)}


def _tex_seed(words: list[OcrWord], at: int) -> bool:
    text = words[at].text
    if text in TEX_CLOSE:
        return at + 1 < len(words) and bool(TEX_COMMAND.match(words[at + 1].text))
    return bool(TEX_SIGNS.search(text)) and not LETTER.search(text)


def _tex_side(words: list[OcrWord], at: int, step: int) -> list[OcrWord]:
    """The tokens beside ``words[at]`` up to a Latin word, nearest first."""
    run = []
    i = at + step
    while 0 <= i < len(words) and len(run) < MAX_RUN and not LATIN.search(words[i].text):
        run.append(words[i])
        i += step
    return run


def _stretches(ink: np.ndarray) -> list[tuple[int, int]]:
    """The (first, last + 1) columns of each stretch of inked columns."""
    cols = np.concatenate(([False], ink.any(axis=0), [False]))
    edges = np.flatnonzero(cols[1:] != cols[:-1])
    return list(zip(edges[::2], edges[1::2]))


def _braces(ink: np.ndarray, line: OcrLine, y0: int) -> list[tuple[int, int]]:
    """The stretches of ``ink`` (a crop at row ``y0``) shaped like a brace: narrow, reaching well above the Thai
    letters and below the baseline (``{`` at -32..+8 px of a 45 px line, Thai letters at -23..-1, ``$`` to +1)."""
    out = []
    for a, b in _stretches(ink):
        top, bottom = _reach(ink, (a, b), line, y0)
        if b - a <= BRACE_WIDTH * line.x_size and top <= -BRACE_RISE * line.x_size and bottom >= BRACE_DROP * line.x_size:
            out.append((a, b))
    return out


def _tall(ink: np.ndarray, stretch: tuple[int, int], line: OcrLine, y0: int) -> bool:
    """Whether the stretch reaches as high above the baseline as a brace (the dollar does; a dot or a Thai letter not)."""
    return _reach(ink, stretch, line, y0)[0] <= -BRACE_RISE * line.x_size


def _reach(ink: np.ndarray, stretch: tuple[int, int], line: OcrLine, y0: int) -> tuple[int, int]:
    """(top, bottom) rows of the stretch's ink (a crop at row ``y0``), from the line's baseline (above it: negative)."""
    rows = np.flatnonzero(ink[:, stretch[0] : stretch[1]].any(axis=1))
    return y0 + rows[0] - line.baseline, y0 + rows[-1] - line.baseline


def _cut(pixels: np.ndarray, run: TexRun) -> None:
    """The box to read again: the tokens', cut after the last brace when Thai letters end the run (``[จ`` is ``{จ``:
    English would read จ as a letter), and those Thai letters."""
    x0, y0, x1, y1 = run.box = _to_neighbour(pixels, run)
    if not THAI_LETTER.search(run.tokens[-1].text):
        return
    braces = _braces(pixels[y0:y1, x0:x1] < INK, run.line, y0)
    if braces:
        end = x0 + int(braces[-1][1])
        text = "".join(w.text for w in run.tokens if (w.bbox[0] + w.bbox[2]) / 2 > end)  # ``[จ``: its Thai is past it
        run.box = (x0, y0, end, y1)
        run.tail = text[next((i for i, ch in enumerate(text) if THAI_LETTER.match(ch)), len(text)) :]


def _to_neighbour(pixels: np.ndarray, run: TexRun) -> tuple[int, int, int, int]:
    """The run's box, widened to the word before it (up to the line's x_size away) where the box cuts ink at the
    edge ``strip_of`` crops at: Tesseract boxes the glyphs of LaTeX source off their ink (``\\f`` of ``\\frac``
    left out of the first token's box, ``rac{\\text{`` read); ``_whitened`` blanks that word's edge."""
    x0, y0, x1, y1 = _box(run.tokens)
    words = run.line.words
    at = next(i for i, w in enumerate(words) if w is run.tokens[0])
    before = words[at - 1].bbox[2] + 1 if at else None
    edge = x0 - PAD
    if before is None or not 0 <= edge < pixels.shape[1] or not (pixels[y0:y1, edge] < INK).any():
        return x0, y0, x1, y1
    return (before, y0, x1, y1) if x0 - before <= run.line.x_size else (x0, y0, x1, y1)


def _closing(pixels: np.ndarray, run: TexRun) -> str | None:
    """A formula's closing braces and dollar (``}}$`` read ``))8``, ``])%``) read from the ink: as many braces as
    brace-shaped stretches before the dollar's (English alone reads them ``}$`` or ``HS``)."""
    if len(run.tokens) != 1 or not TEX_CLOSING.match(run.tokens[0].text):
        return None
    x0, y0, x1, y1 = run.tokens[0].bbox
    ink = pixels[y0:y1, x0:x1] < INK
    braces, stretches = _braces(ink, run.line, y0), _stretches(ink)
    if not braces or len(stretches) != len(braces) + 1 or stretches[-1] in braces or not _tall(ink, stretches[-1], run.line, y0):
        return None
    return "}" * len(braces) + "$"


def _tex_text(run: TexRun, reading: str) -> str | None:
    """The run's text from its English reading, when that is LaTeX source and nothing else (after the number the Thai
    reading opened the run with: ``100]([1`` for ``100}{\\t``), then the Thai letters its last brace opens."""
    digits = LEADING_DIGITS.match(run.tokens[0].text).group()
    if not reading.startswith(digits) or not TEX_SOURCE.match(reading[len(digits) :]) or not TEX_BRACE.search(reading):
        return None
    return reading + run.tail


def _replace(run: TexRun, text: str, confidence: float) -> tuple[str, str]:
    """Put one word of ``text`` in place of the run's tokens (and the number touching it) on its line."""
    words = run.line.words
    number = run.number if run.number and run.tokens[0].bbox[0] - run.number[-1].bbox[2] <= TOUCH * run.line.x_size else []
    first = (number or run.tokens)[0]
    at = next(i for i, w in enumerate(words) if w is first)
    old = number + run.tokens
    new = "".join(w.text for w in number) + text
    words[at : at + len(old)] = [OcrWord(new, _box(old), confidence)]
    return " ".join(w.text for w in old), new


def reread_english_words(pixels: np.ndarray, lines: list[OcrLine], dpi: int) -> list[tuple[str, str]]:
    """Re-read suspect runs with English alone; replace them in place; return the (before, after) pairs changed."""
    runs = tex_runs(lines)
    in_tex = {id(w) for run in runs for w in run.number + run.tokens}
    found = [s for s in suspects(lines) if not in_tex.intersection(map(id, s[1]))]  # LaTeX read first: no overlap
    lone = lone_runs(lines, in_tex | {id(w) for s in found for w in s[1]})
    changed, tex = _tex_closings(pixels, runs)
    if not found and not tex and not lone:
        return changed
    crops = [OcrWord("", _to_blank(pixels, _box(run + ([anchor] if _on(anchor, line) else [])), line), 0.0) for line, run, anchor, _ in found]
    lone_crops = [OcrWord("", _to_blank(pixels, _box(run), line), 0.0) for line, run in lone]
    for run in tex:
        _cut(pixels, run)
    tex_crops = [OcrWord("", run.box, 0.0) for run in tex]
    strip, bands = strip_of(_whitened(pixels, tex_crops) if tex else pixels, crops + tex_crops + lone_crops)
    again = parse_hocr(run_tesseract(strip, dpi, languages="eng", psm=6))
    for (line, run), crop, (top, bottom) in zip(lone, lone_crops, bands[len(crops) + len(tex_crops) :]):
        words = _lone_english(_band_words(again, top, bottom), run)
        if words is not None:
            changed.append(_put(line, run, words, page_offset(crop.bbox, top)))
    for run, (top, bottom) in zip(tex, bands[len(crops) :]):
        read = _band_words(again, top, bottom)
        text = _tex_text(run, "".join(w.text for w in read))
        if text is not None:
            changed.append(_replace(run, text, min(w.confidence for w in read)))
    for (line, run, anchor, side), crop, (top, bottom) in zip(found, crops, bands):
        noisy = NOISE.search("".join(w.text for w in run).strip("()"))
        read = _band_words(again, top, bottom) + ([] if _on(anchor, line) else [anchor])  # a wrapped anchor: not cropped
        words = _english(read, anchor.text, side, NOISE_CONFIDENCE if noisy else ENGLISH_CONFIDENCE)
        if words is None:
            continue
        at = next(i for i, w in enumerate(line.words) if w is run[0])
        if run[0].text.startswith("(") and not words[0].text.startswith("(") and _closed_after(line.words[at + len(run) :]):
            words[0].text = "(" + words[0].text  # a bracket closed further on was opened here
        changed.append(_put(line, run, words, page_offset(crop.bbox, top)))
    return changed


def _put(line: OcrLine, run: list[OcrWord], words: list[OcrWord], offset: tuple[int, int]) -> tuple[str, str]:
    """Put the words read in a strip (at ``offset`` from the page) in place of the run on its line."""
    x0, y0 = offset
    new = [OcrWord(w.text, (w.bbox[0] + x0, w.bbox[1] + y0, w.bbox[2] + x0, w.bbox[3] + y0), w.confidence) for w in words]
    at = next(i for i, w in enumerate(line.words) if w is run[0])
    line.words[at : at + len(run)] = new
    return "".join(w.text for w in run), " ".join(w.text for w in new)


def _lone_english(read: list[OcrWord], run: list[OcrWord]) -> list[OcrWord] | None:
    """The words that replace a lone run, from its English reading: plainly English (``_plainly_english``, each word
    read with at least ``LONE_CONFIDENCE``: no English word beside it vouches for it), the brackets the run had;
    a quote opening it is the bracket read so, a lone sign closing it the bracket read again."""
    words = [w for w in read if w.text not in LONE_SIGNS]  # ``')'`` read again as a word of its own
    if words and words[0].text[:1] in QUOTES:
        words[0].text = "(" + words[0].text[1:] if run[0].text.startswith("(") else words[0].text[1:]
    if not words or AMPERSAND in (words[0].text, words[-1].text) or not _plainly_english(words, LONE_CONFIDENCE):
        return None
    opens, closes = run[0].text.startswith("("), run[-1].text.endswith(")")
    if opens != words[0].text.startswith("(") or closes != words[-1].text.endswith(")"):
        return None
    return words


def _tex_closings(pixels: np.ndarray, runs: list[TexRun]) -> tuple[list[tuple[str, str]], list[TexRun]]:
    """Closing groups read from the ink (``_closing``), replaced in place; the changes and the runs left to re-read."""
    changed, rest = [], []
    for run in runs:
        text = _closing(pixels, run)
        if text is None:
            rest.append(run)
        else:
            changed.append(_replace(run, text, run.tokens[0].confidence))
    return changed, rest


def _whitened(pixels: np.ndarray, boxes: list[OcrWord]) -> np.ndarray:
    """A copy of the page with the margin ``strip_of`` pads each box with blanked: a neighbour's edge in it is read as
    a sign (``i}}$``)."""
    out = pixels.copy()
    for word in boxes:
        x0, y0, x1, y1 = word.bbox
        inside = pixels[y0:y1, x0:x1]
        out[max(0, y0 - PAD) : y1 + PAD, max(0, x0 - PAD) : x1 + PAD] = 255
        out[y0:y1, x0:x1] = inside
    return out
