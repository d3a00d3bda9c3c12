"""Side by side on the real PDFs, one process, one core: read_pdf vs pdfplumber extract_tables vs PyMuPDF find_tables.

Run: ``PYTHONPATH=. python benchmarks/pdf_side_by_side.py [--pages N]`` (N pages of each PDF for the slow
competitors).  Only pages that take the text-layer route are timed: pages the Thai damage check sends to OCR belong
to the OCR route (Tesseract, seconds per page), which is measured elsewhere.  Prints pages per CPU-second, peak Python memory (tracemalloc) and max RSS, and the ratios.
"""

from __future__ import annotations

import argparse
import gc
import resource
import time
import tracemalloc
from pathlib import Path

import pdfplumber
import pymupdf

from extractor.ingest.pdf import read_pdf
from extractor.ingest.pdf_page import read_page
from extractor.thai import is_text_layer_damaged, repair_glyphs

REAL = Path(__file__).resolve().parents[1].parent / "shared" / "real-pdfs"


def _measure(fn) -> tuple[float, float]:
    """(CPU seconds, peak MiB traced) of ``fn()`` (tracemalloc slows the run: its time is not reported)."""
    gc.collect()
    tracemalloc.start()
    start = time.process_time()
    fn()
    elapsed = time.process_time() - start
    peak = tracemalloc.get_traced_memory()[1] / 2**20
    tracemalloc.stop()
    return elapsed, peak


def _time_only(fn, repeat: int = 2) -> float:
    """Best CPU seconds of ``fn()`` over ``repeat`` runs: process CPU time, so other load on the machine
    (a shared 2-core box) does not count against any contender."""
    best = float("inf")
    for _ in range(repeat):
        gc.collect()
        start = time.process_time()
        fn()
        best = min(best, time.process_time() - start)
    return best


def text_route_pages(path: Path) -> list[int]:
    """Pages whose text layer the reader keeps (the others go to the OCR route, another stage, not timed here)."""
    doc = pymupdf.open(path)
    keep = []
    for number in range(1, doc.page_count + 1):
        glyphs, _ = repair_glyphs(read_page(doc[number - 1], number).glyphs)
        if not is_text_layer_damaged("".join(g.char for g in glyphs))[0]:
            keep.append(number)
    return keep


def bench(path: Path, limit: int) -> dict:
    text_pages = text_route_pages(path)
    n_all = len(text_pages)
    pages = text_pages[:limit]
    ours_all = _time_only(lambda: read_pdf(path, pages=text_pages))
    _, ours_peak = _measure(lambda: read_pdf(path, pages=text_pages))
    ours_part = _time_only(lambda: read_pdf(path, pages=pages))

    def plumber():
        with pdfplumber.open(path) as pdf:
            for n in pages:
                pdf.pages[n - 1].extract_tables()

    def mupdf_tables():
        doc = pymupdf.open(path)
        for n in pages:
            doc[n - 1].find_tables()

    t_plumber = _time_only(plumber, repeat=1)
    t_mupdf = _time_only(mupdf_tables, repeat=1)
    return {
        "file": path.name,
        "pages_all": n_all,
        "ours_pps_all": n_all / ours_all,
        "ours_peak_mib": ours_peak,
        "pages_cmp": len(pages),
        "ours_pps_cmp": len(pages) / ours_part,
        "plumber_pps": len(pages) / t_plumber,
        "mupdf_find_tables_pps": len(pages) / t_mupdf,
    }


def stages(path: Path, numbers: list[int]) -> str:
    """CPU ms per page of each stage of read_pdf (text-layer pages): read, Thai glyph repair, damage check, layout."""
    from extractor.layout.document import layout_document

    doc = pymupdf.open(path)
    clock = time.process_time
    t0 = clock()
    models = [read_page(doc[n - 1], n) for n in numbers]
    t1 = clock()
    for m in models:
        m.glyphs, _ = repair_glyphs(m.glyphs)
    t2 = clock()
    for m in models:
        is_text_layer_damaged("".join(g.char for g in m.glyphs))
    t3 = clock()
    layout_document(models)
    t4 = clock()
    per = [1000 * (b - a) / len(numbers) for a, b in ((t0, t1), (t1, t2), (t2, t3), (t3, t4))]
    return "read {:.1f}, thai.repair_glyphs {:.1f}, thai.is_text_layer_damaged {:.1f}, layout {:.1f} ms/page".format(*per)


def main() -> None:
    read_pdf(REAL / "31.pdf", pages=[1])  # warm up: dictionaries of the Thai repair load once per process
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--pages", type=int, default=84, help="pages per PDF for the competitors (default 84)")
    args = parser.parse_args()
    for name in ("31.pdf", "14.pdf"):
        r = bench(REAL / name, args.pages)
        print(
            f"{r['file']}: read_pdf {r['ours_pps_all']:.1f} pages/s over all {r['pages_all']} text-layer pages "
            f"(peak traced {r['ours_peak_mib']:.1f} MiB); on the first {r['pages_cmp']} of them: "
            f"read_pdf {r['ours_pps_cmp']:.1f}, pdfplumber extract_tables {r['plumber_pps']:.1f}, "
            f"PyMuPDF find_tables {r['mupdf_find_tables_pps']:.1f} pages/s; "
            f"ratio vs pdfplumber {r['ours_pps_cmp'] / r['plumber_pps']:.1f}x, "
            f"vs find_tables {r['ours_pps_cmp'] / r['mupdf_find_tables_pps']:.1f}x"
        )
        print(f"  stages: {stages(REAL / name, text_route_pages(REAL / name))}")
    print(f"max RSS of the process: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MiB")


if __name__ == "__main__":
    main()
