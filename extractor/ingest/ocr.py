"""OCR route of the PDF reader: a scanned (or text-layer-damaged) page → the same page model as a text-layer page.

Per page: render with PyMuPDF, deskew, find table rulings in the bitmap and erase them, OCR with Tesseract
``tha+eng`` (hOCR), then turn Tesseract's words into *glyphs* so that the very same layout code builds lines,
cells and tables (``extractor.layout``).  Tesseract reads Thai almost glyph by glyph: a combining mark comes as a
"word" of its own with a box that says little.  Its *order* is reliable, so each Tesseract word keeps its place in
the line, marks become zero-width glyphs at the right edge of the base before them (where the line builder attaches
a zero-width mark), a gap narrower than a space is closed so that the layout stage does not see a word break, and a
space glyph marks a gap read as a space (``is_space``: mostly by the blank stretch of the page's ink around the gap,
since Tesseract places the boxes of Thai letters to a few pixels only; by the box gap where the text layer spaces
a join always or never whatever its width, ``space_gap``).
Lines of low-confidence Latin noise that Tesseract makes of detached marks above a Thai line are dropped, and a
finding lists them.

Pages run in parallel (threads, each driving one Tesseract process limited to one thread); rendering stays on the
calling thread because PyMuPDF is not thread-safe.
"""

from __future__ import annotations

import bisect
import itertools
import os
import statistics
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field

import numpy as np
import pymupdf

from extractor.blocks import Provenance
from extractor.ingest import ocr_image
from extractor.ingest.ocr_bold import mark_bold_words
from extractor.ingest.ocr_cells import (
    across_rows_message,
    arrows_message,
    blank_read_cells,
    covered_by,
    grid_cells,
    lines_across_rows,
    read_arrow_cells,
    reread_cells_by_shape,
    reread_regions,
    shape_cells_message,
    unread_lines,
)
from extractor.ingest.ocr_codes import reread_codes
from extractor.ingest.ocr_digits import reread_thai_digits
from extractor.ingest.ocr_english import reread_english_words
from extractor.ingest.ocr_letters import reread_heading_letters
from extractor.ingest.ocr_mark_ink import mark_ink
from extractor.ingest.ocr_masks import Stretches, is_mask, reread_masks
from extractor.ingest.ocr_noise import drop_noise_words, dropped_message
from extractor.ingest.ocr_recheck import reread_latin_words
from extractor.ingest.ocr_shapes import reread_lookalikes
from extractor.ingest.ocr_tesseract import (
    CONSONANT_PER_EM,
    LANGUAGES,
    OcrError,
    OcrLine,
    OcrWord,
    parse_hocr,
    run_tesseract,
)
from extractor.layout.lines import THAI_MARKS
from extractor.layout.types import PageModel
from extractor.limits import NO_DEADLINE, Deadline, LimitExceededError
from extractor.thai import Glyph
from extractor.thai.chars import composed_sara_am
from extractor.thai.dictionary import is_word, tokenize
from extractor.thai.ocr_marks import InkWord

