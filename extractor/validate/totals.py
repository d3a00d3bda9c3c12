"""Totals and counts of the project summary tables: stated figures against the rows, by the documents' own rule.

The 2567 plans state totals that leave out projects marked ``*ไม่ได้รับ งบประมาณ`` (requested, not granted) and
include pending allocations (อยู่ระหว่างขอจัดสรร).  Each summary is checked with that rule; when it does not
reconcile, the other rules are tried and the finding says which one (if any) gives the stated figure.  When the plain
sum would not reconcile but the rule does, an info finding records that the rule was needed.
"""

from __future__ import annotations


from extractor.grammar.builders.summaries import TOTAL_RULE, computed_total
from extractor.model.base import Budget, Finding, Severity
from extractor.model.document import PlanDocument
from extractor.model.strategy import ProjectSummary, SummaryRow
from extractor.validate import check
from extractor.validate.numbering import sequence_findings

# Rules tried in order when the document's rule does not reconcile.
_OTHER_RULES = ("all", "exclude_not_received_and_pending")


@check
def summary_totals(document: PlanDocument) -> list[Finding]:
    """Stated totals (totals row, sentence) against the sum of the rows."""
    findings: list[Finding] = []
    for summary in document.project_summaries:
        findings += _total_findings(summary)
    return findings


@check
def routine_totals(document: PlanDocument) -> list[Finding]:
    """Part 3 routine forms (the Part 2/3 builder's groups with a รวม row): stated total and count against their
    projects, by the same rule as the summaries."""
    findings: list[Finding] = []
    for group in document.routine_projects:
        if group.stated_total is None and group.stated_count is None:
            continue
        projects = group.all_projects()
        rows = [SummaryRow(number=p.number, label=p.name, budget=p.budget) for p in projects]
        summary = ProjectSummary(
            part="part3", title=group.name, rows=rows, stated_total=group.stated_total,
            stated_count=group.stated_count, computed_count=len(rows),
            computed_total=computed_total([r.budget for r in rows]), source=group.source,
        )
        findings += _total_findings(summary)
        if summary.stated_count is not None and summary.stated_count != summary.computed_count:
            findings.append(_count_finding(summary))
    return findings


@check
def summary_counts(document: PlanDocument) -> list[Finding]:
    """Stated project counts against the rows, and the rows' numbering (duplicates, gaps)."""
    findings: list[Finding] = []
    for summary in document.project_summaries:
        if summary.stated_count is not None and summary.stated_count != summary.computed_count:
            findings.append(_count_finding(summary))
        numbers = [(r.number, r.source) for r in summary.rows]
        findings += sequence_findings(numbers, _subject(summary), restart_allowed=False)
    return findings


def _count_finding(summary: ProjectSummary) -> Finding:
    return Finding(code="count.mismatch", severity=Severity.ERROR, subject=_subject(summary),
                   message=f"{_subject(summary)}: the document states {summary.stated_count} projects, "
                   f"the table has {summary.computed_count} rows",
                   expected=str(summary.stated_count), actual=str(summary.computed_count), source=summary.source)


def _total_findings(summary: ProjectSummary) -> list[Finding]:
    budgets = [r.budget for r in summary.rows]
    computed = summary.computed_total if summary.computed_total is not None else computed_total(budgets)
    findings: list[Finding] = []
    stated_figures = [("totals row", summary.stated_total), ("sentence", summary.stated_total_text)]
    for where, stated in stated_figures:
        amount = _amount(stated)
        if amount is None or amount == computed:
            continue
        reconciling = [rule for rule in _OTHER_RULES if computed_total(budgets, rule) == amount]
        how = (f"the sum follows rule {reconciling[0]!r} instead" if reconciling
               else "no totals rule reconciles it")
        findings.append(
            Finding(code="total.mismatch", severity=Severity.ERROR, subject=_subject(summary),
                    message=f"{_subject(summary)}: stated total ({where}) {amount:,} differs from the rows' sum "
                    f"{computed:,} by {amount - computed:+,} under rule {TOTAL_RULE!r}; {how}",
                    expected=f"{computed}", actual=f"{amount}", source=summary.source)
        )
    stated = _amount(summary.stated_total) or _amount(summary.stated_total_text)
    if stated == computed and computed_total(budgets, "all") != computed:
        excluded = computed_total(budgets, "all") - computed
        findings.append(
            Finding(code="total.rule_applied", severity=Severity.INFO, subject=_subject(summary),
                    message=f"{_subject(summary)}: the stated total {stated:,} reconciles under rule {TOTAL_RULE!r} "
                    f"(projects marked not received, {excluded:,} baht, are left out; pending ones count)",
                    expected=str(computed), actual=str(stated), source=summary.source)
        )
    return findings


def _amount(budget: Budget | None) -> int | None:
    if budget is None:
        return None
    if budget.amount is not None:
        return budget.amount
    if budget.amount_decimal is not None:
        whole, _, fraction = budget.amount_decimal.partition(".")
        return int(whole) if set(fraction) <= {"0"} else None
    return None


def _subject(summary: ProjectSummary) -> str:
    return f"project_summary:{summary.part}"
