"""Project summary tables (สรุปโครงการและงบประมาณ…) closing Parts 1-3: numbered rows, the stated totals (the
รวมงบประมาณทั้งสิ้น row and the sentences under the table) and the totals computed from the rows.

The computed total follows the plans' own rule (checked on every summary of the 2567 seeds): amounts of rows marked
``*ไม่ได้รับ งบประมาณ`` (requested, not granted) are left out; pending allocations (อยู่ระหว่างขอจัดสรร) and other
amounts count; rows without an amount (ไม่ใช้งบประมาณ, '-') add nothing.  Whether the stated figures agree is a
validate check (``extractor.validate.totals``): the builder reports only what it cannot read.
"""

from __future__ import annotations

import regex as re

from extractor.grammar.builders.common import children_of, raw_if_changed, source_of
from extractor.grammar.builders.part1 import _joined, _report_extra, _units, _units_raw
from extractor.grammar.engine import LogicalTable, Node
from extractor.grammar.values import arabic_digits, parse_budget, policy_codes
from extractor.model.base import Budget, BudgetStatus, Finding, Severity
from extractor.model.strategy import ProjectSummary, SummaryRow

SUMMARY_ROLE = "project_summary"
TOTAL_RULE = "exclude_not_received"

_STATED_COUNT = re.compile(r"(?:รวม)?\s*จำนวน\s*([0-9๐-๙][0-9๐-๙,]*)\s*โครงการ")
_STATED_AMOUNT = re.compile(r"จำนวนเงินทั้งสิ้น\s*([0-9๐-๙][0-9๐-๙,]*(?:\.[0-9๐-๙]+)?)")
_COUNT_IN_CELL = re.compile(r"([0-9๐-๙][0-9๐-๙,]*)\s*โครงการ")


def project_summaries(tree: Node, findings: list[Finding]) -> list[ProjectSummary]:
    """Every project summary table under a part, in document order."""
    result = []
    for part in children_of(tree, "part"):
        number = arabic_digits(part.fields.get("number", ""))
        noted: set[int] = set()
        for holder, table in _summary_tables(part):
            record = summary(table, f"part{number}", holder, findings)
            if holder.kind == "project_summary" and id(holder) not in noted:
                noted.add(id(holder))  # a heading's lines go with its first table only
                record.notes = [block.text for block in holder.paragraphs if block.text.strip()]
            result.append(record)
    return result


def summary(table: LogicalTable, part: str, holder: Node, findings: list[Finding]) -> ProjectSummary:
    """One summary table with its stated and computed totals."""
    rows = [_row(record) for record in table.records]
    for record in table.records:
        _report_extra(record, table.role, findings)
    stated_total = _stated_total(table, findings)
    notes = " ".join(block.text for block in table.notes)
    count = _first_int(_STATED_COUNT, notes)
    amount = _STATED_AMOUNT.search(notes)
    if count is None and table.totals:
        count = _first_int(_COUNT_IN_CELL, " ".join(c.text for c in table.totals[0].cells.values()))
    return ProjectSummary(
        part=part,
        title=holder.fields.get("title") if holder.kind == "project_summary" else None,
        rows=rows,
        stated_count=count,
        stated_total=stated_total,
        stated_total_text=parse_budget(amount.group(1)) if amount else None,
        computed_count=len(rows),
        computed_total=computed_total([r.budget for r in rows]),
        total_rule=TOTAL_RULE,
        source=source_of(table.provenance),
    )


def computed_total(budgets: list[Budget | None], rule: str = TOTAL_RULE) -> int:
    """Sum of whole-baht amounts by a totals rule: 'exclude_not_received' (the plans' rule), 'all' (every amount),
    'exclude_not_received_and_pending'.  Decimal amounts are rounded down to whole baht."""
    excluded = {
        "all": set(),
        TOTAL_RULE: {BudgetStatus.NOT_RECEIVED.value},
        "exclude_not_received_and_pending": {BudgetStatus.NOT_RECEIVED.value, BudgetStatus.PENDING.value},
    }[rule]
    return sum(_whole_baht(b) for b in budgets if b is not None and b.status not in excluded)


def _whole_baht(budget: Budget) -> int:
    if budget.amount is not None:
        return budget.amount
    if budget.amount_decimal is not None:
        return int(budget.amount_decimal.split(".")[0])
    return 0


def _summary_tables(part: Node) -> list[tuple[Node, LogicalTable]]:
    found = [(node, t) for node in part.walk() for t in node.tables if t.role == SUMMARY_ROLE]
    return sorted(found, key=lambda pair: pair[1].provenance.line_start or 0)


def _row(record) -> SummaryRow:
    name_cell = record.cells.get("name")
    label = _joined(name_cell.text) if name_cell else ""
    units_text = _joined(record.text("units"))
    budget_text = _joined(record.text("budget"))
    return SummaryRow(
        number=arabic_digits(_joined(record.text("number"))).rstrip(".") or None,
        label=label,
        label_raw=raw_if_changed(label, name_cell.raw) if name_cell else None,
        budget=parse_budget(budget_text) if budget_text else None,
        units=_units(units_text),
        units_raw=_units_raw(units_text),
        policy_codes=policy_codes(record.text("policy_codes")),
        source=source_of(record.provenance),
    )


def _stated_total(table: LogicalTable, findings: list[Finding]) -> Budget | None:
    if not table.totals:
        return None
    if len(table.totals) > 1:
        findings.append(
            Finding(code="summary.several_total_rows", severity=Severity.WARNING,
                    message=f"{len(table.totals)} totals rows under one summary table; the first is used",
                    subject=table.role, source=source_of(table.totals[1].provenance))
        )
    cells = table.totals[0].cells
    budget_cell = cells.get("budget") or next((c for c in cells.values() if _has_amount(c.text)), None)
    return parse_budget(budget_cell.text) if budget_cell else None


def _has_amount(text: str) -> bool:
    return parse_budget(text).status == BudgetStatus.ALLOCATED.value


def _first_int(pattern: re.Pattern, text: str) -> int | None:
    m = pattern.search(text)
    return int(arabic_digits(m.group(1)).replace(",", "")) if m else None
