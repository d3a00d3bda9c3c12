"""Thai quality metrics of the real PDFs: raw PyMuPDF text, raw pdfplumber text, repaired text, repaired + joined.

Usage:  python benchmarks/thai_metrics.py [PDF ...] [--pages 1-30] [--markdown]
Prints one table per PDF (violations per 1,000 Thai letters by class, dictionary share of newmm tokens).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from extractor.thai import join_wrapped, quality_metrics, repair_text  # noqa: E402

DEFAULT_PDFS = [Path(__file__).resolve().parents[2] / "shared" / "real-pdfs" / n for n in ("31.pdf", "14.pdf")]


def page_range(spec: str | None, count: int) -> range:
    if not spec:
        return range(count)
    a, _, b = spec.partition("-")
    return range(int(a) - 1, min(int(b or a), count))


def pymupdf_text(path: Path, pages: str | None) -> str:
    import pymupdf

    with pymupdf.open(path) as doc:
        return "\n".join(doc[i].get_text() for i in page_range(pages, doc.page_count))


def pdfplumber_text(path: Path, pages: str | None) -> str:
    import pdfplumber

    with pdfplumber.open(path) as pdf:
        return "\n".join(pdf.pages[i].extract_text() or "" for i in page_range(pages, len(pdf.pages)))


def table(path: Path, pages: str | None) -> str:
    raw = pymupdf_text(path, pages)
    repaired = repair_text(raw)[0]
    columns = {
        "PyMuPDF raw": quality_metrics(raw),
        "pdfplumber raw": quality_metrics(pdfplumber_text(path, pages)),
        "repaired": quality_metrics(repaired),
        "repaired + joined": quality_metrics(join_wrapped(repaired)[0]),
    }
    head = f"{path.name} pages {pages or 'all'}"
    lines = [f"**{head}**", "", "| per 1,000 Thai letters | " + " | ".join(columns) + " |"]
    lines.append("|---" * (len(columns) + 1) + "|")
    for name in next(iter(columns.values())).per_1000:
        lines.append(f"| {name} | " + " | ".join(f"{q.per_1000[name]:.2f}" for q in columns.values()) + " |")
    lines.append("| dictionary share | " + " | ".join(f"{q.dictionary_share:.2%}" for q in columns.values()) + " |")
    lines.append("| Thai letters | " + " | ".join(str(q.thai_letters) for q in columns.values()) + " |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("pdfs", nargs="*", type=Path, default=DEFAULT_PDFS)
    parser.add_argument("--pages", help="1-based page range, e.g. 1-30 (default: all)")
    args = parser.parse_args(argv)
    for path in args.pdfs:
        print(table(path, args.pages))
        print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
