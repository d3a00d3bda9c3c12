"""Part 4 (ส่วนที่ 4): monitoring tables, scoring rubrics, policy linkage, work-step sheets, kept tables.

Each KPI sheet is printed under a ``ตาราง <letter> แสดง…`` heading (the letter the model kept), with the context
lines the builder reads above a table block (issue, component, group, objective, KR) written again wherever the
context changes, and the header texts of grammars/bma-2567/40-part4.toml.  Definition cells are printed whole (their
labelled sections, formula and data-collection parts are read back from that text); long ones break across pages.
A rubric follows the negotiated KPI sheet it scores.  Work-step (Gantt) sheets are set in landscape.  Kept tables
(questionnaires, form fields) are not attached to any KPI in the model: each is printed where its provenance puts
it, before the first sheet, rubric or table the source has after it.
"""

from __future__ import annotations

from collections.abc import Iterator
from itertools import groupby

from extractor.model.document import PlanDocument
from extractor.model.base import Record
from extractor.model.monitoring import GenericTable, MonitoredKPI, PolicyLink, Rubric, WorkStepSheet

from corpus.render.flow import HEADING, Cell, Flow, Section, Text
from corpus.render.writers.common import PARA, first, header, heading, raw, table

TABLE_TITLES = {  # role → the title after "ตาราง <letter>" (the pattern wants แสดง/ตาราง/ขั้นตอน first)
    "bma_kpi_definitions": "แสดงตัวชี้วัดตามแผนปฏิบัติราชการกรุงเทพมหานคร",
    "unit_kpi_definitions": "แสดงตัวชี้วัดตามยุทธศาสตร์ของหน่วยงาน",
    "negotiated_kpis": "แสดงรายละเอียดตัวชี้วัดการประเมินผลการปฏิบัติราชการ",
    "component_kpis": "แสดงตัวชี้วัดองค์ประกอบที่ 2-4",
    "policy_linkage": "แสดงความเชื่อมโยงนโยบายผู้ว่าราชการกรุงเทพมหานครกับแผนปฏิบัติราชการ",
    "work_steps": "ขั้นตอนการปฏิบัติงานของโครงการ/กิจกรรม",
}
ATTACHMENT = "(เอกสารแนบ)"
DEFAULT_LETTERS = {"policy_linkage": "ง", "work_steps": "จ"}
CONTEXT_ORDER = ("issue", "component", "group", "objective", "key_result")
MONTH_LABELS = ("ต.ค.", "พ.ย.", "ธ.ค.", "ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.", "ก.ค.", "ส.ค.", "ก.ย.")
MONTHS = ("oct", "nov", "dec", "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep")
RUBRIC_HEADER = ("ระดับความสำเร็จ", "เกณฑ์ร้อยละ", "วิธีวัดผลการดำเนินงาน", "คะแนนที่ได้")
LINK_GROUP_HEADER = ("ตัววัดผลหลัก (KR)", "ค่าเป้าหมายประเด็นการพัฒนา", "แผนปฏิบัติราชการของหน่วยงาน")
LINK_HEADER = ("ประเด็นการพัฒนา", "ตัววัดผล", "หน่วยนับ", "ค่าเป้าหมาย", "ชื่อโครงการที่สนับสนุน", "งบประมาณ",
               "KPIโครงการ")


def write_part4(document: PlanDocument, flow: Flow, part_title: str | None) -> None:
    m = document.monitoring
    if not (m.title or m.kpis or m.rubrics or m.policy_links or m.work_steps or m.tables):
        return
    flow.add(Section(landscape=True))
    if part_title is not None:
        flow.add(Text(f"ส่วนที่ 4 {part_title}".strip(), size=HEADING, bold=True, gap=0))
    if m.title:
        heading(flow, m.title)
    rubrics = list(m.rubrics)
    kept = KeptTables(m.tables, flow)
    for (role, label), kpis in groupby(m.kpis, key=lambda k: (k.table_role, k.table_label)):
        _kpi_block(role, label, list(kpis), rubrics, flow, kept)
    for rubric_group in _rubric_groups(rubrics):  # rubrics no KPI sheet claimed
        kept.before(rubric_group[0])
        _rubric(rubric_group, flow, kept)
    if m.policy_links:
        kept.before(m.policy_links[0])
        _table_heading(flow, "policy_linkage", None)
        _policy_links(m.policy_links, flow)
    for sheet in m.work_steps:
        kept.before(sheet)
        _work_steps(sheet, flow)
    kept.rest()


