"""The canonical plan document: the root of the JSON the engine emits.

One schema for every template family: parts a template does not have stay empty.  Content (what the plan says) is
kept apart from rendering (``input``: format, pages, routes; ``source`` fields on records), so the same plan read
from a text export and from its PDF yields the same content.
"""

from __future__ import annotations

from pydantic import Field

from extractor.model.base import Finding, Model, Record
from extractor.model.front_matter import FrontMatter
from extractor.model.kpi_report import KpiReport
from extractor.model.monitoring import Monitoring
from extractor.model.plan2563 import Plan2563
from extractor.model.strategy import DevelopmentIssue, ProjectSummary, RoutineGroup, StrategicAlignment

SCHEMA_VERSION = "1.0.0"


class DocumentInfo(Record):
    """What the document is (ชื่อเอกสาร, หน่วยงาน, ปีงบประมาณ)."""

    title: str | None = None
    unit_name: str | None = None
    unit_name_raw: str | None = Field(
        None, description="The unit name as the cover writes it, where it differs (e.g. masked 'สำนักxxxx…')"
    )
    unit_abbreviation: str | None = None
    parent_organisation: str | None = None
    fiscal_year_be: int | None = Field(None, description="Buddhist Era fiscal year, e.g. 2567")
    fiscal_year_ce: int | None = Field(None, description="The same fiscal year in the Common Era (BE - 543)")
    template_id: str | None = Field(None, description="Grammar that recognised the document; None: no plan found")
    truncated: bool = Field(False, description="The document ends inside a table or section")


class PartHeading(Record):
    """A part of the plan (ส่วนที่ N) as its heading names it; the part's content lives in the typed sections."""

    number: str
    title: str | None = None


class PageRoute(Model):
    page: int
    route: str
    reason: str = ""


class InputInfo(Model):
    """Rendering-dependent facts about the input; excluded from content comparisons."""

    format: str
    sha256: str
    pages: list[PageRoute] = Field(default_factory=list)


class PlanDocument(Model):
    schema_version: str = SCHEMA_VERSION
    document: DocumentInfo
    front_matter: FrontMatter = Field(default_factory=FrontMatter)
    parts: list[PartHeading] = Field(default_factory=list, description="The parts (ส่วนที่) in document order")
    strategic_alignment: StrategicAlignment = Field(
        default_factory=StrategicAlignment, description="Part 1 (ส่วนที่ 1): the BMA plan's strategies in this unit"
    )
    development_issues: list[DevelopmentIssue] = Field(
        default_factory=list, description="Part 2 (ส่วนที่ 2): the unit's own development issues (ประเด็นการพัฒนา)"
    )
    routine_projects: list[RoutineGroup] = Field(
        default_factory=list, description="Part 3 (ส่วนที่ 3): routine projects (ภารกิจประจำ) by programme/division"
    )
    project_summaries: list[ProjectSummary] = Field(default_factory=list)
    monitoring: Monitoring = Field(default_factory=Monitoring, description="Part 4: monitoring tables and rubrics")
    plan_2563: Plan2563 | None = Field(None, description="Entities of the older (2563) template")
    kpi_report: KpiReport | None = Field(None, description="A KPI report page (รายละเอียดตัวชี้วัด)")
    findings: list[Finding] = Field(default_factory=list)
    input: InputInfo | None = None


__all__ = ["DocumentInfo", "InputInfo", "PageRoute", "PartHeading", "PlanDocument", "Record", "SCHEMA_VERSION"]