DEFAULT_DPI = 300  # measured: see benchmarks/RESULTS.md "## OCR" (200 dpi loses marks on 11 pt text)
OCR_FONT = "tesseract"
OCR_BOLD_FONT = "tesseract-Bold"  # what the layout stage reads as bold (``is_bold_font``)
X_SIZE_PER_EM = 1.16  # Tesseract's x_size over the font size (measured on TLWG fonts at 200 and 300 dpi)
# box gaps (``space_gap``) decide where the ink does not (``_ink_decides``) and on lines read without an ink mask:
SPACE_GAP = 0.30  # a gap between Tesseract words wider than this × em is a real space ...
THAI_SPACE_GAP = 0.38  # ... between two Thai letters: Tesseract boxes Thai glyph by glyph, and the gaps inside a
# word reach 0.4 em (bold, tracked text), and real spaces start about there; corpus F1 0.642 at 0.45, 0.654 at 0.38,
# 0.652 at 0.32 (bench_ocr --cache, 240 pages): gaps inside dictionary words keep THAI_GAP_IN_WORD
THAI_GAP_IN_WORD = 0.56  # ... and inside what the dictionary reads as one word (real spaces there start at 0.4 em:
# 0.8 missed 76 of 96 of them, 0.56 misses 44 and adds 4 in 122k joins inside words)
NUMBER_GAP = 0.0  # ... between a digit and a Thai letter, before "(" and after ")": the text layer has a space at
# 1,371 of 1,371 digit/Thai letter joins and at all 637 Thai letter/"(" joins, many narrower than letter gaps
THAI_DIGIT_GAP = -0.2  # ... between a Thai letter and a digit (1,261 of 1,285 spaced): the boxes may overlap, as
# Tesseract's box of ที่ takes in its marks, which reach over the space (ตัวชี้วัดที่ 1.4: -0.2 to 0.05 em)
CLOSING_GAP = 0.55  # ... before a full stop, comma or closing bracket, after an opening one: the text layer has a
# space at 3 of 1,700 (Tesseract boxes the dot of กทม. far from the letters: กทม .)
DIGIT_GAP = 0.5  # ... between two digits: Tesseract cuts Thai numbers (พ.ศ. ๒ ๕๖๗ at 0.3-0.46 em), the text layer
# spaces 152 of 702 digit/digit joins, 3 of them under 0.5 em
INK_SPACE_GAP = 0.24  # ... where the scan's ink says so (``_ink_decides``): a blank stretch of the letters' band at
# least this wide (in the line's own em) around the gap.  Tesseract's boxes of Thai letters are placed to a few
# pixels only (ชี boxed 448-483 over ink at 465-492), so box gaps of spaces and of letter spacing overlap from 0.3 to
# 0.45 em; in the ink a letter gap is 0.0-0.2 em and a space (Loma's 0.337 em, up to 0.38 in the other TLWG fonts:
# their letters' bearings differ too, unmeasured) 0.37 em and up.  Labelled
# Thai-Thai joins outside dictionary words on the scanned corpus (31,019, 3,871 spaces): 175 spaces missed and 66
# added by box gaps (THAI_SPACE_GAP with tracking), 45 and 8 by the ink (0.22: 43/12, 0.26: 51/8); all joins the ink
# decides (153k): 316 missed and 79 added by box gaps, 126 and 38 by the ink
INK_BAND = (0.52, 0.05)  # the band of a line measured for blank stretches: from this far above its baseline (em) to
# this far above it: the bodies of the letters (and า's hook), not the marks above nor the vowels below
HOOK_BAND = (0.76, 0.05)  # ... before a letter Tesseract did not read as โ ใ ไ: up to where those vowels' hooks come
# down over the blank before their stems (Tesseract's boxes slip by a letter now and then: the blank before โ of
# นักวิเคราะห์นโยบาย, 0.3 em in the letter band, lay within reach of the gap before น; 0.03 em under the hook).
# Labelled joins the ink decides (36k): spaces added 35 -> 15, none missed more; upper vowels do not reach over a
# space (0.68: 18 added, 0.84 as 0.76)
INK_REACH = 0.15  # a blank stretch counts for a gap when it comes within this (em) of the gap between the boxes
INK_REACH_AFTER = 0.2  # ... after it: Tesseract boxes a consonant that carries marks narrow and early, over the end
# of the letter before (ท of เอกชน ที่มี boxed 7 px wide, 0.2 em before its ink), so a space before it lies further
# right of the box gap.  Labelled joins the ink decides: 0.2 missed 11 and added 7 spaces (0.15: 16 and 6; 0.25:
# 10 and 10; 0.3: 10 and 25)
LEADING_VOWEL_BEARING = 0.2  # ... less this before โ ใ ไ: the band is blank 0.2 em further before them than before
# other letters (median over the letter gaps of the corpus; every other letter, left or right, within 0.03 em)
LEADING_VOWELS = frozenset("โใไ")
TRACKING = 0.12  # the median gap between Tesseract words inside dictionary words of a body line (em)
TRACKING_SHARE = 0.5  # a line's THAI_SPACE_GAP moves by this share of its own tracking's difference from TRACKING
# (wide-set lines have wider letter gaps: 0.15 em on lines where 0.4 em gaps are no space, 0.10 where 0.36 em ones are)
OPENING = frozenset("([{“‘")
CLOSING_BRACKETS = frozenset(")]}”’")
CLOSING = frozenset(".,;)]}”’")
RAISED = frozenset("*")  # signs set above the letters' band: the band's blank after one takes in its width (the ink
# spaced 4 of 16 joins after * the text layer does not space, 5,000,000*ไม่ได้รับ; box gaps (SPACE_GAP) none of 29)
NOISE_CONFIDENCE = 70.0  # a line without Thai or digits and below this mean confidence may be noise
LOW_CONFIDENCE = 50.0
MARK_STRIP = 0.7  # a line smaller than this share of the median size may be a strip of detached marks
SAME_SIZE = 0.3  # lines whose x_size is within this share of the page median are body text
MIN_CONSONANTS = 5  # a line with fewer single-consonant words is sized by Tesseract's x_size
SAME_CONSONANT_SIZE = 0.07  # lines sized by their consonants within this share of the body are body text (a 12 pt
# heading over 10.5 pt body is 14 % larger, the consonants' height measures to a pixel in 25)

Finding = tuple[str, str, Provenance]
Blanks = tuple[np.ndarray, np.ndarray]  # a line's blank widths (``blank_widths``) in INK_BAND and in HOOK_BAND
Join = tuple[int, str, float, float, float]  # ``_joins``: word after, base letter before, box gap's edges, base's edge


@dataclass(slots=True)
class OcrOptions:
    """How scanned pages are read."""

    dpi: int = DEFAULT_DPI
    languages: str = LANGUAGES
    deskew: bool = True
    workers: int | None = None  # default: one per core


@dataclass(slots=True)
class OcrPage:
    """One page read by OCR: the page model for the layout stage and what the reader noticed."""

    model: PageModel
    findings: list[Finding] = field(default_factory=list)
    skew_degrees: float = 0.0
    mark_ink: list[tuple[InkWord, ...]] = field(default_factory=list)  # the upper marks its lines' words show in the scan


