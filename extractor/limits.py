"""Resource limits per document: pages, pixels, time, memory.

An archive team feeds thousands of documents of unknown quality to the engine; one of them must not be able to
take the machine down.  ``Limits`` says how much one document may cost; the checks raise ``LimitExceededError``
(exit code 4 in the CLI, a failed row in a batch) *before* the cost is paid wherever that is possible:

- pages: the page count is checked right after the PDF is opened, before any page is read;
- pixels: a page is checked against ``max_pixels`` at ``render_dpi`` (what rendering it for OCR or a review page
  would allocate), and every embedded image by its declared width × height, before anything is decoded;
- time: a cooperative ``Deadline`` checked between pages and between pipeline stages (a stage in progress is not
  interrupted: a batch runner adds a hard kill on top for code that never returns);
- memory: an address-space cap (``RLIMIT_AS``) that a process applies to itself with ``memory_limit`` — the CLI
  does it around one ``parse``; batch workers should do it once per worker.  ``parse`` never sets it itself: a
  library must not change the limits of the program that imports it.  When the cap is hit, ``parse`` turns the
  ``MemoryError`` into a ``LimitExceededError``.
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from extractor.errors import LimitExceededError

POINTS_PER_INCH = 72.0


@dataclass(frozen=True, slots=True)
class Limits:
    """What one document may cost.  ``None`` switches a limit off."""

    max_pages: int | None = 2000  # BMA plans run to a few hundred pages; thousands means a scan dump or an attack
    max_pixels: int | None = 200_000_000  # one page at render_dpi, or one embedded image (A3 at 300 dpi ≈ 17.4 Mpx)
    render_dpi: int = 300  # the resolution OCR and page renders use
    max_seconds: float | None = 600.0  # wall clock for one document (cooperative, checked between pages/stages)
    max_memory_mb: int | None = 4096  # address-space cap applied by ``memory_limit`` (CLI, batch workers)

    def check_pages(self, count: int) -> None:
        if self.max_pages is not None and count > self.max_pages:
            raise LimitExceededError(f"the document has {count} pages, more than the limit of {self.max_pages}")

    def check_page_size(self, width_pt: float, height_pt: float, page: int) -> None:
        """A page whose rendering at ``render_dpi`` would exceed ``max_pixels``."""
        scale = self.render_dpi / POINTS_PER_INCH
        pixels = abs(width_pt * scale) * abs(height_pt * scale)  # a float: a corrupt box may be huge or not finite
        self._check_pixels(pixels, f"page {page} ({width_pt:.0f} × {height_pt:.0f} pt at {self.render_dpi} dpi)")

    def check_image(self, width_px: int, height_px: int, page: int) -> None:
        """An embedded image whose decoded size would exceed ``max_pixels``."""
        self._check_pixels(width_px * height_px, f"an image on page {page} ({width_px} × {height_px} px)")

    def _check_pixels(self, pixels: float, what: str) -> None:
        if self.max_pixels is not None and not pixels <= self.max_pixels:  # NaN fails too
            raise LimitExceededError(f"{what} is {pixels:,.0f} pixels, more than the limit of {self.max_pixels:,}")

    def start(self, clock: Callable[[], float] = time.monotonic) -> Deadline:
        """The deadline of a document whose processing starts now."""
        return Deadline(self.max_seconds, clock)


class Deadline:
    """A time budget checked cooperatively: ``check`` raises once the budget is spent."""

    def __init__(self, seconds: float | None, clock: Callable[[], float] = time.monotonic) -> None:
        self._clock = clock
        self._seconds = seconds
        self._end = None if seconds is None else clock() + seconds

    def check(self, where: str) -> None:
        """Raise ``LimitExceededError`` if the budget is spent; ``where`` names the stage or page reached."""
        if self._end is not None and self._clock() > self._end:
            raise LimitExceededError(f"time limit of {self._seconds:g} s exceeded ({where})")


NO_DEADLINE = Deadline(None)


@contextlib.contextmanager
def memory_limit(limits: Limits) -> Iterator[None]:
    """Cap this process's address space at ``limits.max_memory_mb`` while the block runs, then restore it.

    Only the soft limit is lowered (never above the hard limit), so it can be restored.  A no-op where
    ``resource`` does not exist (Windows) or when the limit is off.
    """
    try:
        import resource
    except ImportError:  # pragma: no cover - not on POSIX
        yield
        return
    if limits.max_memory_mb is None:
        yield
        return
    soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    cap = limits.max_memory_mb * 1024 * 1024
    for current in (soft, hard):
        if current != resource.RLIM_INFINITY:
            cap = min(cap, current)  # never loosen a limit the process already has
    resource.setrlimit(resource.RLIMIT_AS, (cap, hard))
    try:
        yield
    finally:
        resource.setrlimit(resource.RLIMIT_AS, (soft, hard))


def add_limit_arguments(parser) -> None:
    """The ``--max-*`` options of a command that parses documents (``extractor parse``, ``extractor batch``)."""
    defaults = Limits()
    group = parser.add_argument_group("limits per document ('off' switches one off)")
    options = [
        ("--max-pages", _optional(int), defaults.max_pages, "N", "refuse a PDF with more pages"),
        ("--max-pixels", _optional(int), defaults.max_pixels, "N", "refuse a page (at --render-dpi) or image larger"),
        ("--render-dpi", int, defaults.render_dpi, "DPI", "resolution the page pixel limit assumes"),
        ("--max-seconds", _optional(float), defaults.max_seconds, "S", "give up on a document after this long"),
        ("--max-memory-mb", _optional(int), defaults.max_memory_mb, "MB", "address-space cap while parsing"),
    ]
    for flag, kind, default, metavar, help_text in options:
        group.add_argument(flag, type=kind, default=default, metavar=metavar, help=f"{help_text} (default {default})")


def limits_from_args(args) -> Limits:
    """The ``Limits`` given by the options ``add_limit_arguments`` added."""
    return Limits(
        max_pages=args.max_pages,
        max_pixels=args.max_pixels,
        render_dpi=args.render_dpi,
        max_seconds=args.max_seconds,
        max_memory_mb=args.max_memory_mb,
    )


def _optional(kind: Callable[[str], float]) -> Callable[[str], float | None]:
    def convert(text: str) -> float | None:
        if text.strip().lower() in ("off", "none"):
            return None
        value = kind(text)
        if value <= 0:
            raise ValueError(text)
        return value

    convert.__name__ = kind.__name__  # argparse names the type in its error message
    return convert
