"""The 2563 action plan template (แผนปฏิบัติการประจำปี พ.ศ. 2563), in the headings of grammars/bma-2563.

Three chapters: the essentials (สาระสำคัญ: general information, situation analysis with SWOT lists, vision,
missions, the goals overview เป้าหมาย and the KPI catalogue ผลการดำเนินงานหลัก), the measures chapter (มาตรการและ
โครงการ/กิจกรรม: ส่วนที่ → ด้านที่ → มิติที่ N.M → เป้าประสงค์ที่ → measure blocks with their KPI and project
tables, then the project summaries with their count lines) and the evaluation chapter (evaluation dimensions, the
ตาราง ก / ข sheets under the goal lines they belong to, rubrics, dimension 2-4 KPIs, work-step sheets).
"""

from __future__ import annotations

from itertools import groupby

from extractor.model.document import PlanDocument
from extractor.model.monitoring import MonitoredKPI
from extractor.model.plan2563 import Goal, MeasureBlock, Pillar, Plan2563, PlanKPI, WorkPlan
from extractor.model.strategy import Project, ProjectSummary

from corpus.render.flow import HEADING, Cell, Flow, Section, Text
from corpus.render.writers.common import PARA, first, header, heading, lines, raw, table
from corpus.render.writers.part4 import MONTH_LABELS

MISSIONS = {"strategic": "ตัวชี้วัดตามภารกิจเชิงยุทธศาสตร์", "routine": "ตัวชี้วัดตามภารกิจงานประจำ"}
SWOT_WORDS = {"strength": "จุดแข็ง", "weakness": "จุดอ่อน", "opportunity": "โอกาส", "threat": "อุปสรรค"}
KPI_HEADER = ("ลำดับที่", "ตัวชี้วัด", "ค่าเป้าหมาย")
SUMMARY_HEADERS = {
    "strategic": ("ลำดับที่", "ชื่อโครงการ/กิจกรรม", "งบประมาณ", "แหล่งงบประมาณ", "ส่วนราชการ"),
    "routine": ("ลำดับที่", "ด้านงบประมาณ", "ชื่อโครงการ/กิจกรรม", "งบประมาณ", "ส่วนราชการ"),
}
SHEET_HEADERS = {
    "kpi_definitions": ("มาตรการ (ตามแผนฯ ของหน่วยงาน)", "ตัวชี้วัดมาตรการ (ตามแผนฯ ของหน่วยงาน)",
                        "นิยาม/คำอธิบายตัวชี้วัด", "โครงการ/กิจกรรม"),
    "negotiated_kpis": ("ตัวชี้วัด", "ค่าเป้าหมาย", "นิยามและวิธีการคำนวณ", "เชื่อมโยง มาตรการ", "โครงการ/กิจกรรม",
                        "ส่วนราชการ"),
    "component_kpis": ("ตัวชี้วัด", "นิยาม/คำอธิบายตัวชี้วัด", "โครงการ/กิจกรรมและส่วนราชการที่รับผิดชอบ"),
}
SHEET_TITLES = {"kpi_definitions": "ตาราง ก. ภารกิจงานยุทธศาสตร์",
                "negotiated_kpis": "ตาราง ข แสดงตัวชี้วัดและภารกิจจากการเจรจาตกลง"}


def write_plan_2563(document: PlanDocument, flow: Flow) -> None:
    plan = document.plan_2563
    assert plan is not None
    flow.add(Section())
    flow.add(*(Text(line, size=HEADING, bold=True, align="center", gap=1.0) for line in document.front_matter.cover))
    _essentials(document, plan, flow)
    _measures(document, plan, flow)
    _evaluation(document, plan, flow)


# -- essentials -------------------------------------------------------------------------------------------------

