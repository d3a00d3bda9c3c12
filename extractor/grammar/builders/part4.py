"""Part 4 (ส่วนที่ 4) builder: monitoring tables by role, scoring rubrics, policy links, step sheets, kept tables.

The engine has already recognised each table by its header fingerprint (its role: the letters ก-ฉ are not trusted),
dropped repeated headers and merged continuation rows.  Here the records become typed model objects:

- the context of a record (development issue, objective, KR, evaluation component, the KPI/project line above a
  step sheet) is read from the lines written above it, walking Part 4 in document order (source position);
- a row that lost a row-spanning cell (tactic, objective, KR) takes it from the row above and says so (``inherited``);
- a rubric is linked to the negotiated KPI sheet just before it; a rubric whose levels start again (5 … 1, 5 … 1) is
  a rubric in several parts, kept as one ``Rubric`` per part;
- every table of Part 4 that is not typed (questionnaires, form fields, footnotes written as tables, unrecognised
  tables) is kept as a ``GenericTable``: nothing read is dropped.

``find_truncation`` tells whether the document ends inside a Part 4 table with Part 4 content visibly lost; the
document-info builder can use it for ``document.truncated``.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache

import regex as re

from extractor.blocks import Block, Provenance
from extractor.grammar.builders.common import order_key, raw_if_changed, source_of
from extractor.grammar.engine import LogicalTable, Node, TableRecord
from extractor.grammar.spec import Grammar
from extractor.grammar.values import arabic_digits, number_between, parse_budget, parse_number
from extractor.model.base import Finding, Number, Severity
from extractor.model.front_matter import KeyIndicator
from extractor.model.monitoring import (
    BaselineYear,
    GenericTable,
    KpiContext,
    MonitoredKPI,
    Monitoring,
    PolicyLink,
    Rubric,
    RubricRow,
    WorkStep,
    WorkStepSheet,
)
from extractor.thai.digits import arabic_to_thai_digits

SCOPE_KINDS = ("monitoring", "monitoring_table", "rubric", "attachment")
KPI_ROLES = ("bma_kpi_definitions", "unit_kpi_definitions", "negotiated_kpis", "component_kpis")
TYPED_ROLES = KPI_ROLES + ("scoring_rubric", "policy_linkage", "policy_linkage_group", "work_steps")
MONTHS = ("oct", "nov", "dec", "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep")

# Context lines (content types of the grammar) → the KpiContext field they set, and the fields they reset.
_CONTEXT_TYPES = {
    "p4_issue": ("issue", ("objective", "key_result")),
    "p4_objective": ("objective", ("key_result",)),
    "p4_key_result": ("key_result", ()),
    "p4_component": ("component", ("group",)),
    "p4_group": ("group", ()),
    "p4_steps_kpi": ("steps_kpi", ("steps_project",)),
    "p4_steps_project": ("steps_project", ()),
}
_CODE = re.compile(r"^\s*\(?\s*(?:KPI|OKR|KR)?\s*([0-9๐-๙]+(?:\.[0-9๐-๙]+)*)\.?\s*:?\s*(?=\S)")
# a number cell alone ("3.", "๑.๑.๑"); a scan may put a space after a dot ("๑.๑. ๓"), no code has one
_NUMBER_CELL = re.compile(r"^\s*([0-9๐-๙]+(?:\.\s?[0-9๐-๙]+)*)\.?\s*$")
_TACTIC_CODE = re.compile(r"(?:กลยุทธ์(?:ที่)?\s*)?([0-9๐-๙]+\.[0-9๐-๙]+\.[0-9๐-๙]+)(?![.0-9๐-๙])")
# a year label of a baseline cell (พ.ศ. 2564 :, ปี ๒๕๖๕ =); a scan may put a space after the first dot (พ. ศ.)
_BASELINE_YEAR = re.compile(r"(?:พ\.\s?ศ\.|ปี)\s*([0-9๐-๙]{4})\s*[:=]")
# the same label as a scan may leave it: its colon lost at the end of the cell, or a speck read before the colon
# (พ.ศ. ๒๕๖๖ 1 :); taken only for the year after the label before it, which the cell's sequence of years predicts
_BASELINE_YEAR_LOOSE = re.compile(r"(?:พ\.\s?ศ\.|ปี)\s*([0-9๐-๙]{4})(?:\s*[^\s:=]?\s*[:=]|\s*$)")
# no value for a year: a dash or ไม่มี ("none"; a scan may split it, ไม่ มี)
# the objective cell's number; a code after specks (no letter before it) at the start of a KPI cell
_OBJECTIVE_NUMBER = re.compile(r"^\s*([0-9]+\.[0-9]+)(?![.0-9])")
_MAX_SPECKS = 12
_NUMBERED_SHEETS = ("negotiated_kpis",)  # sheets whose KPI code is a number cell of its own
_SPECKS_THEN_CODE = re.compile(
    rf"^[^ก-ฮA-Za-z]{{1,{_MAX_SPECKS}}}?(?<![.0-9๐-๙])(?P<code>[0-9๐-๙]+(?:\.[0-9๐-๙]+){{2}})(?![.0-9๐-๙])\s+(?=\S)"
)
_WORD_START = re.compile(r"(?<!\S)\S")
_THAI_LETTER = re.compile("[ก-ฮ]")
_DASH = re.compile(r"^\s*(?:[-–]|ไม่\s?มี)\s*(?:\(.*\))?\s*$")
_PERCENT = re.compile(r"ร้อยละ\s*([0-9๐-๙]+)")
# The criterion column of a rubric is headed เกณฑ์ร้อยละ: a number alone in it is the percent (a scan may lose the
# word ร้อยละ before it).
_BARE_PERCENT = re.compile(r"^\s*([0-9]{1,3})\s*$")
_KR_IN_OBJECTIVE = re.compile(r"ตัววัดผลหลัก\s*\(\s*Key\s*Result")
_ANNOUNCES_MORE = re.compile(r"(?:ดังนี้|ดังต่อไปนี้|:)\s*$")


@dataclass
class _Context:
    """The context lines read so far, walking Part 4 in document order."""

    values: dict[str, str] = field(default_factory=dict)

    def read(
        self, text: str, grammar: Grammar, block: Block | None = None, findings: list[Finding] | None = None
    ) -> bool:
        for type_name, (name, resets) in _CONTEXT_TYPES.items():
            regex = grammar.content_regexes.get(type_name)
            m = regex.search(text) if regex is not None else None
            if m is not None:
                for reset in resets:
                    self.values.pop(reset, None)
                if m.groupdict().get("gloss") and type_name in grammar.labels:
                    text = _label_restored(text, m, grammar.labels[type_name], block, findings)
                self.values[name] = text
                if name == "objective":
                    self._split_key_result(text)
                return True
        return False

    def _split_key_result(self, text: str) -> None:
        """An objective line may carry the KR on the same line (one line for both after a lost line break)."""
        m = _KR_IN_OBJECTIVE.search(text)
        if m and m.start() > 0:
            self.values["objective"] = text[: m.start()].strip()
            self.values["key_result"] = text[m.start() :].strip()

    def kpi_context(self) -> KpiContext:
        return KpiContext(**{k: v for k, v in self.values.items() if k in KpiContext.model_fields})


def monitoring(tree: Node, findings: list[Finding], grammar: Grammar | None = None) -> Monitoring:
    """Part 4 of a plan tree as the typed ``Monitoring`` record (empty when the document has no Part 4)."""
    scope = [n for n in tree.walk() if n.kind in SCOPE_KINDS]
    if not scope:
        return Monitoring()
    grammar = grammar or _default_grammar()
    contexts = _contexts(scope, grammar, findings)
    kpis, starts = _kpis(scope, contexts, grammar)
    for kpi in kpis:
        _code_after_specks(kpi, findings)
    _numbers_between(kpis, findings)
    result = Monitoring(
        title=_title(scope),
        kpis=kpis,
        rubrics=_rubrics(scope, kpis, starts, grammar, findings),
        policy_links=_policy_links(scope, grammar),
        work_steps=_work_steps(scope, contexts, grammar, findings),
        tables=_generic_tables(scope, grammar),
        source=source_of(scope[0]),
    )
    _label_findings(scope, findings)
    truncation = find_truncation(tree, result)
    if truncation:
        result.truncated = True
        findings.append(truncation)
    return result


@cache
def _default_grammar() -> Grammar:
    """The 2567 grammar, for callers that do not pass theirs (its content types name the Part 4 context lines)."""
    from extractor.grammar.spec import load_grammars

    return {g.family: g for g in load_grammars()}["bma-2567"]


def _title(scope: list[Node]) -> str | None:
    section = next((n for n in scope if n.kind == "monitoring"), None)
    return section.fields.get("title") if section else None


# -- document order and context ---------------------------------------------------------------------------------


def _tables(scope: list[Node], role: str | Iterable[str]) -> list[LogicalTable]:
    roles = {role} if isinstance(role, str) else set(role)
    tables = [t for n in scope for t in n.tables if t.role in roles]
    return sorted(tables, key=lambda t: order_key(t.provenance))


def _label_restored(text: str, m: re.Match, label: str, block: Block | None, findings: list[Finding] | None) -> str:
    """A context line whose label's English gloss a scan misread, with the label as the template writes it
    (finding ``context.label_restored``)."""
    restored = label + text[m.end("gloss") :]
    if findings is not None and block is not None:
        findings.append(Finding(
            code="context.label_restored", severity=Severity.WARNING, subject=label,
            message=f"the label was read {text[: m.end('gloss')]!r}; the template writes {label!r}",
            expected=label, actual=text[: m.end("gloss")], source=source_of(block.provenance),
        ))
    return restored


def _contexts(scope: list[Node], grammar: Grammar, findings: list[Finding]) -> dict[int, dict[str, str]]:
    """Context values in force at each record (by ``id``), walking lines and records in document order.  A table
    heading (ตาราง X) starts a fresh context."""
    events: list[tuple[tuple, int, object]] = []
    for node in scope:
        if node.kind == "monitoring_table" and node.block is not None:
            events.append((order_key(node.block.provenance), 0, None))
        for block in node.paragraphs:
            events.append((order_key(block.provenance), 1, block))
        for table in node.tables:
            for record in table.records:
                events.append((order_key(record.provenance), 2, record))
    events.sort(key=lambda e: (e[0], e[1]))
    context, found = _Context(), {}
    for _, order, item in events:
        if order == 0:
            context = _Context()
        elif isinstance(item, Block):
            context.read(item.text, grammar, item, findings)
        else:
            found[id(item)] = dict(context.values)
    return found


# -- KPI sheets (ตาราง ก, ข, ค, ฉ) --------------------------------------------------------------------------------


def _kpis(
    scope: list[Node], contexts: dict[int, dict[str, str]], grammar: Grammar
) -> tuple[list[MonitoredKPI], dict[int, tuple]]:
    """Every KPI record of the KPI sheets, in document order, and the start position of each (by ``id``)."""
    labels = _table_labels(scope)
    kpis: list[tuple[tuple, MonitoredKPI]] = []
    for table in _tables(scope, KPI_ROLES):
        previous: TableRecord | None = None
        for record in table.records:
            kpi = _kpi(record, table, previous, contexts.get(id(record), {}), labels.get(id(table)), grammar)
            kpis.append((order_key(record.provenance), kpi))
            previous = record
    kpis.sort(key=lambda pair: pair[0])
    return [k for _, k in kpis], {id(k): key for key, k in kpis}


def _table_labels(scope: list[Node]) -> dict[int, str]:
    """The letter of the ตาราง heading each logical table sits under (by ``id``)."""
    return {id(t): n.fields["letter"] for n in scope if "letter" in n.fields for t in n.tables}


def _kpi(
    record: TableRecord,
    table: LogicalTable,
    previous: TableRecord | None,
    context: dict[str, str],
    label: str | None,
    grammar: Grammar,
) -> MonitoredKPI:
    cells = {name: cell.text for name, cell in record.cells.items() if cell.text}
    inherited = _inherit(record, previous, ("tactic", "objective"))
    cells.update({name: previous.cells[name].text for name in inherited})  # type: ignore[union-attr]
    code_cell = "number" if table.role == "negotiated_kpis" else "kpi"
    name_cell = "name" if table.role == "negotiated_kpis" else "kpi"
    code, name = _code_and_name(cells.get(code_cell, ""), cells.get(name_cell, ""), same=code_cell == name_cell)
    definition = cells.get("definition")
    sections = definition_sections(definition or "", grammar)
    baseline_raw = cells.get("baseline")
    tactic = cells.get("tactic")
    tactic_code = _TACTIC_CODE.match(arabic_digits(tactic)) if tactic else None
    known = {"tactic", "objective", "kpi", "number", "name", "target", "weight", "baseline", "definition", "projects"}
    name_cell_obj = record.cells.get(name_cell)
    return MonitoredKPI(
        table_role=table.role,
        table_label=label,
        code=arabic_digits(code) if code else None,
        code_raw=code if code and arabic_digits(code) != code else None,
        name=name,
        name_raw=raw_if_changed(name, name_cell_obj.raw) if name_cell_obj and name == name_cell_obj.text else None,
        context=_Context(dict(context)).kpi_context(),
        tactic=tactic,
        tactic_code=tactic_code.group(1) if tactic_code else None,
        objective=cells.get("objective"),
        target=cells.get("target"),
        weight=parse_number(cells["weight"]) if "weight" in cells else None,
        baseline_raw=baseline_raw,
        baseline=parse_baseline(baseline_raw or ""),
        definition=definition,
        formula=sections.get("formula"),
        data_collection=sections.get("data_collection"),
        responsible=sections.get("responsible"),
        sections=sections,
        projects=cells.get("projects"),
        inherited=inherited,
        fields={k: v for k, v in cells.items() if k not in known} | _extra(record),
        source=source_of(record.provenance, record.continued),
    )


def _inherit(record: TableRecord, previous: TableRecord | None, columns: tuple[str, ...]) -> list[str]:
    """Columns a record lacks that the record above has (a row-spanning cell written once)."""
    if previous is None:
        return []
    return [
        c for c in columns if not record.text(c) and previous.text(c) and c in previous.cells
    ]


def _extra(record: TableRecord) -> dict[str, str]:
    return {"unplaced": "\n".join(c.text for c in record.extra)} if record.extra else {}


def _code_and_name(code_text: str, name_text: str, *, same: bool) -> tuple[str | None, str]:
    """The code and the name of a KPI: from one cell ('KPI 4.1.4.1 ชุดข้อมูล…', 'OKR ๑.๑.๐๑ …', '1. ร้อยละ…')
    or from a number cell and a name cell."""
    if not same:
        m = _NUMBER_CELL.match(code_text)
        return ("".join(m.group(1).split()) if m else code_text.strip() or None), name_text.strip()
    m = _CODE.match(code_text)
    if not m:
        return None, code_text.strip()
    return m.group(1), code_text[m.end() :].strip()


# -- KPI codes the objective predicts --------------------------------------------------------------------------
# The district sheet (ตาราง ข) numbers its OKRs under the objective of the row: objective ๑.๑ → OKR ๑.๑.๐๓.  A scan
# may put specks before the code (``° 2 .* ๒.๑.๐๑ จำนวน…``) or misread its digits (``9.9.0m`` for ๑.๑.๐๓); the
# objective then says which code to look for, and the key KR/KPI list of the front matter, which names the same
# indicator with its code, says which one it is.


def objective_number(kpi: MonitoredKPI) -> str | None:
    """The number of a KPI's objective cell ('๑.๑ เดินได้ เดินดี' → '1.1'), None without one."""
    m = _OBJECTIVE_NUMBER.match(arabic_digits(kpi.objective or ""))
    return m.group(1) if m else None


