"""OCR route: field accuracy against the golden files, and speed against plain Tesseract on the same pages.

Inputs come from ``corpus/make_scans.py`` (seeds rendered by the golden-to-PDF renderer, then scanned).  Per case:
- ours: ``extractor.parse`` of the scan (every page through the OCR route), timed end to end;
- gold: for a whole seed (``000`` … ``004``) its golden file ``golden/<seed>*.json``; for the CI excerpt (pages of
  seed 000) the text-layer parse of the same born-digital pages, since a golden file covers the whole plan;
- ceiling: the text-layer parse of the born-digital rendering scored against the same gold (what the PDF route
  gets from these pages without OCR: the round trip's own gaps);
- plain: the same pages rendered at the same resolution and run through ``tesseract -l tha+eng … hocr``, with the
  same number of parallel workers, timed in the same run: the floor any Tesseract-based route pays.
Reported: field P/R/F1 per entity type and overall (findings left out: the OCR route adds its own), CER of names,
pages per second of both, and our overhead over plain Tesseract.  ``--case corpus`` runs every seed and adds the
counts up (micro-averaged F1 over the whole scanned corpus).

Run as a script (prints a summary, appends JSON lines with ``--json``)::

    python corpus/make_scans.py build --full        # scans under /tmp/extractor-scans
    python benchmarks/bench_ocr.py --case corpus --scan-dpi 200 --ocr-dpi 300

``--cache DIR`` keeps Tesseract's hOCR per bitmap (for iterating on the post-OCR stages; no timing then), or the small
pytest-benchmark pair on the CI excerpt: ``python -m pytest benchmarks/bench_ocr.py --benchmark-enable``.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import subprocess
import sys
import time
import traceback
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pymupdf
import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import extractor  # noqa: E402
from extractor.commands import parse_pages  # noqa: E402
from extractor.emit import to_canonical_json  # noqa: E402
from extractor.ingest import ocr, ocr_cells, ocr_english, ocr_recheck, ocr_tesseract  # noqa: E402
from extractor.ingest.ocr import OcrOptions  # noqa: E402
from extractor.ingest.ocr_tesseract import LANGUAGES, tesseract_available  # noqa: E402
from extractor.score import ScoreReport, Tally, score  # noqa: E402

SCANS = Path("/tmp/extractor-scans")
EXCERPT = ROOT / "corpus" / "scanned"
SEEDS = ("000", "001", "002", "003", "004")


def case_files(case: str, scan_dpi: int) -> tuple[Path, Path, Path | None]:
    """(born-digital PDF, scan, golden file or None) of a case."""
    if case == "excerpt000":
        return EXCERPT / "excerpt000.pdf", EXCERPT / f"excerpt000-scan{scan_dpi}.pdf", None
    if case == "real31":
        return ROOT.parent / "shared" / "real-pdfs" / "31.pdf", SCANS / f"real31-scan{scan_dpi}.pdf", None
    golden = next((ROOT / "golden").glob(f"{case}_*.json"))
    return SCANS / f"{case}.pdf", SCANS / f"{case}-scan{scan_dpi}.pdf", golden


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


def cache_tesseract(folder: Path) -> None:
    """Keep Tesseract's output per (bitmap, options) in ``folder``: reruns only redo what follows Tesseract."""
    folder.mkdir(parents=True, exist_ok=True)
    real = ocr_tesseract.run_tesseract

    def cached(pixels, dpi, *, languages=LANGUAGES, psm=ocr_tesseract.PAGE_SEGMENTATION):
        key = hashlib.sha1(pixels.tobytes() + f"{pixels.shape}{dpi}{languages}{psm}".encode()).hexdigest()
        path = folder / f"{key}.hocr"
        if not path.exists():
            path.write_bytes(real(pixels, dpi, languages=languages, psm=psm))
        return path.read_bytes()

    # every module that calls Tesseract: the page read, the re-read of blank cells and skipped lines, the word re-read
    ocr.run_tesseract = ocr_cells.run_tesseract = ocr_recheck.run_tesseract = ocr_english.run_tesseract = cached


def canonical(source: Path, **options) -> dict:
    return json.loads(to_canonical_json(extractor.parse(source, **options)))


def measure(case: str, scan_dpi: int, ocr_dpi: int, pages: list[int] | None, workers: int, timed: bool) -> dict:
    born, scan, golden = case_files(case, scan_dpi)
    count = pymupdf.open(scan).page_count
    scan_pages = pages or list(range(1, count + 1))
    # scans are made from the born-digital PDF page for page: scan page i is born page i
    text_layer = canonical(born, pages=scan_pages)
    gold = json.loads(golden.read_text(encoding="utf-8")) if golden and not pages else text_layer
    canonical(EXCERPT / "excerpt000.pdf")  # warm-up: dictionaries, grammars
    start = time.perf_counter()
    crash = None
    try:
        pred = canonical(scan, pages=scan_pages, ocr=OcrOptions(dpi=ocr_dpi, workers=workers))
    except Exception as exc:  # an engine crash on OCR output is a result to report (scored as nothing read)
        crash, pred = f"{type(exc).__name__}: {exc} ({traceback.extract_tb(exc.__traceback__)[-1].filename.split('/work/main/')[-1]}:{traceback.extract_tb(exc.__traceback__)[-1].lineno})", {}
    ours = time.perf_counter() - start
    plain = plain_tesseract(scan, scan_pages, ocr_dpi, workers) if timed else None
    n = len(scan_pages)
    return {
        "case": case, "scan_dpi": scan_dpi, "ocr_dpi": ocr_dpi, "pages": n, "workers": workers,
        "crash": crash,
        "gold": golden.name if gold is not text_layer else "text layer of the same pages",
        "ours_seconds": round(ours, 2), "plain_tesseract_seconds": plain and round(plain, 2),
        "ours_pages_per_second": round(n / ours, 3), "plain_pages_per_second": plain and round(n / plain, 3),
        "overhead": plain and round(ours / plain - 1, 3),
        "report": score(pred, gold, include_findings=False),
        "ceiling": score(text_layer, gold, include_findings=False) if gold is not text_layer else None,
        # the OCR route's own loss: the scan against the text layer of the same pages (round-trip gaps cancel out)
        "vs_text": score(pred, text_layer, include_findings=False) if gold is not text_layer else None,
    }