def _essentials(document: PlanDocument, plan: Plan2563, flow: Flow) -> None:
    fm = document.front_matter
    if fm.foreword:
        flow.add(Section(), Text("คำนำ", size=16, bold=True, align="center", gap=0), *(Text(p) for p in fm.foreword))
    if fm.table_of_contents:
        flow.add(Section(), Text("สารบัญ", size=16, bold=True, align="center", gap=0))
        # the template's contents page is a two-column list (title with dot leaders | page)
        rows = [[f"{e.title}.....", Cell(e.page_raw or e.page or "", align="center")] for e in fm.table_of_contents]
        flow.add(table((8, 1), (), rows))
    flow.add(Section())
    heading(flow, f"สาระสำคัญของแผนปฏิบัติการประจำปี พ.ศ. {document.document.fiscal_year_be or ''}".strip(), gap=0)
    if fm.general_information:
        heading(flow, "ข้อมูลทั่วไป/สถานการณ์ของพื้นที่", size=12)
        flow.add(*(Text(p) for p in fm.general_information))
    if fm.swot or fm.environment_analysis:
        heading(flow, "การวิเคราะห์ประเมินสถานการณ์", size=12)
        flow.add(*(Text(p) for p in fm.environment_analysis))
        for category, items in groupby(fm.swot, key=lambda i: i.category):
            heading(flow, SWOT_WORDS[category], size=12)
            factor = None
            for item in items:
                if item.factor and item.factor != factor:  # a bold line inside the category names the factor
                    flow.add(Text(item.factor, bold=True, gap=PARA))
                factor = item.factor
                lines(flow, f"{item.number}. {item.text}" if item.number else item.text)
    if fm.vision:
        heading(flow, "วิสัยทัศน์", size=12)
        lines(flow, fm.vision)
    if fm.missions:
        heading(flow, "พันธกิจ", size=12)
        for m in fm.missions:
            lines(flow, f"{m.number}. {m.text}" if m.number else m.text)
    _aligned_goals(plan, flow)
    for mission, kpis in groupby(plan.kpi_catalogue, key=lambda k: k.mission):
        heading(flow, f"ผลการดำเนินงานหลัก ({MISSIONS[mission]})", size=12)
        flow.add(*(Text(f"- ตัวชี้วัดที่ {k.code} {first(k.name_raw, k.name)}", gap=PARA) for k in kpis))


def _aligned_goals(plan: Plan2563, flow: Flow) -> None:
    if not plan.aligned_goals:
        return
    heading(flow, "เป้าหมาย", size=12)
    pillar = dimension = None
    for goal in plan.aligned_goals:
        if goal.pillar != pillar:
            flow.add(Text(f"ด้านที่ {goal.pillar}", bold=True))
            pillar, dimension = goal.pillar, None
        if goal.dimension_code != dimension:
            flow.add(Text(f"มิติที่ {goal.dimension_code} {goal.dimension_name or ''}".strip(), bold=True))
            dimension = goal.dimension_code
        flow.add(Text(f"เป้าประสงค์ที่ {goal.goal_code} {goal.goal_name}"))


# -- measures chapter -------------------------------------------------------------------------------------------

def _measures(document: PlanDocument, plan: Plan2563, flow: Flow) -> None:
    if not plan.pillars and not document.project_summaries:
        return
    flow.add(Section(landscape=True), Text("มาตรการและโครงการ/กิจกรรม", size=HEADING, bold=True, gap=0))
    service_part = None
    for index, pillar in enumerate(plan.pillars):
        if pillar.service_part and pillar.service_part != service_part:
            heading(flow, f"ส่วนที่ {pillar.service_part} {pillar.service_part_name or ''}".strip())
            service_part = pillar.service_part
        _pillar(pillar, plan if index == 0 else None, flow)
    if document.project_summaries:
        heading(flow, "สรุปโครงการ/กิจกรรมและงบประมาณ")
        for summary in document.project_summaries:
            _summary(summary, plan, flow)


