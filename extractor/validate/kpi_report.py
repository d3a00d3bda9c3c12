"""Checks of a KPI report page: the values of one page compared with each other.

What the page lets us cross-check: the quarterly table's numbering (quarters 1-4, each once, in order), each
quarter's score against its evaluation pair and against the assessor's note, the quarterly reports against the
table rows, the achieved value against the last quarter's result and against the target, the evaluation-manual item
the definition cites against the KPI's number, and the strategy path (each level extends the one above).
None of them changes the document.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from extractor.model.base import Finding, Number, Severity
from extractor.model.document import PlanDocument
from extractor.model.kpi_report import KpiReport, QuarterResult, StrategyLink
from extractor.validate import check

QUARTERS = (1, 2, 3, 4)  # ไตรมาสที่ 1-4 of a fiscal year


@check
def quarter_numbering(document: PlanDocument) -> list[Finding]:
    """Quarters 1-4, each once, in order."""
    report = document.kpi_report
    if report is None or not report.quarters:
        return []
    findings: list[Finding] = []
    numbers = [q.quarter for q in report.quarters]
    seen: set[int] = set()
    for quarter in report.quarters:
        if quarter.quarter not in QUARTERS:
            findings.append(_f("kpi_report.quarter_out_of_range", Severity.ERROR,
                               f"quarter {quarter.quarter} is not 1-4", quarter, actual=str(quarter.quarter)))
        elif quarter.quarter in seen:
            findings.append(_f("kpi_report.quarter_duplicate", Severity.ERROR,
                               f"quarter {quarter.quarter} has more than one row", quarter))
        seen.add(quarter.quarter)
    missing = [q for q in QUARTERS if q not in numbers]
    if missing:
        findings.append(_f("kpi_report.quarter_missing", Severity.WARNING,
                           f"the quarterly table has no row for quarter(s) {', '.join(map(str, missing))}",
                           report.quarters[0], expected="1, 2, 3, 4", actual=", ".join(map(str, numbers))))
    if numbers != sorted(numbers):
        findings.append(_f("kpi_report.quarter_order", Severity.WARNING, "the quarterly rows are not in order",
                           report.quarters[0], actual=", ".join(map(str, numbers))))
    return findings


@check
def score_vs_evaluation(document: PlanDocument) -> list[Finding]:
    """A quarter's score (คะแนน) against the first member (2.1) of its evaluation pair (ผลประเมินตัวชี้วัด)."""
    report = document.kpi_report
    if report is None:
        return []
    findings = []
    for quarter in report.quarters:
        score = _value(quarter.score)
        first = _value(quarter.evaluation.first) if quarter.evaluation else None
        if score is not None and first is not None and score != first:
            findings.append(_f("kpi_report.score_vs_evaluation", Severity.WARNING,
                               f"quarter {quarter.quarter}: the score differs from the evaluation pair's first value "
                               f"('{quarter.evaluation.raw}')", quarter,
                               expected=quarter.evaluation.first.raw, actual=quarter.score.raw))  # fmt: skip
    return findings


@check
def assessor_notes_vs_table(document: PlanDocument) -> list[Finding]:
    """The assessor's score for a quarter (``สยป. ตรวจประเมินตัวชี้วัด : ไตรมาสที่ 1: 95``) against the table."""
    report = document.kpi_report
    if report is None:
        return []
    rows = _by_quarter(report)
    findings = []
    for note in report.assessor_notes:
        for item in note.scores:
            row = rows.get(item.quarter)
            if row is None:
                findings.append(_f("kpi_report.assessor_quarter_without_row", Severity.WARNING,
                                   f"{note.assessor} scored quarter {item.quarter}, which has no table row", note,
                                   actual=item.score.raw))  # fmt: skip
            elif _value(row.score) is not None and _value(row.score) != _value(item.score):
                findings.append(_f("kpi_report.assessor_score_mismatch", Severity.WARNING,
                                   f"quarter {item.quarter}: {note.assessor}'s score differs from the table's score",
                                   note, expected=row.score.raw, actual=item.score.raw))  # fmt: skip
    return findings


@check
def reports_vs_table(document: PlanDocument) -> list[Finding]:
    """Every quarterly report (รายงานผลฯ ไตรมาสที่ n) has its table row, once; every row has its report."""
    report = document.kpi_report
    if report is None:
        return []
    rows = _by_quarter(report)
    findings = []
    seen: set[int] = set()
    for item in report.quarter_reports:
        if item.quarter in seen:
            findings.append(_f("kpi_report.report_duplicate", Severity.WARNING,
                               f"two reports for quarter {item.quarter}", item))
        seen.add(item.quarter)
        if rows and item.quarter not in rows:
            findings.append(_f("kpi_report.report_without_row", Severity.WARNING,
                               f"a report for quarter {item.quarter}, which has no table row", item))
    for quarter, row in rows.items():
        if report.quarter_reports and quarter not in seen:
            findings.append(_f("kpi_report.row_without_report", Severity.INFO,
                               f"quarter {quarter} has a table row but no report", row))
    return findings


