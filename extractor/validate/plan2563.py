"""Consistency checks of the 2563 template (``PlanDocument.plan_2563``): numbering, stated counts and totals of the
project summaries, work-step sheets (weights, cumulative progress), measure cross-references and KPI coverage.

Each check reads the finished document and reports; none of them changes it.
"""

from __future__ import annotations

from collections.abc import Iterable

import regex as re

from extractor.model.base import Finding, Number, Severity, Source
from extractor.model.document import PlanDocument
from extractor.model.plan2563 import Goal, MeasureBlock, Plan2563, WorkPlan
from extractor.validate import check
from extractor.validate.numbering import sequence_findings

_SPACES = re.compile(r"[\s\-]+")
_REF = re.compile(r"(ม|มน)\.(\d+)")


def _finding(code: str, severity: Severity, message: str, subject: str | None, expected=None, actual=None,
             source: Source | None = None) -> Finding:
    return Finding(
        code=code,
        severity=severity,
        message=message,
        subject=subject,
        expected=None if expected is None else str(expected),
        actual=None if actual is None else str(actual),
        source=source,
    )


def _plan(document: PlanDocument) -> Plan2563 | None:
    return document.plan_2563


# ---- numbering -----------------------------------------------------------------------------------------------------


@check
def catalogue_numbering(document: PlanDocument) -> list[Finding]:
    """The KPI catalogue (ตัวชี้วัดที่ 1.1 …) and the unit measure list (มน.1 …) are numbered without gaps.
    (Project summaries of every template are checked in ``totals``.)"""
    plan = _plan(document)
    if plan is None:
        return []
    kpis = [(k.code.split(".")[1], k.source) for k in plan.kpi_catalogue if k.code.count(".") == 1]
    measures = [(str(m.number), m.source) for m in plan.unit_measures]
    return sequence_findings(kpis, "kpi_catalogue", restart_allowed=False) + sequence_findings(
        measures, "unit_measures", restart_allowed=False
    )


def _source_of_code(plan: Plan2563, code: str) -> Source | None:
    return next((k.source for k in plan.kpi_catalogue if k.code == code), None)


# ---- stated counts and totals ----------------------------------------------------------------------------------------


@check
def summary_counts(document: PlanDocument) -> list[Finding]:
    """The counts printed under each summary of projects with and without a budget against its rows.  (The
    project count and the total row are checked for every template by ``extractor.validate.totals``.)"""
    plan = _plan(document)
    if plan is None:
        return []
    findings: list[Finding] = []
    for stated in plan.stated_counts:
        computed = {
            "with_budget": stated.computed_with_budget,
            "without_budget": stated.computed_without_budget,
        }
        for field, value in computed.items():
            number: Number | None = getattr(stated, field)
            if number is None or value is None or number.value is None or number.value == value:
                continue
            findings.append(
                _finding("total.count_mismatch", Severity.ERROR,
                         f"the stated count ({field}) of the {stated.summary} summary differs from its rows",
                         f"project_summary.{stated.summary}.{field}", value, number.raw, stated.source)
            )
    return findings


# ---- work-step sheets ------------------------------------------------------------------------------------------


@check
def work_plan_progress(document: PlanDocument) -> list[Finding]:
    """Each work-step sheet: step weights add up to 100, the stated cumulative column is the running sum of the
    weights, the total row counts the steps, and the monthly cumulative row rises to 100."""
    plan = _plan(document)
    if plan is None:
        return []
    findings: list[Finding] = []
    for sheet in plan.work_plans:
        findings += _cumulative_column(sheet)
        if sheet.total is not None:
            findings += _total_row(sheet)
    return findings


def _int(number: Number | None) -> int | None:
    return number.value if number is not None and isinstance(number.value, int) else None


def _cumulative_column(sheet: WorkPlan) -> list[Finding]:
    findings: list[Finding] = []
    running = 0
    for step in sheet.steps:
        weight = _int(step.weight)
        running += weight or 0
        stated = _int(step.cumulative)
        if weight is None or stated is None or stated == running:
            continue
        findings.append(
            _finding("work_plan.cumulative_mismatch", Severity.ERROR,
                     f"step {step.number}: the stated cumulative progress is not the running sum of the step weights",
                     sheet.kpi_code, running, step.cumulative.raw if step.cumulative else None, step.source)
        )
    return findings


