"""A 2567 action plan: cover (portrait) and Part 1, the strategy tree with its tables (landscape).

Heading lines and table headers are the template's (grammars/bma-2567/10-part1.toml): ``มิติที่ n``,
``ยุทธศาสตร์ที่ n``, ``ยุทธศาสตร์ย่อยที่ n.n``, ``กลยุทธ์ n.n.n``; the objective/KR table, the KPI target table (its
year row under a spanning ``ค่าเป้าหมาย``) and the project table (รหัสยุทธศาสตร์ | โครงการ/กิจกรรมสำคัญ | งบประมาณ |
ส่วนราชการ | รหัสนโยบาย).  Objectives span the rows of their key results, as the plans print them.
"""

from __future__ import annotations

from extractor.model.document import PartHeading, PlanDocument
from extractor.model.strategy import KPI, KeyResult, Objective, Project, Strategy, SubStrategy

from corpus.render.flow import HEADING, Cell, Flow, Footnote, Section, Table, Text
from corpus.render.writers.front_matter import write_front_matter
from corpus.render.writers.part2 import write_part2
from corpus.render.writers.part3 import write_routine_forms, write_summary
from corpus.render.writers.part4 import write_part4

OBJECTIVE_HEADER = (
    "วัตถุประสงค์หลัก (Objective)",
    "ตัววัดผลหลัก (Key Result : KR)",
    "ค่าเป้าหมาย (Target)",
    "หน่วยงานรับผิดชอบหลัก",
    "หน่วยงานสนับสนุน",
)
PROJECT_HEADER = ("รหัสยุทธศาสตร์", "โครงการ/กิจกรรมสำคัญ", "งบประมาณ", "ส่วนราชการ", "รหัสนโยบาย")
# Template notes under the Part 1 tables (what the columns mean); printed once per Part 1 as footnotes.
TEMPLATE_NOTES = (
    ("1", "วัตถุประสงค์หลัก (Objective) คือ เป้าหมายหลักของความสำเร็จตามแผนปฏิบัติราชการกรุงเทพมหานคร"),
    ("2", "รหัสยุทธศาสตร์ (6 หลัก) คือ รหัสของโครงการ/กิจกรรมสำคัญตามแผนปฏิบัติราชการกรุงเทพมหานคร"),
)


def write_plan(document: PlanDocument, flow: Flow) -> None:
    """Cover, front matter, Parts 1-3 each closed by its project summary, Part 4."""
    _cover(document, flow)
    write_front_matter(document, flow, _summary_title(document))
    _part1(document, flow)
    _summaries(document, "part1", flow)
    if document.development_issues or _part(document, "2"):
        flow.add(Section(landscape=True), _part_heading(document, "2"))
        write_part2(document, flow)
        _summaries(document, "part2", flow)
    if document.routine_projects or _part(document, "3"):
        flow.add(Section(landscape=True), _part_heading(document, "3"))
        write_routine_forms(document.routine_projects, flow)
        _summaries(document, "part3", flow)
    part4 = _part(document, "4")
    write_part4(document, flow, (part4.title or "") if part4 is not None else None)


def _summary_title(document: PlanDocument) -> str:
    """The summary heading in the document's own wording (แผนปฏิบัติราชการ or แผนปฏิบัติการ)."""
    kind = "แผนปฏิบัติการ" if "แผนปฏิบัติการ" in (document.document.title or "") else "แผนปฏิบัติราชการ"
    return f"สาระสำคัญของ{kind}ประจำปี"


def _part(document: PlanDocument, number: str) -> PartHeading | None:
    return next((p for p in document.parts if p.number == number), None)


def _part_heading(document: PlanDocument, number: str) -> Text:
    part = _part(document, number)
    title = f" {part.title}" if part is not None and part.title else ""
    return Text(f"ส่วนที่ {number}{title}", size=HEADING, bold=True, gap=0)


def _summaries(document: PlanDocument, part: str, flow: Flow) -> None:
    for summary in document.project_summaries:
        if summary.part == part:
            write_summary(summary, flow)


def _cover(document: PlanDocument, flow: Flow) -> None:
    flow.add(Section(landscape=False))
    for line in document.front_matter.cover:
        flow.add(Text(line, size=HEADING, bold=True, align="center", gap=1.0))