def _under(code: str | None, prefix: str) -> bool:
    return code is not None and code.startswith(prefix + ".")


def _code_after_specks(kpi: MonitoredKPI, findings: list[Finding]) -> None:
    """A KPI whose cell has no code at its start but one under its objective after specks only (no letter before
    it): the code is read there, the specks dropped from the name (finding ``kpi.code_after_specks``)."""
    prefix = objective_number(kpi)
    if kpi.code is not None or prefix is None:
        return
    m = _SPECKS_THEN_CODE.match(kpi.name)
    if not m or not _under(arabic_digits(m.group("code")), prefix):
        return
    read = kpi.name
    code = m.group("code")
    kpi.code, kpi.code_raw = arabic_digits(code), code if arabic_digits(code) != code else None
    kpi.name = kpi.name[m.end() :].strip()  # a reading, like the reader's corrections: no raw beside it
    findings.append(Finding(
        code="kpi.code_after_specks", severity=Severity.WARNING, subject=kpi.code,
        message=f"the KPI cell opens with specks before its code ({read[:40]!r}): the code under objective {prefix} "
        "is read after them", expected=kpi.code, actual=read[: m.start("code")].strip(), source=kpi.source,
    ))


def _numbers_between(kpis: list[MonitoredKPI], findings: list[Finding]) -> None:
    """A KPI of a numbered sheet (ตาราง ค: a number cell per row) whose number cell a scan left blank takes the one
    number its neighbours in the sheet allow (``values.number_between``; finding ``kpi.number_from_sequence``)."""
    for index, kpi in enumerate(kpis):
        if kpi.code is not None or kpi.table_role not in _NUMBERED_SHEETS:
            continue
        before = next((k.code for k in reversed(kpis[:index]) if k.table_role == kpi.table_role), None)
        after = next((k for k in kpis[index + 1 :] if k.table_role == kpi.table_role), None)
        number = number_between(before, after.code if after else None)
        if number is None or after is None:
            continue
        kpi.code, kpi.code_raw = number, arabic_to_thai_digits(number) if after.code_raw else None
        findings.append(Finding(
            code="kpi.number_from_sequence", severity=Severity.WARNING, subject=number,
            message=f"the KPI '{kpi.name[:50]}' has no number (blank cell); between {before or 'the sheet start'} "
            f"and {after.code} the numbering allows {number} only", expected=number, source=kpi.source,
        ))


