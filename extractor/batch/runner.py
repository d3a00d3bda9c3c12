"""``run_batch``: many documents in, one JSON per distinct content, a catalogue, exports and a summary out.

Output folder::

    catalogue.sqlite          the catalogue (see ``extractor.batch.catalogue``)
    documents/<sha256>.json   canonical JSON of each distinct input content
    exports/                  batch.jsonl, documents.csv, projects.csv, kpis.csv, rubric_rows.csv, findings.csv,
                              batch.xlsx (one sheet per table)
    summary.json              the last run's summary
    workers.log               what worker processes wrote on standard error (library warnings)

Crash safety: a document's JSON is written atomically *before* its catalogue row is committed, so a finished row
always has its output; a batch killed at any point resumes where it stopped, and documents finished before the kill
are not parsed again.  Outputs depend only on the inputs (never on the worker count or completion order).
"""

from __future__ import annotations

import json
import os
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import TextIO

from extractor.batch.catalogue import Catalogue
from extractor.batch.inputs import expand_inputs, read_input
from extractor.batch.jobs import DEFAULT_PARSER, Job, JobResult
from extractor.batch.progress import Progress
from extractor.batch.summary import BatchSummary, add_counts
from extractor.emit.atomic import write_text_atomic
from extractor.emit.flat import FORMATS as EXPORT_FORMATS
from extractor.errors import ExtractorError
from extractor.limits import Limits


@dataclass
class BatchOptions:
    workers: int | None = None  # local worker processes; default: every core
    limits: Limits = field(default_factory=Limits)  # per document: pages, pixels, cooperative time, memory
    timeout: float | None = None  # hard limit, seconds: the worker is killed (None: see ``hard_timeout``; 0: none)
    force: bool = False  # parse every input again, even when the catalogue has it
    retry_failed: bool = False  # parse again inputs that failed before (done ones are still skipped)
    scheduler: str | None = None  # Dask scheduler address, tcp://HOST:PORT; None: local processes
    exports: tuple[str, ...] = EXPORT_FORMATS
    parser: str = DEFAULT_PARSER  # "module:function" turning bytes into a PlanDocument
    progress: bool = True
    extra: dict = field(default_factory=dict)  # recorded with the run (e.g. the command line)


KILL_GRACE_SECONDS = 60.0
DEFAULT_HARD_TIMEOUT = 660.0


def hard_timeout(options: BatchOptions) -> float | None:
    """The time after which a worker is killed: ``options.timeout`` (0: never), or else the cooperative limit
    (``limits.max_seconds``, which ends a slow document with a clear message) plus a grace period, so the kill is
    only for code that never returns."""
    if options.timeout is not None:
        return options.timeout if options.timeout > 0 else None
    if options.limits.max_seconds is not None:
        return options.limits.max_seconds + KILL_GRACE_SECONDS
    return DEFAULT_HARD_TIMEOUT


def engine_version() -> str:
    """Outputs of another engine or schema version are parsed again on resume."""
    from extractor import __version__
    from extractor.model.document import SCHEMA_VERSION

    return f"{__version__}/{SCHEMA_VERSION}"


def default_workers() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def run_batch(
    inputs: Iterable[str | Path],
    out_dir: str | Path,
    options: BatchOptions | None = None,
    *,
    progress_stream: TextIO | None = None,
    dask_client=None,
) -> BatchSummary:
    """Parse every input into ``out_dir``; see the module docstring.  ``dask_client``: an existing
    ``dask.distributed.Client`` to run on (instead of ``options.scheduler``)."""
    options = options or BatchOptions()
    out = Path(out_dir).resolve()
    out.mkdir(parents=True, exist_ok=True)
    with _exclusive(out), Catalogue.in_folder(out) as catalogue:
        _remove_stale_temporaries(out)
        return _Batch(out, options, catalogue, progress_stream, dask_client).run(inputs)


class BatchBusyError(ExtractorError):
    """Another batch is writing to the same output folder."""


@contextmanager
def _exclusive(out: Path):
    """One batch per output folder at a time.  The lock dies with its process, so a killed batch never leaves the
    folder locked."""
    try:
        import fcntl
    except ImportError:  # not POSIX: no lock (one batch per folder is then the user's care)
        yield
        return
    with open(out / ".batch.lock", "w") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError as exc:
            raise BatchBusyError(f"another batch is writing to {out}") from exc
        yield


def _remove_stale_temporaries(out: Path) -> None:
    """Temporary files of writes cut short by a kill (an atomic write renames its file only when complete)."""
    for folder in (out, out / "documents", out / "exports"):
        for tmp in folder.glob(".*.tmp"):
            tmp.unlink(missing_ok=True)


