"""Routing pages between the text layer and OCR, and the OCR post-correction of the resulting blocks.

The PDF reader (``extractor.ingest.pdf``) calls three things here: ``image_only_reason`` while it reads a page (a
page with no text layer over a page-sized image is a scan), ``add_ocr_pages`` once every page is read (the OCR route
for the pages marked ``route = "ocr"``, their page models merged in page order with the text-layer ones, so a mixed
document is laid out as one), and ``correct_ocr_blocks`` after layout (lexicon and identifier post-correction of the
text that came from OCR, then words the whole document writes restored where OCR read them a mark off, every change
reported as a finding with its evidence).
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterator
from dataclasses import replace

import pymupdf

from extractor.blocks import Block, Cell, PageInfo, Provenance
from extractor.ingest.ocr import OcrOptions, read_pages
from extractor.ingest.ocr_recheck import recheck_headings
from extractor.layout.types import PageModel
from extractor.limits import NO_DEADLINE, Deadline
from extractor.thai.ocr_correct import Correction, correct_text
from extractor.thai.ocr_marks import InkWord, MarkInk
from extractor.thai.ocr_vocabulary import Vocabulary, build_vocabulary, restore_words

SCAN_IMAGE_SHARE = 0.5  # images covering at least this share of the page ...
SCAN_MAX_GLYPHS = 20  # ... under at most this many text glyphs (a stamped page number): a scanned page

Finding = tuple[str, str, Provenance]

__all__ = ["OcrOptions", "add_ocr_pages", "correct_ocr_blocks", "image_only_reason", "input_format"]


def image_only_reason(model: PageModel) -> str:
    """Why a page must be OCR'd although its text layer is not damaged ("" when it need not be)."""
    glyphs = sum(1 for g in model.glyphs if not g.char.isspace())
    if glyphs > SCAN_MAX_GLYPHS or model.width <= 0 or model.height <= 0:
        return ""
    covered = sum(max(0.0, min(b[2], model.width) - max(b[0], 0.0)) * max(0.0, min(b[3], model.height) - max(b[1], 0.0)) for b in model.images)
    if covered < SCAN_IMAGE_SHARE * model.width * model.height:
        return ""
    what = "no text layer" if glyphs == 0 else f"only {glyphs} text glyph(s)"
    return f"{what} over a page image ({covered / (model.width * model.height):.0%} of the page): scanned page"


def add_ocr_pages(
    doc: pymupdf.Document,
    infos: list[PageInfo],
    models: list[PageModel],
    findings: list[Finding],
    options: OcrOptions | None,
    deadline: Deadline = NO_DEADLINE,
    mark_ink: list[tuple[InkWord, ...]] | None = None,
) -> list[PageModel]:
    """The page models of all pages in page order: the text-layer ones given, plus the OCR route's; the upper
    marks the scans show over the OCR lines' words go into ``mark_ink`` (for ``correct_ocr_blocks``)."""
    numbers = [info.number for info in infos if info.route == "ocr"]
    if not numbers:
        return models
    pages = read_pages(doc, numbers, options, deadline)
    for number in numbers:
        findings.extend(pages[number].findings)
        if mark_ink is not None:
            mark_ink.extend(pages[number].mark_ink)
    merged = models + [replace(pages[n].model, from_image=True) for n in numbers]
    return sorted(merged, key=lambda m: m.number)


def input_format(infos: list[PageInfo]) -> str:
    """``pdf`` (text layer only), ``pdf-ocr`` (every page OCR'd) or ``pdf-mixed``."""
    routes = {info.route for info in infos}
    if routes == {"ocr"}:
        return "pdf-ocr"
    return "pdf-mixed" if "ocr" in routes else "pdf"


def correct_ocr_blocks(
    blocks: list[Block], infos: list[PageInfo], mark_ink: list[tuple[InkWord, ...]] | None = None
) -> list[Finding]:
    """Post-correct the text of blocks and cells that came from OCR pages, in place; one finding per correction.

    The corrections undo misreadings (a mark, a digit or a word Tesseract read wrong), not the writer's text, so
    they go into ``raw`` as well as ``text``: ``raw`` is what the document says (``blocks.Cell``), and Tesseract's
    reading of it survives in each finding's evidence.
    """
    ocr_pages = {info.number for info in infos if info.route == "ocr"}
    if not ocr_pages:
        return []
    findings: list[Finding] = []
    owners = list(_ocr_text_owners(blocks, ocr_pages))
    ink = MarkInk(mark_ink or [])  # the scan's upper marks: no restorer adds one the ink does not show
    for owner in owners:
        _reread(owner, functools.partial(_correct, ink=ink), findings)
        _kept_finding(ink, owner.provenance, findings)
    vocabulary = build_vocabulary(owner.text for owner in owners)  # what the whole document writes
    for owner in owners:
        _reread(owner, functools.partial(_restore_words, vocabulary=vocabulary, ink=ink), findings)
        _kept_finding(ink, owner.provenance, findings)
    findings.extend(recheck_headings(blocks, ocr_pages))  # names and numbers of headings against their neighbours
    return findings


def _ocr_text_owners(blocks: list[Block], ocr_pages: set[int]) -> Iterator[Block | Cell]:
    """The blocks and table cells of OCR pages that hold text."""
    for block in blocks:
        if block.is_table:
            yield from (cell for row in block.rows for cell in row.cells if cell.provenance.page in ocr_pages and cell.text)
        elif block.provenance.page in ocr_pages and block.text:
            yield block


def _reread(owner: Block | Cell, correct: Callable[[str, Provenance, list[Finding]], str], findings: list[Finding]) -> None:
    """Correct ``owner.text`` (findings reported) and its ``raw``: the same reading where the two are equal, else
    corrected apart (the layout may have joined a wrap differently in ``text``), its findings not repeated."""
    same = owner.raw == owner.text
    owner.text = correct(owner.text, owner.provenance, findings)
    owner.raw = owner.text if same else correct(owner.raw, owner.provenance, [])


def _kept_finding(ink: MarkInk, where: Provenance, findings: list[Finding]) -> None:
    """One finding listing the marks the restorers would have added where the scan shows none (``ink.kept``)."""
    if ink.kept:
        findings.append(("ocr.mark_kept", "; ".join(dict.fromkeys(ink.kept)), where))
        ink.kept.clear()


def _restore_words(
    text: str, where: Provenance, findings: list[Finding], vocabulary: Vocabulary, ink: MarkInk | None = None
) -> str:
    """Words the document writes, restored where OCR read them a mark off (``ocr_vocabulary``); one finding."""
    text, changes = restore_words(text, vocabulary, ink)
    if changes:
        findings.append(("ocr.word_restored", "; ".join(f"OCR read {b!r}, corrected to {a!r} ({why})" for _, b, a, why in changes), where))
    return text


def _correct(text: str, where: Provenance, findings: list[Finding], ink: MarkInk | None = None) -> str:
    """Correct one text; one finding per kind of correction made in it, listing each change and its evidence."""
    corrected, corrections = correct_text(text, ink)
    by_code: dict[str, list[Correction]] = {}
    for c in corrections:
        by_code.setdefault(c.code, []).append(c)
    for code, items in by_code.items():
        findings.append((code, "; ".join(_message(c) for c in items), where))
    return corrected


def _message(c: Correction) -> str:
    return f"OCR read {c.before!r}, corrected to {c.after!r} ({c.evidence})"