def read_pages(
    doc: pymupdf.Document, numbers: Iterable[int], options: OcrOptions | None = None, deadline: Deadline = NO_DEADLINE
) -> dict[int, OcrPage]:
    """OCR the given 1-based pages of ``doc`` in parallel; page number → OcrPage.

    A page Tesseract fails on is returned empty with a finding (the rest of the document is still read).  The
    ``deadline`` is checked before each page; when it is spent, pages not started are cancelled and
    ``LimitExceededError`` is raised (a Tesseract run already started finishes in the background).
    """
    options = options or OcrOptions()
    numbers = list(numbers)
    workers = max(1, min(options.workers or os.cpu_count() or 1, len(numbers) or 1))
    results: dict[int, OcrPage] = {}
    pool = ThreadPoolExecutor(max_workers=workers)
    try:
        pending: list[tuple[int, Future]] = []
        for number, image, size in _rendered(doc, numbers, options, results, deadline):
            pending.append((number, pool.submit(read_image, image, number, size, options)))
            if len(pending) >= 2 * workers:  # bounded look-ahead: rendered bitmaps are large
                _collect(pending.pop(0), results)
        for item in pending:
            _collect(item, results)
    except LimitExceededError:
        pool.shutdown(wait=False, cancel_futures=True)
        raise
    pool.shutdown()
    return results


def _rendered(doc: pymupdf.Document, numbers: list[int], options: OcrOptions, results: dict[int, OcrPage], deadline: Deadline) -> Iterator:
    """(number, bitmap, page size) per page; a page MuPDF cannot render is recorded as failed in ``results``."""
    for number in numbers:
        deadline.check(f"OCR of page {number}")
        try:
            page = doc[number - 1]
            image = ocr_image.render_page(page, options.dpi)
        # IndexError: a page gone from a page tree MuPDF rebuilt; FzErrorBase: MuPDF's own errors (not RuntimeErrors)
        except (RuntimeError, ValueError, IndexError, pymupdf.mupdf.FzErrorBase) as exc:
            results[number] = _failed(number, f"page cannot be rendered for OCR: {exc}")
            continue
        yield number, image, (page.rect.width, page.rect.height)


def _failed(number: int, message: str) -> OcrPage:
    return OcrPage(PageModel(number, 0.0, 0.0, []), [("ocr.page_failed", message, Provenance(page=number))])


def _collect(item: tuple[int, Future], results: dict[int, OcrPage]) -> None:
    number, future = item
    try:
        results[number] = future.result()
    except OcrError as exc:
        results[number] = _failed(number, str(exc))


def read_image(image: ocr_image.PageImage, number: int, size: tuple[float, float], options: OcrOptions) -> OcrPage:
    """OCR one rendered page into a page model (glyphs + rulings in PDF points)."""
    if options.deskew:
        image = ocr_image.deskew(image)
    ink = ocr_image.ink_mask(image.pixels)
    rulings, ruling_pixels = ocr_image.find_rulings(image, ink)
    clean = ocr_image.erase(image, ruling_pixels | ocr_image.speckles(image, ink))
    hocr = run_tesseract(clean, image.dpi, languages=options.languages)
    lines = parse_hocr(hocr)
    page = OcrPage(PageModel(number, size[0], size[1], [], rulings), skew_degrees=image.skew_degrees)
    where = Provenance(page=number)
    clean_ink = ocr_image.ink_mask(clean)
    # before the noise split: a line of masks has the size of a strip of marks
    cuts: Stretches = {}  # each line's band of ink cut into stretches once, for both shape readers
    _changes_finding(page, "ocr.masks_reread", reread_masks(clean_ink, lines, cuts), "masked span(s) (runs of x) read by shape against the TLWG fonts' x (Tesseract read them as digits and noise)")
    _changes_finding(page, "ocr.codes_reread", reread_codes(clean_ink, lines, cuts), "short Latin code(s) read by shape against the TLWG fonts' capitals and digits (Tesseract read them as Thai or digits)")
    kept, noise = split_noise(lines)
    if noise:
        texts = "; ".join(repr(line.text) for line in noise[:10])
        page.findings.append(("ocr.noise_lines_dropped", f"{len(noise)} line(s) of OCR noise (detached marks read as Latin): {texts}", where))
    _reread_unread_ink(clean, clean_ink, rulings, lines, kept, image, page)
    noise_words = drop_noise_words(clean_ink, kept)  # after the re-read: the noise's ink counts as read
    if noise_words:
        page.findings.append(("ocr.noise_words_dropped", dropped_message(noise_words), where))
    mark_bold_words(kept, clean_ink, image.dpi)
    _changes_finding(page, "ocr.word_reread", reread_latin_words(clean, kept, image.dpi), "word(s) read as Latin re-read as Thai (abbreviations, heading keywords)")
    _changes_finding(page, "ocr.english_reread", reread_english_words(clean, kept, image.dpi), "English word(s) or LaTeX source read as Thai or noise, re-read with English alone (a formula's closing braces counted in the ink)")
    _changes_finding(page, "ocr.thai_digits_reread", reread_thai_digits(clean_ink, kept), "number(s) in Thai digits re-read by shape against the TLWG fonts' digits (Tesseract's Thai model confuses ๔/๕, ๘/๕, ๖/๒, ๗/๓, ๙/๕)")
    letters = reread_heading_letters(clean_ink, kept)
    if letters:
        changes = "; ".join(f"{a!r} → {b!r}" for a, b in letters)
        page.findings.append(("ocr.heading_letter_reread", f"{len(letters)} letter(s) naming a table read as Latin, re-read by shape among the Thai consonants: {changes}", where))
    _changes_finding(page, "ocr.lookalikes_reread", reread_lookalikes(clean_ink, kept), "word(s) with a sign, letter or footnote number read as a look-alike, re-read by shape (an en dash by its length, a footnote number small and raised, x × ÷ Q ฏ and a formula's italic capitals 𝐴 𝐵 𝐶 against the TLWG fonts)")
    page.mark_ink = mark_ink(clean_ink, kept)  # evidence for the thai stage's mark restorers
    page.model.glyphs = lines_to_glyphs(kept, image.scale, clean_ink)
    _confidence_finding(kept, where, page.findings)
    if abs(image.skew_degrees) >= ocr_image.MIN_SKEW:
        page.findings.append(("ocr.deskewed", f"page rotated by {image.skew_degrees:+.2f}° before OCR", where))
    return page


