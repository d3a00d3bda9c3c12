"""Part 4 (ส่วนที่ 4): monitoring tables recognised by role, not by letter (the letters ก-ฉ change between templates
and a body heading may give the wrong one), and scoring rubrics (เกณฑ์การให้คะแนน).

Roles seen in the 2567 plans:
- ``bma_kpi_definitions`` (ตาราง ก): KPIs of the BMA plan: tactic, KPI code and name, target, definition, projects;
- ``unit_kpi_definitions`` (ตาราง ข): the unit's own strategy KPIs, per development issue;
- ``negotiated_kpis`` (ตาราง ค): the performance agreement (เจรจาตกลง): baseline by year, target, weight,
  definition with its formula (kept as raw text: the fraction bars are lost) and data collection;
- ``component_kpis`` (ตาราง ฉ): KPIs of evaluation components 2-4, defined centrally;
- ``policy_linkage`` (ตาราง ง): governor policy ↔ unit plan rows;
- ``work_steps`` (ตาราง จ): project steps × the months of the fiscal year;
- scoring rubrics: level 1-5 → percent criterion → method → score, linked to the negotiated KPI they score.

What has a fixed role in the seeds is typed; other columns and labelled sections stay as role → text mappings.
"""

from __future__ import annotations

from pydantic import Field

from extractor.model.base import Budget, Model, Number, Record


class KpiContext(Model):
    """The lines written above a monitoring table block, which say what its KPIs belong to."""

    issue: str | None = Field(None, description="Development issue (ประเด็นการพัฒนา) the block is about")
    objective: str | None = Field(None, description="Objective (วัตถุประสงค์หลัก) line")
    key_result: str | None = Field(None, description="Key result (ตัววัดผลหลัก, KR) line")
    component: str | None = Field(None, description="Evaluation component (องค์ประกอบที่ N)")
    group: str | None = Field(None, description="KPI group under a component (1.1 … (Function Base))")


class BaselineYear(Model):
    """One year of a baseline cell (ข้อมูลพื้นฐาน): ``พ.ศ. 2565 : -``, ``ปี ๒๕๖๖ = …``."""

    year_be: int
    raw: str = Field(description="The value as written after the year label (may be empty)")
    status: str = Field(description="'value' | 'dash' (written '-', 'ไม่มี') | 'empty' (nothing after the label)")


class MonitoredKPI(Record):
    """A KPI as a monitoring table describes it (ตาราง ก, ข, ค or ฉ)."""

    table_role: str = Field(description="bma_kpi_definitions | unit_kpi_definitions | negotiated_kpis | component_kpis")
    table_label: str | None = Field(None, description="The letter the body heading gives the table (ตาราง ก, ข, …)")
    code: str | None = Field(None, description="KPI code or number in ASCII digits: '4.1.4.1', '1.1.01', '1.2', '3'")
    code_raw: str | None = None
    name: str
    name_raw: str | None = None
    context: KpiContext = Field(default_factory=KpiContext)
    tactic: str | None = Field(None, description="Tactic cell (กลยุทธ์) of ตาราง ก, as written")
    tactic_code: str | None = Field(None, description="Tactic code found in the tactic cell, e.g. '4.1.4'")
    objective: str | None = Field(None, description="Objective cell (district ตาราง ข has one per row)")
    target: str | None = Field(None, description="Target (ค่าเป้าหมาย / เป้าหมาย), as written")
    weight: Number | None = Field(None, description="Weight in points (น้ำหนักคะแนน), negotiated KPIs")
    baseline_raw: str | None = None
    baseline: list[BaselineYear] = Field(default_factory=list)
    definition: str | None = Field(None, description="The whole definition cell (นิยาม/คำอธิบาย, นิยามและวิธีคำนวณ)")
    formula: str | None = Field(None, description="Calculation section of the definition, raw (fraction bars lost)")
    data_collection: str | None = Field(None, description="Data collection / evidence section (วิธีเก็บข้อมูล/หลักฐาน)")
    responsible: str | None = Field(None, description="Responsible unit section or cell (ผู้รับผิดชอบ)")
    sections: dict[str, str] = Field(
        default_factory=dict, description="Labelled sections of the definition cell by role (definition, formula, …)"
    )
    projects: str | None = Field(None, description="Projects cell (โครงการ/กิจกรรม), as written")
    inherited: list[str] = Field(
        default_factory=list, description="Columns whose value was copied from a row-spanning cell above"
    )
    fields: dict[str, str] = Field(default_factory=dict, description="Other columns by role, as written")


