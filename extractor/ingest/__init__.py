"""Readers: every input format ends in the same block flow (``extractor.blocks.SourceDocument``)."""

from __future__ import annotations

import hashlib
from pathlib import Path

from extractor.blocks import Provenance, SourceDocument
from extractor.errors import InputError
from extractor.ingest.dump import read_dump_text
from extractor.ingest.text_decode import decode
from extractor.limits import NO_DEADLINE, Deadline, Limits

PDF_MAGIC = b"%PDF-"
PDF_HEADER_WINDOW = 1024  # readers accept a PDF header anywhere in the first KiB (junk before it is common)
PDF_EOF = b"%%EOF"
PDF_TRAILER_WINDOW = 1024  # where the last %%EOF marker must be (some writers add padding after it)


def load_bytes(source: str | Path | bytes) -> bytes:
    """The input's bytes; a clear error for a missing or unreadable path."""
    if isinstance(source, bytes):
        return source
    path = Path(source)
    try:
        return path.read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read {path}: {exc.strerror or exc}") from exc


def read(
    source: str | Path | bytes,
    *,
    limits: Limits | None = None,
    deadline: Deadline = NO_DEADLINE,
    **pdf_options,
) -> SourceDocument:
    """Read any supported input: a PDF (by its magic number, whatever the name says) or a text export.

    ``pdf_options`` (``password``, ``pages``) go to the PDF reader; a text export has no pages nor password, so
    they are ignored for it.  ``limits`` and ``deadline`` bound the work (``extractor.limits``).
    """
    data = load_bytes(source)
    if not data.strip():
        raise InputError("the input is empty")
    digest = hashlib.sha256(data).hexdigest()
    if PDF_MAGIC in data[:PDF_HEADER_WINDOW]:
        document = _read_pdf(data, limits, deadline, pdf_options)
    else:
        document = read_text_export(data)
    document.sha256 = digest
    return document


def _read_pdf(data: bytes, limits: Limits | None, deadline: Deadline, pdf_options: dict) -> SourceDocument:
    """The PDF reader, with a net: an error of MuPDF itself that escapes it (damage it did not expect, anywhere in
    the text or OCR route) is an InputError.  Python errors (ValueError, IndexError…) are not caught: they are bugs."""
    import pymupdf  # loaded only for PDFs

    from extractor.ingest.pdf import read_pdf

    try:
        document = read_pdf(data, limits=limits, deadline=deadline, **pdf_options)
        document.reader_findings[:0] = pdf_damage_findings(data)
    except (pymupdf.FileDataError, pymupdf.mupdf.FzErrorBase) as exc:
        raise InputError(f"corrupt PDF: {exc}") from exc
    return document


def read_text_export(data: bytes) -> SourceDocument:
    """A text export; a legacy encoding is reported as a finding (its bytes were re-read, not taken as they are)."""
    decoded = decode(data)
    document = SourceDocument(blocks=read_dump_text(decoded.text), input_format="text-dump")
    if decoded.is_legacy:
        message = "the text export is in the legacy Thai encoding CP874/TIS-620; it was decoded as such"
        document.reader_findings.append(("input.legacy_encoding", message, Provenance()))
    return document


def pdf_damage_findings(data: bytes) -> list[tuple[str, str, Provenance]]:
    """Findings for a PDF that was read although damaged: MuPDF rebuilds a broken or cut file silently.

    A truncated file or a broken cross-reference table still opens, with whatever objects a scan of the file
    finds; the pages it lost or the text it could not decode would vanish without a word.  Opening the bytes
    again costs little (a healthy file's xref only; a broken one is rescanned in C).
    """
    import pymupdf

    findings = []
    if PDF_EOF not in data[-PDF_TRAILER_WINDOW:]:
        message = "the PDF does not end with %%EOF: the file was probably cut short; content at its end may be missing"
        findings.append(("pdf.truncated", message, Provenance()))
    with pymupdf.open(stream=data, filetype="pdf") as doc:
        if doc.is_repaired:
            message = (
                "the PDF's cross-reference table is broken and was rebuilt by scanning the file; "
                "objects the scan could not find are missing"
            )
            findings.append(("pdf.repaired", message, Provenance()))
    return findings
