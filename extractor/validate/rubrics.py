"""Part 4 consistency checks: rubric scores and levels, rubric ↔ KPI sheet links, monitoring KPI codes against Parts 1
and 2, and step-sheet progress.

Rules (checked on the seeds, see the Part 4 builder):
- a rubric row scores ``weight × level / 5``, where the weight is the negotiated KPI's น้ำหนักคะแนน, shared equally
  between the parts of a rubric measured in several parts;
- a rubric part has levels 1..5, each once, in order (the seeds write 5 → 1);
- every negotiated KPI has a rubric;
- a KPI code in a monitoring table (ตาราง ก: 4.1.4.1; ตาราง ข: OKR 1.1.01) exists in Part 1 or Part 2;
- a step sheet's cumulative progress is the running sum of its step shares.
"""

from __future__ import annotations

from collections.abc import Iterator
from fractions import Fraction

from pydantic import BaseModel

from extractor.model.base import Finding, Number, Severity
from extractor.model.document import PlanDocument
from extractor.model.monitoring import MonitoredKPI, Rubric, WorkStepSheet
from extractor.model.strategy import KPI, KeyResult
from extractor.validate import check

# Monitoring tables whose KPI codes are plan codes (the negotiated sheets number KPIs by the evaluation framework).
_CODED_ROLES = ("bma_kpi_definitions", "unit_kpi_definitions")


@check
def rubric_scores(document: PlanDocument) -> list[Finding]:
    """Each rubric row's score against weight × level / 5 (the part's share of the weight for split rubrics)."""
    weights = {k.code: k for k in document.monitoring.kpis if k.table_role == "negotiated_kpis" and k.code}
    findings = []
    for rubric in document.monitoring.rubrics:
        kpi = weights.get(rubric.kpi_code or "")
        weight = _value(kpi.weight) if kpi else None
        if weight is None:
            continue
        share = weight / rubric.part_count
        for row in rubric.rows:
            score = _value(row.score)
            if row.level is None or score is None:
                continue
            expected = share * row.level / 5
            if score != expected:
                findings.append(_finding(
                    "rubric.score_mismatch", Severity.ERROR, rubric,
                    f"level {row.level} scores {row.score.raw}, but weight {kpi.weight.raw}"
                    f"{f' / {rubric.part_count} parts' if rubric.part_count > 1 else ''} × {row.level} / 5 is "
                    f"{_show(expected)}",
                    expected=_show(expected), actual=row.score.raw, source=row.source,
                ))
    return findings


@check
def rubric_levels(document: PlanDocument) -> list[Finding]:
    """Each rubric part has the levels 1..5, each once, in order (ascending or descending)."""
    findings = []
    for rubric in document.monitoring.rubrics:
        levels = [row.level for row in rubric.rows]
        if any(level is None or not 1 <= level <= 5 for level in levels):
            findings.append(_finding(
                "rubric.level_invalid", Severity.ERROR, rubric,
                f"rubric levels {[r.level_raw or r.level for r in rubric.rows]} include a level that is not 1-5",
                actual=str(levels),
            ))
        elif sorted(levels) != [1, 2, 3, 4, 5]:
            findings.append(_finding(
                "rubric.level_missing", Severity.WARNING, rubric,
                f"rubric has levels {levels}, not each of 1-5 once", expected="[5, 4, 3, 2, 1]", actual=str(levels),
            ))
        elif levels not in ([5, 4, 3, 2, 1], [1, 2, 3, 4, 5]):
            findings.append(_finding(
                "rubric.level_order", Severity.WARNING, rubric, f"rubric levels out of order: {levels}",
                expected="[5, 4, 3, 2, 1]", actual=str(levels),
            ))
    return findings


