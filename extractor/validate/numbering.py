"""Numbered lists (row numbers, issue numbers, catalogue numbers) that skip or repeat a number.

One rule for every list in every template: each number must follow the one before it; the first is 1, or, for a
list that runs on from another (project numbers continuing across issue tables), the number after that list's last.
Each problem is reported at the row where it happens.
"""

from __future__ import annotations

from extractor.model.base import Finding, Severity, Source


def sequence_findings(
    numbers: list[tuple[str | None, Source | None]], subject: str, restart_allowed: bool = True,
    start_after: int | None = None,
) -> list[Finding]:
    """Gaps and repeats in a numbered list: each number must follow the one before.  The first may be 1, or (when
    the list runs on from another) the number after ``start_after``."""
    findings: list[Finding] = []
    previous: int | None = None
    for text, source in numbers:
        if text is None or not text.isdigit():
            continue
        number = int(text)
        expected = _expected(previous, start_after, restart_allowed)
        if number not in expected:
            findings.append(numbering_finding(subject, number, previous, source))
        previous = number
    return findings


def _expected(previous: int | None, start_after: int | None, restart_allowed: bool) -> set[int]:
    if previous is not None:
        return {previous + 1}
    starts = {1}
    if start_after is not None and restart_allowed:
        starts.add(start_after + 1)
    return starts


def numbering_finding(subject: str, number: int, previous: int | None, source: Source | None) -> Finding:
    if previous is not None and number <= previous:
        code, severity, what = "numbering.duplicate", Severity.ERROR, f"number {number} repeats or goes back"
    else:
        code, severity, what = "numbering.gap", Severity.WARNING, f"number {number} skips a number"
    after = f" after {previous}" if previous is not None else " at the start"
    return Finding(code=code, severity=severity, subject=subject, message=f"{subject}: {what}{after}",
                   expected=str(previous + 1) if previous is not None else "1", actual=str(number), source=source)