def _changes_finding(page: OcrPage, code: str, changes: list[tuple[str, str]], what: str) -> None:
    """One finding on the page listing the words a re-read changed (before → after), when it changed any."""
    if changes:
        pairs = "; ".join(f"{a!r} → {b!r}" for a, b in changes)
        page.findings.append((code, f"{len(changes)} {what}: {pairs}", Provenance(page=page.model.number)))


def _reread_unread_ink(
    clean: np.ndarray, ink: np.ndarray, rulings: list, lines: list[OcrLine], kept: list[OcrLine], image: ocr_image.PageImage, page: OcrPage
) -> None:
    """Read again, in one strip, the table cells and line-sized stretches of ink no OCR word covers; add to
    ``kept`` what comes back (a finding lists it)."""
    em = _median_size(kept)
    if not em:
        return
    grid = grid_cells(rulings, image.scale)
    across = lines_across_rows(lines, grid, em)
    if across:  # set aside: the cells under them are read again below
        lines[:], kept[:] = [x for x in lines if x not in across], [x for x in kept if x not in across]
        page.findings.append(("ocr.column_line_dropped", across_rows_message(across), Provenance(page=page.model.number)))
    covered = covered_by(lines, ink.shape)  # noise lines too: their ink was read, and judged
    cells = blank_read_cells(grid, ink, covered, em)
    regions = cells + unread_lines(ink, lines, grid, em)
    if regions:
        extra = reread_regions(clean, regions, image.dpi)
        kept.extend(extra)
        texts = "; ".join(repr(line.text) for line in extra[:10])
        page.findings.append((
            "ocr.regions_reread",
            f"{len(cells)} table cell(s) and {len(regions) - len(cells)} other stretch(es) of ink without OCR text read again, {len(extra)} line(s) found: {texts}",
            Provenance(page=page.model.number),
        ))
    shaped = reread_cells_by_shape(ink, grid, kept)  # after the re-read: the cells it filled are read by shape too
    if shaped:
        page.findings.append(("ocr.cells_read_by_shape", shape_cells_message(shaped), Provenance(page=page.model.number)))
    arrows = read_arrow_cells(ink, grid, kept)
    if arrows:
        page.findings.append(("ocr.arrows_read_by_shape", arrows_message(arrows), Provenance(page=page.model.number)))


def _median_size(lines: list[OcrLine]) -> float:
    return statistics.median(line.x_size for line in lines) if lines else 0.0


def _confidence_finding(lines: list[OcrLine], where: Provenance, findings: list[Finding]) -> None:
    words = [w for line in lines for w in line.words]
    low = [w for w in words if w.confidence < LOW_CONFIDENCE]
    if low:
        mean = sum(w.confidence for w in words) / len(words)
        findings.append(("ocr.low_confidence", f"{len(low)} of {len(words)} OCR words below {LOW_CONFIDENCE:g}% confidence (page mean {mean:.0f}%)", where))


def _is_thai_or_digit(ch: str) -> bool:
    return "\u0e01" <= ch <= "\u0e5b" or ch.isdigit()


def split_noise(lines: list[OcrLine]) -> tuple[list[OcrLine], list[OcrLine]]:
    """(kept, noise): noise is a line with no letter or digit at all (stray marks, dust), or a line that hugs the
    top of a Thai line and is either low-confidence Latin or a strip of marks: far smaller than the page's lines
    (``MARK_STRIP`` of the median size) and mostly not Thai (Tesseract reads a bold line's detached upper marks as a
    line of their own: ``aad a x : a ava ๐ ฆ``)."""
    if not lines:
        return [], []
    em = statistics.median(line.x_size for line in lines)
    thai = [line for line in lines if any("\u0e01" <= ch <= "\u0e2e" for ch in line.text)]
    kept, noise = [], []
    for line in lines:
        text = line.text
        if not any(ch.isalnum() for ch in text):
            noise.append(line)
        elif _is_mark_strip(line, em) and _hugs_thai_line(line, thai, em):
            noise.append(line)
        elif any(_is_thai_or_digit(ch) for ch in text) or line.confidence >= NOISE_CONFIDENCE:
            kept.append(line)
        elif _hugs_thai_line(line, thai, em):
            noise.append(line)
        else:
            kept.append(line)
    return kept, noise


def _is_mark_strip(line: OcrLine, em: float) -> bool:
    """Small and mostly not Thai; masks read by shape count as Thai (a line of masks and Thai is as small)."""
    letters = [ch for w in line.words for ch in w.text if ch.isalnum()]
    thai = sum(1 for w in line.words for ch in w.text if "\u0e01" <= ch <= "\u0e2e" or (is_mask(w.text) and ch.isalnum()))
    return line.x_size < MARK_STRIP * em and 2 * thai < len(letters)


