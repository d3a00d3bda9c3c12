"""Bitmap side of the OCR route: render a page, deskew it, binarise it, find table rulings, erase them.

Everything here is plain numpy on a greyscale bitmap (no OpenCV): rulings are long runs of dark pixels along a
row (horizontal) or a column (vertical), which letters never make; skew is the angle whose row projection of the
ink is sharpest (text lines are then parallel to the rows).  The rulings found go to the layout stage exactly like
the vector rulings of a born-digital page; erasing them before OCR keeps Tesseract from reading them as ``|`` or
``_`` or merging them into letters.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pymupdf
from PIL import Image

from extractor.layout.types import Ruling

MAX_SKEW = 3.0  # degrees searched each way; a scan tilted more than this is beyond "slight"
MIN_SKEW = 0.15  # below this a rotation only blurs the bitmap (and the estimate is within its own noise)
MIN_RULING_INCH = 0.3  # a dark run at least this long (inches) is a ruling, not a letter stroke
MAX_RULING_INCH = 0.04  # ... and at most this thick
GAP_BRIDGE_PX = 2  # JPEG and speckle break a printed rule into pieces this far apart


@dataclass(slots=True)
class PageImage:
    """A rendered page: greyscale pixels (0 black … 255 white), resolution, and the skew that was removed."""

    pixels: np.ndarray
    dpi: int
    skew_degrees: float = 0.0

    @property
    def scale(self) -> float:
        """PDF points per pixel."""
        return 72.0 / self.dpi


def render_page(page: pymupdf.Page, dpi: int) -> PageImage:
    """The page as a greyscale bitmap at ``dpi`` (PyMuPDF is not thread-safe: call from one thread)."""
    pix = page.get_pixmap(dpi=dpi, colorspace=pymupdf.csGRAY, alpha=False)
    pixels = np.frombuffer(pix.samples, dtype=np.uint8).reshape(pix.height, pix.stride)[:, : pix.width].copy()
    return PageImage(pixels, dpi)


def otsu_threshold(pixels: np.ndarray) -> int:
    """Otsu's threshold of a greyscale bitmap (ink below it)."""
    # PIL counts the grey levels of a whole page in a third of np.bincount's time (which widens every pixel first)
    hist = np.array(Image.fromarray(pixels).histogram(), dtype=np.float64)
    total = hist.sum()
    weights = np.cumsum(hist)
    means = np.cumsum(hist * np.arange(256))
    fg, bg = weights, total - weights
    with np.errstate(divide="ignore", invalid="ignore"):
        between = (means[-1] * fg - means * total) ** 2 / (fg * bg)
    between[~np.isfinite(between)] = 0
    return int(np.argmax(between))


def ink_mask(pixels: np.ndarray) -> np.ndarray:
    """Dark pixels (True = ink); a blank page has no ink whatever its noise."""
    threshold = otsu_threshold(pixels)
    return pixels <= min(threshold, 200)


