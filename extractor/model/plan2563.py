"""Entities of the older 2563 template (แผนปฏิบัติการประจำปี พ.ศ. 2563).

Plan tree: ส่วนที่ (service part) → ด้าน (pillar) → มิติ N.M (plan dimension) → เป้าประสงค์ N.M.K.J (goal) → measure
blocks (มาตรการสนับสนุนเป้าประสงค์), each pairing a city measure (มาตรการที่ n, cited "(ม.n)", numbered per goal) with a
unit measure (มาตรการหน่วยงานที่ k, cited "(มน.k)", one list for the unit), with KPI targets and project lists.
KPIs are numbered by the evaluation framework (ตัวชี้วัดที่ 1.x), not by the plan tree: tables give only a local row
number, so KPIs are joined to the catalogue by name.  The monitoring sheets (ตาราง ก, ข, dimensions 2-4) go to the
shared ``Monitoring`` model; the work-step sheets and the rest of what only this template has are here.
"""

from __future__ import annotations

from pydantic import Field

from extractor.model.base import Model, Number, Record
from extractor.model.strategy import KPI, Project


class MeasureRef(Model):
    """A cross-reference to a measure as written in a cell: "(ม.2)" city measure, "(มน.2)" / "(ม.น.2)" unit measure."""

    raw: str
    kind: str = Field(description="'city' (ม.n) or 'unit' (มน.k)")
    number: int
    kind_inferred: bool = Field(False, description="Kind read from the position, not the text (e.g. '(ม.2)' second)")


class Measure(Record):
    """A measure (มาตรการ): city measure ม.n (numbered per goal) or unit measure มน.k (one list for the unit)."""

    kind: str = Field(description="'city' (มาตรการที่ n) or 'unit' (มาตรการหน่วยงานที่ k)")
    number: int
    code: str = Field(description="'ม.2' or 'มน.2'")
    name: str
    name_raw: str | None = None


class PlanKPI(KPI):
    """A KPI row of a plan table, joined to the catalogue (ตัวชี้วัดที่ 1.x) by name."""

    row_number: str | None = Field(None, description="The table's local row number (ลำดับที่), as written")
    measure_refs: list[MeasureRef] = Field(default_factory=list)


class MeasureBlock(Record):
    """A measure block (มาตรการสนับสนุนเป้าประสงค์): one city measure, one unit measure, their KPIs and projects."""

    city_measure: Measure | None = None
    unit_measure: Measure | None = None
    kpis: list[PlanKPI] = Field(default_factory=list)
    strategic_projects: list[Project] = Field(default_factory=list, description="โครงการ/กิจกรรมยุทธศาสตร์")
    routine_projects: list[Project] = Field(default_factory=list, description="โครงการ/กิจกรรมประจำ")


class Goal(Record):
    """A goal (เป้าประสงค์ N.M.K.J) with its KPIs and measure blocks."""

    code: str
    name: str
    name_raw: str | None = None
    target_code: str | None = Field(None, description="เป้าหมายที่ N.M.K (printed in ตาราง ข only)")
    target_name: str | None = None
    kpis: list[PlanKPI] = Field(default_factory=list, description="ตัวชี้วัดเป้าประสงค์")
    measure_blocks: list[MeasureBlock] = Field(default_factory=list)


class PlanDimension(Record):
    """A dimension of the BMA plan (มิติที่ N.M), not the evaluation dimension (มิติที่ 1-4)."""

    code: str
    name: str
    goals: list[Goal] = Field(default_factory=list)


class Pillar(Record):
    """A pillar of the BMA 20-year plan (ด้านที่ N) under its service part (ส่วนที่ 1/2)."""

    number: str
    name: str | None = None
    service_part: str | None = Field(None, description="'1' การบริการสาธารณะ or '2' การบริหารจัดการ")
    service_part_name: str | None = None
    dimensions: list[PlanDimension] = Field(default_factory=list)


class CatalogueKPI(Record):
    """A KPI of the catalogue (ผลการดำเนินงานหลัก): ตัวชี้วัดที่ 1.x with its mission type."""

    code: str
    name: str
    name_raw: str | None = None
    mission: str = Field(description="'strategic' (ภารกิจเชิงยุทธศาสตร์) or 'routine' (ภารกิจงานประจำ)")


class AlignedGoal(Record):
    """One line of the เป้าหมาย overview: a goal the unit's plan serves, with its pillar and dimension."""

    pillar: str
    dimension_code: str
    dimension_name: str | None = None
    goal_code: str
    goal_name: str


class StatedCounts(Record):
    """The counts printed under a summary table (รวมโครงการ/กิจกรรม N, ที่ใช้งบประมาณ N, ที่ไม่ใช้งบประมาณ N)."""

    summary: str = Field(description="'strategic' or 'routine': which summary table they close")
    total: Number | None = None
    with_budget: Number | None = None
    without_budget: Number | None = None
    computed_with_budget: int | None = None
    computed_without_budget: int | None = None


class EvaluationDimension(Record):
    """A dimension of the performance agreement (มิติที่ 1-4), with the codes of its KPIs."""

    number: int
    name: str
    label_raw: str | None = Field(None, description="The label as written when misspelt (e.g. 'มติที่')")
    kpi_codes: list[str] = Field(default_factory=list)


class WorkStep(Record):
    """One step of a work-step sheet: weight and stated cumulative progress (%), and the 12 month cells."""

    number: int | None = None
    text: str
    weight: Number | None = None
    cumulative: Number | None = None
    months: list[str] = Field(default_factory=list, description="12 cells Oct → Sep as written (bars or numbers)")
    overflow: list[str] = Field(default_factory=list, description="Cells beyond the last month column")


class WorkPlanTotal(Record):
    label: str
    steps_stated: int | None = None
    weight: Number | None = None
    cumulative: Number | None = None
    monthly: list[Number] = Field(default_factory=list, description="Cumulative % per month as stated")


class WorkPlan(Record):
    """A work-step (Gantt) sheet of a strategic project (ขั้นตอนการปฏิบัติงานของโครงการ/กิจกรรม)."""

    title: str
    kpi_code: str | None = None
    kpi_name: str | None = None
    project: str | None = None
    unit: str | None = None
    months: list[str] = Field(default_factory=list, description="Month labels of the header, as written")
    steps: list[WorkStep] = Field(default_factory=list)
    total: WorkPlanTotal | None = None
    notes: list[str] = Field(default_factory=list)


class Plan2563(Record):
    pillars: list[Pillar] = Field(default_factory=list)
    unit_measures: list[Measure] = Field(default_factory=list, description="มาตรการดำเนินการ: the unit's measure list")
    kpi_catalogue: list[CatalogueKPI] = Field(default_factory=list)
    aligned_goals: list[AlignedGoal] = Field(default_factory=list)
    stated_counts: list[StatedCounts] = Field(default_factory=list)
    evaluation_guideline: str | None = Field(None, description="The line that introduces the evaluation chapter")
    evaluation_dimensions: list[EvaluationDimension] = Field(default_factory=list)
    work_plans: list[WorkPlan] = Field(default_factory=list)
