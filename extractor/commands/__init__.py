"""Subcommands beyond ``parse`` and ``schema``: each module defines ``add_parser(subparsers)``.

Helpers shared by several subcommands live here.
"""

from __future__ import annotations

from extractor.errors import InputError


def parse_pages(spec: str) -> list[int]:
    """``1-3,7`` → [1, 2, 3, 7]; a clear error for anything else."""
    pages: list[int] = []
    for part in spec.split(","):
        first, dash, last = part.strip().partition("-")
        try:
            a, b = int(first), int(last if dash else first)
        except ValueError:
            raise InputError(f"bad page list {spec!r}: use numbers and ranges like 1-3,7") from None
        if a < 1 or b < a:
            raise InputError(f"bad page range {part.strip()!r} in {spec!r}")
        pages.extend(range(a, b + 1))
    return sorted(set(pages))
