"""Progress of a batch on standard error: a redrawn bar on a terminal, plain lines otherwise (logs, CI).

Rates count only documents parsed in this run (skipped ones cost nothing), from the first one handed to a worker.
"""

from __future__ import annotations

import sys
import time
from typing import TextIO

BAR_WIDTH = 24


class Progress:
    def __init__(
        self, total: int, stream: TextIO | None = None, *, tty: bool | None = None, interval: float | None = None
    ) -> None:
        self.stream = stream if stream is not None else sys.stderr
        self.tty = tty if tty is not None else bool(getattr(self.stream, "isatty", lambda: False)())
        self.interval = interval if interval is not None else (0.1 if self.tty else 5.0)
        self.total = total
        self.done = self.parsed = self.skipped = self.failed = self.pages = 0
        self.started = time.monotonic()
        self.last_draw = float("-inf")
        self.drawn = -1  # ``done`` when the last line was drawn

    def advance(self, *, parsed: bool, failed: bool = False, pages: int = 0) -> None:
        """One input finished: parsed now (``parsed``), or skipped (already done, or a duplicate)."""
        self.done += 1
        self.parsed += parsed
        self.skipped += not parsed
        self.failed += failed
        self.pages += pages
        now = time.monotonic()
        if now - self.last_draw >= self.interval:
            self._draw(now)

    def close(self) -> None:
        if self.drawn != self.done or self.tty:
            self._draw(time.monotonic())
        if self.tty:
            self.stream.write("\n")
        self.stream.flush()

    def line(self, now: float | None = None) -> str:
        elapsed = max((now or time.monotonic()) - self.started, 1e-9)
        docs_rate, pages_rate = self.parsed / elapsed, self.pages / elapsed
        remaining = self.total - self.done
        eta = _clock(remaining / docs_rate) if docs_rate > 0 else "--:--:--"
        filled = int(BAR_WIDTH * self.done / self.total) if self.total else BAR_WIDTH
        bar = "#" * filled + "-" * (BAR_WIDTH - filled)
        return (
            f"[{bar}] {self.done}/{self.total} documents ({self.skipped} skipped, {self.failed} failed) | "
            f"{docs_rate:.2f} docs/s, {pages_rate:.1f} pages/s | ETA {eta}"
        )

    def _draw(self, now: float) -> None:
        self.last_draw, self.drawn = now, self.done
        if self.tty:
            self.stream.write("\r" + self.line(now) + "\x1b[K")
        else:
            self.stream.write(self.line(now) + "\n")
        self.stream.flush()


def _clock(seconds: float) -> str:
    seconds = int(round(seconds))
    return f"{seconds // 3600}:{seconds % 3600 // 60:02d}:{seconds % 60:02d}"
