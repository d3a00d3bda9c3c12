"""Builders: from the generic plan tree of a template family to the typed canonical document.

A grammar names its family (``family = "..."`` in its TOML); each family has one builder function
``(tree, grammar, blocks) -> PlanDocument`` registered here with ``@builder("family")``.  Builders of shared parts
(front matter, Part 1, Part 4, ...) are small functions the family builders call.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable
from typing import Any

from extractor.blocks import Block
from extractor.grammar.engine import Node
from extractor.grammar.spec import Grammar
from extractor.model.base import Finding, Severity
from extractor.model.document import DocumentInfo, PlanDocument

FAILED = "builder.failed"  # a builder raised on this input: a defect to fix, reported instead of crashing

Builder = Callable[[Node, Grammar, list[Block]], PlanDocument]
BUILDERS: dict[str, Builder] = {}


def builder(family: str) -> Callable[[Builder], Builder]:
    def register(function: Builder) -> Builder:
        BUILDERS[family] = function
        return function

    return register


def build_document(tree: Node, grammar: Grammar, blocks: list[Block]) -> PlanDocument:
    """The typed document of a tree, by the builder of the grammar's family."""
    _load_builders()
    try:
        family_builder = BUILDERS[grammar.family]
    except KeyError:
        raise LookupError(f"grammar {grammar.id!r} names family {grammar.family!r}, which has no builder") from None
    try:
        return family_builder(tree, grammar, blocks)
    except Exception as exc:  # noqa: BLE001 - unforeseen input must not crash a batch: report it, keep going
        return PlanDocument(document=DocumentInfo(), findings=[failure(f"the {grammar.family} document", exc)])


def build_sections(findings: list[Finding], **sections: Callable[[], Any]) -> dict[str, Any]:
    """Each section of a document built on its own: one that raises is left empty and reported (``FAILED``), so
    an input no builder foresaw costs that section, not the others."""
    built: dict[str, Any] = {}
    for name, build in sections.items():
        try:
            built[name] = build()
        except Exception as exc:  # noqa: BLE001 - see build_document
            findings.append(failure(name, exc))
    return built


def failure(what: str, exc: Exception) -> Finding:
    return Finding(
        code=FAILED,
        severity=Severity.ERROR,
        message=f"{what} could not be built ({type(exc).__name__}: {exc}); its content is missing from the output",
    )


def _load_builders() -> None:
    """Import every builder module once (each registers its family on import)."""
    for module in pkgutil.iter_modules(__path__):
        importlib.import_module(f"{__name__}.{module.name}")