def _total_row(sheet: WorkPlan) -> list[Finding]:
    total = sheet.total
    findings: list[Finding] = []
    weights = [_int(s.weight) for s in sheet.steps if _int(s.weight) is not None]
    if weights and sum(weights) != 100:
        findings.append(_finding("work_plan.weight_sum", Severity.ERROR, "the step weights do not add up to 100",
                                 sheet.kpi_code, 100, sum(weights), total.source))
    if total.steps_stated is not None and total.steps_stated != len(sheet.steps):
        findings.append(_finding("total.count_mismatch", Severity.ERROR,
                                 "the total row states a different number of steps", sheet.kpi_code,
                                 len(sheet.steps), total.steps_stated, total.source))
    monthly = [_int(n) for n in total.monthly]
    if any(b is not None and a is not None and b < a for a, b in zip(monthly, monthly[1:])):
        findings.append(_finding("work_plan.monthly_decreasing", Severity.ERROR,
                                 "the monthly cumulative progress decreases", sheet.kpi_code, source=total.source))
    if monthly and monthly[-1] != 100:
        findings.append(_finding("work_plan.monthly_end", Severity.ERROR,
                                 "the monthly cumulative progress does not end at 100", sheet.kpi_code, 100,
                                 monthly[-1], total.source))
    return findings


# ---- cross-references ------------------------------------------------------------------------------------------------


def _blocks(plan: Plan2563) -> Iterable[tuple[Goal, MeasureBlock]]:
    for pillar in plan.pillars:
        for dimension in pillar.dimensions:
            for goal in dimension.goals:
                for block in goal.measure_blocks:
                    yield goal, block


def _key(text: str) -> str:
    return _SPACES.sub("", text)


def _block_refs(block: MeasureBlock) -> set[str]:
    return {m.code for m in (block.city_measure, block.unit_measure) if m is not None}


@check
def measure_references(document: PlanDocument) -> list[Finding]:
    """The measures a KPI sheet (ตาราง ก / ข) or a summary row cites against the measure block that lists that KPI
    or project in the plan."""
    plan = _plan(document)
    if plan is None:
        return []
    by_kpi: dict[str, set[str]] = {}
    by_project: dict[str, set[str]] = {}
    for _, block in _blocks(plan):
        for kpi in block.kpis:
            if kpi.code:
                by_kpi.setdefault(kpi.code, set()).update(_block_refs(block))
        for project in block.strategic_projects + block.routine_projects:
            by_project.setdefault(_key(project.name), set()).update(_block_refs(block))
    findings: list[Finding] = []
    for kpi in document.monitoring.kpis:
        cited = kpi.fields.get("measure_refs")
        if kpi.code in by_kpi and cited:
            findings += _compare_refs(cited, by_kpi[kpi.code], f"KPI {kpi.code} (ตาราง {kpi.table_label})", kpi.source)
    for summary in document.project_summaries:
        for row in summary.rows:
            cited = row.values.get("measure_refs")
            if cited and _key(row.label) in by_project:
                findings += _compare_refs(cited, by_project[_key(row.label)], row.label, row.source)
    return findings


def _compare_refs(cited: str, planned: set[str], subject: str, source: Source | None) -> list[Finding]:
    refs = {f"{kind}.{number}" for kind, number in _REF.findall(cited)}
    missing = sorted(refs - planned)
    if not missing:
        return []
    return [
        _finding("xref.measure_mismatch", Severity.ERROR,
                 "a cited measure is not the one the plan's measure block gives for it", subject,
                 ", ".join(sorted(planned)), ", ".join(missing), source)
    ]


# ---- KPI coverage ----------------------------------------------------------------------------------------------


@check
def goal_kpi_coverage(document: PlanDocument) -> list[Finding]:
    """Every catalogue KPI sits in a goal's KPI table, and a goal's KPIs are the KPIs of its measure blocks."""
    plan = _plan(document)
    if plan is None:
        return []
    findings: list[Finding] = []
    goals = [g for p in plan.pillars for d in p.dimensions for g in d.goals]
    in_goals = {k.code for g in goals for k in g.kpis if k.code}
    for kpi in plan.kpi_catalogue:
        if kpi.code not in in_goals:
            findings.append(_finding("kpi.not_in_plan", Severity.WARNING,
                                     "a catalogue KPI is in no goal's KPI table", kpi.code, source=kpi.source))
    for goal in goals:
        own = {k.code for k in goal.kpis if k.code}
        measured = {k.code for b in goal.measure_blocks for k in b.kpis if k.code}
        if own and measured and own != measured:
            findings.append(_finding("kpi.goal_measure_mismatch", Severity.WARNING,
                                     "the goal's KPIs are not the KPIs of its measure blocks", goal.code,
                                     ", ".join(sorted(own)), ", ".join(sorted(measured)), goal.source))
    return findings
