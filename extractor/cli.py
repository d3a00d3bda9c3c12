"""Command line: ``extractor parse``, ``extractor schema`` and the subcommands of ``extractor/commands/``."""

from __future__ import annotations

import argparse
import importlib
import json
import pkgutil
import sys
from pathlib import Path

from extractor import commands
from extractor.errors import ExtractorError
from extractor.limits import add_limit_arguments, limits_from_args, memory_limit


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not hasattr(args, "func"):
        parser.print_help()
        return 2
    try:
        return args.func(args)
    except ExtractorError as exc:
        print(f"extractor: error: {exc}", file=sys.stderr)
        return exc.exit_code
    except BrokenPipeError:
        return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="extractor", description=__doc__)
    sub = parser.add_subparsers(metavar="COMMAND")
    p = sub.add_parser("parse", help="parse a plan (PDF or text export) into canonical JSON")
    p.add_argument("input", type=Path)
    p.add_argument("-o", "--output", type=Path, help="write here instead of standard output")
    p.add_argument("--password", help="password of an encrypted PDF")
    p.add_argument(
        "--ocr-dpi", type=_ocr_dpi, metavar="DPI",
        help="resolution scanned pages are rendered at for OCR (default 300: measured in benchmarks/RESULTS.md)",
    )
    add_limit_arguments(p)
    p.set_defaults(func=_cmd_parse)
    s = sub.add_parser("schema", help="print the JSON Schema of the canonical output")
    s.set_defaults(func=_cmd_schema)
    for module in pkgutil.iter_modules(commands.__path__):
        importlib.import_module(f"{commands.__name__}.{module.name}").add_parser(sub)
    return parser


def _ocr_dpi(value: str) -> int:
    """A rendering resolution for OCR: an integer between 50 and 1200 (a usage error otherwise)."""
    try:
        dpi = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a resolution: {value!r}") from None
    if not 50 <= dpi <= 1200:
        raise argparse.ArgumentTypeError(f"{dpi} dpi: use a resolution between 50 and 1200")
    return dpi


def _cmd_parse(args: argparse.Namespace) -> int:
    from extractor.emit import to_canonical_json
    from extractor.emit.atomic import write_text_atomic
    from extractor.pipeline import parse

    limits = limits_from_args(args)
    options: dict = {"password": args.password} if args.password is not None else {}
    if args.ocr_dpi is not None:
        from extractor.ingest.ocr import OcrOptions

        options["ocr"] = OcrOptions(dpi=args.ocr_dpi)
    with memory_limit(limits):
        text = to_canonical_json(parse(args.input, limits=limits, **options))
    if args.output:
        try:
            write_text_atomic(args.output, text)
        except OSError as exc:
            raise ExtractorError(f"cannot write {args.output}: {exc.strerror or exc}") from exc
    else:
        sys.stdout.write(text)
    return 0


def _cmd_schema(args: argparse.Namespace) -> int:
    from extractor.emit import json_schema

    sys.stdout.write(json.dumps(json_schema(), ensure_ascii=False, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