def estimate_skew(ink: np.ndarray, max_degrees: float = MAX_SKEW) -> float:
    """Skew angle (degrees, counter-clockwise positive) that makes the ink's row profile sharpest."""
    step = max(1, ink.shape[1] // 800)  # work on at most ~800 columns: plenty for an angle to 0.05°
    ys, xs = np.nonzero(ink[::step, ::step])
    if len(ys) < 200:
        return 0.0
    xs = xs.astype(np.float64) - xs.mean()

    def sharpness(angle: float) -> float:
        rows = np.round(ys + xs * np.tan(np.radians(angle))).astype(np.int64)
        counts = np.bincount(rows - rows.min())
        return float(np.dot(counts, counts))

    best = max(np.arange(-max_degrees, max_degrees + 1e-9, 0.25), key=sharpness)
    fine = np.arange(best - 0.25, best + 0.25 + 1e-9, 0.05)
    return float(max(fine, key=sharpness))


def deskew(image: PageImage) -> PageImage:
    """The page rotated so its text lines are horizontal (a no-op below ``MIN_SKEW``)."""
    angle = estimate_skew(ink_mask(image.pixels))
    if abs(angle) < MIN_SKEW:
        return image
    # the sheared profile is sharpest at `angle`: rows tilt by -angle, so rotate the bitmap by -angle to level them
    rotated = Image.fromarray(image.pixels).rotate(-angle, resample=Image.BILINEAR, fillcolor=255)
    return PageImage(np.asarray(rotated).copy(), image.dpi, angle)


def _bridge(ink: np.ndarray) -> np.ndarray:
    """Close gaps of up to ``GAP_BRIDGE_PX`` along rows (a printed rule broken by compression noise)."""
    out = ink.copy(order="K")  # a transposed view stays in its memory order (no strided copy of the whole page)
    for shift in range(1, GAP_BRIDGE_PX + 1):
        out[:, shift:-shift] |= ink[:, : -2 * shift] & ink[:, 2 * shift :]
    return out


def _runs(mask: np.ndarray, min_len: int) -> list[tuple[int, int, int]]:
    """(row, start, end) of every run of True at least ``min_len`` long, per row of ``mask``.

    Rows are first screened (``_rows_with_run``), so the exact run boundaries are computed only on the few rows
    that hold a rule.
    """
    if mask.shape[1] <= min_len:
        return []
    candidates = _rows_with_run(mask, min_len)
    if not len(candidates):
        return []
    rows = mask[candidates]
    padded = np.zeros((rows.shape[0], rows.shape[1] + 2), dtype=np.int8)
    padded[:, 1:-1] = rows
    diff = np.diff(padded, axis=1)
    rows_s, starts = np.nonzero(diff == 1)
    _, ends = np.nonzero(diff == -1)  # same row-major order as the starts: one end per start
    keep = ends - starts >= min_len
    return list(zip(candidates[rows_s[keep]].tolist(), starts[keep].tolist(), ends[keep].tolist()))


def _rows_with_run(mask: np.ndarray, min_len: int) -> np.ndarray:
    """Indexes of the rows of ``mask`` that hold a run of at least ``min_len`` True.

    The rows are eroded by doubling shifts: after the step that reaches ``length``, a True says that the ``length``
    cells from it are all True; a last shift makes up the rest.  Eight boolean ANDs of the bitmap for a 0.3-inch
    rule at 300 dpi: a quarter of the time of running sums in 32-bit integers.
    """
    run, length = mask, 1
    while 2 * length <= min_len:
        run = run[:, :-length] & run[:, length:]
        length *= 2
    if length < min_len:
        run = run[:, : length - min_len] & run[:, min_len - length :]
    return np.nonzero(run.any(axis=1))[0]


def _group_runs(runs: list[tuple[int, int, int]], max_thick: int) -> list[tuple[float, int, int, int]]:
    """Stack runs on adjacent rows that overlap into one rule: (centre row, start, end, thickness)."""
    open_rules: list[list[int]] = []  # [first_row, last_row, start, end]
    done: list[list[int]] = []
    for row, start, end in sorted(runs):
        still_open = []
        matched = None
        for rule in open_rules:
            if rule[1] < row - 1:
                done.append(rule)
                continue
            still_open.append(rule)
            if matched is None and rule[1] == row - 1 and start < rule[3] and end > rule[2]:
                matched = rule
        open_rules = still_open
        if matched is not None and matched[1] != row:
            matched[1] = row
            matched[2], matched[3] = min(matched[2], start), max(matched[3], end)
        else:
            open_rules.append([row, row, start, end])
    done.extend(open_rules)
    out = []
    for first, last, start, end in done:
        thick = last - first + 1
        if thick <= max_thick:
            out.append(((first + last) / 2, start, end, thick))
    return out


def find_rulings(image: PageImage, ink: np.ndarray | None = None) -> tuple[list[Ruling], np.ndarray]:
    """Horizontal and vertical rulings (in PDF points) and the mask of their pixels (to erase before OCR)."""
    ink = ink_mask(image.pixels) if ink is None else ink
    min_len = max(8, round(MIN_RULING_INCH * image.dpi))
    max_thick = max(2, round(MAX_RULING_INCH * image.dpi))
    scale = image.scale
    erase = np.zeros_like(ink)
    rulings: list[Ruling] = []
    for horizontal in (True, False):
        mask = _bridge(ink if horizontal else ink.T)
        for centre, start, end, thick in _group_runs(_runs(mask, min_len), max_thick):
            rulings.append(Ruling(horizontal, (centre + 0.5) * scale, start * scale, end * scale))
            lo, hi = int(centre - thick / 2 - 1), int(centre + thick / 2 + 2)
            if horizontal:
                erase[max(lo, 0) : hi, start:end] = True
            else:
                erase[start:end, max(lo, 0) : hi] = True
    return rulings, erase


def box_count(mask: np.ndarray, radius: int) -> np.ndarray:
    """Number of True pixels in the (2·radius+1)² window around each pixel (separable sums of shifted slices)."""
    k = 2 * radius + 1
    dtype = np.uint8 if k * k < 256 else np.int32
    padded = np.pad(mask, radius).astype(dtype)
    h, w = mask.shape
    rows = padded[:, 0:w].copy()
    for dx in range(1, k):
        rows += padded[:, dx : dx + w]
    out = rows[0:h].copy()
    for dy in range(1, k):
        out += rows[dy : dy + h]
    return out


def speckles(image: PageImage, ink: np.ndarray | None = None) -> np.ndarray:
    """Isolated specks of ink (scanner dust, noise): dark pixels with almost no dark neighbours.

    The window and the count scale with the resolution so that a full stop or a Thai mark's loop (a few points
    across) stays, while a speck of a pixel or two goes.
    """
    ink = ink_mask(image.pixels) if ink is None else ink
    radius = max(1, round(image.dpi / 150))
    return ink & (box_count(ink, radius) <= 2 * radius + 2)


def erase(image: PageImage, mask: np.ndarray) -> np.ndarray:
    """The page's pixels with the masked pixels set to white."""
    pixels = image.pixels.copy()
    pixels[box_count(mask, 1) > 0] = 255  # one pixel beyond: the grey fringe JPEG and resampling leave
    return pixels


def run_lengths(mask: np.ndarray) -> np.ndarray:
    """Lengths of the horizontal runs of True in ``mask`` (every row)."""
    if mask.size == 0:
        return np.zeros(0, dtype=np.int64)
    padded = np.zeros((mask.shape[0], mask.shape[1] + 2), dtype=np.int8)
    padded[:, 1:-1] = mask
    diff = np.diff(padded, axis=1).ravel()
    return np.flatnonzero(diff == -1) - np.flatnonzero(diff == 1)  # each row opens and closes its runs: pairs


def stroke_width(ink: np.ndarray, boxes: list[tuple[int, int, int, int]]) -> float:
    """Width (pixels) of the vertical strokes inside the boxes: the mean horizontal run of ink, runs longer than
    twice the median left out.

    A bold face draws its stems about half as wide again as the regular one at the same size; the stems set the
    median run, and horizontal strokes, bars and dashes (a few long runs) are left out so they do not count."""
    runs = [run_lengths(ink[y0 : y1 + 1, x0 : x1 + 1]) for x0, y0, x1, y1 in boxes]
    runs = [r for r in runs if len(r)]
    if not runs:
        return 0.0
    all_runs = np.concatenate(runs)
    return float(all_runs[all_runs <= 2 * np.median(all_runs)].mean())
