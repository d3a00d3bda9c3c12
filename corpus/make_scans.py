"""Scanned renditions of the corpus for the OCR route: render, rasterise, degrade, wrap back into PDF.  Deterministic.

Two steps, each usable alone:

- ``render``: a seed (``corpus/*.txt``) → a born-digital PDF: the seed's canonical document typeset by the
  golden-to-PDF renderer of the round trip (``corpus.render.render_pdf``: A4 portrait and landscape pages, ruled
  tables that wrap and break across pages with repeated headers, TLWG fonts).
- ``scan``: any PDF → a scanned PDF: every page rasterised (greyscale) at ``--dpi``, rotated slightly, speckled,
  JPEG-compressed, and placed as the only content of a page of the original size.  Each page draws its rotation
  and specks from its own random stream (seed, page number), so the 200- and 300-dpi scans of a page are tilted
  alike and a page's degradation does not depend on the pages before it.  Same input and options → same bytes.

What a scan is scored against (``benchmarks/bench_ocr.py``): a whole seed's scan against its golden file
(``golden/*.json``); a page subset (the CI excerpt) against the text-layer parse of the same born-digital pages.

``build`` makes the committed CI subset under ``corpus/scanned/`` and, with ``--full``, the benchmark set under
``/tmp/extractor-scans`` (every seed rendered and scanned at 200 and 300 dpi, and pages of ``shared/real-pdfs/31.pdf``).

    python corpus/make_scans.py render corpus/000_d48f5d17983ea448.txt /tmp/000.pdf
    python corpus/make_scans.py scan /tmp/000.pdf /tmp/000-scan200.pdf --dpi 200 --pages 1-4
    python corpus/make_scans.py build [--full]
"""

from __future__ import annotations

import argparse
import io
import sys
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pymupdf
from PIL import Image

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import extractor  # noqa: E402
from extractor.commands import parse_pages  # noqa: E402

from corpus.render import render_pdf  # noqa: E402

OUT_DIR = ROOT / "corpus" / "scanned"
BENCH_DIR = Path("/tmp/extractor-scans")
REAL_PDF = ROOT.parent / "shared" / "real-pdfs" / "31.pdf"
# Loma: the round trip holds for every seed in it (Garuda reads '-' back as U+2010, which would make the
# text-layer reference of a page subset differ from what OCR reads off the same pixels)
FONT = "Loma"
SCAN_DPIS = (200, 300)

# The CI excerpt: pages of seed 000 rendered in ``FONT``: the cover; the start of Part 1 (dimension 1, strategies 4 and 5)
# whose strategy-code table breaks from page 10 onto page 11 with its header repeated (codes, budgets, units,
# policy codes, objectives, KRs, targets, a KPI table); the last Part 1 projects table (page 18) and the Part 1
# project summary (17 rows) that starts there and breaks onto pages 19 and 20, where its total row is.
CI_SEED = "000_d48f5d17983ea448"
CI_PAGES = (1, 10, 11, 18, 19, 20)
DIGITS_SEED, DIGITS_PAGES = "003_a97a8056b9967dd5", (17,)  # the seed's page with most Thai numbers


@dataclass(frozen=True)
class ScanStyle:
    """How a page is degraded."""

    dpi: int = 200
    max_rotation: float = 0.8  # degrees; each page draws its own angle in ±this
    speckle: float = 0.0015  # share of pixels flipped to black or white
    jpeg_quality: int = 70
    seed: int = 5


def render(seed_text: Path, font: str = FONT) -> bytes:
    """The born-digital PDF of a seed: its canonical document (parsed from the text export) typeset in ``font``."""
    return render_pdf(extractor.parse(seed_text), font)


def extract_pages(pdf: bytes, pages: list[int]) -> bytes:
    """A PDF of the given 1-based pages of ``pdf``, in that order (deterministic bytes)."""
    src = pymupdf.open(stream=pdf, filetype="pdf")
    out = pymupdf.open()
    for number in pages:
        out.insert_pdf(src, from_page=number - 1, to_page=number - 1)
    out.set_metadata(src.metadata)
    return out.tobytes(garbage=3, deflate=True, no_new_id=True)


def scan(source: Path | bytes, out: Path, style: ScanStyle, pages: list[int] | None = None) -> int:
    """Write a scanned rendition of ``source`` (the given 1-based pages, default all); returns the page count."""
    src = pymupdf.open(stream=source, filetype="pdf") if isinstance(source, bytes) else pymupdf.open(source)
    numbers = pages or list(range(1, src.page_count + 1))
    dst = pymupdf.open()
    for number in numbers:
        page = src[number - 1]
        jpeg = degrade(page, style, np.random.default_rng([style.seed, number]))
        new = dst.new_page(width=page.rect.width, height=page.rect.height)
        new.insert_image(new.rect, stream=jpeg)
    dst.set_metadata({})
    dst.save(out, garbage=3, deflate=True, no_new_id=True)
    count = dst.page_count
    dst.close()
    src.close()
    return count


