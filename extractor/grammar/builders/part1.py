"""Part 1 (ส่วนที่ 1) of a 2567 plan: dimensions → strategies → sub-strategies → objectives/KRs → tactics → KPIs,
and the projects with their 6-digit strategy codes, read from the plan tree.

Only nodes under the Part 1 node are read: the front matter quotes the same headings (a KR index) and must not add
strategies.  Cells come from the engine already placed by content type; this module parses their values (codes,
budgets, units, policy codes, years) and reports rows it cannot read as findings.
"""

from __future__ import annotations

import regex as re

from extractor.grammar.builders.common import (
    children_of,
    heading_text,
    policy_prefix,
    raw_if_changed,
    source_of,
    tables_of,
)
from extractor.grammar.engine import LogicalTable, Node, TableRecord
from extractor.grammar.values import (
    added_in_year,
    arabic_digits,
    parse_budget,
    parse_strategy_code,
    policy_codes,
    unit_abbreviations,
)
from extractor.model.base import Finding, Severity
from extractor.model.strategy import (
    KPI,
    Dimension,
    KeyResult,
    Objective,
    Project,
    StrategicAlignment,
    Strategy,
    SubStrategy,
    Tactic,
    Target,
)

_KR_ID = re.compile(r"^\s*O?KR\s*(?P<number>[0-9๐-๙]+(?:\.[0-9๐-๙]+)*)\s*:?\s*")
# a scan may read a speck before the colon (KPI 7.2.2.2 .: ชื่อ)
_KPI_ID = re.compile(r"^\s*KPI\s*(?P<code>[0-9๐-๙]+(?:\.[0-9๐-๙]+)*)\s*\.?\s*:?\s*")
_YEAR = re.compile(r"(?<![0-9๐-๙])([0-9๐-๙]{4})(?![0-9๐-๙])")
_STARRED_NOTE = re.compile(r"\(\s*\*[^()]*(?:\([^()]*\)[^()]*)*\)")
_NO_VALUE = {"", "-", "–"}


def strategic_alignment(tree: Node, findings: list[Finding]) -> StrategicAlignment:
    """Part 1 of the plan as typed records (empty when the document has no Part 1)."""
    part = part_node(tree, "1")
    if part is None:
        return StrategicAlignment()
    return StrategicAlignment(
        title=part.fields.get("title"),
        dimensions=[_dimension(d, findings) for d in children_of(part, "dimension")],
        strategies=[_strategy(s, findings) for s in children_of(part, "strategy")],
        source=source_of(part),
    )


def part_node(tree: Node, number: str) -> Node | None:
    """The first part node numbered ``number`` (Thai or Arabic digits)."""
    for node in children_of(tree, "part"):
        if arabic_digits(node.fields.get("number", "")) == number:
            return node
    return None


def _dimension(node: Node, findings: list[Finding]) -> Dimension:
    return Dimension(
        number=arabic_digits(node.fields["number"]),
        name=node.fields["name"],
        note=node.fields.get("note"),
        strategies=[_strategy(s, findings) for s in children_of(node, "strategy")],
        source=source_of(node),
    )


def _strategy(node: Node, findings: list[Finding]) -> Strategy:
    name, name_raw = heading_text(node)
    return Strategy(
        number=arabic_digits(node.fields["number"]),
        name=name,
        name_raw=name_raw,
        sub_strategies=[_sub_strategy(s, findings) for s in children_of(node, "sub_strategy")],
        source=source_of(node),
    )


def _sub_strategy(node: Node, findings: list[Finding]) -> SubStrategy:
    tactics = children_of(node, "tactic")
    project_tables = tables_of(node, "strategy_projects") + [
        t for tactic in tactics for t in tables_of(tactic, "strategy_projects")
    ]
    project_tables.sort(key=lambda t: t.provenance.line_start or 0)
    name, name_raw = heading_text(node)
    return SubStrategy(
        number=arabic_digits(node.fields["number"]),
        name=name,
        name_raw=name_raw,
        objectives=objectives(tables_of(node, "objective_key_results"), findings),
        tactics=[_tactic(t, findings) for t in tactics],
        kpis=[k for table in tables_of(node, "kpi_targets") for k in kpis(table, findings)],
        projects=[p for table in project_tables for p in projects(table, findings)],
        source=source_of(node),
    )


