"""Builder of the KPI report page family (รายละเอียดตัวชี้วัด): the plan tree of one page → ``KpiReport``.

The grammar (``grammars/kpi-report/``) opens one node per labelled line or section heading and regroups the
quarterly table written one cell per line; this builder reads the values out of those nodes, keeps every value as
printed beside what was read from it, and reports what it could not read.  Consistency between values (scores vs
evaluation pairs, quarter numbering, achieved vs target) is checked later, in ``extractor.validate.kpi_report``.

Two things the page does not state are only reported, never filled in: the fiscal year (inferred from the
definition's "ประจำปีงบประมาณ" and the dates of the quarterly reports, as a finding with its evidence) and the
reporting unit.
"""

from __future__ import annotations

from collections import Counter

from extractor.blocks import Block, Provenance
from extractor.grammar.builders import builder
from extractor.grammar.builders.common import raw_if_changed, source_of
from extractor.grammar.engine import LogicalTable, Node, TableRecord
from extractor.grammar.spec import Grammar
from extractor.grammar.values import arabic_digits, fiscal_year_of, parse_int, parse_number, parse_ratio, thai_dates
from extractor.model.base import Finding, Number, Severity, Source
from extractor.model.document import DocumentInfo, PlanDocument
from extractor.model.kpi_report import (
    AssessorNote,
    EvaluationPair,
    KpiReport,
    ManualReference,
    PageText,
    QuarterReport,
    QuarterResult,
    QuarterScore,
    StrategyLink,
    SupportingProject,
    TextSection,
)
from extractor.thai import is_text_layer_damaged

# Node kinds whose paragraphs are their body; paragraphs under any other node are text no section took.
_BODY_KINDS = {"quarter_report", "summary", "definition", "calculation", "data_collection", "supporting_projects"}
_TEXT_SECTIONS = ("summary", "definition", "calculation", "data_collection")
_QUARTER_COLUMNS = ("quarter", "result", "score", "evaluation")


@builder("kpi-report")
def build_kpi_report(tree: Node, grammar: Grammar, blocks: list[Block]) -> PlanDocument:
    """The canonical document of a KPI report page."""
    findings: list[Finding] = []
    page = _first(tree, "report_page")
    report = kpi_report(tree, grammar, findings)
    info = DocumentInfo(
        title=page.fields.get("title") if page else None,
        template_id=grammar.id,
        source=source_of(page) if page else None,
    )
    findings += infer_fiscal_year(report, grammar)
    findings += text_layer_findings(blocks)
    document = PlanDocument(document=info, kpi_report=report)
    document.findings = findings
    return document


def kpi_report(tree: Node, grammar: Grammar, findings: list[Finding]) -> KpiReport:
    """The KPI report of a page tree; what cannot be read becomes a finding."""
    kpi = _first(tree, "kpi")
    if kpi is None:
        findings.append(_finding("kpi_report.no_kpi_heading", Severity.ERROR, "the page has no KPI heading line"))
    heading = _entity_fields(kpi, grammar) if kpi else {}
    level = _first(tree, "kpi_level")
    level_fields = _entity_fields(level, grammar) if level else {}
    report = KpiReport(
        number=arabic_digits(heading["number"][0]) if "number" in heading else None,
        name=heading["name"][0] if "name" in heading else None,
        name_raw=heading["name"][1] if "name" in heading else None,
        system_code=arabic_digits(heading["system_code"][0]) if "system_code" in heading else None,
        kpi_type=_field(tree, "kpi_type", "value"),
        level=level_fields.get("level", (None,))[0],
        level_th=level_fields.get("level_th", (None,))[0],
        level_raw=level.block.raw.strip() if level and level.block else None,
        target_score=_score(tree, "target_score", findings),
        achieved_score=_score(tree, "achieved_score", findings),
        assessor_notes=[_assessor_note(n, grammar, findings) for n in tree.find("assessor_note")],
        source=source_of(kpi) if kpi else None,
    )
    _quarterly_table(tree, report, findings)
    report.quarter_reports = [_quarter_report(n, findings) for n in tree.find("quarter_report")]
    for kind in _TEXT_SECTIONS:
        setattr(report, kind, _text_section(tree, kind, findings))
    report.manual_reference = _manual_reference(report.definition, grammar)
    report.strategy_links = [_strategy_link(n, grammar, findings) for n in tree.find("strategy_link")]
    report.supporting_projects = _supporting_projects(tree)
    report.page_furniture = [_page_text(n.block) for n in tree.find("page_furniture") if n.block]
    report.other_text = _other_text(tree, findings)
    return report


