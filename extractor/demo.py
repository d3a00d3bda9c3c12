"""``make demo``: parse every document of a folder and print what was found, one readable block per document.

    python -m extractor.demo corpus [-o OUT_DIR]
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

from extractor.emit import to_canonical_json
from extractor.emit.atomic import write_text_atomic
from extractor.errors import ExtractorError
from extractor.model.document import PlanDocument
from extractor.pipeline import parse

INPUT_SUFFIXES = {".txt", ".pdf", ".md"}


def summarise(document: PlanDocument) -> list[str]:
    """Readable lines: unit, year, counts of the main records, totals and findings."""
    info = document.document
    strategies = [s for d in document.strategic_alignment.dimensions for s in d.strategies]
    subs = [sub for s in strategies for sub in s.sub_strategies]
    kpis = [k for sub in subs for t in sub.tactics for k in t.kpis]
    projects = [p for sub in subs for p in sub.projects]
    projects += [p for issue in document.development_issues for p in issue.projects]
    projects += [p for group in document.routine_projects for p in group.projects]
    lines = [
        f"  unit: {info.unit_name or '?'} ({info.unit_abbreviation or '?'})   fiscal year: {info.fiscal_year_be or '?'}"
        f"   template: {info.template_id or 'none'}{'   TRUNCATED' if info.truncated else ''}",
        f"  strategies: {len(strategies)}   sub-strategies: {len(subs)}   KPIs: {len(kpis)}"
        f"   projects: {len(projects)}   development issues: {len(document.development_issues)}"
        f"   monitored KPIs: {len(document.monitoring.kpis)}   rubrics: {len(document.monitoring.rubrics)}",
    ]
    if document.plan_2563:
        goals = document.plan_2563.goals
        measures = sum(len(g.measures) for g in goals)
        lines.append(f"  2563 template: goals: {len(goals)}   measures: {measures}")
    if document.kpi_report:
        report = document.kpi_report
        lines.append(f"  KPI report: {report.number or ''} {report.name[:60]}   quarters: {len(report.quarters)}")
    for summary in document.project_summaries:
        stated = summary.stated_total.amount if summary.stated_total else None
        lines.append(
            f"  total ({summary.part}): stated {_baht(stated)}, computed {_baht(summary.computed_total)}"
            f"; projects stated {summary.stated_count}, counted {summary.computed_count}"
        )
    by_code = Counter(f.code for f in document.findings)
    lines.append(f"  findings: {len(document.findings)}" + "".join(f"\n    {n:4d} {c}" for c, n in sorted(by_code.items())))
    return lines


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
