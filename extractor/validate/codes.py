"""Codes and cross-references of Parts 1-3: strategy codes against the section they sit in, KPI codes against their
tactic, and the same project written with different budgets in different places.

The parts are read from the finished document model only (Part 1, the summaries, the Part 2 and Part 3 builders'
projects, the monitoring tables' project cells), never from another builder's internals.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex as re

from extractor.grammar.values import arabic_digits, parse_budget
from extractor.model.base import Budget, Finding, Severity, Source
from extractor.model.document import PlanDocument
from extractor.model.strategy import Strategy
from extractor.validate import check

_LEADING_NUMBER = re.compile(r"^\s*[0-9๐-๙]+(?:\.[0-9๐-๙]+)*\.?\s*")
_NAME_PREFIXES = ("ค่าใช้จ่ายในการ", "ค่าใช้จ่าย", "โครงการ", "กิจกรรม")
_NAME_NOISE = re.compile(r"[\s\"“”'()\-–.,:/]+")
# A project named in a monitoring table's project cell with its amount: '๑. ค่าใช้จ่าย… งบประมาณ ๔๘๕,๕๐๐ บาท',
# '3. จัดหาระบบ… 48,789,000 บาท'; an item ends where the next numbered item starts.
_PROJECT_WITH_AMOUNT = re.compile(
    r"(?:^|\s)[0-9๐-๙]+\.(?![0-9๐-๙])\s*(?P<name>(?:(?!\s[0-9๐-๙]+\.(?![0-9๐-๙])|งบประมาณ)[^\n])+?)"
    r"\s*(?:งบประมาณ\s*)?(?P<amount>[0-9๐-๙][0-9๐-๙,]*(?:\.[0-9๐-๙]+)?)\s*บาท"
)
_MIN_CONTAINED = 16  # a normalised name this long contained in another one names the same project


@check
def strategy_codes_match_section(document: PlanDocument) -> list[Finding]:
    """A project's 6-digit code (S S s nnn) must name the strategy and sub-strategy it is listed under."""
    findings = []
    for strategy in _strategies(document):
        for sub in strategy.sub_strategies:
            for project in sub.projects:
                code = project.strategy_code
                if code is None:
                    continue
                if code.sub_strategy != sub.number or code.strategy != strategy.number:
                    findings.append(
                        Finding(code="code.section_mismatch", severity=Severity.ERROR, subject=code.code,
                                message=f"strategy code {code.code} belongs under sub-strategy {code.sub_strategy}, "
                                f"but is listed under {sub.number} ({project.name[:60]})",
                                expected=sub.number, actual=code.sub_strategy, source=project.source)
                    )
                if code.code[0] != code.code[1]:
                    findings.append(
                        Finding(code="code.malformed", severity=Severity.WARNING, subject=code.code,
                                message=f"strategy code {code.code}: the strategy digit is not written twice "
                                "(S S s nnn)", actual=code.code, source=project.source)
                    )
    return findings


@check
def kpi_codes_match_tactic(document: PlanDocument) -> list[Finding]:
    """A KPI code (4.1.4.1) starts with its tactic's code (4.1.4)."""
    findings = []
    for strategy in _strategies(document):
        for sub in strategy.sub_strategies:
            for tactic in sub.tactics:
                for kpi in tactic.kpis:
                    if kpi.code and tactic.code and not kpi.code.startswith(tactic.code + "."):
                        findings.append(
                            Finding(code="code.kpi_outside_tactic", severity=Severity.WARNING, subject=kpi.code,
                                    message=f"KPI {kpi.code} is listed under tactic {tactic.code}",
                                    expected=f"{tactic.code}.*", actual=kpi.code, source=kpi.source)
                        )
    return findings


@dataclass(frozen=True)
class ProjectMention:
    """A project named somewhere with an amount: where, its name (normalised for matching), the amount."""

    place: str
    name: str
    key: str
    amount: int
    source: Source | None


@check
def same_project_same_budget(document: PlanDocument) -> list[Finding]:
    """The same project (by normalised name, or by strategy code) written with different amounts in different
    places (Part 1 section tables, summaries, Part 2 issues, Part 3 routine projects, monitoring tables, the policy
    linkage table)."""
    mentions = project_mentions(document)
    findings = []
    reported: set[tuple[str, str]] = set()
    for i, a in enumerate(mentions):
        for b in mentions[i + 1 :]:
            if a.place == b.place or a.amount == b.amount or not same_project(a.key, b.key):
                continue
            pair = (a.key, b.key)
            if pair in reported:
                continue
            reported.add(pair)
            findings.append(
                Finding(code="project.budget_differs", severity=Severity.ERROR, subject=a.name[:80],
                        message=f"the same project has {a.amount:,} baht in {a.place} and {b.amount:,} baht in "
                        f"{b.place}: {a.name[:80]}",
                        expected=str(a.amount), actual=str(b.amount), source=b.source)
            )
    return findings


def project_mentions(document: PlanDocument) -> list[ProjectMention]:
    """Every project with a whole-baht amount, from every part of the document model (the policy linkage table,
    ตาราง ง, included: it restates the budgets of the projects supporting each KR)."""
    found: list[ProjectMention] = []

    def add(place: str, name: str, budget: Budget | None, source: Source | None) -> None:
        amount = _whole_amount(budget)
        if amount is not None and name:
            found.append(ProjectMention(place, name, normalised_name(name), amount, source))

    for strategy in _strategies(document):
        for sub in strategy.sub_strategies:
            for p in sub.projects:
                add("part1", p.name, p.budget, p.source)
    for summary in document.project_summaries:
        for row in summary.rows:
            add(f"{summary.part} summary", row.label, row.budget, row.source)
    for issue in document.development_issues:
        for p in _with_children(issue.projects):
            add("part2", p.name, p.budget, p.source)
    for group in document.routine_projects:
        for p in group.all_projects():
            add("part3", p.name, p.budget, p.source)
    for kpi in document.monitoring.kpis:
        for m in _PROJECT_WITH_AMOUNT.finditer(kpi.projects or ""):
            add("monitoring", m.group("name"), parse_budget(m.group("amount")), kpi.source)
    for link in document.monitoring.policy_links:
        add("policy linkage", link.project or "", link.budget, link.source)
    return found


def normalised_name(name: str) -> str:
    """A project name reduced for matching: no numbering, generic prefixes, spaces or punctuation."""
    text = _LEADING_NUMBER.sub("", arabic_digits(name))
    text = _NAME_NOISE.sub("", text)
    for prefix in _NAME_PREFIXES:
        if text.startswith(prefix):
            text = text[len(prefix) :]
    return text


def same_project(a: str, b: str) -> bool:
    """Whether two normalised names name the same project: equal, or a long one written inside the other (a name
    shortened in another table).  No fuzzy ratio: sibling projects differ by one word (โรงเรียนวัดโตนด / วัดโคกอน)."""
    if a == b:
        return True
    shorter, longer = sorted((a, b), key=len)
    return len(shorter) >= _MIN_CONTAINED and shorter in longer


def _with_children(projects: list) -> list:
    """Projects and their sub-projects (๗. → ๗.๑ …), in document order."""
    found = []
    for p in projects:
        found.append(p)
        found.extend(_with_children(getattr(p, "children", [])))
    return found


def _whole_amount(budget: Budget | None) -> int | None:
    if budget is None or budget.status not in {"allocated", "not_received", "pending", "other_source"}:
        return None
    return budget.amount


def _strategies(document: PlanDocument) -> list[Strategy]:
    alignment = document.strategic_alignment
    return [s for d in alignment.dimensions for s in d.strategies] + list(alignment.strategies)