# -- labelled values ------------------------------------------------------------------------------------------


def _score(tree: Node, kind: str, findings: list[Finding]) -> Number | None:
    node = _first(tree, kind)
    if node is None:
        findings.append(_finding(f"kpi_report.missing_{kind}", Severity.WARNING, f"the page has no {kind} line"))
        return None
    raw = node.fields.get("value", "")
    number = parse_number(raw)
    if number is None:
        findings.append(
            _finding("kpi_report.value_unparsed", Severity.WARNING, f"{kind} is not a number", kind, None, raw, node)
        )
        return Number(raw=raw)
    return number


def _assessor_note(node: Node, grammar: Grammar, findings: list[Finding]) -> AssessorNote:
    text = node.fields.get("value", "")
    scores = []
    for m in grammar.content_regexes["quarter_score"].finditer(text):
        score = parse_number(m.group("score"))
        if score is not None:
            scores.append(QuarterScore(quarter=int(arabic_digits(m.group("quarter"))), score=score))
    if not scores:
        findings.append(
            _finding("kpi_report.note_unparsed", Severity.WARNING, "assessor note without quarter scores",
                     node.fields.get("assessor"), None, text, node)
        )  # fmt: skip
    return AssessorNote(assessor=node.fields.get("assessor", ""), text=text, scores=scores, source=source_of(node))


# -- quarterly table -------------------------------------------------------------------------------------------


def _quarterly_table(tree: Node, report: KpiReport, findings: list[Finding]) -> None:
    tables = [t for node in tree.walk() for t in node.tables if t.role == "quarterly_results"]
    if not tables:
        findings.append(_finding("kpi_report.no_quarterly_table", Severity.WARNING, "no quarterly results table"))
        return
    if len(tables) > 1:
        findings.append(
            _finding("kpi_report.several_quarterly_tables", Severity.WARNING,
                     f"{len(tables)} quarterly tables; their rows are read in order", actual=str(len(tables)))
        )  # fmt: skip
    report.quarter_columns_raw = [c.raw for c in tables[0].header[0].cells] if tables[0].header else []
    for table in tables:
        report.quarters += [q for q in (_quarter(r, table, findings) for r in table.records) if q is not None]


def _quarter(record: TableRecord, table: LogicalTable, findings: list[Finding]) -> QuarterResult | None:
    raw_quarter = record.text("quarter")
    quarter = parse_int(raw_quarter)
    where = Source.of(record.provenance)
    if quarter is None:
        findings.append(
            _finding("kpi_report.quarter_unparsed", Severity.WARNING, "a quarterly row without a quarter number",
                     table.role, None, " ; ".join(c.text for c in record.cells.values()), where)
        )  # fmt: skip
        return None
    subject = f"quarter {quarter}"
    for column in _QUARTER_COLUMNS:
        if not record.text(column):
            findings.append(
                _finding("kpi_report.quarter_cell_missing", Severity.WARNING,
                         f"the quarterly row has no {column} value", subject, source=where)
            )  # fmt: skip
    for cell in record.extra:
        findings.append(
            _finding("kpi_report.quarter_cell_extra", Severity.WARNING, "a value no column took", subject,
                     None, cell.text, where)
        )  # fmt: skip
    return QuarterResult(
        quarter=quarter,
        quarter_raw=raw_if_changed(str(quarter), raw_quarter),
        result=_number_cell(record, "result", subject, findings),
        score=_number_cell(record, "score", subject, findings),
        evaluation=_evaluation(record, subject, findings),
        source=where,
    )


def _number_cell(record: TableRecord, column: str, subject: str, findings: list[Finding]) -> Number | None:
    raw = record.text(column)
    if not raw:
        return None
    number = parse_number(raw)
    if number is None:
        findings.append(
            _finding("kpi_report.value_unparsed", Severity.WARNING, f"{column} is not a number", subject, None, raw,
                     Source.of(record.provenance))
        )  # fmt: skip
        return Number(raw=raw)
    return number


def _evaluation(record: TableRecord, subject: str, findings: list[Finding]) -> EvaluationPair | None:
    raw = record.text("evaluation")
    if not raw:
        return None
    pair = parse_ratio(raw)
    if pair is None:
        findings.append(
            _finding("kpi_report.value_unparsed", Severity.WARNING, "evaluation is not a pair 'a / b'", subject,
                     None, raw, Source.of(record.provenance))
        )  # fmt: skip
        return EvaluationPair(raw=raw)
    return EvaluationPair(raw=raw, first=pair[0], second=pair[1])