def add_up(reports: list[ScoreReport]) -> ScoreReport:
    """One report whose counts are the sums of ``reports`` (micro-averaged over documents)."""
    per_entity: dict[str, Tally] = {}
    key_fields: dict[str, Tally] = {}
    overall, names = Tally(), Tally()
    for report in reports:
        for name, tally in report.per_entity.items():
            per_entity.setdefault(name, Tally()).add(tally)
        for name, tally in report.key_fields.items():
            key_fields.setdefault(name, Tally()).add(tally)
        overall.add(report.overall)
        names.add(report.names)
    return ScoreReport(per_entity, overall, names, key_fields)


def summary_line(label: str, result: dict) -> str:
    s = result["report"].as_dict()
    line = (f"{label} scan {result['scan_dpi']} dpi, OCR {result['ocr_dpi']} dpi, {result['pages']} pages: "
            f"F1 {s['overall']['f1']:.3f}, names CER {s['names_cer']}, ours {result['ours_pages_per_second']} p/s")
    if result.get("ceiling"):
        line += f" (text-layer ceiling F1 {result['ceiling'].overall.f1:.3f}; scan vs text layer F1 {result['vs_text'].overall.f1:.3f})"
    if result.get("plain_pages_per_second"):
        line += f", plain {result['plain_pages_per_second']} p/s, overhead {result['overhead']:+.1%}"
    return line


def print_result(label: str, result: dict) -> None:
    print(summary_line(label, result))
    if result.get("crash"):
        print(f"  CRASH (scored as an empty prediction): {result['crash']}")
    def rows(report: ScoreReport) -> dict:
        data = report.as_dict()
        return {**data["entities"], **data["key_fields"]}

    ceiling = rows(result["ceiling"]) if result.get("ceiling") else {}
    vs_text = rows(result["vs_text"]) if result.get("vs_text") else {}
    for name, row in rows(result["report"]).items():
        top = f" ceiling F1 {ceiling[name]['f1']:.3f}" if name in ceiling else ""
        top += f" vs-text F1 {vs_text[name]['f1']:.3f}" if name in vs_text else ""
        print(f"  {name:<20} P {row['precision']:.3f} R {row['recall']:.3f} F1 {row['f1']:.3f} gold {row['gold']} CER {row['cer']}{top}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--case", choices=["corpus", "excerpt000", "real31", *SEEDS], default="excerpt000")
    parser.add_argument("--scan-dpi", type=int, default=200)
    parser.add_argument("--ocr-dpi", type=int, default=300)
    parser.add_argument("--pages", help="pages of the scan, e.g. 1-16 (then the gold is the text layer of those pages)")
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--cache", type=Path, help="reuse Tesseract's hOCR from this folder (no timing)")
    parser.add_argument("--json", type=Path, help="append the results to this JSON-lines file")
    args = parser.parse_args(argv)
    if args.cache:
        cache_tesseract(args.cache)
    cases = list(SEEDS) if args.case == "corpus" else [args.case]
    pages = parse_pages(args.pages) if args.pages else None
    results = []
    for case in cases:
        result = measure(case, args.scan_dpi, args.ocr_dpi, pages, args.workers, timed=not args.cache)
        print_result(case, result)
        results.append(result)
        if args.json:
            row = {k: v for k, v in result.items() if k not in ("report", "ceiling", "vs_text")}
            row["score"] = result["report"].as_dict()
            row["ceiling"] = result["ceiling"] and result["ceiling"].as_dict()
            row["vs_text"] = result["vs_text"] and result["vs_text"].as_dict()
            with args.json.open("a", encoding="utf-8") as fh:
                fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    if len(results) > 1:
        total = {
            "scan_dpi": args.scan_dpi, "ocr_dpi": args.ocr_dpi, "pages": sum(r["pages"] for r in results),
            "report": add_up([r["report"] for r in results]),
            "ceiling": add_up([r["ceiling"] for r in results if r["ceiling"]]),
            "vs_text": add_up([r["vs_text"] for r in results if r["vs_text"]]),
        }
        ours = sum(r["ours_seconds"] for r in results)
        total["ours_pages_per_second"] = round(total["pages"] / ours, 3)
        if not args.cache:
            plain = sum(r["plain_tesseract_seconds"] for r in results)
            total.update(plain_pages_per_second=round(total["pages"] / plain, 3), overhead=round(ours / plain - 1, 3))
        print_result("corpus", total)
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
    count = pymupdf.open(scan).page_count
    seconds = benchmark.pedantic(plain_tesseract, args=(scan, list(range(1, count + 1)), 300, os.cpu_count() or 1), rounds=1, iterations=1)
    assert seconds > 0


if __name__ == "__main__":
    raise SystemExit(main())