class RubricRow(Record):
    """One row of a scoring rubric: level → criterion → method → score."""

    level: int | None = None
    level_raw: str | None = None
    criterion: str = Field(description="The percent or condition the level requires, as written (ร้อยละ 100)")
    criterion_percent: int | None = None
    method: str | None = Field(None, description="How the level is measured (วิธีวัดผลการดำเนินงาน), as written")
    score: Number | None = None


class Rubric(Record):
    """A scoring rubric (เกณฑ์การให้คะแนน), or one part of a rubric measured in several parts."""

    title: str = Field(description="The KPI name as the rubric's title line quotes it")
    kpi_code: str | None = Field(None, description="Code/number of the negotiated KPI it scores (the sheet before it)")
    kpi_name: str | None = None
    part: str | None = Field(None, description="Part label of a multi-part rubric (โดยแบ่งการวัดเป็น 2 ส่วน)")
    part_index: int | None = Field(None, description="1-based part number; None for a rubric in one part")
    part_count: int = 1
    rows: list[RubricRow] = Field(default_factory=list)
    notes: list[str] = Field(default_factory=list, description="Text after the table: outputs, conditions, milestones")


class PolicyLink(Record):
    """A row of the policy linkage table (ตาราง ง): BMA key result and target ↔ the unit's supporting project."""

    area: str | None = Field(None, description="Section row above it (ด้านที่ ๑ ด้านเดินทางดี)")
    objective: str | None = None
    key_result: str | None = None
    count_unit: str | None = Field(None, description="Unit of count (หน่วยนับ)")
    target: str | None = None
    project: str | None = None
    budget: Budget | None = None
    project_kpi: str | None = Field(None, description="Project KPI (ตัวชี้วัดความสำเร็จ KPI โครงการ)")
    inherited: list[str] = Field(default_factory=list)


class WorkStep(Record):
    """One step of a project's step sheet (ตาราง จ)."""

    number: str | None = None
    text: str
    share: Number | None = Field(None, description="Share of the project for this step, percent (เนื้องาน รายขั้นตอน)")
    cumulative: Number | None = Field(None, description="Cumulative progress, percent (คิดความก้าวหน้าโครงการ)")
    months: list[str] = Field(default_factory=list, description="Months marked, in fiscal order: 'oct' … 'sep'")
    marks: dict[str, str] = Field(default_factory=dict, description="Month → mark as written (←, →, ↔)")
    extra_marks: list[str] = Field(default_factory=list, description="Marks written beyond the last month column")


class WorkStepSheet(Record):
    """A step sheet (ตาราง จ): the steps of one project over the fiscal year."""

    kpi: str | None = Field(None, description="The KPI line above it (ข้อตัวชี้วัดที่ N …)")
    project: str | None = Field(None, description="The project line above it (ชื่อโครงการที่ N …)")
    years: list[str] = Field(default_factory=list, description="Year header cells as written (พ.ศ. 2566, พ.ศ. 2567)")
    fiscal_year_be: int | None = Field(None, description="Fiscal year of the months (ต.ค.-ธ.ค. fall in the year before)")
    headerless: bool = Field(False, description="Read from rows whose header was lost (recognised by their marks)")
    steps: list[WorkStep] = Field(default_factory=list)


class GenericTable(Record):
    """A table kept as written: questionnaires, form fields, footnotes written as tables, unrecognised tables."""

    role: str = Field(description="Table role, or 'unrecognised'")
    title: str | None = Field(None, description="The nearest line above the table")
    columns: list[str] = Field(default_factory=list, description="Column roles (empty when unrecognised)")
    header: list[list[str]] = Field(default_factory=list, description="Header rows as written")
    rows: list[list[str]] = Field(default_factory=list)


class Monitoring(Record):
    """Part 4: implementing and monitoring the plan (การนำแผนฯ ไปสู่การปฏิบัติและการติดตามประเมินผล)."""

    title: str | None = None
    kpis: list[MonitoredKPI] = Field(default_factory=list)
    rubrics: list[Rubric] = Field(default_factory=list)
    policy_links: list[PolicyLink] = Field(default_factory=list)
    work_steps: list[WorkStepSheet] = Field(default_factory=list)
    tables: list[GenericTable] = Field(default_factory=list)
    truncated: bool = Field(False, description="The document ends inside a Part 4 table and Part 4 shows lost content")
