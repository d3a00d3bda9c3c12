"""Reader for born-digital PDFs (text layer): PDF → the shared block flow.

Glyphs are read at raw level with PyMuPDF, repaired by ``extractor.thai.repair_glyphs`` (private-use positional
glyphs, legacy font remaps, fake-bold duplicates), then laid out by ``extractor.layout`` into the same flow of
blocks the dump reader produces.  A page whose text layer is too damaged to trust is not laid out: it is marked
for the OCR route with the reason, and a finding says so (its content is not silently dropped).
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from pathlib import Path

import pymupdf

from extractor.blocks import PageInfo, Provenance, SourceDocument
from extractor.errors import EncryptedPDFError, InputError
from extractor.ingest.ocr_route import OcrOptions, add_ocr_pages, correct_ocr_blocks, image_only_reason, input_format
from extractor.ingest.pdf_page import GlyphCodes, fold_presentation_forms, read_page, rtl_glyph_count
from extractor.layout.lines import RTL_SCRIPTS
from extractor.layout.document import layout_document
from extractor.thai import is_text_layer_damaged, repair_glyphs
from extractor.thai.ocr_marks import InkWord
from extractor.layout.types import PageModel
from extractor.limits import NO_DEADLINE, Deadline, Limits

# What MuPDF raises on a damaged file: FileDataError (a RuntimeError), ValueError, IndexError (a page gone from a
# page tree rebuilt while loading), and pymupdf.mupdf's own FzError* classes (not RuntimeErrors: "cycle in page tree")
MUPDF_ERRORS = (RuntimeError, ValueError, IndexError, pymupdf.mupdf.FzErrorBase)


def read_pdf(
    path_or_bytes: str | Path | bytes,
    *,
    pages: Iterable[int] | None = None,
    password: str | None = None,
    limits: Limits | None = None,
    deadline: Deadline = NO_DEADLINE,
    ocr: OcrOptions | None = None,
) -> SourceDocument:
    """Read a born-digital PDF into a SourceDocument.

    ``pages``: 1-based page numbers to read (default: all).  ``password`` opens an encrypted PDF.  Raises
    ``InputError`` for input that is not a readable PDF, ``EncryptedPDFError`` for a PDF that needs a (correct)
    password, ``LimitExceededError`` when ``limits`` (page count, page/image pixels) or ``deadline`` are exceeded.
    Pages without a usable text layer go through OCR (``extractor.ingest.ocr_route``; ``ocr``: its options).
    """
    limits = limits or Limits()
    data = _load(path_or_bytes)
    doc = _open(data, password)
    try:
        limits.check_pages(doc.page_count)
        numbers = _page_numbers(pages, doc.page_count)
        models: list[PageModel] = []
        infos: list[PageInfo] = []
        findings: list[tuple[str, str, Provenance]] = []
        codes = GlyphCodes()  # unmapped legacy glyph codes, learned once per document
        for number in numbers:
            deadline.check(f"reading page {number}")
            _check_pixels(doc, number, limits)
            model, info = _read_one(doc, number, findings, codes)
            infos.append(info)
            if info.route == "text":
                models.append(model)
        mark_ink: list[tuple[InkWord, ...]] = []  # the upper marks the scans show, for the OCR post-correction
        models = add_ocr_pages(doc, infos, models, findings, ocr, deadline, mark_ink)
        blocks, layout_findings = layout_document(models)
    finally:
        doc.close()
    findings.extend(layout_findings)
    findings.extend(correct_ocr_blocks(blocks, infos, mark_ink))
    sha256 = hashlib.sha256(data).hexdigest()
    return SourceDocument(blocks, input_format(infos), infos, sha256, findings, texts_repaired=True)


def _check_pixels(doc: pymupdf.Document, number: int, limits: Limits) -> None:
    """Page and image sizes against the pixel limit, from the page box and image dictionaries (nothing decoded)."""
    try:
        page = doc[number - 1]
        rect, images = page.rect, page.get_images()
    except MUPDF_ERRORS:  # a broken page object: _read_one reports it
        return
    limits.check_page_size(rect.width, rect.height, number)
    for image in images:
        limits.check_image(image[2], image[3], number)


def _read_one(
    doc: pymupdf.Document, number: int, findings: list, codes: GlyphCodes
) -> tuple[PageModel, PageInfo]:
    try:
        model = read_page(doc[number - 1], number, codes)
    except MUPDF_ERRORS as exc:  # a broken page object: report it, read the rest
        findings.append(("pdf.page_unreadable", str(exc), Provenance(page=number)))
        return PageModel(number, 0.0, 0.0, []), PageInfo(number, 0.0, 0.0, "ocr", f"unreadable page: {exc}")
    model.glyphs, repairs = repair_glyphs(model.glyphs)
    info = PageInfo(number, model.width, model.height)
    if repairs:
        counts: dict[str, int] = {}
        for r in repairs:
            counts[r.code] = counts.get(r.code, 0) + 1
        summary = ", ".join(f"{code} ×{n}" for code, n in sorted(counts.items()))
        findings.append(("thai.glyph_repairs", summary, Provenance(page=number)))
    _read_rtl(model, findings)
    damaged, reason = is_text_layer_damaged("".join(g.char for g in model.glyphs))
    if damaged:
        info.route, info.route_reason = "ocr", reason
        findings.append(("pdf.text_layer_damaged", reason, Provenance(page=number)))
    elif scan := image_only_reason(model):  # no text layer over a page-sized image: a scan (OCR route)
        info.route, info.route_reason = "ocr", scan
    return model, info


def _read_rtl(model: PageModel, findings: list) -> None:
    """Arabic presentation forms read as their letters, and a finding for right-to-left text on the page.

    Both change what the text layer says: the forms are folded here, and the layout (``lines.logical_order``)
    reads each right-to-left run right to left.  Neither is silent: the page's finding counts them.
    """
    if not RTL_SCRIPTS.search("".join(g.char for g in model.glyphs)):  # most pages: no glyph-by-glyph pass
        return
    model.glyphs, folded = fold_presentation_forms(model.glyphs)
    rtl = rtl_glyph_count(model.glyphs)
    if not rtl and not folded:
        return
    message = f"{rtl} right-to-left glyphs read in logical order (right to left)"
    if folded:
        message += f"; {folded} Arabic presentation forms read as their base letters"
    findings.append(("pdf.rtl_text", message, Provenance(page=model.number)))


def _load(path_or_bytes: str | Path | bytes) -> bytes:
    if isinstance(path_or_bytes, (bytes, bytearray, memoryview)):
        data = bytes(path_or_bytes)
    else:
        try:
            data = Path(path_or_bytes).read_bytes()
        except OSError as exc:
            raise InputError(f"cannot read {path_or_bytes}: {exc.strerror or exc}") from exc
    if not data:
        raise InputError("empty input: not a PDF")
    if b"%PDF-" not in data[:1024]:
        raise InputError("not a PDF: no %PDF- header in the first 1024 bytes")
    return data


def _open(data: bytes, password: str | None = None) -> pymupdf.Document:
    try:
        doc = pymupdf.open(stream=data, filetype="pdf")
    except MUPDF_ERRORS as exc:
        raise InputError(f"corrupt PDF: {exc}") from exc
    if doc.needs_pass and (password is None or not doc.authenticate(password)):
        doc.close()
        wrong = "the password given is wrong" if password is not None else "no password was given"
        raise EncryptedPDFError(f"the PDF is encrypted and needs a password ({wrong})")
    try:
        count = doc.page_count  # a broken page tree fails here ("Invalid number of pages")
    except MUPDF_ERRORS as exc:
        doc.close()
        raise InputError(f"corrupt PDF: {exc}") from exc
    if count == 0:
        doc.close()
        raise InputError("corrupt PDF: no pages")
    return doc


def _page_numbers(pages: Iterable[int] | None, count: int) -> list[int]:
    if pages is None:
        return list(range(1, count + 1))
    numbers = sorted(set(pages))
    bad = [n for n in numbers if not 1 <= n <= count]
    if bad:
        raise InputError(f"page(s) {bad} out of range 1..{count}")
    return numbers
