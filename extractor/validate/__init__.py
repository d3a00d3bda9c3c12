"""Consistency checks: each check reads the finished document and returns findings; none of them changes it.

A check is a function ``(PlanDocument) -> list[Finding]`` registered in ``CHECKS``.  Checks live in small modules
by topic (totals, codes, numbering, rubrics, cross-references).
"""

from __future__ import annotations

from collections.abc import Callable

from extractor.model.base import Finding
from extractor.model.document import PlanDocument

Check = Callable[[PlanDocument], list[Finding]]
CHECKS: list[Check] = []


def check(function: Check) -> Check:
    """Register a consistency check (decorator)."""
    CHECKS.append(function)
    return function


def validate_document(document: PlanDocument) -> list[Finding]:
    """Run every registered check."""
    _load_checks()
    findings: list[Finding] = []
    for function in CHECKS:
        findings.extend(function(document))
    return findings


def _load_checks() -> None:
    """Import the check modules (each registers its checks on import)."""
    import importlib
    import pkgutil

    for module in pkgutil.iter_modules(__path__):
        importlib.import_module(f"{__name__}.{module.name}")
