"""``extractor score PRED.json GOLD.json``: field-level precision, recall, F1 per entity type, and CER of text."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from extractor.errors import InputError


def add_parser(subparsers) -> None:
    p = subparsers.add_parser("score", help="score a canonical JSON against a gold one (field P/R/F1, CER)")
    p.add_argument("pred", type=Path, help="predicted canonical JSON")
    p.add_argument("gold", type=Path, help="gold canonical JSON")
    p.add_argument("--json", action="store_true", help="print JSON instead of a table")
    p.add_argument("--no-findings", action="store_true", help="leave the findings out of the score")
    p.set_defaults(func=run)


def _load(path: Path) -> dict:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise InputError(f"cannot read {path}: {exc.strerror or exc}") from exc
    except json.JSONDecodeError as exc:
        raise InputError(f"{path} is not JSON: {exc}") from exc
    if not isinstance(data, dict):
        raise InputError(f"{path} is not a canonical document (a JSON object)")
    return data


def run(args: argparse.Namespace) -> int:
    from extractor.score import score

    report = score(_load(args.pred), _load(args.gold), include_findings=not args.no_findings).as_dict()
    if args.json:
        sys.stdout.write(json.dumps(report, ensure_ascii=False, indent=2) + "\n")
        return 0
    sys.stdout.write(format_table(report))
    return 0


def format_table(report: dict) -> str:
    """A plain-text table: one line per entity type, the overall line, the key fields, the CER of names."""
    lines = [f"{'entity':<22}{'P':>8}{'R':>8}{'F1':>8}{'gold':>8}{'CER':>8}"]

    def line(name: str, r: dict) -> str:
        cer = "-" if r["cer"] is None else f"{r['cer']:.3f}"
        return f"{name:<22}{r['precision']:>8.3f}{r['recall']:>8.3f}{r['f1']:>8.3f}{r['gold']:>8}{cer:>8}"

    for name, r in report["entities"].items():
        lines.append(line(name, r))
    lines.append(line("OVERALL", report["overall"]))
    for name, r in report["key_fields"].items():
        lines.append(line(name, r))
    names = report["names_cer"]
    lines.append(f"CER of names: {'-' if names is None else f'{names:.3f}'}")
    return "\n".join(lines) + "\n"