def _tactic(node: Node, findings: list[Finding]) -> Tactic:
    name, name_raw = heading_text(node)  # a tactic title wrapped onto the next line (seed 003, กลยุทธ์ ๓.๑.๑)
    code = arabic_digits(node.fields["code"])
    tactic_kpis = [k for table in tables_of(node, "kpi_targets") for k in kpis(table, findings)]
    for kpi in tactic_kpis:
        _dots_from_tactic(kpi, code, findings)
    return Tactic(code=code, name=name, name_raw=name_raw, kpis=tactic_kpis, source=source_of(node))


def _dots_from_tactic(kpi: KPI, tactic: str, findings: list[Finding]) -> None:
    """A KPI code read without its dots (``7222``) under tactic 7.2.2: a KPI code is its tactic's code and one
    more number, so the digits that start with the tactic's are read that way (finding ``kpi.dots_from_tactic``)."""
    digits = tactic.replace(".", "")
    if not kpi.code or not kpi.code.isdigit() or len(kpi.code) <= len(digits) or not kpi.code.startswith(digits):
        return
    read, kpi.code = kpi.code, f"{tactic}.{kpi.code[len(digits):]}"
    findings.append(Finding(
        code="kpi.dots_from_tactic", severity=Severity.WARNING, subject=kpi.code,
        message=f"KPI code {read} read without its dots under tactic {tactic}: read {kpi.code}",
        expected=kpi.code, actual=read, source=kpi.source,
    ))


# -- objectives and key results -----------------------------------------------------------------------------------


def objectives(tables: list[LogicalTable], findings: list[Finding]) -> list[Objective]:
    """Objectives with their KRs.  A KR row without an objective cell sits under a merged (row-spanning) objective
    cell: it belongs to the objective above it."""
    result: list[Objective] = []
    for table in tables:
        for record in table.records:
            _report_extra(record, table.role, findings)
            objective_text = _joined(record.text("objective"))
            if objective_text and (not result or _fold(result[-1].text) != _fold(objective_text)):
                cell = record.cells["objective"]
                result.append(
                    Objective(text=objective_text, text_raw=raw_if_changed(objective_text, cell.raw),
                              source=source_of(cell))
                )
            elif not result:
                result.append(Objective(text="", source=source_of(record.provenance)))
                findings.append(_finding("part1.kr_without_objective", Severity.WARNING,
                                         "key result row with no objective before it", record))
            result[-1].key_results.append(key_result(record))
    return result


def key_result(record: TableRecord) -> KeyResult:
    """A KR row: 'KR 3 : text (P052)' with target, lead and support units."""
    cell = record.cells.get("key_result")
    text = _joined(cell.text) if cell else ""
    match = _KR_ID.match(text)
    number = arabic_digits(match.group("number")) if match else None
    body = text[match.end():] if match else text
    target_text = _joined(record.text("target"))
    lead, support = _joined(record.text("lead_units")), _joined(record.text("support_units"))
    return KeyResult(
        number=number,
        text=body,
        text_raw=raw_if_changed(body, cell.raw) if cell and not match else None,
        target=Target(raw=target_text, source=source_of(record.cells["target"])) if target_text else None,
        lead_units=_units(lead),
        lead_units_raw=_units_raw(lead),
        support_units=_units(support),
        support_units_raw=_units_raw(support),
        policy_codes=policy_codes(body),
        source=source_of(record.provenance),
    )


# -- KPIs ---------------------------------------------------------------------------------------------------------


def kpis(table: LogicalTable, findings: list[Finding]) -> list[KPI]:
    """KPI rows with their targets by year: the years come from the header (``ตัวชี้วัด (KPI) | 2567``) or its
    subheader row (``2566 | 2567``).  Targets align to the last years: a single target is the plan year's."""
    years = table_years(table)
    result = []
    for record in table.records:
        _report_extra(record, table.role, findings)
        text = _joined(record.text("kpi"))
        match = _KPI_ID.match(text)
        if match is None:
            findings.append(_finding("part1.kpi_without_code", Severity.WARNING,
                                     f"KPI row without a KPI code: {text[:60]!r}", record))
        name = text[match.end():] if match else text
        values = [c for c in (record.cells.get("target_1"), record.cells.get("target_2")) if c and c.text]
        row_years = _years_for(len(values), years)
        targets = [
            Target(raw=_joined(c.text), year_be=y, source=source_of(c)) for c, y in zip(values, row_years)
        ]
        result.append(
            KPI(code=arabic_digits(match.group("code")) if match else None, name=name, targets=targets,
                source=source_of(record.provenance))
        )
    return result


