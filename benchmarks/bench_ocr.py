"""OCR route: field accuracy against the text-layer parse, and speed against plain Tesseract on the same pages.

For each case (a born-digital PDF and its scanned rendition from ``corpus/make_scans.py``):
- gold: ``extractor.parse`` of the born-digital PDF (text layer), the same pages;
- ours: ``extractor.parse`` of the scan (every page through the OCR route), timed end to end;
- plain: the same pages rendered at the same resolution and run through ``tesseract -l tha+eng … hocr``, with the
  same number of parallel workers, timed in the same run: the floor any Tesseract-based route pays.
Reported: field P/R/F1 per entity type and overall (findings left out: the OCR route adds its own), CER of names,
pages per second of both, and our overhead over plain Tesseract.

Run as a script (writes a JSON report and prints a summary)::

    python corpus/make_scans.py build --full        # scans under /tmp/extractor-scans
    python benchmarks/bench_ocr.py --case plan000 --scan-dpi 200 --ocr-dpi 300 --pages 1-16

or the small pytest-benchmark pair on the CI excerpt: ``python -m pytest benchmarks/bench_ocr.py --benchmark-enable``.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pymupdf
import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import extractor  # noqa: E402
from extractor.emit import to_canonical_json  # noqa: E402
from extractor.ingest.ocr import OcrOptions  # noqa: E402
from extractor.ingest.ocr_tesseract import LANGUAGES, tesseract_available  # noqa: E402
from extractor.score import score  # noqa: E402
from extractor.commands import parse_pages

SCANS = Path("/tmp/extractor-scans")
EXCERPT = ROOT / "corpus" / "scanned"
CASES = {
    "excerpt000": (EXCERPT / "excerpt000.pdf", EXCERPT / "excerpt000-scan{dpi}.pdf"),
    "plan000": (SCANS / "plan000.pdf", SCANS / "plan000-scan{dpi}.pdf"),
    "real31": (ROOT.parent / "shared" / "real-pdfs" / "31.pdf", SCANS / "real31-scan{dpi}.pdf"),
}


def plain_tesseract(scan: Path, pages: list[int], dpi: int, workers: int) -> float:
    """Seconds to render the pages at ``dpi`` and run bare Tesseract (hOCR) on each, ``workers`` at a time."""
    env = {**os.environ, "OMP_THREAD_LIMIT": "1"}

    def run(png: bytes) -> int:
        cmd = ["tesseract", "stdin", "stdout", "-l", LANGUAGES, "--psm", "3", "--dpi", str(dpi), "hocr"]
        return len(subprocess.run(cmd, input=png, capture_output=True, env=env, check=True).stdout)

    start = time.perf_counter()
    doc = pymupdf.open(scan)
    pngs = [doc[n - 1].get_pixmap(dpi=dpi, colorspace=pymupdf.csGRAY).tobytes("png") for n in pages]
    with ThreadPoolExecutor(max_workers=workers) as pool:
        list(pool.map(run, pngs))
    return time.perf_counter() - start


def canonical(source: Path, **options) -> dict:
    return json.loads(to_canonical_json(extractor.parse(source, **options)))


def measure(case: str, scan_dpi: int, ocr_dpi: int, pages: list[int] | None, workers: int) -> dict:
    born, scan_pattern = CASES[case]
    scan = Path(str(scan_pattern).format(dpi=scan_dpi))
    count = pymupdf.open(scan).page_count
    scan_pages = pages or list(range(1, count + 1))
    # scans are made from the first pages of the born-digital PDF, in order: scan page i is born page i
    gold = canonical(born, pages=scan_pages)
    canonical(EXCERPT / "excerpt000.pdf")  # warm-up: dictionaries, grammars
    start = time.perf_counter()
    pred = canonical(scan, pages=scan_pages, ocr=OcrOptions(dpi=ocr_dpi, workers=workers))
    ours = time.perf_counter() - start
    plain = plain_tesseract(scan, scan_pages, ocr_dpi, workers)
    report = score(pred, gold, include_findings=False).as_dict()
    n = len(scan_pages)
    return {
        "case": case, "scan_dpi": scan_dpi, "ocr_dpi": ocr_dpi, "pages": n, "workers": workers,
        "ours_seconds": round(ours, 2), "plain_tesseract_seconds": round(plain, 2),
        "ours_pages_per_second": round(n / ours, 3), "plain_pages_per_second": round(n / plain, 3),
        "overhead": round(ours / plain - 1, 3), "score": report,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--case", choices=sorted(CASES), default="excerpt000")
    parser.add_argument("--scan-dpi", type=int, default=200)
    parser.add_argument("--ocr-dpi", type=int, default=300)
    parser.add_argument("--pages", help="pages of the scan, e.g. 1-16")
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--json", type=Path, help="append the result to this JSON-lines file")
    args = parser.parse_args(argv)
    result = measure(args.case, args.scan_dpi, args.ocr_dpi, parse_pages(args.pages) if args.pages else None, args.workers)
    line = json.dumps(result, ensure_ascii=False)
    if args.json:
        with args.json.open("a", encoding="utf-8") as fh:
            fh.write(line + "\n")
    s = result["score"]
    print(f"{args.case} scan {args.scan_dpi} dpi, OCR {args.ocr_dpi} dpi, {result['pages']} pages: "
          f"F1 {s['overall']['f1']:.3f}, names CER {s['names_cer']}, ours {result['ours_pages_per_second']} p/s, "
          f"plain {result['plain_pages_per_second']} p/s, overhead {result['overhead']:+.1%}")
    for name, row in s["entities"].items():
        print(f"  {name:<20} P {row['precision']:.3f} R {row['recall']:.3f} F1 {row['f1']:.3f} gold {row['gold']} CER {row['cer']}")
    return 0


# pytest-benchmark pair on the CI excerpt (off in the normal suite: --benchmark-enable)
needs_tesseract = pytest.mark.skipif(not tesseract_available(), reason="tesseract not installed")


@needs_tesseract
def test_ocr_route_excerpt(benchmark) -> None:
    scan = EXCERPT / "excerpt000-scan200.pdf"
    doc = benchmark.pedantic(extractor.parse, args=(scan,), kwargs={"ocr": OcrOptions(dpi=300)}, rounds=1, iterations=1)
    assert all(p.route == "ocr" for p in doc.input.pages)


@needs_tesseract
def test_plain_tesseract_excerpt(benchmark) -> None:
    scan = EXCERPT / "excerpt000-scan200.pdf"
    seconds = benchmark.pedantic(plain_tesseract, args=(scan, [1, 2, 3, 4], 300, os.cpu_count() or 1), rounds=1, iterations=1)
    assert seconds > 0


if __name__ == "__main__":
    raise SystemExit(main())
