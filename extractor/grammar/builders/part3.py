"""Part 3 (ส่วนที่ 3) of a 2567 plan: routine projects (ภารกิจประจำพื้นฐาน), read from the plan tree.

Each routine table is one form (แบบที่ 1 ระดับสำนัก/สำนักงาน, ระดับสำนักงานเขต).  The table writes its hierarchy by
the shape of its rows, not by headings, so each row is read by what it holds:

- only dashes (``- | - | - | -``): the group open has no projects;
- a name and no project, budget or policy code: a group heading (programme แผนงาน, division ฝ่าย, or another
  heading such as a mission), numbered or not;
- a project: its group cell, when written, names the output (ผลผลิต) or work group (งาน) it belongs to (an empty
  cell: the same as the row above).  Pipe dumps drop the empty group cell of a merged output, so a row with one
  name and a budget is a project of the output above;
- the total row (``รวม``), taken by the engine as the table's totals: the stated amount and, where written, count.

Group names are folded (spaces removed) to tell a repeated output name from a new one.
"""

from __future__ import annotations

import regex as re

from extractor.blocks import Block, Provenance
from extractor.grammar.builders.common import raw_if_changed, source_of, tables_of
from extractor.grammar.builders.part2 import document_position, issue_project
from extractor.grammar.builders.summaries import computed_total
from extractor.grammar.engine import LogicalTable, Node, TableRecord
from extractor.grammar.values import arabic_digits, parse_budget, parse_int
from extractor.model.base import Finding, Severity
from extractor.model.issues import RoutineGroup

ROLE = "routine_projects"
# A group name → its kind and level (1: programme or division, 2: output or work group); the first match wins.
_GROUP_KINDS: tuple[tuple[str, int, re.Pattern], ...] = (
    ("programme", 1, re.compile(r"^แผนงาน")),
    ("division", 1, re.compile(r"^ฝ่าย")),
    ("output", 2, re.compile(r"^ผลผลิต")),
    ("work_group", 2, re.compile(r"^(?:งาน|อื่น\s*ๆ)")),
)
_DASHES = re.compile(r"^[\s\-–—]+$")
_ROW_NUMBER = re.compile(r"^\s*[0-9๐-๙]{1,3}\.?\s*$")
_STATED_COUNT = re.compile(r"([0-9๐-๙][0-9๐-๙,]*)\s*โครงการ")


def routine_projects(tree: Node, findings: list[Finding]) -> list[RoutineGroup]:
    """One group per routine table of Part 3 (a form), holding its groups and projects, in document order."""
    forms = []
    for part in tree.children:
        if part.kind != "part" or arabic_digits(part.fields.get("number", "")) != "3":
            continue
        part_forms = []
        for node in [part, *(n for n in part.children if n.kind == "routine_form")]:
            part_forms.extend(_form(node, table, findings) for table in tables_of(node, ROLE))
            for raw in node.raw_tables:
                _unplaced_table(raw, findings)
        part_forms.sort(key=lambda f: document_position(_provenance(f)))
        _place_part_text(part, part_forms)
        forms.extend(part_forms)
    return forms


def _place_part_text(part: Node, forms: list[RoutineGroup]) -> None:
    """Lines written under the Part 3 heading itself: before the first form they title it (บัญชีรายการโครงการ/
    กิจกรรม…); after it they are remarks of the last form."""
    if not forms:
        return
    start = document_position(_provenance(forms[0]))
    for block in part.paragraphs:
        text = " ".join(block.text.split())
        if not text:
            continue
        if document_position(block.provenance) < start:
            forms[0].title = f"{forms[0].title} {text}" if forms[0].title else text
        elif text not in forms[-1].notes:
            forms[-1].notes.append(text)


def _provenance(group: RoutineGroup) -> Provenance:
    source = group.source
    return Provenance(line_start=source.line_start, line_end=source.line_end, page=source.page,
                      bbox=source.bbox) if source else Provenance()


def _form(node: Node, table: LogicalTable, findings: list[Finding]) -> RoutineGroup:
    name = " ".join(node.block.text.split()) if node.block is not None and node.kind == "routine_form" else ""
    form = RoutineGroup(
        kind="form",
        number=arabic_digits(node.fields["number"]) if "number" in node.fields else None,
        name=name or node.fields.get("title", "") or "ส่วนที่ 3",
        source=source_of(table.provenance),
    )
    if node.kind == "routine_form":
        form.notes = [" ".join(b.text.split()) for b in node.paragraphs if b.text.strip()]
    _Rows(form, findings).read(table)
    _totals(form, table, findings)
    return form


