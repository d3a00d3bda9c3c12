"""``extractor text INPUT [--pages A-B]``: the repaired text of a PDF or text export, in reading order.

Headings, paragraphs and list items print as lines; a table prints its rows with `` | `` between cells; an image
placeholder prints as ``[image: …]``.  The text is what the grammar stage sees (after Thai repair).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from extractor.blocks import Block, BlockKind
from extractor.commands import parse_pages


def add_parser(subparsers) -> None:
    p = subparsers.add_parser("text", help="print the repaired text of a PDF or text export in reading order")
    p.add_argument("input", type=Path)
    p.add_argument("--pages", help="PDF pages, e.g. 1-3,7 (default: all; text exports have no pages)")
    p.add_argument("--password", help="password of an encrypted PDF")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from extractor.ingest import read
    from extractor.thai_stage import repair_document

    options = {"pages": parse_pages(args.pages)} if args.pages else {}
    if args.password:
        options["password"] = args.password
    source = read(args.input, **options)
    repair_document(source)
    for line in block_lines(source.blocks):
        sys.stdout.write(line + "\n")
    return 0


def block_lines(blocks: list[Block]) -> list[str]:
    """Printable lines of a block flow, a page marker where the page changes (PDFs)."""
    lines: list[str] = []
    page = None
    for block in blocks:
        if block.provenance.page is not None and block.provenance.page != page:
            page = block.provenance.page
            lines.append(f"--- page {page} ---")
        if block.is_table:
            lines.extend(" | ".join(cell.text.replace("\n", " ") for cell in row.cells) for row in block.rows)
        elif block.kind is BlockKind.IMAGE:
            lines.append(f"[image: {block.text}]")
        else:
            lines.append(block.text)
    return lines