@check
def rubric_links(document: PlanDocument) -> list[Finding]:
    """Every negotiated KPI has a rubric, and every rubric scores a negotiated KPI."""
    monitoring = document.monitoring
    scored = {r.kpi_code for r in monitoring.rubrics if r.kpi_code}
    if not scored:
        return []  # a template without per-KPI rubrics (none is linked): nothing is missing
    return [
        Finding(
            code="rubric.missing", severity=Severity.WARNING, subject=k.code,
            message=f"negotiated KPI {k.code} ({k.name[:60]}) has no scoring rubric", source=k.source,
        )
        for k in monitoring.kpis
        if k.table_role == "negotiated_kpis" and k.code and k.code not in scored
    ]


@check
def monitoring_kpi_codes(document: PlanDocument) -> list[Finding]:
    """KPI codes of ตาราง ก / ข that do not exist in Part 1 or Part 2.  Skipped when Parts 1-2 give no codes at
    all (nothing to cross-check against)."""
    known = set(_plan_codes(document))
    if not known:
        return []
    return [
        Finding(
            code="monitoring.kpi_unknown", severity=Severity.WARNING, subject=k.code,
            message=f"{k.table_role} KPI {k.code} ({k.name[:60]}) is not a KPI or key result of Part 1 or Part 2",
            actual=k.code, source=k.source,
        )
        for k in document.monitoring.kpis
        if k.table_role in _CODED_ROLES and _is_plan_code(k) and k.code not in known
    ]


@check
def work_step_progress(document: PlanDocument) -> list[Finding]:
    """Cumulative progress of each step sheet against the running sum of its step shares."""
    findings = []
    for sheet in document.monitoring.work_steps:
        findings += _step_findings(sheet)
    return findings


def _step_findings(sheet: WorkStepSheet) -> list[Finding]:
    findings, total = [], None
    for step in sheet.steps:
        share, cumulative = _value(step.share), _value(step.cumulative)
        if share is None or cumulative is None:
            continue
        if total is None:  # a sheet whose first steps were lost starts from its first surviving step
            total = Fraction(0) if step.number in (None, "1") else cumulative - share
        total += share
        if cumulative != total:
            findings.append(Finding(
                code="steps.cumulative_mismatch", severity=Severity.ERROR, subject=sheet.project or sheet.kpi,
                message=f"step {step.number or step.text[:30]}: cumulative {step.cumulative.raw} is not the running "
                f"sum of the step shares ({_show(total)})",
                expected=_show(total), actual=step.cumulative.raw, source=step.source,
            ))
            total = cumulative  # report each break once, then follow the document
    return findings


def _plan_codes(document: PlanDocument) -> Iterator[str]:
    """KPI codes and key-result numbers of Part 1 and Part 2, in ASCII digits without prefixes."""
    for item in _walk([document.strategic_alignment, *document.development_issues]):
        if isinstance(item, KPI) and item.code:
            yield _plain_code(item.code)
        elif isinstance(item, KeyResult) and item.number:
            yield _plain_code(item.number)


def _walk(items: list) -> Iterator[BaseModel]:
    for item in items:
        if isinstance(item, BaseModel):
            yield item
            for name in type(item).model_fields:
                value = getattr(item, name)
                if isinstance(value, BaseModel):
                    yield from _walk([value])
                elif isinstance(value, list):
                    yield from _walk(value)


def _plain_code(code: str) -> str:
    from extractor.grammar.values import arabic_digits

    return arabic_digits(code).upper().removeprefix("KPI").removeprefix("OKR").removeprefix("KR").strip(" .:")


def _is_plan_code(kpi: MonitoredKPI) -> bool:
    """A dotted plan code (4.1.4.1, 1.1.01), not a row number ('1')."""
    return bool(kpi.code) and kpi.code.count(".") >= 2


def _value(number: Number | None) -> Fraction | None:
    if number is None or number.value is None:
        return None
    return Fraction(str(number.value))


def _show(value: Fraction) -> str:
    return str(value.numerator) if value.denominator == 1 else f"{float(value):g}"


def _finding(code: str, severity: Severity, rubric: Rubric, message: str, **extra) -> Finding:
    return Finding(
        code=code, severity=severity, message=f"rubric '{rubric.title[:50]}': {message}",
        subject=rubric.kpi_code or rubric.title[:50], source=extra.pop("source", rubric.source), **extra,
    )