def codes_from_index(kpis: list[MonitoredKPI], index: list[KeyIndicator], findings: list[Finding]) -> None:
    """A KPI whose code is not under its objective takes the code the key KR/KPI list gives the same indicator
    (its text, what precedes it in the cell aside), when exactly one item under that objective names it and no
    other KPI of the sheet has that code (finding ``kpi.code_from_index``)."""
    for kpi in kpis:
        prefix = objective_number(kpi)
        if prefix is None or _under(kpi.code, prefix):
            continue
        taken = {k.code for k in kpis if k.table_role == kpi.table_role}
        named = [(item, tail) for item in index if _under(item.code, prefix) and item.code not in taken
                 and (tail := _named_tail(kpi.name, item.text)) is not None]
        if len(named) != 1:
            continue
        (item, tail), read = named[0], kpi.code
        thai = bool(re.search("[๐-๙]", kpi.objective or ""))
        kpi.code, kpi.code_raw = item.code, arabic_to_thai_digits(item.code) if thai else None
        kpi.name = tail
        findings.append(Finding(
            code="kpi.code_from_index", severity=Severity.WARNING, subject=item.code,
            message=f"the KPI code was read {read!r}, not under its objective {prefix}; the key KR/KPI list gives "
            f"'{item.text[:50]}' the code {item.code}", expected=item.code, actual=read, source=kpi.source,
        ))


