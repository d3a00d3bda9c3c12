"""Part 2 (ส่วนที่ 2): the unit's development issues (ประเด็นการพัฒนา).

Department plans: the heading ``ประเด็นการพัฒนาที่ N <footnote> <name>``, labelled lines (the unit's objective,
KPI or KR, then the link to the BMA plan with its strategy / sub-strategy / objective / KR / tactic / KPI lines) and
the project table ``ลำดับที่ | โครงการ/กิจกรรมสำคัญ | งบประมาณ | ส่วนราชการ | รหัสนโยบาย``.  District plans (the
Governor's "๙ ดี" issues, ``๑. เดินทางดี``): the OKR table (the sub-issue spans the rows of its OKRs) and the project
table ``โครงการ/กิจกรรมสำคัญ | งบประมาณ | ส่วนราชการ | รหัสนโยบาย/ OKR`` with the number in the name cell and
sub-projects (๗.๑ under ๗.) on the rows after their parent.  Remarks (notes) follow the tables, as in the plans.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from extractor.model.document import PlanDocument
from extractor.model.issues import BmaLink, DevelopmentIssue, IssueProject, SubIssue
from extractor.model.strategy import KeyResult

from corpus.render.flow import Cell, Flow, Text
from corpus.render.writers.common import PARA, first, header, heading, raw, table

OKR_HEADER = (
    "วัตถุประสงค์หลัก (Objective)", "ตัววัดผลหลัก (Key Result : KR)", "ค่าเป้าหมาย (Target)",
    "หน่วยงานรับผิดชอบหลัก", "หน่วยงานสนับสนุน",
)
PROJECT_HEADER = ("ลำดับที่", "โครงการ/กิจกรรมสำคัญ", "งบประมาณ", "ส่วนราชการ", "รหัสนโยบาย")
DISTRICT_PROJECT_HEADER = ("โครงการ/กิจกรรมสำคัญ", "งบประมาณ", "ส่วนราชการ", "รหัสนโยบาย/ OKR")
OBJECTIVE_LABEL = "วัตถุประสงค์หลัก (Objective)"
UNIT_KPI_LABEL = "ตัวชี้วัดภารกิจสำคัญของหน่วยงาน"
_ITEM = re.compile(r"^[0-9๐-๙]{1,3}(?:\.[0-9๐-๙]{1,3})*\.?\s+\S")
_DISTRICT_NAME = re.compile(r"^\S+ดี$")


def write_part2(document: PlanDocument, flow: Flow) -> None:
    for issue in document.development_issues:
        if _is_district(issue):
            _district_issue(issue, flow)
        else:
            _department_issue(issue, flow)


def _is_district(issue: DevelopmentIssue) -> bool:
    """A "๙ ดี" issue: a one-word name ending in ดี and no labelled lines (the district template)."""
    return bool(_DISTRICT_NAME.match(issue.name)) and not (issue.objectives or issue.kpis or issue.key_results
                                                            or issue.bma_link)


def _refs(issue: DevelopmentIssue) -> Iterator[str]:
    """Footnote numbers in the order the template glues them: heading, objective label, link label."""
    yield from issue.footnote_refs
    while True:
        yield ""


def _department_issue(issue: DevelopmentIssue, flow: Flow) -> None:
    refs = _refs(issue)
    note = next(refs)
    number = first(issue.number_raw, issue.number)
    heading(flow, " ".join(p for p in (f"ประเด็นการพัฒนาที่ {number}", note, first(issue.name_raw, issue.name)) if p))
    _objectives(issue, next(refs) if issue.objectives else "", flow)
    for kpi in issue.kpis:
        flow.add(Text(f"{UNIT_KPI_LABEL} {first(kpi.name_raw, kpi.name)}", gap=PARA))
    for kr in issue.key_results:
        flow.add(Text(_kr_label(kr), gap=PARA))
    if issue.bma_link is not None:
        _link(issue.bma_link, next(refs), flow)
    if issue.projects:
        rows = [_project_row(p, numbered=True) for p in _flatten(issue.projects)]
        flow.add(table((0.8, 5, 1.5, 1.6, 1.3), header(PROJECT_HEADER), rows))
    flow.add(*(Text(n, gap=PARA) for n in issue.notes))


def _objectives(issue: DevelopmentIssue, note: str, flow: Flow) -> None:
    """The label with the first objective on its line; numbered objectives on lines of their own under it."""
    if not issue.objectives:
        return
    texts = [first(o.text_raw, o.text) for o in issue.objectives]
    label = f"{OBJECTIVE_LABEL}{note}"
    if _ITEM.match(texts[0]):
        flow.add(Text(label, gap=PARA))
    else:
        flow.add(Text(f"{label} {texts[0]}", gap=PARA))
        texts = texts[1:]
    flow.add(*(Text(t, gap=PARA) for t in texts))


def _kr_label(kr: KeyResult) -> str:
    number = f" KR {kr.number}" if kr.number else ""
    return f"ตัววัดผลหลัก (Key Result :{number}) {first(kr.text_raw, kr.text)}"


def _link(link: BmaLink, note: str, flow: Flow) -> None:
    year = f" ประจำปี พ.ศ. {link.plan_year_be}" if link.plan_year_be else ""
    flow.add(Text(f"ความเชื่อมโยงกับแผนปฏิบัติราชการกรุงเทพมหานคร{year}{note}", bold=True, gap=PARA))
    for label, entity in (("ยุทธศาสตร์ที่", link.strategy), ("ยุทธศาสตร์ย่อยที่", link.sub_strategy)):
        if entity is not None:
            flow.add(Text(f"{label} {entity.code} {first(entity.name_raw, entity.name)}".strip(), gap=PARA))
    if link.objective is not None:
        if link.objective.text:
            flow.add(Text(f"{OBJECTIVE_LABEL} {first(link.objective.text_raw, link.objective.text)}", gap=PARA))
        flow.add(*(Text(_kr_label(kr), gap=PARA) for kr in link.objective.key_results))
    if link.tactic is not None:
        flow.add(Text(f"กลยุทธ์ {link.tactic.code} {first(link.tactic.name_raw, link.tactic.name)}".strip(), gap=PARA))
    for kpi in link.kpis:
        flow.add(Text(f"KPI {kpi.code} : {first(kpi.name_raw, kpi.name)}", gap=PARA))
    flow.add(*(Text(n, gap=PARA) for n in link.notes))


def _flatten(projects: list[IssueProject]) -> Iterator[IssueProject]:
    for project in projects:
        yield project
        yield from _flatten(project.children)


def project_cells(p: IssueProject) -> tuple[str, str, str, str]:
    """Name, budget, units and policy cells of a project row, as written where the model kept it."""
    policy = first(p.policy_codes_raw, " ".join(p.policy_codes))
    if p.okr_refs_raw and p.okr_refs_raw not in policy:
        policy = f"{policy} ({p.okr_refs_raw})".strip()
    return first(p.name_raw, p.name), raw(p.budget) or "", first(p.units_raw, " ".join(p.units)), policy or "-"


def _project_row(p: IssueProject, numbered: bool) -> tuple[Cell, ...]:
    name, budget, units, policy = project_cells(p)
    cells = [Cell(name), Cell(budget, align="center"), Cell(units, align="center"), Cell(policy, align="center")]
    if numbered:
        return (Cell(first(p.number_raw, p.number), align="center"), *cells)
    if not p.name_raw and p.number:
        cells[0] = Cell(f"{first(p.number_raw, p.number)}. {p.name}")
    return tuple(cells)


def _district_issue(issue: DevelopmentIssue, flow: Flow) -> None:
    heading(flow, f"{first(issue.number_raw, issue.number)}. {first(issue.name_raw, issue.name)}")
    if issue.sub_issues:
        rows = [row for sub in issue.sub_issues for row in _okr_rows(sub)]
        flow.add(table((2.2, 4, 2, 1.4, 1.4), header(OKR_HEADER), rows))
    if issue.projects:
        rows = [_project_row(p, numbered=False) for p in _flatten(issue.projects)]
        flow.add(table((5, 1.5, 1.8, 1.8), header(DISTRICT_PROJECT_HEADER), rows))
    flow.add(*(Text(n, gap=PARA) for n in issue.notes))


def _okr_rows(sub: SubIssue) -> list[list[Cell]]:
    krs = sub.key_results or [None]
    name = " ".join(p for p in (first(sub.number_raw, sub.number), first(sub.name_raw, sub.name)) if p)
    rows = []
    for index, kr in enumerate(krs):
        cells = [Cell(name, rowspan=len(krs))] if index == 0 else []
        if kr is None:
            cells += [Cell("")] * 4
        else:
            code = first(kr.number_raw, kr.number)
            cells += [
                Cell(f"OKR {code} {first(kr.text_raw, kr.text)}" if code else first(kr.text_raw, kr.text)),
                Cell(kr.target.raw if kr.target else ""),
                Cell(first(kr.lead_units_raw, " ".join(kr.lead_units))),
                Cell(first(kr.support_units_raw, " ".join(kr.support_units))),
            ]
        rows.append(cells)
    return rows
