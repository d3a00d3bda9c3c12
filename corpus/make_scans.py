"""Scanned renditions of PDFs for the OCR route: typeset, rasterise, degrade, wrap back into PDF.  Deterministic.

Two steps, each usable alone:

- ``typeset``: a text export (``corpus/*.txt``) → a born-digital PDF typeset with PyMuPDF's Story (HTML + CSS,
  HarfBuzz shaping, a TLWG font): headings, paragraphs, ruled tables that break across pages.  Its text-layer parse
  is the reference the scan's OCR parse is scored against (until the golden-to-PDF renderer exists).
- ``scan``: any PDF → a scanned PDF: every page rasterised (greyscale) at ``--dpi``, rotated slightly, speckled,
  JPEG-compressed, and placed as the only content of a page of the original size.  Fixed seeds: the same input and
  options give byte-identical output.

``build`` makes the committed set under ``corpus/scanned/`` (small: the CI subset) and, with ``--full``, the
benchmark set (whole typeset plans at 200 and 300 dpi, and pages of ``shared/real-pdfs/31.pdf``).

    python corpus/make_scans.py typeset corpus/000_d48f5d17983ea448.txt /tmp/000.pdf
    python corpus/make_scans.py scan /tmp/000.pdf /tmp/000-scan200.pdf --dpi 200 --pages 1-4
    python corpus/make_scans.py build [--full]
"""

from __future__ import annotations

import argparse
import html
import io
import sys
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pymupdf
from PIL import Image

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from extractor.blocks import Block, BlockKind  # noqa: E402
from extractor.commands import parse_pages  # noqa: E402
from extractor.ingest.dump import read_dump_text  # noqa: E402
from extractor.ingest.text_decode import decode_text  # noqa: E402

FONT_DIR = Path("/usr/share/fonts/truetype/tlwg")
OUT_DIR = ROOT / "corpus" / "scanned"
CI_SEED = ROOT / "corpus" / "000_d48f5d17983ea448.txt"
REAL_PDF = ROOT.parent / "shared" / "real-pdfs" / "31.pdf"


@dataclass(frozen=True)
class ScanStyle:
    """How a page is degraded."""

    dpi: int = 200
    max_rotation: float = 0.8  # degrees; each page draws its own angle in ±this
    speckle: float = 0.0015  # share of pixels flipped to black or white
    jpeg_quality: int = 70
    seed: int = 5


def typeset(text_export: Path, out: Path, *, font: str = "Garuda", size: float = 11.0, blocks: list[int] | None = None) -> int:
    """Typeset a text export (its blocks with the given 0-based indexes, default all) as an A4 PDF; returns the page count."""
    flow = read_dump_text(decode_text(text_export.read_bytes()))
    chosen = flow if blocks is None else [flow[i] for i in blocks]
    body = "\n".join(_block_html(b) for b in chosen)
    css = (
        f"@font-face {{font-family: Plan; src: url({font}.ttf);}} "
        f"@font-face {{font-family: Plan; font-weight: bold; src: url({font}-Bold.ttf);}} "
        f"* {{font-family: Plan; font-size: {size}pt; line-height: 1.35;}} "
        "h2 {font-size: 14pt; font-weight: bold; margin-top: 8pt;} p {margin: 2pt 0;} "
        "table {border-collapse: collapse; width: 100%; margin: 4pt 0;} "
        "td, th {border: 0.8pt solid black; padding: 2pt 3pt; vertical-align: top;} th {font-weight: bold;}"
    )
    story = pymupdf.Story(html=body, user_css=css, archive=pymupdf.Archive(str(FONT_DIR)))
    writer = pymupdf.DocumentWriter(str(out))
    page_rect = pymupdf.paper_rect("a4")
    frame = page_rect + (50, 50, -50, -50)
    pages, more = 0, True
    while more:
        device = writer.begin_page(page_rect)
        more, _ = story.place(frame)
        story.draw(device)
        writer.end_page()
        pages += 1
    writer.close()
    return pages


def _block_html(block: Block) -> str:
    if block.kind is BlockKind.TABLE:
        rows = []
        for row in block.rows:
            tag = "th" if row.is_header else "td"
            cells = "".join(f"<{tag}>{html.escape(c.raw or c.text)}</{tag}>" for c in row.cells)
            rows.append(f"<tr>{cells}</tr>")
        return f"<table>{''.join(rows)}</table>"
    text = html.escape(block.raw or block.text)
    if block.kind is BlockKind.IMAGE or not text.strip():
        return ""
    if block.kind is BlockKind.HEADING:
        return f"<h2>{text}</h2>"
    return f"<p>{text}</p>"


def scan(source: Path | bytes, out: Path, style: ScanStyle, pages: list[int] | None = None) -> int:
    """Write a scanned rendition of ``source`` (the given 1-based pages, default all); returns the page count."""
    src = pymupdf.open(stream=source, filetype="pdf") if isinstance(source, bytes) else pymupdf.open(source)
    numbers = pages or list(range(1, src.page_count + 1))
    dst = pymupdf.open()
    rng = np.random.default_rng(style.seed)
    for number in numbers:
        page = src[number - 1]
        jpeg = degrade(page, style, rng)
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


def build(full: bool) -> None:
    """The committed CI subset (and with ``full`` the benchmark set, under /tmp)."""
    OUT_DIR.mkdir(exist_ok=True)
    typeset(CI_SEED, OUT_DIR / "excerpt000.pdf", blocks=CI_EXCERPT_BLOCKS)
    scan(OUT_DIR / "excerpt000.pdf", OUT_DIR / "excerpt000-scan200.pdf", ScanStyle(dpi=200))
    if full:
        bench = BENCH_DIR
        bench.mkdir(exist_ok=True)
        typeset(CI_SEED, bench / "plan000.pdf")
        for dpi in (200, 300):
            scan(bench / "plan000.pdf", bench / f"plan000-scan{dpi}.pdf", ScanStyle(dpi=dpi))
            if REAL_PDF.exists():
                scan(REAL_PDF, bench / f"real31-scan{dpi}.pdf", ScanStyle(dpi=dpi), list(range(1, 13)))


# CI excerpt of seed 000 (block indexes of its text export): the cover lines, the Part 1 project summary (a ruled
# table of 17 projects and a total row, which breaks across pages) and the first Part 2 development issue.
CI_EXCERPT_BLOCKS = [*range(2, 6), 63, 118, *range(125, 141), *range(155, 158), *range(161, 167)]
BENCH_DIR = Path("/tmp/extractor-scans")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    t = sub.add_parser("typeset", help="typeset a text export as a PDF")
    t.add_argument("input", type=Path)
    t.add_argument("output", type=Path)
    t.add_argument("--font", default="Garuda")
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
    if args.command == "typeset":
        print(typeset(args.input, args.output, font=args.font), "pages")
    elif args.command == "scan":
        style = ScanStyle(args.dpi, args.rotation, args.speckle, args.jpeg, args.seed)
        print(scan(args.input, args.output, style, parse_pages(args.pages) if args.pages else None), "pages")
    else:
        build(args.full)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