def _hugs_thai_line(line: OcrLine, thai: list[OcrLine], em: float) -> bool:
    x0, _, x1, y1 = line.bbox
    for other in thai:
        ox0, oy0, ox1, _ = other.bbox
        if other is not line and ox0 < x1 and x0 < ox1 and -0.3 * em <= oy0 - y1 + 0.5 * em <= 1.2 * em:
            return True
    return False


def lines_to_glyphs(lines: list[OcrLine], scale: float, ink: np.ndarray | None = None) -> list[Glyph]:
    """Glyphs (PDF points) for the layout stage, from Tesseract lines in pixels.

    Every glyph of a line gets the line's vertical extent (baseline − 0.8 em … baseline + 0.2 em): Tesseract's
    per-glyph boxes jump with the marks and would split a line.  Marks are zero-width at their base's right edge.
    ``ink``: the page's ink mask the lines were read from, which decides spaces between Thai words (``is_space``);
    without it box gaps alone do.
    """
    if not lines:
        return []
    sizes = [line_size(line) for line in lines]
    # gaps are measured in the body's size on Tesseract's x_size scale (the gap rules were measured on it, and it
    # separates spaces better than the consonants' size: 712 gaps wrong on the scanned corpus against 746 at best);
    # the consonants say how much larger or smaller than the body a line is.  The size handed to the layout is the
    # consonants' own, the true font size (paragraph and heading rules are in true ems)
    body = statistics.median(line.x_size for line in lines) / X_SIZE_PER_EM
    measured = [em for em, by_consonants in sizes if by_consonants]
    consonant_body = statistics.median(measured) if measured else body
    glyphs: list[Glyph] = []
    for line, (em, by_consonants) in zip(lines, sizes):
        if by_consonants:
            gap_em, same = body * em / consonant_body, SAME_CONSONANT_SIZE
        else:
            gap_em, same = em, SAME_SIZE
        size = line_em(em, consonant_body, scale, same)
        blank = None if ink is None else (blank_widths(ink, line, size), blank_widths(ink, line, size, HOOK_BAND))
        glyphs.extend(_line_glyphs(untangled(line), size, scale, line_em(gap_em, body, scale, same), blank))
    return glyphs


def untangled(line: OcrLine) -> OcrLine:
    """``line`` with each word box that holds the next word's box cut at that word's start.

    Tesseract now and then boxes a leading vowel and its consonant over the rest of the Thai word (``โค`` over all
    of ``โครงการ``, the ``ร ง ก า ร`` after it boxed in their places): glyphs are laid out left to right, so the
    letters after such a box are pushed past its end, out of their table cell (``โครงก`` in a header cell, ``าร`` in
    the next column's)."""
    words = list(line.words)
    bases = [i for i, w in enumerate(words) if not all(ch in THAI_MARKS for ch in w.text)]
    for i, j in zip(bases, bases[1:]):
        a, b = words[i].bbox, words[j].bbox
        if a[0] < b[0] < a[2] and b[2] <= a[2]:
            words[i] = OcrWord(words[i].text, (a[0], a[1], b[0], a[3]), words[i].confidence, words[i].bold)
    return OcrLine(line.bbox, line.baseline, line.x_size, words)


def line_size(line: OcrLine) -> tuple[float, bool]:
    """(font size in pixels, measured from its consonants?) of a line.

    Tesseract boxes Thai glyph by glyph, so the height of the words that are one consonant without ascender or
    descender (``OcrLine.consonant_heights``) is the line's x-height; Tesseract's own ``x_size`` jitters by a third
    from line to line, too much to tell a 12 pt heading from 10.5 pt body text (both came out 10 pt, and the wrapped lines of a
    heading, 1.45 em apart, then looked a paragraph gap apart).  Lines with too few such words (Latin, digits, short
    labels) fall back to ``x_size``.  ``lines_to_glyphs`` gives the layout these sizes, and measures gaps in them
    relative to the body's only.
    """
    heights = line.consonant_heights()
    if len(heights) >= MIN_CONSONANTS:
        middle = statistics.median(heights)
        # the mean of the heights near the median: to a fraction of a pixel (a pixel is 4 % of a 10.5 pt consonant
        # at 300 dpi, and a whole-pixel median rounded 10.5 pt up to 11)
        near = [h for h in heights if abs(h - middle) <= 0.1 * middle] or [middle]
        return statistics.fmean(near) / CONSONANT_PER_EM, True
    return line.x_size / X_SIZE_PER_EM, False


def line_em(em: float, body: float, scale: float, same: float = SAME_SIZE) -> float:
    """A line's font size in pixels from its estimate ``em`` (``line_size``) and the page's body size ``body``.

    Sizes within ``same`` of the body are the body size (the layout stage tells headings by a size larger than the
    body's: a jittering estimate would make every other line a heading); others are clamped and rounded to half a
    point so that equal sizes on different pages (and resolutions) agree.
    """
    if abs(em - body) <= same * body:
        em = body
    em = min(max(em, 0.75 * body), 2.5 * body)
    points = round(em * scale * 2) / 2
    return points / scale


