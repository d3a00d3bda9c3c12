"""Review pages: a static HTML page per document to check what the engine read against the source.

Each page image (or, for a text export, each numbered source line) is shown with overlays: table regions, cells
with their spans, and the recognised records coloured by type; beside it the records as a navigable tree and the
findings.  Selecting a record or a finding highlights where it came from, and clicking the page selects the record
there.  The page is self-contained (inline CSS and script, PNG data URIs) and needs no network.

    >>> from extractor.emit.review import write_review
    >>> write_review("corpus/004_ca4f95fc6c9452ec.txt", "out/review")   # doctest: +SKIP
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

from extractor.emit.atomic import write_text_atomic
from extractor.emit.canonical import to_json_data
from extractor.emit.review.page import render_html
from extractor.emit.review.records import collect_findings, collect_records
from extractor.emit.review.sources import page_entries, page_images, source_lines, table_overlays
from extractor.ingest import PDF_MAGIC, load_bytes, read
from extractor.pipeline import parse
from extractor.thai_stage import repair_document

DEFAULT_DPI = 96


def build_review_data(
    source: str | Path | bytes, *, name: str = "", pages: Iterable[int] | None = None, dpi: int = DEFAULT_DPI
) -> dict[str, Any]:
    """Everything the review page shows, as plain JSON data.

    ``pages`` (PDFs only): 1-based pages to read and show (default: all).  The input is read twice, once for the
    block flow (table overlays) and once by ``extractor.parse`` for the document, so the document is exactly what
    ``parse`` gives.
    """
    data = load_bytes(source)
    is_pdf = data.lstrip()[:5] == PDF_MAGIC
    options = {"pages": list(pages)} if is_pdf and pages is not None else {}
    source_doc = read(data, **options)
    repair_document(source_doc)  # cell texts as the grammar saw them; its findings come again from parse
    document = to_json_data(parse(data, **options))
    title = document.get("document", {}).get("title") or name or "document"
    return {
        "title": f"{name} — {title}" if name and name != title else title,
        "name": name,
        "format": source_doc.input_format,
        "pages": page_entries(source_doc, page_images(data, [p.number for p in source_doc.pages], dpi) if is_pdf
                              else {}),
        "lines": [] if is_pdf else source_lines(data),
        "tables": table_overlays(source_doc.blocks),
        "records": collect_records(document),
        "findings": collect_findings(document),
    }


def write_review(
    source: str | Path, out_dir: str | Path, *, pages: Iterable[int] | None = None, dpi: int = DEFAULT_DPI
) -> Path:
    """Write ``<out_dir>/<input name>.html`` and return its path."""
    path = Path(source)
    data = build_review_data(path, name=path.name, pages=pages, dpi=dpi)
    out = Path(out_dir) / f"{path.stem}.html"
    out.parent.mkdir(parents=True, exist_ok=True)
    write_text_atomic(out, render_html(data))
    return out


__all__ = ["build_review_data", "render_html", "write_review"]