class KeptTables:
    """The kept tables in source order, each printed before the first record the source has after it.

    The model does not say which heading a kept table stood under; its title (the nearest line above it) does.  A
    table titled like the rubric printed just before stood in the rubric (before the rubric's notes); any other
    table after a rubric stood in an attachment (``(เอกสารแนบ)``, which the grammar reads as the end of the rubric:
    one heading for the run of tables after it).
    """

    def __init__(self, tables: list[GenericTable], flow: Flow) -> None:
        self.tables = sorted(tables, key=_source_order)
        self.flow = flow
        self.after_rubric = False  # a rubric was the last thing printed: the next foreign table opens an attachment

    def before(self, record: Record) -> None:
        while self.tables and _source_order(self.tables[0]) < _source_order(record):
            self._print(self.tables.pop(0))
        self.after_rubric = False

    def of_rubric(self, title: str) -> None:
        """The tables standing in the rubric titled ``title`` (printed before its notes)."""
        while self.tables and self.tables[0].title == title:
            _generic(self.tables.pop(0), self.flow, show_title=False)
        self.after_rubric = True

    def rest(self) -> None:
        while self.tables:
            self._print(self.tables.pop(0))

    def _print(self, generic: GenericTable) -> None:
        if self.after_rubric:
            self.flow.add(Text(ATTACHMENT, bold=True, gap=PARA))
            self.after_rubric = False
        _generic(generic, self.flow)


def _source_order(record: Record) -> tuple[int, int, int]:
    """Where a record stands in its source: dump line, or page and top edge; records without one go last."""
    src = record.source
    if src is None:
        return (1 << 30, 0, 0)
    top = src.bbox[1] if src.bbox else 0
    return (src.line_start if src.line_start is not None else 0, src.page or 0, top)


def _table_heading(flow: Flow, role: str, label: str | None) -> None:
    letter = label or DEFAULT_LETTERS.get(role)
    if letter:
        heading(flow, f"ตาราง {letter} {TABLE_TITLES[role]}", size=12)


# -- KPI sheets -------------------------------------------------------------------------------------------------

def _kpi_block(role: str, label: str | None, kpis: list[MonitoredKPI], rubrics: list[Rubric], flow: Flow,
               kept: KeptTables) -> None:
    """One letter's sheets: context lines where they change, a table per run of KPIs with the same context; a
    negotiated KPI gets a table of its own, followed by its rubrics (and the kept tables the source has there)."""
    kept.before(kpis[0])
    _table_heading(flow, role, label)
    district = any(k.objective or "objective" in k.inherited for k in kpis)
    shown: dict[str, str] = {}
    for context, run in groupby(kpis, key=lambda k: k.context):
        values = context.model_dump(exclude_none=True)
        for name in CONTEXT_ORDER:
            if name in values and (values[name] != shown.get(name) or _resets(name, values, shown)):
                flow.add(Text(values[name], bold=True, gap=PARA))
        shown = values
        run = list(run)
        if role == "negotiated_kpis":
            for kpi in run:
                kept.before(kpi)
                flow.add(_kpi_table(role, [kpi], district))
                claimed = [r for r in rubrics if r.kpi_code == kpi.code and r.kpi_name == kpi.name]
                for group in _rubric_groups(claimed):
                    kept.before(group[0])
                    _rubric(group, flow, kept)
                for r in claimed:
                    rubrics.remove(r)
        else:
            kept.before(run[0])
            flow.add(_kpi_table(role, run, district))


def _resets(name: str, values: dict[str, str], shown: dict[str, str]) -> bool:
    """An objective or KR line must be written again when a line above it (that resets it) is written."""
    order = CONTEXT_ORDER.index(name)
    return any(values.get(n) != shown.get(n) for n in CONTEXT_ORDER[:order] if n in values)


