"""``extractor review INPUT... -o DIR``: a static HTML review page per document (see ``extractor.emit.review``)."""

from __future__ import annotations

import argparse
from pathlib import Path

from extractor.commands import parse_pages
from extractor.errors import InputError


def add_parser(subparsers) -> None:
    p = subparsers.add_parser(
        "review", help="write a self-contained HTML page per document: source with overlays, record tree, findings"
    )
    p.add_argument("inputs", nargs="+", type=Path, metavar="INPUT", help="PDF or text export")
    p.add_argument("-o", "--output", type=Path, required=True, help="directory to write <input name>.html into")
    p.add_argument("--pages", help="PDF pages to read and show, e.g. 1-3,7 (default: all)")
    p.add_argument("--dpi", type=int, default=96, help="resolution of the page images (default: 96)")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from extractor.emit.review import write_review

    pages = parse_pages(args.pages) if args.pages else None
    if not 24 <= args.dpi <= 300:
        raise InputError(f"--dpi {args.dpi} is outside 24..300")
    for path in args.inputs:
        print(f"wrote {write_review(path, args.output, pages=pages, dpi=args.dpi)}")
    return 0
