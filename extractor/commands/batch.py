"""``extractor batch INPUT... -o OUT_DIR``: parse many documents in parallel, resumably (see ``extractor.batch``)."""

from __future__ import annotations

import argparse
from pathlib import Path

from extractor.limits import add_limit_arguments, limits_from_args

EXIT_SOME_FAILED = 1


def add_parser(subparsers) -> None:
    p = subparsers.add_parser(
        "batch",
        help="parse many documents into a folder with a resumable catalogue and CSV/XLSX/JSONL exports",
        description="Parse files, folders (recursively) and list files (@list.txt, one path a line) into OUT_DIR: "
        "documents/<sha256>.json, catalogue.sqlite, exports/.  A re-run skips what is already done.  Exit code: "
        "0 all succeeded, 1 some documents failed (listed in the summary).  Limits per document: the --max-* options "
        "are checked as the document is read (a clear error); --timeout kills the worker of a document that never "
        "returns.",
    )
    p.add_argument("inputs", nargs="+", metavar="INPUT", help="file, folder, or @list.txt")
    p.add_argument("-o", "--output", type=Path, required=True, metavar="OUT_DIR")
    p.add_argument("--workers", type=_positive_int, help="worker processes (default: every core)")
    p.add_argument(
        "--timeout",
        type=float,
        metavar="S",
        help="hard limit per document: the worker process is killed (default: --max-seconds + 60; 0: none)",
    )
    add_limit_arguments(p)
    p.add_argument("--force", action="store_true", help="parse everything again, even what the catalogue has")
    p.add_argument("--retry-failed", action="store_true", help="parse again the documents that failed before")
    p.add_argument("--scheduler", metavar="tcp://HOST:PORT", help="run on this Dask scheduler (extractor[distributed])")
    p.add_argument(
        "--exports",
        type=_formats,
        default="jsonl,csv,xlsx",
        help="comma-separated export formats: jsonl, csv, xlsx (default all; 'none' for none)",
    )
    p.add_argument("--quiet", action="store_true", help="no progress bar")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from extractor.batch import BatchOptions, run_batch

    options = BatchOptions(
        workers=args.workers,
        limits=limits_from_args(args),
        timeout=args.timeout,
        force=args.force,
        retry_failed=args.retry_failed,
        scheduler=args.scheduler,
        exports=args.exports,
        progress=not args.quiet,
    )
    summary = run_batch(args.inputs, args.output, options)
    print(summary.format())
    return 0 if summary.ok else EXIT_SOME_FAILED


def _formats(text: str) -> tuple[str, ...]:
    if text.strip().lower() == "none":
        return ()
    formats = tuple(f.strip().lower() for f in text.split(",") if f.strip())
    unknown = sorted(set(formats) - {"jsonl", "csv", "xlsx"})
    if unknown:
        raise argparse.ArgumentTypeError(f"unknown export format(s): {', '.join(unknown)}")
    return formats


def _positive_int(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return value