def _kpi_table(role: str, kpis: list[MonitoredKPI], district: bool):
    if role == "negotiated_kpis":
        head = ("ลำดับ", "ชื่อตัวชี้วัด", "Baseline", "เป้าหมาย", "น้ำหนัก", "นิยามและวิธีคำนวณ")
        rows = [[Cell(first(k.code_raw, k.code), align="center"), first(k.name_raw, k.name), k.baseline_raw or "",
                 k.target or "", Cell(raw(k.weight), align="center"), k.definition or ""] for k in kpis]
        return table((0.8, 2.5, 1.8, 1.5, 0.9, 6), header(head), rows)
    if role == "bma_kpi_definitions":
        head = ("กลยุทธ์", "ตัวชี้วัด", "ค่าเป้าหมาย", "นิยาม/คำอธิบาย", "โครงการ/กิจกรรม")
        rows = [["" if "tactic" in k.inherited else k.tactic or "", _coded(k), k.target or "", k.definition or "",
                 k.projects or ""] for k in kpis]
        return table((2, 2.4, 1.5, 5, 2.4), header(head), rows)
    if role == "component_kpis":
        head = ("ตัวชี้วัด", "นิยาม/คำอธิบายตัวชี้วัด", "โครงการ/กิจกรรมและส่วนราชการที่รับผิดชอบ")
        rows = [[_coded(k), k.definition or "", k.projects or ""] for k in kpis]
        return table((3, 6, 3), header(head), rows)
    if district:
        head = ("วัตถุประสงค์หลัก", "ตัววัดผลหลัก", "ค่าเป้าหมาย", "นิยาม/คำอธิบาย", "โครงการ/กิจกรรม")
        rows = [["" if "objective" in k.inherited else k.objective or "", _coded(k), k.target or "",
                 k.definition or "", k.projects or ""] for k in kpis]
        return table((2, 2.4, 1.5, 5, 2.4), header(head), rows)
    head = ("ตัวชี้วัดหลักตามภารกิจ", "ค่าเป้าหมาย", "นิยาม/คำอธิบาย", "โครงการ/กิจกรรม")
    rows = [[_coded(k), k.target or "", k.definition or "", k.projects or ""] for k in kpis]
    return table((3, 1.6, 5.5, 2.6), header(head), rows)


def _coded(kpi: MonitoredKPI) -> str:
    code = first(kpi.code_raw, kpi.code)
    return f"{code} {first(kpi.name_raw, kpi.name)}" if code else first(kpi.name_raw, kpi.name)


# -- rubrics ----------------------------------------------------------------------------------------------------

def _rubric_groups(rubrics: list[Rubric]) -> Iterator[list[Rubric]]:
    """The parts of one rubric together (a rubric in N parts is N ``Rubric`` records in a row)."""
    group: list[Rubric] = []
    for rubric in rubrics:
        if group and (rubric.part_index is None or group[-1].part_index is None
                      or rubric.part_index <= group[-1].part_index):
            yield group
            group = []
        group.append(rubric)
    if group:
        yield group


def _rubric(parts: list[Rubric], flow: Flow, kept: KeptTables | None = None) -> None:
    """A rubric: its parts under one title line, the kept tables standing in it, then its notes."""
    lead = parts[0]
    title = f"เกณฑ์การให้คะแนน “{lead.title}”"
    if lead.part_count > 1:
        title += f" โดยแบ่งการวัดเป็น {lead.part_count} ส่วน {lead.part or ''}".rstrip()
    flow.add(Text(title, bold=True, gap=0.8))
    for index, part in enumerate(parts):
        if index and part.part:
            flow.add(Text(part.part, bold=True, gap=PARA))
        rows = [[Cell(first(r.level_raw, str(r.level) if r.level is not None else ""), align="center"), r.criterion,
                 r.method or "", Cell(raw(r.score), align="center")] for r in part.rows]
        if rows:
            flow.add(table((1.2, 1.6, 6, 1.2), header(RUBRIC_HEADER), rows))
        if kept is not None and part is parts[-1]:
            kept.of_rubric(title)
        flow.add(*(Text(n, gap=PARA) for n in part.notes))


