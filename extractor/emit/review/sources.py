"""What the review page shows of the source: page images (PDFs) or numbered lines (text exports), and the tables of
the block flow (regions, cells with their spans) as overlays.
"""

from __future__ import annotations

import base64
from collections.abc import Iterable
from typing import Any

from extractor.blocks import Block, Provenance, SourceDocument
from extractor.ingest.text_decode import decode_text

CELL_TEXT_LIMIT = 160


def source_lines(data: bytes) -> list[str]:
    """The lines of a text export, numbered as the dump reader numbers them (``splitlines`` of the decoded text)."""
    return decode_text(data).splitlines()


def page_images(data: bytes, numbers: Iterable[int], dpi: int) -> dict[int, str]:
    """PNG data URIs of the given 1-based pages of a PDF, rendered at ``dpi`` (only the pages asked for)."""
    import pymupdf  # loaded only for PDFs, as in the reader

    images: dict[int, str] = {}
    with pymupdf.open(stream=data, filetype="pdf") as doc:
        for number in numbers:
            png = doc[number - 1].get_pixmap(dpi=dpi).tobytes("png")
            images[number] = "data:image/png;base64," + base64.b64encode(png).decode("ascii")
    return images


def page_entries(source_doc: SourceDocument, images: dict[int, str]) -> list[dict[str, Any]]:
    """One entry per page read: number, size in points, route (text layer or OCR) and image."""
    return [
        {"number": p.number, "width": p.width, "height": p.height, "route": p.route, "route_reason": p.route_reason,
         "image": images.get(p.number)}
        for p in source_doc.pages
    ]


def table_overlays(blocks: list[Block]) -> list[dict[str, Any]]:
    """Each table of the block flow: its region per page (or its line span) and its drawn cells.

    Cells copied down from a row-spanning cell above (``inherited``) are left out: the spanning cell is drawn once,
    with its spans.
    """
    tables = []
    for block in blocks:
        if block.is_table:
            tables.append(_table(f"t{len(tables)}", block))
    return tables


def _table(table_id: str, block: Block) -> dict[str, Any]:
    cells = []
    for r, row in enumerate(block.rows):
        for c, cell in enumerate(row.cells):
            if cell.inherited:
                continue
            prov = cell.provenance if _located(cell.provenance) else row.provenance
            cells.append({
                "row": r, "col": c, "row_span": cell.row_span, "col_span": cell.col_span, "header": row.is_header,
                "text": _clip(cell.text), **_where(prov),
            })
    return {"id": table_id, "rows": len(block.rows), **_where(block.provenance), "regions": _regions(block, cells),
            "cells": cells}


def _regions(block: Block, cells: list[dict]) -> list[dict[str, Any]]:
    """The table's bounding box on each page it covers (a table continued across pages has several)."""
    boxes: dict[int, list[float]] = {}
    for cell in cells:
        if cell.get("page") is not None and cell.get("bbox"):
            x0, y0, x1, y1 = cell["bbox"]
            box = boxes.setdefault(cell["page"], [x0, y0, x1, y1])
            box[:] = [min(box[0], x0), min(box[1], y0), max(box[2], x1), max(box[3], y1)]
    prov = block.provenance
    if not boxes and prov.page is not None and prov.bbox:
        boxes[prov.page] = list(prov.bbox)
    return [{"page": page, "bbox": [round(v, 1) for v in box]} for page, box in sorted(boxes.items())]


def _located(prov: Provenance) -> bool:
    return prov.bbox is not None or prov.line_start is not None


def _where(prov: Provenance) -> dict[str, Any]:
    out: dict[str, Any] = {}
    if prov.page is not None:
        out["page"] = prov.page
    if prov.bbox:
        out["bbox"] = [round(v, 1) for v in prov.bbox]
    if prov.line_start is not None:
        out["line_start"] = prov.line_start
        out["line_end"] = prov.line_end if prov.line_end is not None else prov.line_start
    return out


def _clip(text: str) -> str:
    return text if len(text) <= CELL_TEXT_LIMIT else text[: CELL_TEXT_LIMIT - 1] + "…"
