"""Consistency of Part 2 (development issues) and Part 3 (routine projects), read from the document model.

- numbering: issue numbers 1..n; project numbers inside the issue tables (restarting at 1 per issue, or running on
  from the issue before, as some plans number all issue tables as one list) and inside sub-project lists (๗.๑ …);
  routine project numbers (running on through the table, or restarting at 1 in a new group);
- the district OKR tables: an OKR code N.N.NN names its issue N and sub-issue N.N; an OKR code given twice; a
  project citing an OKR code no KR table of Part 2 has;
- the link to the BMA plan: a KPI code names its tactic, a tactic its sub-strategy, a sub-strategy its strategy;
- a project with an amount of its own and sub-projects with amounts too (a possible double count).

Totals of the routine forms and budgets of the same project across parts are checked with the summaries
(``totals.py``, ``codes.py``).
"""

from __future__ import annotations

from collections import Counter

from extractor.model.base import Finding, Severity, Source
from extractor.model.document import PlanDocument
from extractor.model.issues import BmaLink, DevelopmentIssue, IssueProject, RoutineGroup
from extractor.validate import check
from extractor.validate.numbering import numbering_finding, sequence_findings


@check
def issue_numbering(document: PlanDocument) -> list[Finding]:
    """Development issues numbered 1..n, each number once."""
    numbers = [(i.number, i.source) for i in document.development_issues]
    return sequence_findings(numbers, "development issues", restart_allowed=False)


@check
def issue_project_numbering(document: PlanDocument) -> list[Finding]:
    """Project numbers of the issue tables, and of sub-project lists under a project."""
    findings: list[Finding] = []
    previous: int | None = None
    for issue in document.development_issues:
        numbers = [(p.number, p.source) for p in issue.projects]
        findings += sequence_findings(numbers, f"projects of issue {issue.number}", start_after=previous)
        ints = [int(n) for n, _ in numbers if n and n.isdigit()]
        previous = ints[-1] if ints else previous
        findings += _children_numbering(issue.projects)
    return findings


@check
def routine_project_numbering(document: PlanDocument) -> list[Finding]:
    """Routine project numbers run on through a form's table, or restart at 1 at the first project of a group."""
    findings: list[Finding] = []
    for form in document.routine_projects:
        state: dict[str, int | None] = {"previous": None}
        _routine_numbers(form, form.name, state, findings)
    return findings


@check
def okr_codes(document: PlanDocument) -> list[Finding]:
    """OKR codes against their issue and sub-issue, OKR codes given twice, and projects citing unknown OKR codes."""
    findings: list[Finding] = []
    seen: Counter[str] = Counter()
    for issue in document.development_issues:
        for sub in issue.sub_issues:
            findings += _sub_issue_findings(issue, sub)
            seen.update(kr.number for kr in sub.key_results if kr.number)
    for code, times in sorted(seen.items()):
        if times > 1:
            findings.append(Finding(code="okr.duplicate", severity=Severity.WARNING, subject=f"OKR {code}",
                                    message=f"OKR {code} is given {times} times in the Part 2 KR tables",
                                    actual=str(times)))
    if seen:
        for issue in document.development_issues:
            for project in _with_children(issue.projects):
                for ref in project.okr_refs:
                    if ref not in seen:
                        findings.append(Finding(
                            code="okr.unknown_reference", severity=Severity.WARNING, subject=project.name[:80],
                            message=f"issue {issue.number}: project cites OKR {ref}, which no Part 2 KR table has",
                            actual=ref, source=project.source))
    return findings


@check
def bma_link_codes(document: PlanDocument) -> list[Finding]:
    """The codes of an issue's link to the BMA plan must nest: KPI a.b.c.d under tactic a.b.c under sub-strategy
    a.b under strategy a."""
    findings: list[Finding] = []
    for issue in document.development_issues:
        if issue.bma_link is not None:
            findings += _link_findings(issue, issue.bma_link)
    return findings