def _line_glyphs(
    line: OcrLine, em: float, scale: float, gap_em: float | None = None, blank: Blanks | None = None
) -> list[Glyph]:
    """The glyphs of one line of font size ``em`` (pixels); gaps are read as spaces or not in ``gap_em`` and by the
    ``blank`` stretches of its ink (None: by box gaps alone)."""
    size = em * scale
    gap_em = gap_em or em
    y0, y1 = (line.baseline - 0.8 * em) * scale, (line.baseline + 0.2 * em) * scale
    out: list[Glyph] = []
    pen: float | None = None  # right edge of the last base glyph placed (what the line builder measures from)
    spaced = spaced_joins(line, em, gap_em, blank)
    for index, word, mark, last, gap in _walk(line.words):
        if mark:
            _word_glyphs(word.text, pen, pen, y0, y1, size, scale, out, pen, word.bold)  # marks on the last base
            continue
        x0, x1 = float(word.bbox[0]), float(word.bbox[2])
        if gap is not None:  # a mark's box pushes the next base right: the gap is measured from it, closed to the base
            if index not in spaced:
                x0 = pen
            else:  # a space glyph says so whatever the layout's word gap makes of the distance
                x0 = max(x0, pen)
                out.append(Glyph(" ", (pen * scale, y0, pen * scale, y1), OCR_FONT, size))
            x1 = max(x1, x0 + 0.2 * em)
        pen = _word_glyphs(word.text, x0, x1, y0, y1, size, scale, out, pen, word.bold)
    return out


def spaced_joins(line: OcrLine, em: float, gap_em: float, blank: Blanks | None = None) -> set[int]:
    """Indexes of the words of ``line`` (font size ``em``, gaps read in ``gap_em``, pixels) that follow a space:
    ``is_space`` at each join, and a compound written apart (``_written_apart``)."""
    pieces = _word_pieces(line.words)
    inside = set(pieces)
    numbers = _inside_numbers(line.words)
    joins = _joins(line.words)
    firsts = {index: line.words[index].text[0] for index, *_ in joins}
    tracking = _tracking(joins, firsts, inside, gap_em)
    gaps = {index: (right - left) / gap_em for index, _, left, right, _ in joins}
    compounds = {
        index for index, last, *_ in joins
        if index in inside and _is_thai(last) and _is_thai(firsts[index]) and gaps[index] >= THAI_SPACE_GAP
        and all(piece and all(is_word(token) for token in tokenize(piece)) for piece in pieces[index])
    }
    measured = {index for index, last, *_ in joins if _ink_decides(last, firsts[index], index in inside)}
    blanks = {} if blank is None else ink_blanks(line, blank, em, joins, measured | compounds)
    spaced = {
        index for index, last, *_ in joins
        if index not in numbers and is_space(last, firsts[index], index in inside, gaps[index], tracking, blanks.get(index))
    }
    return spaced | _written_apart([index for index, *_ in joins], compounds, blanks, firsts, spaced)


def _written_apart(
    order: list[int], compounds: set[int], blanks: dict[int, float], firsts: dict[int, str], spaced: set[int]
) -> set[int]:
    """The joins inside what the dictionary reads as one word (``compounds``: between two runs of dictionary words,
    their box gap at least THAI_SPACE_GAP) where the ink shows a space too and neither join beside them is one: a
    compound the dictionary holds written apart (จัดซื้อ จัดจ้าง, ประจำตัว ประชาชน, สำนัก ยุทธศาสตร์).  A space the boxes
    and the ink put inside a word next to a space is a box slipped by a letter (กรุงเทพมหานครป ระจำปี, เดือนละ 1ค
    รั้ง).  Labelled Thai-Thai joins inside dictionary words with such gaps (the text layer's verdict): 11 spaces
    found, none added; where the ink alone (at 0.24 em) added 1,142, and 58 of the 60 left by the box gap lie beside a
    space; the two runs of words keep out กท ม. (กทม.), the 2 others."""
    out = set()
    for position, index in enumerate(order):
        beside = order[max(position - 1, 0):position] + order[position + 1:position + 2]
        if index in compounds and not spaced.intersection(beside) and _ink_space(firsts[index], blanks.get(index, 0.0)):
            out.add(index)
    return out


def _walk(words: list[OcrWord]) -> Iterator[tuple[int, OcrWord, bool, str, float | None]]:
    """Each Tesseract word of a line in order: (index, word, a word of marks only after the first?, the last base
    character before it, its gap in pixels from the right edge of everything boxed before it, marks included —
    Tesseract's boxes, not the width a narrow word is given; None for the first word and for marks)."""
    ink: float | None = None
    last = " "
    for index, word in enumerate(words):
        mark = ink is not None and all(ch in THAI_MARKS for ch in word.text)
        yield index, word, mark, last, None if ink is None or mark else word.bbox[0] - ink
        ink = max(ink or 0.0, float(word.bbox[2]))
        if not mark:
            last = next((ch for ch in reversed(word.text) if ch not in THAI_MARKS), " ")


def is_space(
    left: str, right: str, inside: bool, gap: float, tracking: float = TRACKING, blank: float | None = None
) -> bool:
    """Is the gap between base character ``left`` and the word starting with ``right`` a space?  ``gap``: between
    Tesseract's boxes, in em; ``blank``: the widest blank stretch of the ink's letter band around it, in the line's
    own em (None: not measured).  The ink decides where it can (``_ink_decides``, ``INK_SPACE_GAP``), box gaps
    elsewhere."""
    if blank is not None and _ink_decides(left, right, inside):
        return _ink_space(right, blank)
    return gap >= space_gap(left, right, inside, tracking)