# -- texts -----------------------------------------------------------------------------------------------------


def _quarter_report(node: Node, findings: list[Finding]) -> QuarterReport:
    quarter = int(arabic_digits(node.fields["quarter"]))
    text, raw = _body(node.paragraphs)
    if not text:
        findings.append(
            _finding("kpi_report.empty_section", Severity.INFO, "the quarterly report has no text",
                     f"quarter {quarter}", source=source_of(node))
        )  # fmt: skip
    return QuarterReport(quarter=quarter, text=text, raw=raw, source=_span(node))


def _text_section(tree: Node, kind: str, findings: list[Finding]) -> TextSection | None:
    node = _first(tree, kind)
    if node is None:
        return None
    text, raw = _body(node.paragraphs)
    if not text:
        findings.append(
            _finding("kpi_report.empty_section", Severity.INFO, f"the {kind} heading has no text below it",
                     node.fields.get("title"), source=source_of(node))
        )  # fmt: skip
        return None
    return TextSection(heading=node.fields.get("title", ""), text=text, raw=raw, source=_span(node))


def _manual_reference(definition: TextSection | None, grammar: Grammar) -> ManualReference | None:
    if definition is None:
        return None
    m = grammar.content_regexes["manual_reference"].search(definition.text)
    if m is None:
        return None
    return ManualReference(
        raw=m.group(0).strip(),
        component=int(arabic_digits(m.group("component"))),
        indicator=arabic_digits(m.group("indicator")),
    )


def _strategy_link(node: Node, grammar: Grammar, findings: list[Finding]) -> StrategyLink:
    fields = _entity_fields(node, grammar)
    code_raw = node.fields["code"]
    code = arabic_digits(code_raw)
    name = node.fields.get("name", "")
    truncated = bool(grammar.content_regexes["truncated_text"].search(name))
    if truncated:
        findings.append(
            _finding("text.truncated", Severity.WARNING, "the page cut this name off (it ends in '%')", code, None,
                     name, node)
        )  # fmt: skip
    return StrategyLink(
        level=code.count(".") + 1,
        code=code,
        code_raw=code_raw if code_raw != code else None,
        label=node.fields.get("label"),
        name=name,
        name_raw=fields.get("name", (None, None))[1],
        truncated=truncated,
        source=source_of(node),
    )


def _supporting_projects(tree: Node) -> list[SupportingProject]:
    return [
        SupportingProject(name=p.text, name_raw=raw_if_changed(p.text, p.raw), source=source_of(p.provenance))
        for node in tree.find("supporting_projects")
        for p in node.paragraphs
    ]


def _other_text(tree: Node, findings: list[Finding]) -> list[PageText]:
    """Paragraphs under nodes that have no body, and tables no spec recognised: kept and reported."""
    kept: list[PageText] = []
    for node in tree.walk():
        lines = [] if node.kind in _BODY_KINDS else list(node.paragraphs)
        lines += [_table_as_line(t) for t in node.raw_tables]
        for block in lines:
            kept.append(_page_text(block))
            findings.append(
                _finding("kpi_report.unplaced_text", Severity.WARNING, "text outside every section of the page",
                         node.kind, None, block.text[:200], block.provenance)
            )  # fmt: skip
    return kept


# -- fiscal year and text layer ---------------------------------------------------------------------------------


def infer_fiscal_year(report: KpiReport, grammar: Grammar) -> list[Finding]:
    """The page does not state its fiscal year: report what its texts suggest, with the evidence, as a finding.

    Evidence: a section stating the fiscal year it belongs to (``ประจำปีงบประมาณ พ.ศ. ๒๕๖๔``; the grammar's
    ``fiscal_year_statement``), and the dates written in the quarterly reports, each mapped to its fiscal year
    (October to September).  One candidate → an info finding; several → a warning listing them.
    """
    evidence = list(dict.fromkeys(_fiscal_year_evidence(report, grammar)))  # the same mention once
    if not evidence:
        return []
    years = Counter(year for year, _ in evidence)
    shown = "; ".join(f"{what} → {year}" for year, what in evidence[:8])
    more = f" (and {len(evidence) - 8} more)" if len(evidence) > 8 else ""
    if len(years) == 1:
        (year,) = years
        return [
            _finding("document.fiscal_year_inferred", Severity.INFO,
                     f"the page does not state its fiscal year; {year} is inferred from: {shown}{more}",
                     "fiscal_year_be", None, str(year))
        ]  # fmt: skip
    candidates = ", ".join(f"{y} ({n}×)" for y, n in sorted(years.items()))
    return [
        _finding("document.fiscal_year_ambiguous", Severity.WARNING,
                 f"the page does not state its fiscal year and its texts suggest several: {candidates}; {shown}{more}",
                 "fiscal_year_be", None, candidates)
    ]  # fmt: skip


