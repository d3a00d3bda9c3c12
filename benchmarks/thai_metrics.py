"""Thai quality metrics of the real PDFs, and the wrap-space groups of the seeds.

Usage:  python benchmarks/thai_metrics.py [PDF ...] [--pages 1-30]
        python benchmarks/thai_metrics.py --seeds
PDFs: one table per PDF (violations per 1,000 Thai letters by class, dictionary share of newmm tokens) for raw
PyMuPDF text, raw pdfplumber text, ``repair_text``, then the page pass (lost SARA AM) and ``join_wrapped``.
Seeds: the strings of a seed that differ only in spacing (tests/thai/seed_groups.py), how many come out identical
with the per-text joiner alone and with the whole Thai stage (document pass included), and the joins made.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from extractor.thai import join_wrapped, quality_metrics, repair_text, restore_sara_am  # noqa: E402

DEFAULT_PDFS = [Path(__file__).resolve().parents[2] / "shared" / "real-pdfs" / n for n in ("31.pdf", "14.pdf")]


def page_range(spec: str | None, count: int) -> range:
    if not spec:
        return range(count)
    a, _, b = spec.partition("-")
    return range(int(a) - 1, min(int(b or a), count))


def pymupdf_pages(path: Path, pages: str | None) -> list[str]:
    import pymupdf

    with pymupdf.open(path) as doc:
        return [doc[i].get_text() for i in page_range(pages, doc.page_count)]


def pdfplumber_text(path: Path, pages: str | None) -> str:
    import pdfplumber

    with pdfplumber.open(path) as pdf:
        return "\n".join(pdf.pages[i].extract_text() or "" for i in page_range(pages, len(pdf.pages)))


def page_pass(page: str) -> str:
    """Lost SARA AM over one page's lines (the Thai stage's page pass), then the per-text wrap joiner."""
    results, _ = restore_sara_am(page.split("\n"))
    return join_wrapped("\n".join(text for text, _ in results))[0]


def table(path: Path, pages: str | None) -> str:
    raw_pages = pymupdf_pages(path, pages)
    repaired_pages = [repair_text(p)[0] for p in raw_pages]
    columns = {
        "PyMuPDF raw": quality_metrics("\n".join(raw_pages)),
        "pdfplumber raw": quality_metrics(pdfplumber_text(path, pages)),
        "repaired": quality_metrics("\n".join(repaired_pages)),
        "+ page pass + joined": quality_metrics("\n".join(page_pass(p) for p in repaired_pages)),
    }
    head = f"{path.name} pages {pages or 'all'}"
    lines = [f"**{head}**", "", "| per 1,000 Thai letters | " + " | ".join(columns) + " |"]
    lines.append("|---" * (len(columns) + 1) + "|")
    for name in next(iter(columns.values())).per_1000:
        lines.append(f"| {name} | " + " | ".join(f"{q.per_1000[name]:.2f}" for q in columns.values()) + " |")
    lines.append("| dictionary share | " + " | ".join(f"{q.dictionary_share:.2%}" for q in columns.values()) + " |")
    lines.append("| Thai letters | " + " | ".join(str(q.thai_letters) for q in columns.values()) + " |")
    return "\n".join(lines)


def seed_table() -> str:
    """Wrap-space groups of seeds 002 and 003 before and after the document pass."""
    import re
    import time

    from extractor.ingest import read
    from extractor.thai_stage import repair_blocks
    from tests.thai.seed_groups import CORPUS, output_forms, space_groups

    lines = [
        "| seed | groups | identical, `join_wrapped` alone | identical, Thai stage | per-text joins | document joins "
        "| stage time |",
        "|---|---|---|---|---|---|---|",
    ]
    for name in ("003", "002", "001", "000"):
        groups = space_groups(name)
        alone = sum(len({join_wrapped(repair_text(f)[0])[0] for f in forms}) == 1 for forms in groups)
        doc = read(next(CORPUS.glob(f"{name}_*.txt")))
        start = time.perf_counter()
        findings = repair_blocks(doc.blocks)
        took = time.perf_counter() - start
        texts = [b.text for b in doc.blocks if not b.is_table and b.text]
        texts += [c.text for b in doc.blocks if b.is_table for row in b.rows for c in row.cells if c.text]
        staged = sum(len(output_forms(re.sub(r"\s+", "", forms[0]), texts)) == 1 for forms in groups)
        counts = {f.code: int(f.actual or 0) for f in findings if f.code.startswith("thai.wrap_joined")}
        document = counts.get("thai.wrap_joined_repeated", 0) + counts.get("thai.wrap_joined_lexicon", 0)
        lines.append(
            f"| {name} | {len(groups)} | {alone} | {staged} | {counts.get('thai.wrap_joined', 0)} | {document} "
            f"| {took:.2f} s |"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("pdfs", nargs="*", type=Path, default=DEFAULT_PDFS)
    parser.add_argument("--pages", help="1-based page range, e.g. 1-30 (default: all)")
    parser.add_argument("--seeds", action="store_true", help="the seeds' wrap-space groups instead of the PDFs")
    args = parser.parse_args(argv)
    if args.seeds:
        print(seed_table())
        return 0
    for path in args.pdfs:
        print(table(path, args.pages))
        print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
