"""Readers: every input format ends in the same block flow (``extractor.blocks.SourceDocument``)."""

from __future__ import annotations

import hashlib
from pathlib import Path

from extractor.blocks import SourceDocument
from extractor.errors import InputError
from extractor.ingest.dump import read_dump_text
from extractor.ingest.text_decode import decode_text
from extractor.limits import NO_DEADLINE, Deadline, Limits

PDF_MAGIC = b"%PDF-"
PDF_HEADER_WINDOW = 1024  # readers accept a PDF header anywhere in the first KiB (junk before it is common)


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
        from extractor.ingest.pdf import read_pdf  # PyMuPDF is loaded only for PDFs

        document = read_pdf(data, limits=limits, deadline=deadline, **pdf_options)
    else:
        document = SourceDocument(blocks=read_dump_text(decode_text(data)), input_format="text-dump")
    document.sha256 = digest
    return document