def _named_tail(name: str, text: str) -> str | None:
    """The part of a KPI name that is the index item's text (spacing aside), when what precedes it has no letter
    (the rest of a misread code); None when the name does not end with the text."""
    key = "".join(text.split())
    for m in _WORD_START.finditer(name):
        head, tail = name[: m.start()], name[m.start() :].strip()
        if "".join(tail.split()) == key and len(head) <= _MAX_SPECKS and not _THAI_LETTER.search(head):
            return tail
    return None


def parse_baseline(text: str) -> list[BaselineYear]:
    """The years of a baseline cell: 'พ.ศ. 2564 : - พ.ศ. 2565 : ไม่มี พ.ศ. 2566 : 34.467 กม.' → three years."""
    folded = arabic_digits(text)
    marks = _baseline_marks(folded)
    years = []
    for index, m in enumerate(marks):
        end = marks[index + 1].start() if index + 1 < len(marks) else len(text)
        value = " ".join(text[m.end() : end].split())
        status = "empty" if not value else "dash" if _DASH.match(value) else "value"
        years.append(BaselineYear(year_be=int(m.group(1)), raw=value, status=status))
    return years


def _baseline_marks(folded: str) -> list[re.Match]:
    """The year labels of a baseline cell: the strict ones, and a loose one (``_BASELINE_YEAR_LOOSE``) only where
    it is the year after the label before it."""
    marks: list[re.Match] = []
    for m in _BASELINE_YEAR_LOOSE.finditer(folded):
        strict = _BASELINE_YEAR.fullmatch(m.group(0))
        if strict or (marks and int(m.group(1)) == int(marks[-1].group(1)) + 1):
            marks.append(m)
    return marks


def definition_sections(text: str, grammar: Grammar) -> dict[str, str]:
    """A definition cell split at its labels (นิยาม, วิธีคำนวณ…, วิธีเก็บข้อมูล/หลักฐาน, …) by role; text before the
    first label is the 'definition' (or 'preamble' when a นิยาม label follows).  Formulas stay raw text."""
    labels = []
    for name, regex in grammar.content_regexes.items():
        if name.startswith("p4_section_"):
            labels += [(m.start(), m.end(), name.removeprefix("p4_section_")) for m in regex.finditer(text)]
    labels = _first_of_overlaps(sorted(labels))
    sections: dict[str, str] = {}
    head = text[: labels[0][0]].strip() if labels else text.strip()
    if head:
        sections["preamble" if any(r == "definition" for *_, r in labels) else "definition"] = head
    for index, (_, end, role) in enumerate(labels):
        stop = labels[index + 1][0] if index + 1 < len(labels) else len(text)
        body = text[end:stop].strip(" :\n")
        if body:
            sections[role] = f"{sections[role]}\n{body}" if role in sections else body
    return sections