def _pillar(pillar: Pillar, plan: Plan2563 | None, flow: Flow) -> None:
    heading(flow, f"ด้านที่ {pillar.number} {pillar.name or ''}".strip(), size=12)
    if plan is not None and plan.unit_measures:
        flow.add(Text("มาตรการดำเนินการ :-", bold=True))
        flow.add(*(Text(f"- มาตรการหน่วยงานที่ {m.number} {first(m.name_raw, m.name)}", gap=PARA)
                   for m in plan.unit_measures))
    for dimension in pillar.dimensions:
        heading(flow, f"มิติที่ {dimension.code} {dimension.name}", size=12)
        for goal in dimension.goals:
            _goal(goal, flow)


def _goal(goal: Goal, flow: Flow) -> None:
    flow.add(Text(f"เป้าประสงค์ที่ {goal.code} {first(goal.name_raw, goal.name)}"))
    if goal.kpis:
        flow.add(Text("ตัวชี้วัดเป้าประสงค์", bold=True), _kpi_table(goal.kpis))
    for block in goal.measure_blocks:
        _measure_block(block, flow)


def _measure_block(block: MeasureBlock, flow: Flow) -> None:
    flow.add(Text("มาตรการสนับสนุนเป้าประสงค์", bold=True))
    for measure, label in ((block.city_measure, "มาตรการที่"), (block.unit_measure, "มาตรการหน่วยงานที่")):
        if measure is not None:
            flow.add(Text(f"{label} {measure.number} {first(measure.name_raw, measure.name)}"))
    if block.kpis:
        flow.add(Text("ตัวชี้วัดมาตรการ", bold=True), _kpi_table(block.kpis))
    for title, projects in (("โครงการ/กิจกรรมยุทธศาสตร์", block.strategic_projects),
                            ("โครงการ/กิจกรรมประจำ", block.routine_projects)):
        if projects:
            flow.add(table((6, 1.5, 2.5), header((title, "งบประมาณ", "ส่วนราชการ")),
                           [_project_cells(p) for p in projects]))


def _project_cells(p: Project) -> list[str | Cell]:
    return [first(p.name_raw, p.name), Cell(raw(p.budget), align="center"), first(p.units_raw, " ".join(p.units))]


def _kpi_name(kpi: PlanKPI) -> str:
    refs = ", ".join(r.raw for r in kpi.measure_refs)
    name = first(kpi.name_raw, kpi.name)
    return f"{name} {refs}" if refs and refs not in name else name


def _kpi_table(kpis: list[PlanKPI]):
    rows = [[Cell(first(k.row_number), align="center"), _kpi_name(k), " ".join(t.raw for t in k.targets)]
            for k in kpis]
    return table((0.8, 6, 2), header(KPI_HEADER), rows)


def _summary(summary: ProjectSummary, plan: Plan2563, flow: Flow) -> None:
    if summary.title:
        flow.add(Text(summary.title, bold=True))
    rows = []
    for row in summary.rows:
        refs = row.values.get("measure_refs")
        label = first(row.label_raw, row.label)
        if refs:
            label += " " + ", ".join(f"({r.strip()})" for r in refs.split(","))
        budget = Cell(raw(row.budget), align="center")
        units = first(row.units_raw, " ".join(row.units))
        if summary.part == "routine":
            rows.append([Cell(row.values.get("group_number", ""), align="center"), row.values.get("budget_group", ""),
                         f"{row.number}. {label}" if row.number else label, budget, units])
        else:
            rows.append([Cell(first(row.number), align="center"), label, budget,
                         Cell(row.values.get("budget_source", ""), align="center"), units])
    total = raw(summary.stated_total)
    if summary.part == "routine":
        rows.append([Cell("รวมงบประมาณทั้งสิ้น", colspan=3, bold=True), Cell(total, align="center"), ""])
    else:
        rows.append([Cell("รวมงบประมาณทั้งสิ้น", colspan=2, bold=True), Cell(total, align="center"), "", ""])
    head = SUMMARY_HEADERS.get(summary.part, SUMMARY_HEADERS["strategic"])
    widths = (0.8, 2, 5, 1.3, 2) if summary.part == "routine" else (0.8, 6, 1.3, 1.5, 2)
    flow.add(table(widths, header(head), rows))
    for counts in (c for c in plan.stated_counts if c.summary == summary.part):
        for label, number in (("รวมโครงการ/กิจกรรม", counts.total), ("โครงการ/กิจกรรมที่ใช้งบประมาณ", counts.with_budget),
                              ("โครงการ/กิจกรรมที่ไม่ใช้งบประมาณ", counts.without_budget)):
            if number is not None:
                flow.add(Text(f"{label} {number.raw} โครงการ/กิจกรรม"))