def degrade(page: pymupdf.Page, style: ScanStyle, rng: np.random.Generator) -> bytes:
    """One page as a scanner would give it: greyscale raster, slight rotation, speckle, JPEG."""
    pix = page.get_pixmap(dpi=style.dpi, colorspace=pymupdf.csGRAY, alpha=False)
    pixels = np.frombuffer(pix.samples, dtype=np.uint8).reshape(pix.height, pix.stride)[:, : pix.width]
    angle = float(rng.uniform(-style.max_rotation, style.max_rotation))
    image = Image.fromarray(pixels).rotate(angle, resample=Image.BILINEAR, fillcolor=255)
    noisy = np.asarray(image).copy()
    flips = rng.random(noisy.shape) < style.speckle
    noisy[flips] = np.where(rng.random(int(flips.sum())) < 0.5, 0, 255).astype(np.uint8)
    buffer = io.BytesIO()
    Image.fromarray(noisy).save(buffer, format="JPEG", quality=style.jpeg_quality, dpi=(style.dpi, style.dpi))
    return buffer.getvalue()


def seeds() -> list[Path]:
    return sorted((ROOT / "corpus").glob("[0-9][0-9][0-9]_*.txt"))


def build_digits_excerpt() -> None:
    """One page of seed 003 set in Thai digits (budgets, codes, targets, numbering): the CI check of the OCR
    route's Thai-digit reading (``tests/ocr/test_ocr_thai_digits.py``)."""
    excerpt = extract_pages(render(ROOT / "corpus" / f"{DIGITS_SEED}.txt"), list(DIGITS_PAGES))
    (OUT_DIR / "excerpt003.pdf").write_bytes(excerpt)
    scan(excerpt, OUT_DIR / "excerpt003-scan200.pdf", ScanStyle(dpi=200))


def build(full: bool) -> None:
    """The committed CI subset (and with ``full`` the benchmark set under ``BENCH_DIR``)."""
    OUT_DIR.mkdir(exist_ok=True)
    excerpt = extract_pages(render(ROOT / "corpus" / f"{CI_SEED}.txt"), list(CI_PAGES))
    (OUT_DIR / "excerpt000.pdf").write_bytes(excerpt)
    scan(excerpt, OUT_DIR / "excerpt000-scan200.pdf", ScanStyle(dpi=200))
    build_digits_excerpt()
    if not full:
        return
    BENCH_DIR.mkdir(exist_ok=True)
    for seed in seeds():
        born = BENCH_DIR / f"{seed.stem[:3]}.pdf"
        born.write_bytes(render(seed))
        for dpi in SCAN_DPIS:
            scan(born, BENCH_DIR / f"{seed.stem[:3]}-scan{dpi}.pdf", ScanStyle(dpi=dpi))
    if REAL_PDF.exists():
        for dpi in SCAN_DPIS:
            scan(REAL_PDF, BENCH_DIR / f"real31-scan{dpi}.pdf", ScanStyle(dpi=dpi), list(range(1, 13)))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    r = sub.add_parser("render", help="a seed's canonical document typeset as a born-digital PDF")
    r.add_argument("input", type=Path)
    r.add_argument("output", type=Path)
    r.add_argument("--font", default=FONT)
    r.add_argument("--pages", help="keep only these pages, e.g. 1,10-11")
    s = sub.add_parser("scan", help="scanned rendition of any PDF")
    s.add_argument("input", type=Path)
    s.add_argument("output", type=Path)
    s.add_argument("--dpi", type=int, default=200)
    s.add_argument("--rotation", type=float, default=0.8)
    s.add_argument("--speckle", type=float, default=0.0015)
    s.add_argument("--jpeg", type=int, default=70)
    s.add_argument("--seed", type=int, default=5)
    s.add_argument("--pages", help="e.g. 1-4,9")
    b = sub.add_parser("build", help="the committed CI subset (and the benchmark set with --full)")
    b.add_argument("--full", action="store_true")
    args = parser.parse_args(argv)
    if args.command == "render":
        pdf = render(args.input, args.font)
        args.output.write_bytes(extract_pages(pdf, parse_pages(args.pages)) if args.pages else pdf)
    elif args.command == "scan":
        style = ScanStyle(args.dpi, args.rotation, args.speckle, args.jpeg, args.seed)
        print(scan(args.input, args.output, style, parse_pages(args.pages) if args.pages else None), "pages")
    else:
        build(args.full)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