def _part1(document: PlanDocument, flow: Flow) -> None:
    part = document.strategic_alignment
    if part.title is None and not part.dimensions and not part.strategies:
        return
    flow.add(Section(landscape=True), Text(f"ส่วนที่ 1 {part.title or ''}".strip(), size=HEADING, bold=True, gap=0))
    heading = _part(document, "1")
    if part.title is None and heading is not None and heading.title:
        # the plan wrote the part's title on a line of its own, under the bare heading (so it is no strategy title)
        flow.add(Text(heading.title, size=HEADING, bold=True, gap=0))
    flow.add(*(Footnote(mark, text) for mark, text in TEMPLATE_NOTES))
    for dim in part.dimensions:
        note = f" {dim.note}" if dim.note else ""
        flow.add(Text(f"มิติที่ {dim.number} {dim.name}{note}", bold=True))
        for strategy in dim.strategies:
            _strategy(strategy, flow)
    for strategy in part.strategies:
        _strategy(strategy, flow)


def _strategy(strategy: Strategy, flow: Flow) -> None:
    flow.add(Text(f"ยุทธศาสตร์ที่ {strategy.number} {strategy.name}", bold=True))
    for sub in strategy.sub_strategies:
        _sub_strategy(sub, flow)


def _sub_strategy(sub: SubStrategy, flow: Flow) -> None:
    flow.add(Text(f"ยุทธศาสตร์ย่อยที่ {sub.number} {sub.name}", bold=True))
    if sub.objectives:
        flow.add(_objective_table(sub.objectives))
    for tactic in sub.tactics:
        flow.add(Text(f"กลยุทธ์ {tactic.code} {tactic.name}" if tactic.code else f"กลยุทธ์ {tactic.name}", bold=True))
        if tactic.kpis:
            flow.add(_kpi_table(tactic.kpis))
    if sub.kpis:
        flow.add(_kpi_table(sub.kpis))
    if sub.projects:
        flow.add(_project_table(sub.projects))


def _header(texts: tuple[str, ...]) -> tuple[tuple[Cell, ...], ...]:
    return (tuple(Cell(t, bold=True, align="center") for t in texts),)


def _objective_table(objectives: list[Objective]) -> Table:
    rows = []
    for objective in objectives:
        krs = objective.key_results or [None]
        for index, kr in enumerate(krs):
            cells = [Cell(objective.text_raw or objective.text, rowspan=len(krs))] if index == 0 else []
            rows.append(tuple(cells + _kr_cells(kr)))
    return Table((3, 4, 2, 1.6, 1.6), _header(OBJECTIVE_HEADER), tuple(rows))


def _kr_cells(kr: KeyResult | None) -> list[Cell]:
    if kr is None:
        return [Cell("") for _ in range(4)]
    label = f"KR {kr.number} : " if kr.number else ""
    return [
        Cell(label + (kr.text_raw or kr.text)),
        Cell(kr.target.raw if kr.target else ""),
        Cell(kr.lead_units_raw or " ".join(kr.lead_units)),
        Cell(kr.support_units_raw or " ".join(kr.support_units)),
    ]


def _kpi_table(kpis: list[KPI]) -> Table:
    years = sorted({t.year_be for k in kpis for t in k.targets if t.year_be is not None})
    n = max(1, len(years), max(len(k.targets) for k in kpis))
    header = (
        (Cell("ตัวชี้วัด (KPI)", rowspan=2, bold=True, align="center"), Cell("ค่าเป้าหมาย", colspan=n, bold=True, align="center")),
        tuple(Cell(str(y), bold=True, align="center") for y in years) or (Cell("", bold=True),) * n,
    )
    rows = []
    for kpi in kpis:
        label = f"KPI {kpi.code} : " if kpi.code else ""
        targets = [Cell(t.raw) for t in kpi.targets] + [Cell("")] * (n - len(kpi.targets))
        rows.append((Cell(label + (kpi.name_raw or kpi.name)), *targets))
    return Table((6,) + (2,) * n, header, tuple(rows))


def _project_table(projects: list[Project]) -> Table:
    rows = tuple(_project_row(p) for p in projects)
    return Table((1.3, 5, 1.5, 1.5, 1.2), _header(PROJECT_HEADER), rows)


def _project_row(p: Project) -> tuple[Cell, ...]:
    if p.strategy_code is not None:
        code = p.strategy_code.raw or p.strategy_code.code
    elif p.added_in_year_be is not None:
        code = f"เพิ่มเติมปี {p.added_in_year_be}"
    else:
        code = "-"
    return (
        Cell(code, align="center"),
        Cell(p.name_raw or p.name),
        Cell(p.budget.raw if p.budget else "", align="center"),
        Cell(p.units_raw or " ".join(p.units), align="center"),
        Cell(p.policy_codes_raw or " ".join(p.policy_codes), align="center"),
    )
