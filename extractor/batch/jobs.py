"""One document's work, as it travels to a worker and back: ``Job`` in, ``JobResult`` out.

Both are plain picklable dataclasses because they cross process (and, with Dask, machine) boundaries.  A job
carries the input's bytes, not its path, so a remote worker needs no shared file system.  ``run_job`` is what a
worker process executes: it never raises; every failure becomes a ``JobResult`` with the error's type and message.
"""

from __future__ import annotations

import importlib
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from extractor.limits import Limits, memory_limit

DEFAULT_PARSER = "extractor.pipeline:parse"


@dataclass(frozen=True)
class Job:
    sha256: str
    data: bytes
    limits: Limits = field(default_factory=Limits)  # pages, pixels, cooperative deadline, memory cap
    parser: str = DEFAULT_PARSER  # "module:function(data, *, limits)", imported in the worker


@dataclass
class JobResult:
    sha256: str
    ok: bool
    json_text: str | None = None  # canonical JSON of the document
    stats: dict[str, Any] = field(default_factory=dict)  # see ``document_stats``
    error_type: str | None = None
    error_message: str | None = None
    parse_seconds: float = 0.0

    @classmethod
    def failure(cls, sha256: str, error_type: str, message: str, seconds: float = 0.0) -> JobResult:
        return cls(sha256=sha256, ok=False, error_type=error_type, error_message=message, parse_seconds=seconds)


def run_job(job: Job) -> JobResult:
    """Parse one document under its limits (the memory cap applies to this worker process while it parses); the
    result carries the canonical JSON and the catalogue statistics, or the error."""
    from extractor.emit import to_canonical_json

    started = time.perf_counter()
    try:
        with memory_limit(job.limits):
            document = load_parser(job.parser)(job.data, limits=job.limits)
            text = to_canonical_json(document)
        stats = document_stats(document)
    except Exception as exc:  # a batch records every failure and goes on
        elapsed = time.perf_counter() - started
        return JobResult.failure(job.sha256, type(exc).__name__, _describe(exc), elapsed)
    return JobResult(job.sha256, True, text, stats, parse_seconds=time.perf_counter() - started)


def document_stats(document) -> dict[str, Any]:
    """What the catalogue keeps about a parsed document besides its JSON."""
    from extractor.emit.flat import count_records

    info = document.document
    findings: dict[str, int] = {}
    for finding in document.findings:
        findings[finding.code] = findings.get(finding.code, 0) + 1
    pages = document.input.pages if document.input else []
    return {
        "input_format": document.input.format if document.input else None,
        "template_id": info.template_id,
        "fiscal_year_be": info.fiscal_year_be,
        "unit_name": info.unit_name,
        "pages": [(p.page, p.route, p.reason) for p in pages],
        "counts": count_records(document),
        "findings_by_code": dict(sorted(findings.items())),
    }


_PARSERS: dict[str, Callable] = {}


def load_parser(spec: str) -> Callable:
    """The callable named ``module:function`` (cached per process)."""
    if spec not in _PARSERS:
        module_name, _, name = spec.partition(":")
        _PARSERS[spec] = getattr(importlib.import_module(module_name), name)
    return _PARSERS[spec]


def _describe(exc: Exception) -> str:
    """A one-line reason; unexpected errors (bugs) keep where they happened."""
    from extractor.errors import ExtractorError

    message = str(exc) or type(exc).__name__
    if isinstance(exc, ExtractorError):
        return message
    frame = traceback.extract_tb(exc.__traceback__)[-1] if exc.__traceback__ else None
    where = f" (at {frame.filename.rsplit('/', 1)[-1]}:{frame.lineno} in {frame.name})" if frame else ""
    return message + where
