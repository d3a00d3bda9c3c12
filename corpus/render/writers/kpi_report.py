"""A KPI report page (รายละเอียดตัวชี้วัด): labelled lines, the quarterly table and the text sections.

The page is a web view; its quarterly table is printed the way the page's text export writes it, one cell per
line (the model keeps the header as those fragments, ``quarter_columns_raw``).
"""

from __future__ import annotations

from extractor.model.document import PlanDocument
from extractor.model.kpi_report import KpiReport, TextSection

from corpus.render.flow import HEADING, Flow, Text

TITLE = "รายละเอียดตัวชี้วัด"


def write_kpi_report(document: PlanDocument, flow: Flow) -> None:
    report = document.kpi_report
    assert report is not None
    flow.add(Text(document.document.title or TITLE, size=HEADING, bold=True, gap=0))
    flow.add(*(Text(f.raw or f.text) for f in report.page_furniture))
    _kpi_lines(report, flow)
    _quarterly(report, flow)
    for rep in report.quarter_reports:
        flow.add(Text(f"รายงานผลฯ ไตรมาสที่ {rep.quarter}", bold=True), Text(rep.raw or rep.text))
    if report.summary is not None:
        _section(flow, report.summary, f"** {report.summary.heading} **")
    for section in (report.definition, report.calculation, report.data_collection):
        if section is not None:
            _section(flow, section, section.heading)
    _strategy(report, flow)
    flow.add(*(Text(t.raw or t.text) for t in report.other_text))


def _kpi_lines(report: KpiReport, flow: Flow) -> None:
    if report.name is not None:
        head = " ".join(p for p in (report.number, report.name_raw or report.name) if p)
        flow.add(Text(f"{head} : {report.system_code}" if report.system_code else head, bold=True))
    if report.target_score is not None:
        flow.add(Text(f"ค่าเป้าหมาย คะแนน : {report.target_score.raw}"))
    if report.achieved_score is not None:
        flow.add(Text(f"ผลงานที่ทำได้ คะแนน : {report.achieved_score.raw}"))
    if report.kpi_type is not None:
        flow.add(Text(f"ประเภทตัวชี้วัด : {report.kpi_type}"))
    if report.level_raw is not None:
        flow.add(Text(report.level_raw, gap=0))
    for note in report.assessor_notes:
        flow.add(Text(f"*** {note.assessor} ตรวจประเมินตัวชี้วัด : {note.text}"))


def _quarterly(report: KpiReport, flow: Flow) -> None:
    if not report.quarters and not report.quarter_columns_raw:
        return
    flow.add(Text("ผลงานเทียบกับเป้าหมายรายไตรมาส", bold=True))
    flow.add(*(Text(h, gap=0.2) for h in report.quarter_columns_raw))
    for q in report.quarters:
        cells = [q.quarter_raw or str(q.quarter), q.result, q.score, q.evaluation]
        flow.add(*(Text(c if isinstance(c, str) else c.raw, gap=0.2) for c in cells if c is not None))


def _section(flow: Flow, section: TextSection, heading: str) -> None:
    flow.add(Text(heading, bold=True), Text(section.raw or section.text))


def _strategy(report: KpiReport, flow: Flow) -> None:
    if report.strategy_links:
        flow.add(Text("สนับสนุนยุทธศาสตร์กรุงเทพมหานครฯ", bold=True))
    for link in report.strategy_links:
        label = f"{link.label} " if link.label else ""
        flow.add(Text(f":{label}{link.code_raw or link.code} - {link.name_raw or link.name}", gap=0.2))
    if report.supporting_projects:
        flow.add(Text("โครงการ/กิจกรรมที่สนับสนุนตัวชี้วัด", bold=True))
    flow.add(*(Text(p.name_raw or p.name, gap=0.2) for p in report.supporting_projects))