@check
def achieved_vs_target(document: PlanDocument) -> list[Finding]:
    """The achieved value (ผลงานที่ทำได้) against the last reported quarter's result (ผลงาน) and the target."""
    report = document.kpi_report
    if report is None:
        return []
    findings = []
    achieved, target = _value(report.achieved_score), _value(report.target_score)
    rows = _by_quarter(report)
    last = rows[max(rows)] if rows else None
    if achieved is not None and last is not None and _value(last.result) is not None:
        if _value(last.result) != achieved:
            findings.append(_f("kpi_report.achieved_vs_last_result", Severity.WARNING,
                               f"the achieved value differs from quarter {last.quarter}'s result", report,
                               expected=last.result.raw, actual=report.achieved_score.raw))  # fmt: skip
    if achieved is not None and target is not None and achieved < target:
        findings.append(_f("kpi_report.target_not_met", Severity.INFO, "the achieved value is below the target",
                           report, expected=report.target_score.raw, actual=report.achieved_score.raw))
    return findings


@check
def results_do_not_decrease(document: PlanDocument) -> list[Finding]:
    """Quarterly results are reported cumulatively (progress toward the target): a drop is worth a look."""
    report = document.kpi_report
    if report is None:
        return []
    findings = []
    ordered = sorted(report.quarters, key=lambda q: q.quarter)
    for before, after in zip(ordered, ordered[1:]):
        a, b = _value(before.result), _value(after.result)
        if a is not None and b is not None and b < a:
            findings.append(_f("kpi_report.result_decreases", Severity.INFO,
                               f"quarter {after.quarter}'s result is below quarter {before.quarter}'s", after,
                               expected=f">= {before.result.raw}", actual=after.result.raw))  # fmt: skip
    return findings


@check
def manual_reference_vs_number(document: PlanDocument) -> list[Finding]:
    """The manual item the definition cites (ตัวชี้วัดที่ ๕.๒) against the KPI's number on the page (5.2)."""
    report = document.kpi_report
    if report is None or report.manual_reference is None or report.number is None:
        return []
    cited = report.manual_reference.indicator
    if cited == report.number:
        return []
    return [_f("kpi_report.manual_reference_mismatch", Severity.WARNING,
               "the definition cites another indicator than the KPI's number", report.definition or report,
               expected=report.number, actual=report.manual_reference.raw)]  # fmt: skip


@check
def strategy_path(document: PlanDocument) -> list[Finding]:
    """Each level of the strategy path extends the code of the level above (7 → 7.3 → 7.3.1 → 7.3.1.1)."""
    report = document.kpi_report
    if report is None:
        return []
    findings = []
    links = report.strategy_links
    for above, link in zip(links, links[1:]):
        if link.level != above.level + 1 or not link.code.startswith(above.code + "."):
            findings.append(_f("kpi_report.strategy_path_broken", Severity.ERROR,
                               f"strategy code {link.code} does not extend {above.code}", link,
                               expected=f"{above.code}.n", actual=link.code))  # fmt: skip
    return findings


def _by_quarter(report: KpiReport) -> dict[int, QuarterResult]:
    """Rows by quarter (the first row of a repeated quarter; duplicates are reported by quarter_numbering)."""
    rows: dict[int, QuarterResult] = {}
    for row in report.quarters:
        rows.setdefault(row.quarter, row)
    return rows


def _value(number: Number | None) -> Decimal | None:
    if number is None or number.value is None:
        return None
    try:
        return Decimal(str(number.value))
    except InvalidOperation:
        return None


def _subject(record) -> str | None:
    """What a finding is about: the quarter of a row or report, the code of a strategy level, the KPI's number."""
    if isinstance(getattr(record, "quarter", None), int):
        return f"quarter {record.quarter}"
    if isinstance(record, StrategyLink):
        return record.code
    if isinstance(record, KpiReport):
        return record.number
    return None


def _f(code: str, severity: Severity, message: str, record, expected: str | None = None,
       actual: str | None = None) -> Finding:  # fmt: skip
    subject = _subject(record)
    return Finding(code=code, severity=severity, message=message, subject=subject, expected=expected, actual=actual,
                   source=getattr(record, "source", None))  # fmt: skip