# -- evaluation chapter -----------------------------------------------------------------------------------------

def _evaluation(document: PlanDocument, plan: Plan2563, flow: Flow) -> None:
    m = document.monitoring
    if not (m.title or plan.evaluation_dimensions or plan.work_plans):
        return
    flow.add(Section(landscape=True))
    heading(flow, m.title or "การนำแผนฯ ไปสู่การปฏิบัติและการติดตามประเมินผล", gap=0)
    if plan.evaluation_guideline:
        flow.add(Text(plan.evaluation_guideline))
    goals = {g.code: (p, d, g) for p in plan.pillars for d in p.dimensions for g in d.goals}
    for dimension in plan.evaluation_dimensions:
        label = dimension.label_raw or "มิติที่"
        heading(flow, f"{label} {dimension.number} {dimension.name}", size=12)
        kpis = [k for k in m.kpis if k.fields.get("dimension", "1") == str(dimension.number)]
        for role, run in groupby(kpis, key=lambda k: k.table_role):
            _sheets(role, list(run), goals, flow)
    for work_plan in plan.work_plans:
        _work_plan(work_plan, flow)


def _sheets(role: str, kpis: list[MonitoredKPI], goals: dict, flow: Flow) -> None:
    """A ตาราง ก/ข sheet: per goal, its plan lines (ตาราง ข adds the เป้าหมาย line above the goal), the summary table
    ตาราง ก opens with (the KPI targets: the detail sheet has no target column), the running context labels, then
    the detail table.  The scoring scales of ตาราง ข are part of its definition cells (the builder reads them there)."""
    if role in SHEET_TITLES:
        heading(flow, SHEET_TITLES[role], size=12)
    for _, run in groupby(kpis, key=lambda k: (k.fields.get("goal", ""), k.fields.get("target_code"))):
        run = list(run)
        lead = run[0]
        found = goals.get(lead.fields.get("goal", ""))
        if found is not None:
            pillar, dimension, goal = found
            flow.add(Text(f"ด้านที่ {pillar.number} {pillar.name or ''}".strip(), bold=True),
                     Text(f"มิติที่ {dimension.code} {dimension.name}", bold=True))
            if lead.fields.get("target_code"):
                flow.add(Text(f"เป้าหมายที่ {lead.fields['target_code']} {lead.fields.get('target_name', '')}".strip(),
                              bold=True))
            flow.add(Text(f"เป้าประสงค์ที่ {goal.code} {first(goal.name_raw, goal.name)}", bold=True))
        if role == "kpi_definitions":
            rows = [[str(i), _summary_kpi(k), k.target or ""] for i, k in enumerate(run, start=1)]
            flow.add(table((0.7, 6, 2), header(KPI_HEADER), rows))
        lines(flow, lead.fields.get("context"))
        flow.add(table((1,) * len(SHEET_HEADERS[role]), header(SHEET_HEADERS[role]), [_sheet_row(role, k) for k in run]))