# -- policy linkage (ตาราง ง) -----------------------------------------------------------------------------------

def _policy_links(links: list[PolicyLink], flow: Flow) -> None:
    head = header(
        [Cell(LINK_GROUP_HEADER[0], colspan=2, bold=True, align="center"),
         Cell(LINK_GROUP_HEADER[1], colspan=2, bold=True, align="center"),
         Cell(LINK_GROUP_HEADER[2], colspan=3, bold=True, align="center")],
        LINK_HEADER,
    )
    rows: list[list[Cell | str]] = []
    area: str | None = None
    for link in links:
        if link.area and link.area != area:
            rows.append([Cell(link.area, colspan=7, bold=True)])
        area = link.area
        cells = [link.objective, link.key_result, link.count_unit, link.target, link.project, raw(link.budget),
                 link.project_kpi]
        names = ("objective", "key_result", "count_unit", "target", "project", "budget", "project_kpi")
        rows.append(["" if n in link.inherited else (c or "") for n, c in zip(names, cells)])
    flow.add(table((2, 2.6, 1, 1.2, 3, 1.2, 2), head, rows))


# -- work steps (ตาราง จ) ---------------------------------------------------------------------------------------

def _work_steps(sheet: WorkStepSheet, flow: Flow) -> None:
    if sheet.kpi or sheet.project:
        _table_heading(flow, "work_steps", None)
    for line in (sheet.kpi, sheet.project):
        if line:
            flow.add(Text(line, bold=True, gap=PARA))
    years = list(dict.fromkeys(sheet.years)) or []
    head_rows = [  # the labels span the year and month rows, which then hold only years and months (sub-headers)
        [Cell("ขั้นตอนการปฏิบัติงาน", rowspan=3, bold=True, align="center"),
         Cell("เนื้องาน รายขั้นตอน (ร้อยละ)", rowspan=3, bold=True, align="center"),
         Cell("คิดความก้าวหน้า โครงการ (ร้อยละ)", rowspan=3, bold=True, align="center"),
         Cell("ระยะเวลาดำเนินการ", colspan=12, bold=True, align="center")],
        _year_cells(years),
        [Cell(m, bold=True, align="center") for m in MONTH_LABELS],
    ]
    spare = max((len(step.extra_marks) for step in sheet.steps), default=0)  # marks beyond the last month
    if spare:
        head_rows[0].append(Cell("", rowspan=3, colspan=spare))
    rows = []
    for step in sheet.steps:
        text = f"{step.number}. {step.text}" if step.number else step.text
        marks = [Cell(step.marks.get(m, ""), align="center") for m in MONTHS]
        extra = [Cell(mark, align="center") for mark in step.extra_marks] + [Cell("")] * (spare - len(step.extra_marks))
        rows.append([Cell(text), Cell(raw(step.share), align="center"), Cell(raw(step.cumulative), align="center"),
                     *marks, *extra])
    head = () if sheet.headerless else tuple(tuple(r) for r in head_rows)  # rows read without their header
    flow.add(table((5, 1.1, 1.1) + (0.55,) * (12 + spare), head, rows, size=9.0))


def _year_cells(years: list[str]) -> list[Cell]:
    """The year row over the months: the first year over ต.ค.-ธ.ค., the second over the rest."""
    if len(years) >= 2:
        return [Cell(years[0], colspan=3, bold=True, align="center"), Cell(years[1], colspan=9, bold=True,
                                                                           align="center")]
    return [Cell(years[0] if years else "", colspan=12, bold=True, align="center")]


# -- kept tables ------------------------------------------------------------------------------------------------

def _generic(generic: GenericTable, flow: Flow, show_title: bool = True) -> None:
    """A kept table under its title line (``show_title=False`` when the title is the heading it stands under)."""
    if generic.title and show_title:
        flow.add(Text(generic.title, bold=True, gap=0.6))
    width = max([len(r) for r in generic.rows + generic.header] or [1])
    pad = lambda r: list(r) + [""] * (width - len(r))  # noqa: E731
    head = header(*(pad(h) for h in generic.header)) if generic.header else ()
    flow.add(table((1,) * width, head, [pad(r) for r in generic.rows]))