def _ink_space(right: str, blank: float) -> bool:
    """Is a blank stretch of ``blank`` em before ``right`` a space (``INK_SPACE_GAP``, ``LEADING_VOWEL_BEARING``)?"""
    bearing = LEADING_VOWEL_BEARING if right in LEADING_VOWELS else 0.0
    return blank - bearing >= INK_SPACE_GAP


def _ink_decides(left: str, right: str, inside: bool) -> bool:
    """Does the ink decide this join?  Not inside what the dictionary reads as one Thai word (box gaps: 45 wrong of
    122k joins, the ink alone: 985 spaces added, where Tesseract's boxes overlap and its order of letters is off), nor
    at brackets and punctuation or after a digit before a Thai letter, which the text layer spaces (almost) always or
    never whatever the gap (``space_gap``; the ink: 409 wrong of 2,978 brackets, 23 of 1,448 digit/Thai joins), nor
    after a sign set above the letters' band (``RAISED``).  A closing bracket after another sign is, by the ink: the
    text layer spaced 9 of 9 (``(Key Result : KR) )``, ``บูรณาการ. ”``), the box gaps under CLOSING_GAP missed 6."""
    if _is_thai(left) and _is_thai(right):
        return not inside
    if right in CLOSING_BRACKETS and _is_sign(left):
        return True
    brackets = right in CLOSING or left in OPENING or right in OPENING or left in CLOSING_BRACKETS
    return not brackets and not (_is_digit(left) and _is_thai(right)) and left not in RAISED


def blank_widths(ink: np.ndarray, line: OcrLine, em: float, band: tuple[float, float] = INK_BAND) -> np.ndarray:
    """For each pixel column of ``line`` (from its left edge), the width of the blank stretch of its ``band`` (em
    above the baseline, ``INK_BAND``) the column lies in; 0 under ink."""
    top, bottom = (int(round(line.baseline - share * em)) for share in band)
    x0, x1 = max(int(line.bbox[0]), 0), min(int(line.bbox[2]), ink.shape[1])
    blank = ~ink[max(top, 0):max(bottom, top + 1, 1), x0:x1].any(axis=0)
    edges = np.flatnonzero(np.diff(np.concatenate(([False], blank, [False])).astype(np.int8)))
    lengths = np.concatenate(([0], edges[1::2] - edges[::2]))
    return np.where(blank, lengths[np.cumsum(np.diff(np.concatenate(([False], blank)).astype(np.int8)) == 1)], 0)


def ink_blanks(
    line: OcrLine, blank: Blanks, em: float, joins: list[Join], wanted: set[int]
) -> dict[int, float]:
    """The widest blank stretch (em) of the ink around each of the ``wanted`` ``joins`` of ``line`` (``_joins``), by
    the index of the word after it.

    A join looks for its blank from ``INK_REACH`` before the right edge of the last base letter's box (not of its
    marks': Tesseract boxes the marks of ทั้งนี้ right of their ink and the letters after them as far, so the space's
    blank ends 0.2-0.3 em before the box gap) to ``INK_REACH_AFTER`` after the box gap.  A blank stretch found
    only by reaching back to the base letter counts when no other join's box gap is nearer it: Tesseract boxes a
    consonant that carries marks narrow and early (ท of เอกชน ที่มี), and the blank before it is the join's before
    ที่, not the one before มี.  Labelled joins (the text layer's verdict): spaces missed 38 -> 29, added 16 -> 18."""
    gaps = [(min(left, right), max(left, right)) for _, _, left, right, _ in joins]
    stretches = tuple(_stretches(widths, line.bbox[0]) for widths in blank)
    out: dict[int, float] = {}
    for index, _, left, right, base in joins:
        if index in wanted:
            band = stretches[0] if line.words[index].text[0] in LEADING_VOWELS else stretches[1]
            out[index] = _blank_near(band, (min(left, right), max(left, right)), base, gaps, em)
    return out


def _joins(words: list[OcrWord]) -> list[Join]:
    """(index of the word after, last base character before, left and right edge of the box gap, right edge of the
    last base letter's box) of each join between base letters of a line."""
    out, base = [], 0.0
    for index, word, mark, last, gap in _walk(words):
        if mark:
            continue
        if gap is not None:
            out.append((index, last, float(word.bbox[0]) - gap, float(word.bbox[0]), base))
        base = float(word.bbox[2])
    return out


def _stretches(widths: np.ndarray, origin: float) -> tuple[list[float], list[float]]:
    """(first columns, one past the last columns) in pixels of the blank stretches of a line's ``widths``
    (``blank_widths``)."""
    edges = (np.flatnonzero(np.diff(np.concatenate(([False], widths > 0, [False])).astype(np.int8))) + origin).tolist()
    return edges[::2], edges[1::2]


def _blank_near(
    stretches: tuple[list[float], list[float]], gap: tuple[float, float], base: float, gaps: list[tuple[float, float]], em: float
) -> float:
    """The widest of a line's blank ``stretches`` (em) that comes within ``INK_REACH`` before the box gap ``gap``
    (pixels) or ``INK_REACH_AFTER`` after it, or within ``INK_REACH`` before ``base`` and no nearer any other of the
    line's box ``gaps``."""
    starts, ends = stretches
    first = bisect.bisect_right(ends, min(gap[0], base) - INK_REACH * em)
    last = bisect.bisect_left(starts, gap[1] + INK_REACH_AFTER * em)
    best = 0.0
    for start, end in zip(starts[first:last], ends[first:last]):
        if end <= gap[0] - INK_REACH * em:
            nearest = min(max(0.0, left - end, start - right) for left, right in gaps)
            if gap[0] - end > nearest:
                continue
        best = max(best, end - start)
    return best / em


