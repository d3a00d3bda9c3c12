"""The pipeline: ingest → thai → (layout, inside the PDF reader) → grammar → model → validate.

``parse`` is the public entry point (``extractor.parse``).  Each stage only consumes what the previous one hands on.
"""

from __future__ import annotations

from pathlib import Path

from extractor.blocks import Block, Cell, SourceDocument
from extractor.grammar.builders import build_document
from extractor.grammar.detect import detect_template
from extractor.grammar.engine import build_tree
from extractor.grammar.spec import Grammar, load_grammars
from extractor.errors import LimitExceededError
from extractor.ingest import read
from extractor.limits import Limits
from extractor.model.base import Finding, Severity, Source
from extractor.model.document import DocumentInfo, InputInfo, PageRoute, PlanDocument
from extractor.thai_stage import repair_document
from extractor.validate import validate_document

_GRAMMARS: list[Grammar] | None = None


def default_grammars() -> list[Grammar]:
    global _GRAMMARS
    if _GRAMMARS is None:
        _GRAMMARS = load_grammars()
    return _GRAMMARS


def parse(
    source: str | Path | bytes,
    *,
    grammars: list[Grammar] | None = None,
    limits: Limits | None = None,
    **read_options,
) -> PlanDocument:
    """Parse a plan document (PDF or text export, path or bytes) into the canonical model.

    ``read_options`` go to the reader (``password``, ``pages`` for PDFs).  ``limits`` bounds pages, pixels and time
    (``extractor.limits``; defaults when omitted); a memory error is reported as ``LimitExceededError``.
    """
    limits = limits or Limits()
    deadline = limits.start()
    try:
        source_doc = read(source, limits=limits, deadline=deadline, **read_options)
        deadline.check("after reading")
        findings = repair_document(source_doc)
        findings += _reader_findings(source_doc)
        deadline.check("after Thai repair")
        document = interpret(source_doc, grammars or default_grammars())
        deadline.check("after the grammar stage")
        document.findings = sort_findings(findings + document.findings + validate_document(document))
    except MemoryError as exc:
        raise LimitExceededError("out of memory (raise max_memory_mb or split the document)") from exc
    return document


def interpret(source_doc: SourceDocument, grammars: list[Grammar]) -> PlanDocument:
    """Grammar and model stages over an already repaired block flow."""
    detection = detect_template(source_doc.blocks, grammars)
    input_info = InputInfo(
        format=source_doc.input_format,
        sha256=source_doc.sha256,
        pages=[PageRoute(page=p.number, route=p.route, reason=p.route_reason) for p in source_doc.pages],
    )
    if detection.grammar is None:
        return PlanDocument(
            document=DocumentInfo(),
            findings=[_no_template_finding(detection.scores)],
            input=input_info,
        )
    tree = build_tree(source_doc.blocks, detection.grammar, source_doc.continuation_glue)
    document = build_document(tree, detection.grammar, source_doc.blocks)
    document.input = input_info
    return document


def sort_findings(findings: list[Finding]) -> list[Finding]:
    """Findings in document order, then by code: deterministic whatever order the checks ran in."""

    def key(f: Finding):
        s = f.source or Source()
        return (s.page or 0, s.line_start or 0, f.code, f.subject or "", f.message)

    return sorted(findings, key=key)


def _no_template_finding(scores: dict[str, float]) -> Finding:
    detail = ", ".join(f"{k}={v:g}" for k, v in sorted(scores.items()))
    return Finding(
        code="template.not_recognised",
        severity=Severity.WARNING,
        message=f"no plan template recognised (scores: {detail}); the text was read but no plan structure was built",
    )


def _reader_findings(source_doc: SourceDocument) -> list[Finding]:
    return [
        Finding(code=code, severity=Severity.WARNING, message=message, source=_source_or_none(where))
        for code, message, where in source_doc.reader_findings
    ]


def _source_or_none(where) -> Source | None:
    """A document-wide reader finding (an encoding, say) has no place: no empty ``source`` object for it."""
    source = Source.of(where)
    return None if source == Source() else source


__all__ = ["parse", "interpret", "sort_findings", "Block", "Cell"]
