"""``make demo``: parse every document of a folder and print what was found, one readable block per document.

    python -m extractor.demo corpus [-o OUT_DIR]
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path
from typing import Any

from extractor.emit import to_canonical_json, to_json_data
from extractor.emit.atomic import write_text_atomic
from extractor.errors import ExtractorError
from extractor.model.document import PlanDocument
from extractor.pipeline import parse

INPUT_SUFFIXES = {".txt", ".pdf", ".md"}


# What the summary counts: a label and the JSON keys whose lists hold such records, wherever they sit in the tree.
COUNTED = (
    ("strategies", ("strategies",)),
    ("sub-strategies", ("sub_strategies",)),
    ("tactics", ("tactics",)),
    ("KPIs", ("kpis",)),
    ("projects", ("projects", "children", "strategic_projects", "routine_projects")),
    ("development issues", ("development_issues",)),
    ("measure blocks", ("measure_blocks",)),
    ("rubrics", ("rubrics",)),
    ("quarters", ("quarters",)),
)


def summarise(document: PlanDocument) -> list[str]:
    """Readable lines: unit, year, counts of the main records, totals and findings."""
    info = document.document
    data = to_json_data(document)
    counts = [f"{label}: {n}" for label, keys in COUNTED if (n := count_records(data, keys))]
    lines = [
        f"  unit: {info.unit_name or '?'} ({info.unit_abbreviation or '?'})   fiscal year: {info.fiscal_year_be or '?'}"
        f"   template: {info.template_id or 'none'}{'   TRUNCATED' if info.truncated else ''}",
        "  " + "   ".join(counts),
    ]
    for summary in document.project_summaries:
        stated = summary.stated_total.amount if summary.stated_total else None
        lines.append(
            f"  total ({summary.part}): stated {_baht(stated)}, computed {_baht(summary.computed_total)}"
            f"; projects stated {summary.stated_count}, counted {summary.computed_count}"
        )
    by_code = Counter(f.code for f in document.findings)
    lines.append(f"  findings: {len(document.findings)}" + "".join(f"\n    {n:4d} {c}" for c, n in sorted(by_code.items())))
    return lines


def count_records(data: Any, keys: tuple[str, ...]) -> int:
    """How many records the lists under ``keys`` hold, anywhere in canonical JSON data (findings excluded)."""
    if isinstance(data, list):
        return sum(count_records(item, keys) for item in data)
    if not isinstance(data, dict):
        return 0
    total = 0
    for key, value in data.items():
        if key == "findings":
            continue
        if key in keys and isinstance(value, list):
            total += sum(1 for item in value if isinstance(item, dict))
        total += count_records(value, keys)
    return total


def _baht(amount: int | None) -> str:
    return "-" if amount is None else f"{amount:,} baht"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m extractor.demo", description=__doc__)
    parser.add_argument("folder", type=Path)
    parser.add_argument("-o", "--output", type=Path, default=Path("out"), help="where the JSON goes (default: out/)")
    args = parser.parse_args(argv)
    failures = 0
    for path in sorted(p for p in args.folder.iterdir() if p.suffix in INPUT_SUFFIXES):
        print(path.name)
        try:
            document = parse(path)
        except ExtractorError as exc:
            failures += 1
            print(f"  error: {exc}")
            continue
        write_text_atomic(args.output / f"{path.stem}.json", to_canonical_json(document))
        print("\n".join(summarise(document)))
    print(f"\nJSON written to {args.output}/")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