@check
def parent_and_children_amounts(document: PlanDocument) -> list[Finding]:
    """A project with an amount of its own whose sub-projects have amounts too: the total may count both."""
    findings: list[Finding] = []
    for issue in document.development_issues:
        for project in _with_children(issue.projects):
            if _amount(project) and any(_amount(c) for c in project.children):
                findings.append(Finding(
                    code="project.parent_and_children_amounts", severity=Severity.WARNING,
                    subject=project.name[:80],
                    message=f"project {project.number} has an amount and so do its sub-projects: "
                    "a total may count both", source=project.source))
    return findings


# -- helpers ------------------------------------------------------------------------------------------------------


def _children_numbering(projects: list[IssueProject]) -> list[Finding]:
    findings: list[Finding] = []
    for project in projects:
        if project.children:
            numbers = [(_last_part(c.number), c.source) for c in project.children]
            findings += sequence_findings(numbers, f"sub-projects of project {project.number}",
                                           restart_allowed=False)
            findings += _children_numbering(project.children)
    return findings


def _routine_numbers(group: RoutineGroup, form: str, state: dict, findings: list[Finding]) -> None:
    for index, project in enumerate(group.projects):
        if project.number is None or not project.number.isdigit():
            continue
        number, previous = int(project.number), state["previous"]
        allowed = {previous + 1} if previous is not None else {1}
        if index == 0:
            allowed.add(1)  # a group may number its projects from 1 again
        if number not in allowed:
            findings.append(numbering_finding(f"routine projects of {form}", number, previous, project.source))
        state["previous"] = number
    for child in group.groups:
        _routine_numbers(child, form, state, findings)


def _sub_issue_findings(issue: DevelopmentIssue, sub) -> list[Finding]:
    findings: list[Finding] = []
    if sub.number and issue.number and sub.number.split(".")[0] != issue.number:
        findings.append(Finding(code="okr.parent_mismatch", severity=Severity.WARNING, subject=sub.number,
                                message=f"sub-issue {sub.number} sits under issue {issue.number}",
                                expected=issue.number, actual=sub.number, source=sub.source))
    for kr in sub.key_results:
        if kr.number and sub.number and not kr.number.startswith(sub.number + "."):
            findings.append(Finding(
                code="okr.parent_mismatch", severity=Severity.WARNING, subject=f"OKR {kr.number}",
                message=f"OKR {kr.number} sits under sub-issue {sub.number}, but its code names sub-issue "
                f"{'.'.join(kr.number.split('.')[:2])}", expected=sub.number, actual=kr.number, source=kr.source))
    return findings


def _link_findings(issue: DevelopmentIssue, link: BmaLink) -> list[Finding]:
    chain = [("strategy", link.strategy), ("sub-strategy", link.sub_strategy), ("tactic", link.tactic)]
    chain += [("KPI", kpi) for kpi in link.kpis]
    findings: list[Finding] = []
    outer_name, outer_code = None, None
    for name, item in chain:
        code = getattr(item, "code", None) if item is not None else None
        if not code:
            continue
        if outer_code and not code.startswith(outer_code + "."):
            findings.append(Finding(
                code="link.code_mismatch", severity=Severity.WARNING, subject=f"issue {issue.number}",
                message=f"issue {issue.number}: the linked {name} {code} is not under the linked {outer_name} "
                f"{outer_code}", expected=f"{outer_code}.…", actual=code, source=item.source))
        if name != "KPI":
            outer_name, outer_code = name, code
    return findings


def _with_children(projects: list[IssueProject]) -> list[IssueProject]:
    found: list[IssueProject] = []
    for project in projects:
        found.append(project)
        found.extend(_with_children(project.children))
    return found


def _last_part(number: str | None) -> str | None:
    return number.rpartition(".")[2] if number else None


def _amount(project: IssueProject) -> int:
    budget = project.budget
    return (budget.amount or 0) if budget is not None else 0