def _first_of_overlaps(labels: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    kept: list[tuple[int, int, str]] = []
    for label in labels:
        if kept and label[0] < kept[-1][1]:
            continue
        kept.append(label)
    return kept


# -- rubrics ----------------------------------------------------------------------------------------------------


def _rubrics(
    scope: list[Node], kpis: list[MonitoredKPI], starts: dict[int, tuple], grammar: Grammar, findings: list[Finding]
) -> list[Rubric]:
    negotiated = [k for k in kpis if k.table_role == "negotiated_kpis"]
    rubrics: list[Rubric] = []
    for node in (n for n in scope if n.kind == "rubric"):
        start = order_key(node.provenance)
        before = [k for k in negotiated if starts[id(k)] < start]
        kpi = before[-1] if before else None
        if kpi is None:
            findings.append(_finding("rubric.kpi_not_found", Severity.WARNING, node, "no KPI sheet before this rubric"))
        rubrics += _rubric_parts(node, kpi, grammar, findings)
    return rubrics


def _rubric_parts(node: Node, kpi: MonitoredKPI | None, grammar: Grammar, findings: list[Finding]) -> list[Rubric]:
    records = [r for t in node.tables if t.role == "scoring_rubric" for r in t.records]
    if not records:
        findings.append(_finding("rubric.empty", Severity.WARNING, node, "a rubric title with no rubric table"))
    parts = _split_parts(records)
    stated = int(arabic_digits(node.fields["parts"])) if node.fields.get("parts") else 1
    count = max(len(parts), stated)
    labels = _part_labels(node, parts)
    end = max((order_key(r.provenance) for r in records), default=order_key(node.provenance))
    notes = [b.text for b in node.paragraphs if order_key(b.provenance) > end and not _is_context(b.text, grammar)]
    rubrics = []
    for index, rows in enumerate(parts or [[]]):
        rubrics.append(
            Rubric(
                title=node.fields.get("title", ""),
                kpi_code=kpi.code if kpi else None,
                kpi_name=kpi.name if kpi else None,
                part=labels[index] if count > 1 else None,
                part_index=index + 1 if count > 1 else None,
                part_count=count,
                rows=_checked_rows(rows, findings),
                notes=notes if index == len(parts) - 1 else [],
                source=source_of(rows[0].provenance if rows else node.provenance),
            )
        )
    return rubrics


def _split_parts(records: list[TableRecord]) -> list[list[TableRecord]]:
    """Rubric rows split where the levels start again (a level not below the one before)."""
    parts: list[list[TableRecord]] = []
    last: int | None = None
    for record in records:
        level = _level(record.text("level"))
        if not parts or (level is not None and last is not None and level >= last):
            parts.append([])
        parts[-1].append(record)
        last = level if level is not None else last
    return parts


def _part_labels(node: Node, parts: list[list[TableRecord]]) -> list[str | None]:
    """Part 1's label from the title line (or, when the title line ends before it, the line written between the
    title and the rows); each later part's from the line written just before its rows."""
    first = node.fields.get("first_part") or None
    if first is None and parts:
        start = order_key(parts[0][0].provenance)
        before = [b.text for b in node.paragraphs if order_key(b.provenance) < start]
        first = before[-1] if before else None
    labels: list[str | None] = [first]
    for previous, part in zip(parts, parts[1:]):
        low, high = order_key(previous[-1].provenance), order_key(part[0].provenance)
        between = [b.text for b in node.paragraphs if low < order_key(b.provenance) < high]
        labels.append(between[-1] if between else None)
    return labels


def _rubric_row(record: TableRecord) -> RubricRow:
    level_text = record.text("level")
    criterion = record.text("criterion")
    percent = _PERCENT.search(arabic_digits(criterion)) or _BARE_PERCENT.match(arabic_digits(criterion))
    score = record.text("score")
    return RubricRow(
        level=_level(level_text),
        level_raw=level_text if level_text and arabic_digits(level_text).strip() != level_text else None,
        criterion=criterion,
        criterion_percent=int(percent.group(1)) if percent else None,
        method=record.text("method") or None,
        score=parse_number(score) if score else None,
        source=source_of(record.provenance),
    )


def _checked_rows(records: list[TableRecord], findings: list[Finding]) -> list[RubricRow]:
    """A rubric's rows after the two checks its other rows allow: a score cell that is no number, and a criterion
    written as a bare number where another row writes ร้อยละ before it."""
    rows = [_rubric_row(r) for r in records]
    _scores_from_levels(rows, [r.text("score") for r in records], findings)
    _percent_words(rows, findings)
    return rows


# -- scores the levels predict ---------------------------------------------------------------------------------
# A rubric scores its levels on a line (level 5 → the KPI's weight, each level below one step less: 10, 8, 6, 4, 2;
# 20, 16, 12, 8, 4): every rubric of the corpus does.  A scan may misread a score cell's digits as letters (อ for
# ๖, ออ for ๑๖); where at least three other rows lie on one line, the row's level says its score.
_MIN_SCORED = 3


def _scores_from_levels(rows: list[RubricRow], cells: list[str], findings: list[Finding]) -> None:
    """A row whose score cell (``cells``, as read) is blank or no number takes the score of its level on the line
    the other rows' scores lie on (finding ``rubric.score_from_levels``)."""
    scored = [(r.level, r.score.value) for r in rows
              if r.level is not None and r.score is not None and isinstance(r.score.value, int)]
    line = _score_line(scored)
    if line is None:
        return
    step, base = line
    thai = any(re.search("[๐-๙]", r.score.raw) for r in rows if r.score)
    for row, read in zip(rows, cells):
        if row.level is None or (row.score is not None and row.score.value is not None):
            continue
        value = base + step * row.level
        row.score = Number(raw=arabic_to_thai_digits(str(value)) if thai else str(value), value=value)
        findings.append(Finding(
            code="rubric.score_from_levels", severity=Severity.WARNING, subject=str(value),
            message=f"the score of level {row.level} was read {read!r}, no number; the other levels score "
            f"{step} a level, which gives {value}", expected=str(value), actual=read or None, source=row.source,
        ))


def _score_line(scored: list[tuple[int, int]]) -> tuple[int, int] | None:
    """(step, base) with score = base + step × level for every (level, score) pair, None when fewer than
    ``_MIN_SCORED`` distinct levels are scored, the pairs lie on no line with a positive whole step, or they
    leave no level unscored."""
    levels = {level for level, _ in scored}
    if len(levels) < _MIN_SCORED or len(levels) != len(scored):
        return None
    (low, low_score), (high, high_score) = min(scored), max(scored)
    step, rest = divmod(high_score - low_score, high - low)
    base = low_score - step * low
    if rest or step <= 0 or any(base + step * level != score for level, score in scored):
        return None
    return step, base


def _percent_words(rows: list[RubricRow], findings: list[Finding]) -> None:
    """A criterion that is a bare number where another row of the rubric writes ร้อยละ before its number (a scan
    lost the word) is written with it (finding ``rubric.percent_word_restored``)."""
    worded = [m for r in rows if (m := _PERCENT.match(r.criterion.strip()))]
    if not worded:
        return
    word = worded[0].string[: worded[0].start(1)]  # ร้อยละ and its space, as the rubric writes them
    for row in rows:
        if not _BARE_PERCENT.match(arabic_digits(row.criterion)):
            continue
        read, row.criterion = row.criterion, word + row.criterion.strip()
        findings.append(Finding(
            code="rubric.percent_word_restored", severity=Severity.WARNING, subject=row.criterion,
            message=f"the criterion of level {row.level} was read {read!r}; the rubric's other rows write ร้อยละ "
            "before the percent", expected=row.criterion, actual=read, source=row.source,
        ))


def _level(text: str) -> int | None:
    folded = arabic_digits(text).strip()
    return int(folded) if folded.isdigit() else None


def _is_context(text: str, grammar: Grammar) -> bool:
    return _Context().read(text, grammar)


# -- policy linkage (ตาราง ง) -----------------------------------------------------------------------------------


_LINK_FIELDS = ("objective", "key_result", "count_unit", "target", "project", "budget", "project_kpi")


def _policy_links(scope: list[Node], grammar: Grammar) -> list[PolicyLink]:
    """Rows of the policy linkage tables, page breaks included; section rows (ด้านที่ N) set the area, and a row
    that lost its objective or KR (row-spanning cells) takes them from the row above."""
    area_type = grammar.content_regexes.get("p4_area")
    links: list[PolicyLink] = []
    area: str | None = None
    above: dict[str, str] = {}
    for table in _tables(scope, "policy_linkage"):
        for record in table.records:
            cells = {name: record.text(name) for name in _LINK_FIELDS if record.text(name)}
            first = next(iter(cells.values()), "")
            if len(cells) == 1 and area_type is not None and area_type.search(first):
                area, above = first, {}
                continue
            inherited = _inherit_link(cells, above)
            above = {**above, **cells}
            links.append(
                PolicyLink(
                    area=area,
                    **{k: v for k, v in cells.items() if k != "budget"},
                    budget=parse_budget(cells["budget"]) if "budget" in cells else None,
                    inherited=inherited,
                    source=source_of(record.provenance),
                )
            )
    return links


def _inherit_link(cells: dict[str, str], above: dict[str, str]) -> list[str]:
    """Fill a row's spanned cells from the row above: the objective, then the KR with its unit and target."""
    inherited = []
    if "objective" not in cells and "objective" in above:
        cells["objective"] = above["objective"]
        inherited.append("objective")
    if "key_result" not in cells and "key_result" in above:
        for name in ("key_result", "count_unit", "target"):
            if name not in cells and name in above:
                cells[name] = above[name]
                inherited.append(name)
    return inherited


# -- step sheets (ตาราง จ) --------------------------------------------------------------------------------------


def _work_steps(
    scope: list[Node], contexts: dict[int, dict[str, str]], grammar: Grammar, findings: list[Finding]
) -> list[WorkStepSheet]:
    """Step sheets: the records of the step tables, one sheet per KPI/project line above them (a repeated header
    after such lines is a new sheet, not a page break), then steps read from headerless rows with bar marks."""
    sheets: list[WorkStepSheet] = []
    for table in _tables(scope, "work_steps"):
        current: tuple | None = None
        starts = _sheet_starts(table, contexts)
        for index, record in enumerate(table.records):
            context = contexts.get(id(record), {})
            owner = (context.get("steps_kpi"), context.get("steps_project"))
            if current != owner or not sheets:
                years = _sheet_years(table, index, next((s for s in starts if s > index), len(table.records)))
                sheets.append(
                    WorkStepSheet(
                        kpi=owner[0], project=owner[1], years=years,
                        fiscal_year_be=max((int(arabic_digits(y)[-4:]) for y in years), default=None),
                        source=source_of(record.provenance),
                    )
                )
                current = owner
            _add_step(sheets[-1], [record.text(c) for c in ("step", "share", "cumulative")],
                      {m: record.text(m) for m in MONTHS}, [c.text for c in record.extra], record.provenance)
    sheets += _headerless_steps(scope, grammar, findings)
    return sheets


def _sheet_starts(table: LogicalTable, contexts: dict[int, dict[str, str]]) -> list[int]:
    """Indexes of the records that open a sheet (the KPI/project lines above them change)."""
    owners = [(contexts.get(id(r), {}).get("steps_kpi"), contexts.get(id(r), {}).get("steps_project"))
              for r in table.records]
    return [i for i, owner in enumerate(owners) if i == 0 or owner != owners[i - 1]]


def _sheet_years(table: LogicalTable, start: int, end: int) -> list[str]:
    """The year labels of the sub-header rows written over records ``start``..``end`` (one table holds several
    sheets, each under its own header; a header repeated after a page break repeats its years: kept once)."""
    rows = list(zip(table.header_values, table.header_values_at))
    own = [values for values, at in rows if start <= at < end]
    last = max((at for _, at in rows if at < start), default=None)  # no header of its own: the one above it
    above = [values for values, at in rows if at == last]
    years = [t for values in own or above for t in values if _BASELINE_YEAR_LABEL.search(t)]
    return list(dict.fromkeys(years))


_BASELINE_YEAR_LABEL = re.compile(r"[0-9๐-๙]{4}")
_STEP_NUMBER = re.compile(r"^\s*([0-9๐-๙]+)\s*[.)]\s*")


def _add_step(sheet: WorkStepSheet, head: list[str], marks: dict[str, str], extra: list[str], prov: Provenance):
    text, share, cumulative = head
    number = _STEP_NUMBER.match(text)
    marks = {m: v for m, v in marks.items() if v}
    if number is None and sheet.steps and not share and not cumulative:
        sheet.steps[-1].text += f"\n{text}"  # the tail of a step written on the next page
        return
    sheet.steps.append(
        WorkStep(
            number=arabic_digits(number.group(1)) if number else None,
            text=text[number.end() :] if number else text,
            share=parse_number(share) if share else None,
            cumulative=parse_number(cumulative) if cumulative else None,
            months=[m for m in MONTHS if m in marks],
            marks=marks,
            extra_marks=extra,
            source=source_of(prov),
        )
    )


def _headerless_steps(scope: list[Node], grammar: Grammar, findings: list[Finding]) -> list[WorkStepSheet]:
    """Step rows whose header was lost: unclassified rows 15+ cells wide holding bar marks."""
    mark = grammar.content_regexes.get("p4_step_mark")
    if mark is None:
        return []
    sheets = []
    for node in scope:
        rows = [r for b in node.raw_tables for r in b.rows if _is_step_row(r.texts)]
        if not rows or not any(mark.search(t) for r in rows for t in r.texts[3:]):
            continue
        sheet = WorkStepSheet(headerless=True, source=source_of(rows[0].provenance))
        for row in rows:
            texts = row.texts
            months = dict(zip(MONTHS, texts[3:15]))
            _add_step(sheet, texts[:3], months, [t for t in texts[15:] if t], row.provenance)
        findings.append(
            _finding("monitoring.steps_headerless", Severity.WARNING, node,
                     f"{len(sheet.steps)} step rows read without their header (heading and header rows lost)",
                     source=rows[0].provenance)
        )
        sheets.append(sheet)
    return sheets


def _is_step_row(texts: list[str]) -> bool:
    return len(texts) >= len(MONTHS) + 3 and bool(texts[0])


# -- tables kept as written -------------------------------------------------------------------------------------


def _generic_tables(scope: list[Node], grammar: Grammar) -> list[GenericTable]:
    """Recognised tables with no typed model (questionnaires) and unrecognised tables, as rows of cell texts."""
    found: list[tuple[tuple, GenericTable]] = []
    for node in scope:
        for table in node.tables:
            if table.role in TYPED_ROLES:
                continue
            columns = _columns_of(table, grammar)
            found.append((order_key(table.provenance), GenericTable(
                role=table.role,
                title=_title_before(node, table.provenance),
                columns=columns,
                header=[h.texts for h in table.header] + table.header_values,
                rows=[[r.text(c) for c in columns] + [c.text for c in r.extra] for r in table.records],
                source=source_of(table.provenance),
            )))
        for block in node.raw_tables:
            if all(_is_step_row(r.texts) for r in block.rows):
                continue  # read as a headerless step sheet
            found.append((order_key(block.provenance), GenericTable(
                role="unrecognised",
                title=_title_before(node, block.provenance),
                rows=[r.texts for r in block.rows],
                source=source_of(block.provenance.merge(block.rows[-1].provenance)),
            )))
    found.sort(key=lambda pair: pair[0])
    return [t for _, t in found]


def _columns_of(table: LogicalTable, grammar: Grammar) -> list[str]:
    for spec in grammar.tables:
        if spec.role == table.role:
            return [c.name for c in spec.columns]
    return sorted({name for r in table.records for name in r.cells})


def _title_before(node: Node, prov: Provenance) -> str | None:
    """The nearest line above a table in its node (or the node's own heading)."""
    key = order_key(prov)
    lines = [b for b in node.paragraphs if order_key(b.provenance) < key]
    if lines:
        return max(lines, key=lambda b: order_key(b.provenance)).text
    return node.block.text if node.block is not None else None


# -- findings ---------------------------------------------------------------------------------------------------


def _label_findings(scope: list[Node], findings: list[Finding]) -> None:
    """Headings that disagree with the tables under them: one letter given to tables of different roles (seed:
    'ตาราง ข' written over the ตาราง ฉ components), and a table with no heading of its own (it follows another)."""
    first_role: dict[str, tuple[str, Node]] = {}
    for node in (n for n in scope if n.kind == "monitoring_table"):
        for role in dict.fromkeys(t.role for t in node.tables if t.role in TYPED_ROLES and t.role != "policy_linkage_group"):
            if not any(t.records for t in node.tables if t.role == role):
                findings.append(_finding(
                    "monitoring.table_empty", Severity.INFO, node,
                    f"the {role} table of 'ตาราง {node.fields['letter']}' has a header and no rows (left unfilled)",
                    subject=f"ตาราง {node.fields['letter']}",
                ))
        roles = list(dict.fromkeys(t.role for t in node.tables if t.role in TYPED_ROLES and t.records))
        if not roles:
            continue
        letter = node.fields["letter"]
        known = first_role.setdefault(letter, (roles[0], node))
        if known[0] != roles[0]:
            findings.append(_finding(
                "monitoring.table_label_conflict", Severity.WARNING, node,
                f"the heading labels this {roles[0]} table 'ตาราง {letter}', the letter of the {known[0]} table "
                "before it; tables are read by their header, not their letter", subject=f"ตาราง {letter}",
            ))
        for role in roles[1:]:
            findings.append(_finding(
                "monitoring.table_heading_missing", Severity.INFO, node,
                f"a {role} table follows the {roles[0]} table under 'ตาราง {letter}' with no heading of its own",
                subject=f"ตาราง {letter}",
            ))


def find_truncation(tree: Node, monitoring: Monitoring) -> Finding | None:
    """A finding when the document ends inside a Part 4 table and Part 4 shows lost content.

    Two conditions, both required: (1) the last thing read from the document is a table row of Part 4 (a record
    or an unclassified row), not text; (2) at least one sign of lost content: the last negotiated KPI sheet has no
    rubric after it, a rubric part has fewer than 5 levels, a step sheet stops short of 100 % cumulative progress,
    or the last cell announces a list that never comes (ends with 'ดังนี้' / 'ดังต่อไปนี้' / ':').
    """
    last = _last_item(tree)
    if last is None or not last[1]:
        return None
    signs = _loss_signs(monitoring, last[2])
    if not signs:
        return None
    return Finding(
        code="monitoring.truncated",
        severity=Severity.WARNING,
        message="the document ends inside a Part 4 table and content is missing: " + "; ".join(signs),
        subject="monitoring",
        source=source_of(last[0]),
    )


def _last_item(tree: Node) -> tuple[Provenance, bool, str] | None:
    """The provenance of the last thing read, whether it is a Part 4 table row, and its last cell text."""
    best: tuple[tuple, Provenance, bool, str] | None = None

    def consider(prov: Provenance, is_row: bool, text: str) -> None:
        nonlocal best
        key = (prov.page or 0, prov.line_end or prov.line_start or 0, prov.bbox[3] if prov.bbox else 0.0)
        if best is None or key >= best[0]:
            best = (key, prov, is_row, text)

    for node in tree.walk():
        in_scope = node.kind in SCOPE_KINDS
        for block in node.paragraphs:
            consider(block.provenance, False, block.text)
        for block in node.raw_tables:
            for row in block.rows:
                consider(row.provenance, in_scope, next((t for t in reversed(row.texts) if t), ""))
        for table in node.tables:
            for record in table.records:
                texts = [c.text for c in record.cells.values() if c.text]
                consider(record.provenance, in_scope and table.role in TYPED_ROLES + ("questionnaire",),
                         _last_cell_text(record) or (texts[-1] if texts else ""))
    return (best[1], best[2], best[3]) if best else None


def _last_cell_text(record: TableRecord) -> str:
    if not record.cells:
        return ""
    cell = max(record.cells.values(), key=lambda c: order_key(c.provenance) + (len(c.text),))
    return cell.text.rsplit("\n", 1)[-1]


def _loss_signs(monitoring: Monitoring, last_text: str) -> list[str]:
    signs = []
    negotiated = [k for k in monitoring.kpis if k.table_role == "negotiated_kpis"]
    scored = {r.kpi_code for r in monitoring.rubrics}
    if negotiated and negotiated[-1].code not in scored:
        signs.append(f"negotiated KPI {negotiated[-1].code or negotiated[-1].name[:40]} has no rubric")
    for rubric in monitoring.rubrics:
        if len(rubric.rows) < 5:
            signs.append(f"rubric '{rubric.title[:40]}' has {len(rubric.rows)} of 5 levels")
    for sheet in monitoring.work_steps:
        cumulative = [s.cumulative.value for s in sheet.steps if s.cumulative and isinstance(s.cumulative.value, int)]
        if cumulative and cumulative[-1] < 100:
            signs.append(f"step sheet '{(sheet.project or sheet.kpi or 'no title')[:40]}' stops at {cumulative[-1]} %")
    if _ANNOUNCES_MORE.search(last_text):
        signs.append("the last cell announces text that never comes")
    return signs


def _finding(
    code: str, severity: Severity, node: Node, message: str, *, subject: str | None = None,
    source: Provenance | None = None,
) -> Finding:
    return Finding(
        code=code, severity=severity, message=message, subject=subject or node.fields.get("title"),
        source=source_of(source or node.provenance),
    )