class _Rows:
    """Reads a routine table's rows into nested groups (a stack of open groups by level)."""

    def __init__(self, form: RoutineGroup, findings: list[Finding]) -> None:
        self.form = form
        self.findings = findings
        self.open: list[tuple[int, RoutineGroup]] = []
        self.previous: Provenance | None = None

    def read(self, table: LogicalTable) -> None:
        for record in table.records:
            self._row(record)
            for cell in record.extra:
                self.findings.append(Finding(code="table.unplaced_cell", severity=Severity.WARNING,
                                             message=f"{ROLE}: a cell no column could take: {cell.text[:80]!r}",
                                             subject=ROLE, actual=cell.text, source=source_of(cell)))
            self.previous = record.provenance

    def _row(self, record: TableRecord) -> None:
        texts = [c.text for c in record.cells.values() if c.text]
        if texts and all(_DASHES.match(t) for t in texts):
            self._current().no_projects = True
            return
        number, group, project = _row_parts(record)
        has_values = bool(record.text("budget") or record.text("policy"))
        if not project and group and has_values:
            project, group = group, ""  # pipe dumps drop a merged output cell: the name is the project's
        if project:
            if group:
                self._open_group(group, record, default_level=2)
            self._project(record, project)
        elif group:
            self._heading(group, number, record)
        else:
            self.findings.append(_finding("part3.unplaced_row", Severity.WARNING,
                                          f"a routine row with no name: {' | '.join(texts)!r}", record.provenance))

    def _heading(self, name: str, number: str, record: TableRecord) -> None:
        group = self._open_group(name, record, default_level=1, number=number)
        if group.kind == "group" and self.previous is not None and _after_break(self.previous, record.provenance):
            self.findings.append(_finding(
                "part3.ambiguous_row", Severity.WARNING,
                f"a name-only row after a page break, read as a group heading; it may continue the name of the "
                f"project above: {name[:60]!r}", record.provenance))

    def _open_group(self, name: str, record: TableRecord, default_level: int, number: str = "") -> RoutineGroup:
        kind, level = _group_kind(name, default_level)
        while self.open and self.open[-1][0] > level:
            self.open.pop()
        if self.open and self.open[-1][0] == level:
            if _fold(self.open[-1][1].name) == _fold(name) and not number:
                return self.open[-1][1]  # the same output written again on the next row
            self.open.pop()
        group = RoutineGroup(kind=kind, number=arabic_digits(number) if number else None, name=name,
                             source=source_of(record.provenance))
        self._current().groups.append(group)
        self.open.append((level, group))
        return group

    def _project(self, record: TableRecord, name: str) -> None:
        project = issue_project(record, self.findings, name_column="project", number_column="number")
        if _joined(record.text("project")) != name:  # the name came from the group cell (pipe dumps)
            project.name = name
            project.name_raw = raw_if_changed(name, record.cells["group"].raw)
        self._current().projects.append(project)

    def _current(self) -> RoutineGroup:
        return self.open[-1][1] if self.open else self.form


def _row_parts(record: TableRecord) -> tuple[str, str, str]:
    """Number, group and project texts of a row.  A 'number' cell that is not a number is the row's group name
    (a heading row left-packed into the first column)."""
    number = _joined(record.text("number"))
    group = _joined(record.text("group"))
    project = _joined(record.text("project"))
    if number and not _ROW_NUMBER.match(number):
        group, number = (f"{number} {group}".strip() if group else number), ""
    return number.rstrip("."), group, project


def _group_kind(name: str, default_level: int) -> tuple[str, int]:
    for kind, level, pattern in _GROUP_KINDS:
        if pattern.match(name):
            return kind, level
    return "group", default_level


def _after_break(previous: Provenance, current: Provenance) -> bool:
    """Whether something (a repeated header, a footnote) stood between two rows: a page break."""
    if previous.page is not None and current.page is not None:
        return previous.page != current.page
    if previous.line_end is not None and current.line_start is not None:
        return current.line_start - previous.line_end > 1
    return False


def _totals(form: RoutineGroup, table: LogicalTable, findings: list[Finding]) -> None:
    """The stated total and count of the total row, and the same computed from the projects."""
    projects = form.all_projects()
    form.computed_count = len(projects)
    form.computed_total = computed_total([p.budget for p in projects])
    if not table.totals:
        findings.append(_finding("part3.no_total_row", Severity.INFO, f"routine table {form.name!r} has no total row",
                                 table.provenance))
        return
    if len(table.totals) > 1:
        findings.append(_finding("part3.several_total_rows", Severity.WARNING,
                                 f"routine table {form.name!r} has {len(table.totals)} total rows; the first is read",
                                 table.totals[1].provenance))
    total = table.totals[0]
    budget_text = _joined(total.text("budget"))
    form.stated_total = parse_budget(budget_text) if budget_text else None
    for cell in [*total.cells.values(), *total.extra]:
        m = _STATED_COUNT.search(cell.text)
        if m:
            form.stated_count = parse_int(m.group(1))


def _unplaced_table(raw: Block, findings: list[Finding]) -> None:
    rows = [" | ".join(t for t in row.texts if t) for row in raw.rows]
    findings.append(_finding("part3.unplaced_table", Severity.WARNING,
                             f"a table of {len(raw.rows)} rows in Part 3 no table type recognised: "
                             + " / ".join(r[:60] for r in rows[:3]), raw.provenance))


def _fold(text: str) -> str:
    return "".join(text.split())


def _joined(text: str) -> str:
    return " ".join(text.split())


def _finding(code: str, severity: Severity, message: str, provenance: Provenance) -> Finding:
    return Finding(code=code, severity=severity, message=message, source=source_of(provenance))
