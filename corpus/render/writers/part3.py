"""Part 3 (ส่วนที่ 3): routine projects, one ruled table per form, and the project summary tables.

Routine tables print their hierarchy by row shape, as the plans do (grammars/bma-2567/30-part3.toml): a programme or
division is a row with only a name (and its number); an output or work group is written in the group column of its
first project row; a group with no projects gets a ``- | - | - | -`` row; ``รวม`` closes the table with the count
and the total.  Summary tables (สรุปโครงการและงบประมาณ…) close Parts 1 and 2: numbered rows, the
``รวมงบประมาณทั้งสิ้น`` row and the sentence stating the count and amount again.
"""

from __future__ import annotations

from extractor.model.issues import IssueProject, RoutineGroup
from extractor.model.strategy import ProjectSummary

from corpus.render.flow import Cell, Flow, Text
from corpus.render.writers.common import PARA, first, header, heading, raw, table

ROUTINE_HEADER = ("ลำดับ", "แผนงาน/ผลผลิต", "โครงการ/กิจกรรม", "งบประมาณ", "รหัสนโยบาย")
SUMMARY_HEADER = ("ลำดับที่", "ชื่อโครงการ/กิจกรรมสำคัญ", "งบประมาณ", "ส่วนราชการที่รับผิดชอบ", "รหัสนโยบาย")
_LEVEL2 = {"output", "work_group"}


def write_routine_forms(forms: list[RoutineGroup], flow: Flow) -> None:
    for form in forms:
        if form.title:
            flow.add(Text(form.title, bold=True, align="center"))
        if form.name and form.name != "ส่วนที่ 3":
            heading(flow, form.name, size=12)
        rows: list[list[Cell]] = []
        _group_rows(form, rows)
        rows.append(_total_row(form))
        flow.add(table((0.7, 3, 4.5, 1.6, 1.2), header(ROUTINE_HEADER), rows))
        flow.add(*(Text(n, gap=PARA) for n in form.notes))


def _group_rows(group: RoutineGroup, rows: list[list[Cell]], group_cell: str = "") -> None:
    """Rows of a group: its projects (the first one carrying ``group_cell``), a dash row when it states it has
    none, then its sub-groups."""
    for index, project in enumerate(group.projects):
        rows.append(_project_row(project, group_cell if index == 0 else ""))
    if group.no_projects:
        rows.append([Cell("-", align="center") for _ in range(5)])
    for sub in group.groups:
        name = first(sub.name_raw, sub.name)
        if sub.kind in _LEVEL2 and sub.projects:
            _group_rows(sub, rows, name)
            continue
        rows.append([Cell(first(sub.number), align="center"), Cell(name), Cell(""), Cell(""), Cell("")])
        _group_rows(sub, rows)


def _project_row(p: IssueProject, group_cell: str) -> list[Cell]:
    name = first(p.name_raw, p.name)
    number = first(p.number_raw, p.number)
    numbered_name = bool(number) and name.startswith(number)
    policy = first(p.policy_codes_raw, " ".join(p.policy_codes))
    return [
        Cell("" if numbered_name else number, align="center"),
        Cell(group_cell),
        Cell(name),
        Cell(raw(p.budget), align="center"),
        Cell(policy, align="center"),
    ]


def _total_row(form: RoutineGroup) -> list[Cell]:
    count = f"{form.stated_count} โครงการ" if form.stated_count is not None else ""
    return [Cell("รวม", colspan=2, bold=True), Cell(count, bold=True), Cell(raw(form.stated_total), bold=True,
                                                                              align="center"), Cell("")]


def write_summary(summary: ProjectSummary, flow: Flow) -> None:
    if summary.title is not None:
        heading(flow, f"สรุปโครงการและงบประมาณ{summary.title}", size=12)
    rows: list[list[Cell]] = []
    for row in summary.rows:
        rows.append([
            Cell(first(row.number), align="center"),
            Cell(first(row.label_raw, row.label)),
            Cell(raw(row.budget), align="center"),
            Cell(first(row.units_raw, " ".join(row.units)), align="center"),
            Cell(" ".join(row.policy_codes), align="center"),
        ])
    if summary.stated_total is not None:
        rows.append([Cell("รวมงบประมาณทั้งสิ้น", colspan=2, bold=True), Cell(raw(summary.stated_total), bold=True,
                                                                             align="center"), Cell(""), Cell("")])
    flow.add(table((0.8, 5, 1.6, 1.6, 1.2), header(SUMMARY_HEADER), rows))
    if summary.notes:  # the lines under the summary heading as written (the count sentence among them), in order
        flow.add(*(Text(note, gap=PARA) for note in summary.notes))
        return
    sentence = []
    if summary.stated_count is not None:
        sentence.append(f"รวมจำนวน {summary.stated_count} โครงการ")
    if summary.stated_total_text is not None:
        sentence.append(f"จำนวนเงินทั้งสิ้น {summary.stated_total_text.raw} บาท")
    if sentence:
        flow.add(Text(" ".join(sentence), gap=PARA))