def _kpi_cell(kpi: MonitoredKPI) -> str:
    """The KPI cell of a sheet: the name line, then the detail lines under it (``name_raw`` holds them too, with the
    line breaks folded, when the name was cut from the cell)."""
    name = first(kpi.name_raw, kpi.name)
    details = kpi.fields.get("details")
    if not details:
        return name
    folded, tail = " ".join(name.split()), " ".join(details.split())
    if folded.endswith(tail):
        name = folded[: -len(tail)].rstrip()
    return f"{name}\n{details}"


def _summary_kpi(kpi: MonitoredKPI) -> str:
    """A KPI as the sheet's summary table names it, with the measures it cites: ``… (ม.2), (มน.2)``."""
    refs = kpi.fields.get("summary_measure_refs", "")
    cited = ", ".join(f"({ref.strip()})" for ref in refs.split(",") if ref.strip())
    return f"{kpi.fields.get('summary_name') or kpi.name} {cited}".strip()


def _sheet_row(role: str, kpi: MonitoredKPI) -> list[str]:
    name = _kpi_cell(kpi)
    if role == "kpi_definitions":
        return [kpi.fields.get("measures", ""), name, kpi.definition or "", kpi.projects or ""]
    if role == "negotiated_kpis":
        return [name, kpi.target or "", kpi.definition or "", kpi.fields.get("linked_measures", ""),
                kpi.projects or "", kpi.responsible or ""]
    projects = kpi.projects or ""
    if kpi.responsible:
        projects += f"\nส่วนราชการที่รับผิดชอบ : {kpi.responsible}"
    return [name, kpi.definition or "", projects]


def _work_plan(plan: WorkPlan, flow: Flow) -> None:
    flow.add(Section(landscape=True), Text(plan.title, bold=True, gap=0))
    if plan.kpi_code or plan.kpi_name:
        flow.add(Text(f"ชื่อตัวชี้วัดที่ {plan.kpi_code} : {plan.kpi_name or ''}".strip()))
    if plan.project:
        flow.add(Text(f"ชื่อโครงการ/กิจกรรม : {plan.project}"))
    if plan.unit:
        flow.add(Text(f"ส่วนราชการที่รับผิดชอบ : {plan.unit}"))
    months = plan.months or list(MONTH_LABELS)
    spare = max((len(step.overflow) for step in plan.steps), default=0)  # cells written beyond the last month
    head = (
        (Cell("ขั้นตอนการปฏิบัติงานของโครงการ/กิจกรรม", rowspan=2, bold=True, align="center"),
         Cell("เนื้องาน รายขั้นตอน (ร้อยละ)", rowspan=2, bold=True, align="center"),
         Cell("คิดความก้าวหน้า โครงการ (ร้อยละ)", rowspan=2, bold=True, align="center"),
         Cell("ระยะเวลาดำเนินการ", colspan=len(months), bold=True, align="center"),
         *(Cell("", rowspan=2) for _ in range(spare))),
        tuple(Cell(mo, bold=True, align="center") for mo in months),
    )
    rows = []
    for step in plan.steps:
        text = f"ขั้นตอนที่ {step.number} {step.text}" if step.number is not None else step.text
        cells = list(step.months) + [""] * (len(months) - len(step.months))
        extra = list(step.overflow) + [""] * (spare - len(step.overflow))
        rows.append([text, Cell(raw(step.weight), align="center"), Cell(raw(step.cumulative), align="center"),
                     *(Cell(c, align="center") for c in cells[: len(months)] + extra)])
    if plan.total is not None:
        monthly = [n.raw for n in plan.total.monthly] + [""] * (len(months) + spare - len(plan.total.monthly))
        rows.append([plan.total.label, Cell(raw(plan.total.weight), align="center"),
                     Cell(raw(plan.total.cumulative), align="center"), *(Cell(c, align="center") for c in monthly)])
    flow.add(table((5, 1.1, 1.1) + (0.55,) * (len(months) + spare), head, rows, size=9.0))
    flow.add(*(Text(n) for n in plan.notes))
