"""Round trip: parse a seed's text dump, render the canonical document to PDF, parse the PDF, compare the content.

``python -m corpus.render.roundtrip [--fonts Garuda,Loma] [--write-pdfs DIR]`` prints the per-seed, per-section
score of equal content fields (the table in benchmarks/RESULTS.md, section "Round trip").  Findings are left out of
the comparison: they describe the input (repairs made, furniture removed, how a value was read), which differs by
route by design; so are the fields in ``PAGINATION_KEYS``, which count how the source cut its rows; everything
else in ``content_view`` is compared.
"""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import extractor
from extractor.emit.canonical import content_view, to_json_data
from extractor.model.document import PlanDocument

from corpus.render import FONTS, render_pdf

CORPUS = Path(__file__).resolve().parents[1]
# Seeds rendered in every font; the others in one font only, to keep the round-trip tests under 90 s of CPU
# (a full plan renders and parses back in 4-10 s).  The font-sensitive parts (Part 1 tables, the KPI report, the
# front matter and Parts 2-4) are all in 000 and 004.
ALL_FONT_SEEDS = ("000", "004")
ONE_FONT = "Loma"
# Fields of the canonical document that describe how it was read (the route, its findings), not what it says
ROUTE_FIELDS = frozenset({"schema_version", "findings", "input"})
# Every content section of the model, so a section added to the model is round-tripped without a list to update
SECTIONS = tuple(name for name in PlanDocument.model_fields if name not in ROUTE_FIELDS)
_MISSING = object()
# Fields that record the source's pagination, not what it says: ``continued_rows`` counts the source rows merged
# into a KPI record (the rows a page break or a text export's line split cut it into).  The same KPI typeset on
# pages of another size is cut elsewhere (a longer definition cell is one row on a landscape page, three in the
# export), so the count belongs with the provenance; the merged text itself is compared.
PAGINATION_KEYS = frozenset({"continued_rows"})


@dataclass
class RoundTrip:
    """The content of one seed read from its dump and from its rendering in one font."""

    seed: str
    font: str
    dump: dict[str, Any]
    pdf: dict[str, Any]
    pdf_bytes: bytes

    def section(self, name: str) -> tuple[Any, Any]:
        return self.dump.get(name), self.pdf.get(name)


def seeds() -> list[str]:
    return sorted(p.stem for p in CORPUS.glob("[0-9][0-9][0-9]_*.txt"))


def fonts_for(seed: str, fonts: tuple[str, ...] = FONTS) -> tuple[str, ...]:
    """The fonts a seed is rendered in: all for ``ALL_FONT_SEEDS``, else ``ONE_FONT`` (if it is among ``fonts``)."""
    if seed[:3] in ALL_FONT_SEEDS:
        return fonts
    return (ONE_FONT,) if ONE_FONT in fonts else fonts[:1]


def content(document) -> dict[str, Any]:
    """The content compared across routes: ``content_view`` less the pagination counts (``PAGINATION_KEYS``)."""
    return _without(content_view(to_json_data(document)), PAGINATION_KEYS)


def _without(data: Any, keys: frozenset[str]) -> Any:
    if isinstance(data, dict):
        return {k: _without(v, keys) for k, v in data.items() if k not in keys}
    if isinstance(data, list):
        return [_without(v, keys) for v in data]
    return data


def round_trip(seed: str, font: str, dump_content: dict[str, Any] | None = None) -> RoundTrip:
    document = extractor.parse(CORPUS / f"{seed}.txt")
    pdf = render_pdf(document, font)
    return RoundTrip(seed, font, dump_content or content(document), content(extractor.parse(pdf)), pdf)


def differences(a: Any, b: Any, path: str = "") -> Iterator[str]:
    """Paths where ``a`` and ``b`` differ: changed leaves, missing keys, list length changes (then item by item)."""
    if isinstance(a, dict) and isinstance(b, dict):
        for key in list(a) + [k for k in b if k not in a]:
            yield from differences(a.get(key, _MISSING), b.get(key, _MISSING), f"{path}.{key}")
    elif isinstance(a, list) and isinstance(b, list):
        if len(a) != len(b):
            yield f"{path}[len {len(a)}≠{len(b)}]"
        for index, (x, y) in enumerate(zip(a, b)):
            yield from differences(x, y, f"{path}[{index}]")
    elif a != b:
        yield path


def leaves(data: Any) -> int:
    if isinstance(data, dict):
        return sum(leaves(v) for v in data.values())
    if isinstance(data, list):
        return sum(leaves(v) for v in data)
    return 0 if data is None else 1


def equal_leaves(a: Any, b: Any) -> int:
    """Leaves of ``a`` equal at the same path in ``b`` (lists compared item by item)."""
    if isinstance(a, dict) and isinstance(b, dict):
        return sum(equal_leaves(v, b.get(k)) for k, v in a.items())
    if isinstance(a, list) and isinstance(b, list):
        return sum(equal_leaves(x, y) for x, y in zip(a, b))
    if isinstance(a, (dict, list)):
        return 0
    return int(a is not None and a == b)


def summary(paths: list[str], limit: int = 8) -> str:
    """A compact list of differing paths (list indexes folded) for assertion messages."""
    shown = paths[:limit]
    more = f" … and {len(paths) - limit} more" if len(paths) > limit else ""
    return "; ".join(shown) + more


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--fonts", default=",".join(FONTS))
    parser.add_argument("--all-fonts", action="store_true", help="every seed in every font (default: fonts_for)")
    parser.add_argument("--write-pdfs", type=Path, help="also write the rendered PDFs to this folder")
    args = parser.parse_args()
    print("| seed | font | " + " | ".join(SECTIONS) + " |")
    print("|---|---|" + "---|" * len(SECTIONS))
    for seed in seeds():
        fonts = tuple(args.fonts.split(","))
        for font in fonts if args.all_fonts else fonts_for(seed, fonts):
            rt = round_trip(seed, font)
            if args.write_pdfs:
                args.write_pdfs.mkdir(parents=True, exist_ok=True)
                (args.write_pdfs / f"{seed}.{font}.pdf").write_bytes(rt.pdf_bytes)
            cells = []
            for name in SECTIONS:
                a, b = rt.section(name)
                total = leaves(a)
                cells.append("–" if total == 0 and leaves(b) == 0 else f"{equal_leaves(a, b)}/{total}")
            print(f"| {seed[:3]} | {font} | " + " | ".join(cells) + " |")


if __name__ == "__main__":
    main()
