"""Evidence of OCR misreadings in numbers and codes, for documents with pages read by OCR.  Never a silent fix.

- *arithmetic*: a summary whose stated total differs from the sum of its rows, where changing one digit of one row's
  amount (or of the stated total) would make them agree, points at that digit: the finding names the row, the digit
  as read and the digit that would reconcile, so a reviewer can check the scan.  Several candidates are all listed.
- *codes*: a 6-digit strategy code that contradicts its section (``code.section_mismatch``) but would fit with one
  digit changed is reported as a likely misreading of that digit.

These checks run only when ``document.input`` says at least one page went through OCR: on a text layer a digit is
what the author typed.
"""

from __future__ import annotations

from extractor.grammar.builders.summaries import TOTAL_RULE, computed_total
from extractor.model.base import Finding, Severity
from extractor.model.document import PlanDocument
from extractor.model.strategy import ProjectSummary
from extractor.validate import check
from extractor.validate.codes import _strategies

MAX_CANDIDATES = 5


def _has_ocr_pages(document: PlanDocument) -> bool:
    return document.input is not None and any(p.route == "ocr" for p in document.input.pages)


def one_digit_variants(amount: int, wanted_delta: int) -> list[tuple[int, str, str]]:
    """(position from the left, digit read, digit that fits) for each single digit change of ``amount`` that
    changes it by exactly ``wanted_delta``."""
    digits = str(amount)
    out = []
    for i, ch in enumerate(digits):
        place = 10 ** (len(digits) - 1 - i)
        if wanted_delta % place:
            continue
        new = int(ch) + wanted_delta // place
        if 0 <= new <= 9 and new != int(ch) and not (i == 0 and new == 0 and len(digits) > 1):
            out.append((i, ch, str(new)))
    return out


@check
def total_digit_misreadings(document: PlanDocument) -> list[Finding]:
    """Summaries that do not add up by one misread digit: which digits would reconcile them."""
    if not _has_ocr_pages(document):
        return []
    findings = []
    for summary in document.project_summaries:
        finding = _summary_evidence(summary)
        if finding is not None:
            findings.append(finding)
    return findings


def _summary_evidence(summary: ProjectSummary) -> Finding | None:
    stated = summary.stated_total.amount if summary.stated_total is not None else None
    if stated is None:
        return None
    computed = computed_total([r.budget for r in summary.rows], summary.total_rule or TOTAL_RULE)
    delta = stated - computed
    if delta == 0:
        return None
    candidates = []
    for row in summary.rows:
        amount = row.budget.amount if row.budget is not None else None
        if amount:
            for i, read, fits in one_digit_variants(amount, delta):
                candidates.append(f"row {row.number or '?'} amount {amount:,}: digit {i + 1} read {read}, {fits} would add up")
    for i, read, fits in one_digit_variants(stated, -delta):
        candidates.append(f"stated total {stated:,}: digit {i + 1} read {read}, {fits} would add up")
    if not candidates:
        return None
    more = f" (and {len(candidates) - MAX_CANDIDATES} more)" if len(candidates) > MAX_CANDIDATES else ""
    return Finding(
        code="ocr.total_digit_suspect", severity=Severity.WARNING, subject=(summary.title or "")[:80] or None,
        message=f"stated total {stated:,} differs from the rows' sum {computed:,} by {delta:,}; one misread digit "
        f"would explain it: {'; '.join(candidates[:MAX_CANDIDATES])}{more}",
        expected=str(computed), actual=str(stated), source=summary.source,
    )


@check
def code_digit_misreadings(document: PlanDocument) -> list[Finding]:
    """Strategy codes off their section by one digit (the section's digits are what the code should start with)."""
    if not _has_ocr_pages(document):
        return []
    findings = []
    for strategy in _strategies(document):
        for sub in strategy.sub_strategies:
            expected = _section_prefix(strategy.number, sub.number)
            for project in sub.projects:
                code = project.strategy_code
                if code is None or expected is None or code.code.startswith(expected):
                    continue
                wrong = [i for i, (a, b) in enumerate(zip(code.code, expected)) if a != b]
                if len(wrong) == 1:
                    i = wrong[0]
                    findings.append(Finding(
                        code="ocr.code_digit_suspect", severity=Severity.WARNING, subject=code.code,
                        message=f"strategy code {code.code} is listed under sub-strategy {sub.number}: digit {i + 1} "
                        f"read {code.code[i]} is likely a misread {expected[i]} ({expected}{code.code[len(expected):]})",
                        expected=expected + code.code[len(expected):], actual=code.code, source=project.source,
                    ))
    return findings


def _section_prefix(strategy: str | None, sub: str | None) -> str | None:
    """The first three digits a code under strategy S, sub-strategy S.s has: S S s."""
    if not strategy or not sub or "." not in sub:
        return None
    s, _, s2 = sub.partition(".")
    if not (s.isdigit() and s2.isdigit() and len(s) == 1 and len(s2) == 1):
        return None
    return s + s + s2