def space_gap(left: str, right: str, inside: bool, tracking: float = TRACKING) -> float:
    """The gap (in em) from which the space between base character ``left`` and the word starting with ``right``
    is a space; ``inside``: the dictionary reads the join as inside a word; ``tracking``: the line's letter spacing
    (``_tracking``).

    Measured against the text layer of the same pages (gaps between 178k pairs of Tesseract words, see
    ``SPACE_GAP`` ff.): a Thai letter next to a digit, a word before an opening bracket or after a closing one are
    spaced almost always (the space is often narrower than Tesseract's gaps inside a word), a full stop, comma or
    closing bracket almost never follows a space (``กทม .``).
    """
    if right in CLOSING or left in OPENING:
        return CLOSING_GAP
    if right in OPENING or left in CLOSING_BRACKETS:
        return NUMBER_GAP
    if _is_thai(left) and _is_thai(right):
        return THAI_GAP_IN_WORD if inside else THAI_SPACE_GAP + TRACKING_SHARE * (tracking - TRACKING)
    if _is_thai(left) and _is_digit(right):
        return THAI_DIGIT_GAP
    if _is_digit(left) and _is_thai(right):
        return NUMBER_GAP
    if _is_digit(left) and _is_digit(right):
        return DIGIT_GAP
    return SPACE_GAP


def _tracking(joins: list[Join], firsts: dict[int, str], inside: set[int], em: float) -> float:
    """A line's letter spacing: the median box gap (em) of its ``joins`` (``_joins``) between Thai letters inside
    dictionary words; ``TRACKING`` on a line with fewer than five."""
    gaps = [
        (right - left) / em
        for index, last, left, right, _ in joins
        if index in inside and _is_thai(last) and _is_thai(firsts[index])
    ]
    return statistics.median(gaps) if len(gaps) >= 5 else TRACKING


def _is_sign(ch: str) -> bool:
    return not ch.isalnum() and not _is_thai(ch)


def _is_digit(ch: str) -> bool:
    return ch.isdigit()


def _word_pieces(words: list[OcrWord]) -> dict[int, tuple[str, str]]:
    """For each Tesseract word that starts inside a dictionary word of the line's text read without gaps (newmm):
    that dictionary word's letters before and after its start ("" where it starts inside ``ํา``).  A gap before such
    a word is tracking, not a space, unless it is very wide."""
    starts, text = [], ""
    for word in words:
        starts.append(len(text))
        text += word.text
    composed, kept = composed_sara_am(text)  # decomposed, การดําเนินงาน tokenizes กา รด ํา เนิน งาน
    tokens = tokenize(composed)
    offsets = list(itertools.accumulate((len(token) for token in tokens), initial=0))
    out: dict[int, tuple[str, str]] = {}
    for i, start in enumerate(starts):
        position = bisect.bisect_left(kept, start)
        if position == len(kept) or kept[position] != start:  # the า of a split ํา
            out[i] = ("", "")
            continue
        n = bisect.bisect_right(offsets, position) - 1
        if offsets[n] != position and n < len(tokens):
            out[i] = (tokens[n][: position - offsets[n]], tokens[n][position - offsets[n]:])
    return out


def _inside_numbers(words: list[OcrWord]) -> set[int]:
    """Indexes of the Tesseract words that go on a number after its dot (1.4, ๓.๑): never a space there (the text
    layer spaces none of 131 digit.digit joins; the ink, where Tesseract's boxes slipped by a letter, spaced 5:
    the blank after ๔ of 1.๔ ประชาสัมพันธ์ lay at the gap between the boxes of 1. and ๔)."""
    out, text = set(), ""
    for index, word in enumerate(words):
        if len(text) >= 2 and text[-1] == "." and _is_digit(text[-2]) and _is_digit(word.text[0]):
            out.add(index)
        text += word.text
    return out


def _is_thai(ch: str) -> bool:
    return "\u0e01" <= ch <= "\u0e4e" and ch not in "\u0e3f\u0e46\u0e4f"


def _word_glyphs(
    text: str, x0: float, x1: float, y0: float, y1: float, size: float, scale: float, out: list[Glyph], prev_x1: float | None, bold: bool
) -> float:
    """Append the glyphs of one Tesseract word; return its right edge in pixels."""
    font = OCR_BOLD_FONT if bold else OCR_FONT
    bases = [ch for ch in text if ch not in THAI_MARKS]
    step = (x1 - x0) / max(len(bases), 1)
    pen = x0
    last_edge = prev_x1 if prev_x1 is not None else x0
    for ch in text:
        if ch in THAI_MARKS:
            edge = last_edge * scale
            out.append(Glyph(ch, (edge - 0.001, y0, edge - 0.001, y1), font, size))
            continue
        out.append(Glyph(ch, (pen * scale, y0, (pen + step) * scale, y1), font, size))
        pen += step
        last_edge = pen
    return max(x1, last_edge)