def table_years(table: LogicalTable) -> list[int]:
    """The BE years a KPI table's header and subheader rows name, in order."""
    texts = [t for row in table.header for t in row.texts] + [t for row in table.header_values for t in row]
    return [int(arabic_digits(m.group(1))) for t in texts for m in _YEAR.finditer(t)]


def _years_for(count: int, years: list[int]) -> list[int | None]:
    if not years:
        return [None] * count
    if count <= len(years):
        return list(years[len(years) - count :])
    last = years[-1]
    return [last - (count - 1 - i) for i in range(count)]


# -- projects -----------------------------------------------------------------------------------------------------


def projects(table: LogicalTable, findings: list[Finding]) -> list[Project]:
    """Project rows: strategy code (or the 'added in year' marker), name, budget, units, policy codes."""
    result = []
    for record in table.records:
        _report_extra(record, table.role, findings)
        result.append(project(record, findings))
    return result


def project(record: TableRecord, findings: list[Finding]) -> Project:
    """One project row (also used for rows of other project tables that share these columns)."""
    code_text = _joined(record.text("code"))
    code = parse_strategy_code(code_text) if code_text else None
    added = added_in_year(code_text) if code_text else None
    if code is None and added is None:
        findings.append(_finding("part1.project_without_code", Severity.INFO,
                                 f"project without a strategy code (cell {code_text or 'empty'!r})", record))
    name_cell = record.cells.get("name")
    full_name = _joined(name_cell.text) if name_cell else ""
    notes = [m.group(0) for m in _STARRED_NOTE.finditer(full_name)]
    name = _joined(_STARRED_NOTE.sub(" ", full_name))
    units_text = _joined(record.text("units"))
    units = _units(units_text)
    unit_notes = _unit_remainder(units_text, units)
    policy_text = policy_prefix(_joined(record.text("policy_codes")), record, findings)
    codes = policy_codes(policy_text)
    budget_text = _joined(record.text("budget"))
    return Project(
        strategy_code=code,
        added_in_year_be=added,
        name=name,
        name_raw=full_name if full_name != name else (raw_if_changed(full_name, name_cell.raw) if name_cell else None),
        budget=parse_budget(budget_text) if budget_text else None,
        units=units,
        units_raw=_units_raw(units_text),
        policy_codes=codes,
        policy_codes_raw=policy_text if policy_text not in _NO_VALUE and " ".join(codes) != policy_text else None,
        notes=notes + ([unit_notes] if unit_notes else []),
        source=source_of(record.provenance),
    )


# -- helpers ------------------------------------------------------------------------------------------------------


def _units(text: str) -> list[str]:
    """Unit abbreviations of a cell; a cell naming a unit in words (ฝ่ายโยธา, ทุก หน่วยงาน) is kept whole."""
    if text in _NO_VALUE:
        return []
    return unit_abbreviations(text) or [text]


def _units_raw(text: str) -> str | None:
    """The unit cell as written, where the unit list does not say the same."""
    return text if text and " ".join(_units(text)) != text and text not in _NO_VALUE else None


def _unit_remainder(text: str, units: list[str]) -> str:
    """What a unit cell says besides its abbreviations (กยภ. ไม่เสนอโครงการ → 'ไม่เสนอโครงการ')."""
    if units == [text]:
        return ""
    rest = text.replace(" .", ".")
    for unit in units:
        rest = rest.replace(unit, " ")
    rest = _joined(rest)
    return "" if re.fullmatch(r"[\s,และ-]*", rest) else rest


def _joined(text: str) -> str:
    """Cell text on one line: merged continuation rows and wrapped lines joined with single spaces."""
    return " ".join(text.split())


def _fold(text: str) -> str:
    return "".join(text.split())


def _report_extra(record: TableRecord, role: str, findings: list[Finding]) -> None:
    for cell in record.extra:
        findings.append(
            Finding(code="table.unplaced_cell", severity=Severity.WARNING,
                    message=f"{role}: a cell no column could take: {cell.text[:80]!r}", subject=role,
                    actual=cell.text, source=source_of(cell))
        )


def _finding(code: str, severity: Severity, message: str, record: TableRecord) -> Finding:
    return Finding(code=code, severity=severity, message=message, source=source_of(record.provenance))