def _fiscal_year_evidence(report: KpiReport, grammar: Grammar) -> list[tuple[int, str]]:
    statement = grammar.content_regexes["fiscal_year_statement"]
    evidence: list[tuple[int, str]] = []
    for section in (report.definition, report.calculation, report.data_collection, report.summary):
        if section is None:
            continue
        for m in statement.finditer(section.text):
            evidence.append((int(arabic_digits(m.group("year"))), f"{section.heading}: '{m.group(0)}'"))
    for quarter_report in report.quarter_reports:
        for _day, month, year, written in thai_dates(quarter_report.text):
            fiscal = fiscal_year_of(month, year)
            evidence.append((fiscal, f"quarter {quarter_report.quarter} report dated '{written}'"))
    return evidence


def text_layer_findings(blocks: list[Block]) -> list[Finding]:
    """Ask the Thai package's damage detector about the page's raw text (lost SARA AM, broken glyphs): the repairs
    themselves are the Thai stage's; this says the page as a whole came from a damaged text layer."""
    raw = "\n".join(_raw_text(b) for b in blocks)
    damaged, reason = is_text_layer_damaged(raw)
    if not damaged:
        return []
    message = f"the page's text layer is damaged: {reason}; raw text is kept beside the repaired text"
    return [_finding("kpi_report.text_layer_damaged", Severity.WARNING, message)]


# -- small helpers ---------------------------------------------------------------------------------------------


def _first(tree: Node, kind: str) -> Node | None:
    return next(iter(tree.find(kind)), None)


def _field(tree: Node, kind: str, name: str) -> str | None:
    node = _first(tree, kind)
    return node.fields.get(name) if node else None


def _entity_fields(node: Node, grammar: Grammar) -> dict[str, tuple[str, str | None]]:
    """Each captured field of a node as (text, raw): the raw value is the same pattern matched on the block's
    source text, kept only where the Thai stage changed it (the KPI name with a lost SARA AM, ...)."""
    raw_line = " ".join(node.block.raw.split()) if node.block else ""
    raw_fields: dict[str, str] = {}
    for spec in grammar.entities:
        m = spec.regex.match(raw_line) if spec.kind == node.kind else None
        if m:
            raw_fields = {k: " ".join(v.split()) for k, v in m.groupdict().items() if v is not None}
            break
    return {
        name: (value, raw_fields[name] if raw_fields.get(name, value) != value else None)
        for name, value in node.fields.items()
    }


def _body(paragraphs: list[Block]) -> tuple[str, str | None]:
    """The lines of a section joined with newlines, and their raw form where it differs."""
    text = "\n".join(p.text for p in paragraphs)
    raw = "\n".join(" ".join(p.raw.split()) for p in paragraphs)
    return text, raw if raw != text else None


def _span(node: Node) -> Source:
    """A section's provenance: its heading and its body lines."""
    prov = node.provenance
    for paragraph in node.paragraphs:
        prov = prov.merge(paragraph.provenance)
    return Source.of(prov)


def _page_text(block: Block) -> PageText:
    return PageText(text=block.text, raw=raw_if_changed(block.text, block.raw), source=source_of(block.provenance))


def _table_as_line(table: Block) -> Block:
    text = "\n".join(" | ".join(row.texts) for row in table.rows)
    return Block(kind=table.kind, text=text, raw=text, provenance=table.provenance)


def _raw_text(block: Block) -> str:
    if block.is_table:
        return "\n".join(" | ".join(c.raw for c in row.cells) for row in block.rows)
    return block.raw


def _finding(
    code: str,
    severity: Severity,
    message: str,
    subject: str | None = None,
    expected: str | None = None,
    actual: str | None = None,
    where: Node | Source | Provenance | None = None,
    *,
    source: Source | None = None,
) -> Finding:
    if isinstance(where, Node):
        source = source_of(where)
    elif isinstance(where, Provenance):
        source = Source.of(where)
    elif isinstance(where, Source):
        source = where
    return Finding(
        code=code, severity=severity, message=message, subject=subject, expected=expected, actual=actual,
        source=source,
    )  # fmt: skip