class _Batch:
    def __init__(self, out: Path, options: BatchOptions, catalogue: Catalogue, stream, dask_client) -> None:
        self.out, self.options, self.catalogue = out, options, catalogue
        self.stream, self.dask_client = stream, dask_client
        self.version = engine_version()
        self.path_sha: dict[Path, str] = {}
        self.sizes: dict[str, int] = {}
        self.summary = BatchSummary(out_dir=str(out))
        self.progress: Progress | None = None

    def run(self, inputs: Iterable[str | Path]) -> BatchSummary:
        started = time.monotonic()
        paths, missing = expand_inputs(inputs, exclude=self.out)
        self.summary.inputs = len(paths) + len(missing)
        self.summary.failed += [(m.path, m.reason) for m in missing]
        run_id = self.catalogue.start_run({**asdict(self.options), "inputs": len(paths)})
        self.progress = Progress(len(paths), self.stream, interval=None) if self.options.progress else None
        with open(self.out / "workers.log", "ab") as log:
            for result in self._backend(log).run(self._jobs(paths)):
                self._record(result)
        if self.progress:
            self.progress.close()
        self._summarise(paths)
        self.summary.exports = [str(p) for p in self._export(paths)]
        self.summary.elapsed_seconds = round(time.monotonic() - started, 3)
        summary_path = self.out / "summary.json"
        write_text_atomic(summary_path, json.dumps(self.summary.to_dict(), ensure_ascii=False, indent=2) + "\n")
        failed_now = sum(1 for p in paths if self._status(p) != "done")
        self.catalogue.finish_run(
            run_id, inputs=len(paths), parsed=self.summary.parsed, skipped=self.summary.skipped, failed=failed_now
        )
        return self.summary

    # --- feeding and collecting ---

    def _backend(self, log):
        if self.dask_client is not None or self.options.scheduler:
            from extractor.batch.dask_backend import DaskBackend

            return DaskBackend(self.options.scheduler, client=self.dask_client, timeout=hard_timeout(self.options))
        from extractor.batch.pool import LocalPool

        return LocalPool(self.options.workers or default_workers(), hard_timeout(self.options), log)

    def _jobs(self, paths: list[Path]) -> Iterator[Job]:
        """Jobs for the inputs that need parsing; the others are counted as skipped here.  Files are read one at
        a time, as workers become free."""
        submitted: set[str] = set()
        for path in paths:
            try:
                data, sha = read_input(path)
            except OSError as exc:
                self.summary.failed.append((str(path), f"cannot read: {exc.strerror or exc}"))
                self._advance(parsed=False, failed=True)
                continue
            self.path_sha[path] = sha
            self.sizes[sha] = len(data)
            self.catalogue.record_input(str(path), sha, len(data))
            if sha in submitted or self._finished(sha):
                self.summary.skipped += 1
                self._advance(parsed=False)
                continue
            submitted.add(sha)
            yield Job(sha, data, self.options.limits, self.options.parser)

    def _finished(self, sha: str) -> bool:
        entry = self.catalogue.entry(sha)
        if entry is None or self.options.force or entry.engine_version != self.version:
            return False
        if entry.status == "done":
            return bool(entry.output) and (self.out / entry.output).is_file()
        return not self.options.retry_failed

    def _record(self, result: JobResult) -> None:
        """Output first (atomically), then the catalogue row: a row marked done always has its JSON."""
        output = None
        if result.ok:
            output = f"documents/{result.sha256}.json"
            write_text_atomic(self.out / output, result.json_text)
        self.catalogue.record_result(
            result, engine_version=self.version, output=output, size=self.sizes.get(result.sha256, 0)
        )
        self.summary.parsed += 1
        self._advance(parsed=True, failed=not result.ok, pages=len(result.stats.get("pages", [])))

    def _advance(self, **kwargs) -> None:
        if self.progress:
            self.progress.advance(**kwargs)

    # --- summary and exports ---

    def _status(self, path: Path) -> str | None:
        sha = self.path_sha.get(path)
        row = self.catalogue.entry(sha) if sha else None
        return row.status if row else None

    def _summarise(self, paths: list[Path]) -> None:
        s = self.summary
        for path in paths:
            sha = self.path_sha.get(path)
            row = self.catalogue.document(sha) if sha else None
            if row is None:
                continue  # unreadable: already listed as failed
            if row["status"] != "done":
                s.failed.append((str(path), f"{row['error_type']}: {row['error_message']}"))
                continue
            s.succeeded.append(str(path))
            add_counts(s.documents_by_format, {row["input_format"] or "unknown": 1})
            add_counts(s.findings_by_code, self.catalogue.findings_by_code(sha))
            for _, route, _ in self.catalogue.page_routes(sha):
                add_counts(s.pages_by_route, {route: 1})
        s.failed.sort()

    def _export(self, paths: list[Path]) -> list[Path]:
        if not self.options.exports:
            return []
        from extractor.emit.flat import FlatExport
        from extractor.model.document import PlanDocument

        export = FlatExport()
        rows = []
        for path in paths:
            sha = self.path_sha.get(path)
            row = self.catalogue.document(sha) if sha else None
            rows.append(_document_row(path, sha, row, self.catalogue))
            if row and row["status"] == "done":
                text = (self.out / row["output"]).read_text(encoding="utf-8")
                export.add_document(PlanDocument.model_validate_json(text), str(path), sha, json.loads(text))
        export.add_rows("documents", rows)
        return export.write(self.out / "exports", self.options.exports)


DOCUMENT_COLUMNS = (
    "status", "input_format", "template_id", "fiscal_year_be", "unit_name", "page_count",
    "strategies", "kpis", "projects", "findings", "error_type", "error_message", "output",
)  # fmt: skip


def _document_row(path: Path, sha: str | None, row: dict | None, catalogue: Catalogue) -> dict:
    """One row per input for the ``documents`` table: the catalogue's facts, without timings (exports are
    deterministic), with the page routes counted."""
    values = {"path": str(path), "sha256": sha}
    if row is None:
        return {**values, "status": "unreadable"}
    values.update({c: row[c] for c in DOCUMENT_COLUMNS})
    routes: dict[str, int] = {}
    for _, route, _ in catalogue.page_routes(sha):
        add_counts(routes, {route: 1})
    values["pages_by_route"] = ", ".join(f"{k} {n}" for k, n in sorted(routes.items()))
    return values
