"""Part 2 and Part 3 records: the unit's development issues (ประเด็นการพัฒนา) and its routine projects (ภารกิจประจำ).

Department plans write each development issue as labelled lines (objective, unit KPI or KR, the link to the BMA plan)
and a project table.  District plans follow the Governor's "๙ ดี" issues (๑. เดินทางดี …): each issue has sub-issues
(N.N, written as the objective column of a KR table) with OKR key results (OKR N.N.NN, a trailing ``*`` flag) and
a project table whose projects may nest (๗. → ๗.๑ … ๗.๖) and cite OKR codes beside policy codes.

Routine projects (Part 3) sit in one table per form (แบบที่ 1 ระดับสำนัก/สำนักงาน, ระดับสำนักงานเขต), grouped by
programme (แผนงาน) → output (ผลผลิต), or by division (ฝ่าย) → work group (งาน); the table ends with a total row.

Projects reuse ``Project`` (same fields as Part 1), so budgets of the same project can be compared across parts.
"""

from __future__ import annotations

from pydantic import Field

from extractor.model.base import Budget, Record
from extractor.model.strategy import KPI, KeyResult, Objective, Project


class IssueProject(Project):
    """A project of a Part 2 issue table or a Part 3 routine table."""

    number_raw: str | None = Field(None, description="The row number as written, where normalisation changed it")
    okr_refs: list[str] = Field(
        default_factory=list, description="OKR codes the project cites (รหัสนโยบาย/ OKR), ASCII digits, ranges expanded"
    )
    okr_refs_raw: str | None = Field(None, description="The OKR part of the cell as written")
    children: list[IssueProject] = Field(
        default_factory=list, description="Sub-projects numbered under this one (๗. → ๗.๑ … ๗.๖)"
    )


class IssueKeyResult(KeyResult):
    """An OKR key result of a district development issue (OKR ๑.๑.๐๑ …)."""

    number_raw: str | None = Field(None, description="The OKR code as written, where it has Thai digits")
    starred: bool = Field(False, description="The text carries the '*' flag the plan never explains")


class SubIssue(Record):
    """A sub-issue (N.N) of a district development issue: the objective column of its KR table."""

    number: str | None = Field(None, description="ASCII digits, e.g. '1.1'")
    number_raw: str | None = None
    name: str
    name_raw: str | None = None
    key_results: list[IssueKeyResult] = Field(default_factory=list)


class LinkedEntity(Record):
    """A strategy, sub-strategy or tactic of the BMA plan that a development issue links to."""

    code: str | None = Field(None, description="ASCII digits: '7', '7.3', '7.3.5'")
    name: str | None = None
    name_raw: str | None = None


class BmaLink(Record):
    """The link of a development issue to the BMA action plan (ความเชื่อมโยงกับแผนปฏิบัติราชการกรุงเทพมหานคร)."""

    plan_year_be: int | None = Field(None, description="The BMA plan's year as the heading states it")
    strategy: LinkedEntity | None = None
    sub_strategy: LinkedEntity | None = None
    objective: Objective | None = Field(None, description="The BMA objective quoted, with its key result")
    tactic: LinkedEntity | None = None
    kpis: list[KPI] = Field(default_factory=list)
    notes: list[str] = Field(default_factory=list, description="Lines under the link not read as one of its fields")


class DevelopmentIssue(Record):
    """A development issue of the unit (ประเด็นการพัฒนา), Part 2."""

    number: str | None = Field(None, description="ASCII digits")
    number_raw: str | None = None
    name: str
    name_raw: str | None = None
    footnote_refs: list[str] = Field(default_factory=list, description="Footnote numbers glued to the heading")
    objectives: list[Objective] = Field(default_factory=list, description="The unit's objectives (วัตถุประสงค์หลัก)")
    key_results: list[KeyResult] = Field(default_factory=list, description="The unit's key results (KR n : …)")
    kpis: list[KPI] = Field(default_factory=list, description="The unit's KPIs (ตัวชี้วัดภารกิจสำคัญของหน่วยงาน)")
    sub_issues: list[SubIssue] = Field(default_factory=list, description="District plans: sub-issues with OKRs")
    bma_link: BmaLink | None = None
    projects: list[IssueProject] = Field(default_factory=list)
    notes: list[str] = Field(default_factory=list, description="Other text written under the issue")


class RoutineGroup(Record):
    """Routine projects (ภารกิจประจำ) of one group: a form (the whole table), a programme (แผนงาน), an output
    (ผลผลิต), a division (ฝ่าย), a work group (งาน) or another heading row."""

    kind: str = Field("group", description="form | programme | output | division | work_group | group")
    number: str | None = Field(None, description="The group's row number, ASCII digits")
    name: str
    name_raw: str | None = None
    title: str | None = Field(None, description="Forms: the heading above the table (บัญชีรายการโครงการ/กิจกรรม…)")
    groups: list[RoutineGroup] = Field(default_factory=list)
    projects: list[IssueProject] = Field(default_factory=list)
    no_projects: bool = Field(False, description="A placeholder row (- | - | - | -) states there are none")
    notes: list[str] = Field(default_factory=list, description="Text written with the table (footnotes, remarks)")
    stated_total: Budget | None = Field(None, description="The total row (รวม), forms only")
    stated_count: int | None = Field(None, description="The count the total row states (14 โครงการ)")
    computed_total: int | None = Field(
        None, description="Sum of the projects' amounts, whole baht, leaving out ไม่ได้รับงบประมาณ (forms only)"
    )
    computed_count: int | None = Field(None, description="Number of projects (forms only)")

    def all_projects(self) -> list[IssueProject]:
        """Every project of this group and the groups below it, in document order."""
        found = list(self.projects)
        for group in self.groups:
            found.extend(group.all_projects())
        return found


__all__ = [
    "BmaLink",
    "DevelopmentIssue",
    "IssueKeyResult",
    "IssueProject",
    "LinkedEntity",
    "RoutineGroup",
    "SubIssue",
]
