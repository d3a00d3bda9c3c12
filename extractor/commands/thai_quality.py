"""``extractor thai-quality INPUT``: Thai text-quality metrics of a PDF's raw text layer or a text file,
before and after the repair chain (and the wrap joiner), with the damage verdict per page for PDFs."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from extractor.thai import is_text_layer_damaged, join_wrapped, quality_metrics, repair_text


def add_parser(subparsers) -> None:
    p = subparsers.add_parser("thai-quality", help="Thai text-quality metrics before and after repair")
    p.add_argument("input", type=Path, help="a PDF (raw PyMuPDF page text) or a UTF-8 text file")
    p.add_argument("--pages", help="PDF page range, 1-based, e.g. 1-30")
    p.add_argument("--json", action="store_true", help="print JSON instead of a table")
    p.set_defaults(func=run)


def read_pages(path: Path, pages: str | None) -> list[str]:
    if path.suffix.lower() != ".pdf":
        return [path.read_text(encoding="utf-8")]
    import pymupdf

    with pymupdf.open(path) as doc:
        first, last = 1, doc.page_count
        if pages:
            a, _, b = pages.partition("-")
            first, last = int(a), int(b or a)
        return [doc[i].get_text() for i in range(first - 1, min(last, doc.page_count))]


def measure(pages: list[str]) -> dict:
    raw = "\n".join(pages)
    repaired = repair_text(raw)[0]
    joined = join_wrapped(repaired)[0]
    damaged = [(i + 1, reason) for i, p in enumerate(pages) for bad, reason in [is_text_layer_damaged(p)] if bad]
    return {
        "raw": quality_metrics(raw).as_dict(),
        "repaired": quality_metrics(repaired).as_dict(),
        "repaired_joined": quality_metrics(joined).as_dict(),
        "damaged_pages": damaged,
    }


def format_table(result: dict) -> str:
    cols = ["raw", "repaired", "repaired_joined"]
    rows = [f"{'per 1,000 Thai letters':26}" + "".join(f"{c:>17}" for c in cols)]
    for name in result["raw"]["per_1000"]:
        rows.append(f"{name:26}" + "".join(f"{result[c]['per_1000'][name]:>17.2f}" for c in cols))
    rows.append(f"{'dictionary share':26}" + "".join(f"{result[c]['dictionary_share']:>17.2%}" for c in cols))
    rows.append(f"{'Thai letters':26}" + "".join(f"{result[c]['thai_letters']:>17}" for c in cols))
    rows.append(f"damaged pages (OCR route): {len(result['damaged_pages'])}")
    rows.extend(f"  page {n}: {reason}" for n, reason in result["damaged_pages"])
    return "\n".join(rows)


def run(args: argparse.Namespace) -> int:
    result = measure(read_pages(args.input, args.pages))
    print(json.dumps(result, ensure_ascii=False, indent=2) if args.json else format_table(result))
    return 0
