"""Tesseract as a subprocess: a bitmap in, hOCR lines and word boxes out (parsed with lxml).

hOCR rather than TSV because its lines carry Tesseract's baseline and ``x_size`` (the line's font size in pixels):
Thai comes back almost glyph by glyph with boxes that jump up and down with the marks, so the line's baseline and
size are what the layout stage needs to rebuild words and lines.  ``OMP_THREAD_LIMIT=1``: pages run in parallel,
one Tesseract per core, and its own threads would only fight them.
"""

from __future__ import annotations

import io
import os
import shutil
import subprocess
from dataclasses import dataclass, field

import numpy as np
from lxml import html as lxml_html
from PIL import Image

from extractor.errors import ExtractorError

LANGUAGES = "tha+eng"
PAGE_SEGMENTATION = 3  # fully automatic page segmentation (columns, tables, headings)
TIMEOUT_SECONDS = 300
X_HEIGHT_CONSONANTS = frozenset("กขคฆงจฉชซดตถทธนบผพภมยรลวษสหอฮา")  # no ascender, no descender: ink from baseline to
# x-height, and Tesseract boxes them one glyph a word
CONSONANT_PER_EM = 0.58  # their ink height over the font size: TLWG Loma, Norasi 0.57, Waree, Kinnari 0.59-0.61;
# measured on the scanned corpus 0.571-0.580 at 10.5, 12 and 14 pt (x_size over the size: 0.71-1.30 on the same lines)


class OcrError(ExtractorError):
    """Tesseract is missing or failed on a page."""


@dataclass(slots=True)
class OcrWord:
    text: str
    bbox: tuple[int, int, int, int]  # pixels, top-left origin
    confidence: float  # 0..100
    bold: bool = False  # set from the bitmap's stroke width (``extractor.ingest.ocr_bold``): Tesseract does not say


@dataclass(slots=True)
class OcrLine:
    bbox: tuple[int, int, int, int]
    baseline: float  # y of the baseline (pixels) at the line's left edge
    x_size: float  # Tesseract's estimate of the line's font size (pixels)
    words: list[OcrWord] = field(default_factory=list)

    @property
    def text(self) -> str:
        return " ".join(w.text for w in self.words)

    @property
    def confidence(self) -> float:
        return sum(w.confidence for w in self.words) / len(self.words) if self.words else 0.0

    def consonant_heights(self) -> list[int]:
        """The box heights (pixels) of the line's words that are one consonant without ascender or descender
        (``X_HEIGHT_CONSONANTS``): each measures the line's x-height.  Boxes taller than the line's ``x_size`` are
        left out: Tesseract now and then boxes a run of a line's letters at the full height of the line (2.2
        x-heights: ``โ ค ร ง ก า ร`` all 56 px high over 25 px of ink, the 10.5 pt body), and where such boxes were
        the majority the line's size came out twice the body's and a real space looked half as wide."""
        heights = (w.bbox[3] - w.bbox[1] for w in self.words if w.text in X_HEIGHT_CONSONANTS)
        return [h for h in heights if h <= self.x_size]


def tesseract_available() -> bool:
    return shutil.which("tesseract") is not None


def run_tesseract(pixels: np.ndarray, dpi: int, *, languages: str = LANGUAGES, psm: int = PAGE_SEGMENTATION) -> bytes:
    """hOCR of a greyscale bitmap (raises ``OcrError`` when Tesseract is missing or fails)."""
    if not tesseract_available():
        raise OcrError("tesseract is not installed (apt-get install tesseract-ocr tesseract-ocr-tha)")
    buffer = io.BytesIO()
    Image.fromarray(pixels).save(buffer, format="PPM")  # greyscale: binary PGM, no compression to pay for
    command = ["tesseract", "stdin", "stdout", "-l", languages, "--psm", str(psm), "--dpi", str(dpi), "hocr"]
    env = {**os.environ, "OMP_THREAD_LIMIT": "1"}
    try:
        done = subprocess.run(command, input=buffer.getvalue(), capture_output=True, env=env, timeout=TIMEOUT_SECONDS, check=False)
    except subprocess.TimeoutExpired as exc:
        raise OcrError(f"tesseract timed out after {TIMEOUT_SECONDS} s") from exc
    if done.returncode != 0:
        raise OcrError(f"tesseract failed ({done.returncode}): {done.stderr.decode('utf-8', 'replace').strip()[:300]}")
    return done.stdout


def parse_hocr(data: bytes) -> list[OcrLine]:
    """The text lines of an hOCR page with their words (empty words dropped)."""
    if not data.strip():
        return []
    root = lxml_html.fromstring(data, parser=lxml_html.HTMLParser(encoding="utf-8"))  # hOCR is UTF-8
    lines: list[OcrLine] = []
    for node in root.xpath("//*[@class='ocr_line' or @class='ocr_caption' or @class='ocr_header' or @class='ocr_textfloat']"):
        props = _title_props(node.get("title", ""))
        bbox = _bbox(props)
        if bbox is None:
            continue
        slope_offset = props.get("baseline", ["0", "0"])
        baseline = bbox[3] + float(slope_offset[1]) if len(slope_offset) == 2 else float(bbox[3])
        x_size = float(props.get("x_size", [bbox[3] - bbox[1]])[0])
        line = OcrLine(bbox, baseline, x_size)
        for word in node.xpath(".//*[@class='ocrx_word']"):
            text = "".join(word.itertext()).strip()
            wprops = _title_props(word.get("title", ""))
            wbox = _bbox(wprops)
            if text and wbox is not None:
                line.words.append(OcrWord(text, wbox, float(wprops.get("x_wconf", ["0"])[0])))
        if line.words:
            lines.append(line)
    return lines


def _title_props(title: str) -> dict[str, list[str]]:
    props: dict[str, list[str]] = {}
    for part in title.split(";"):
        items = part.split()
        if items:
            props[items[0]] = items[1:]
    return props


def _bbox(props: dict[str, list[str]]) -> tuple[int, int, int, int] | None:
    values = props.get("bbox")
    if not values or len(values) != 4:
        return None
    x0, y0, x1, y1 = (int(v) for v in values)
    return (x0, y0, x1, y1)
