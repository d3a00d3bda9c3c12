"""Part 2 (ส่วนที่ 2) of a 2567 plan: the unit's development issues (ประเด็นการพัฒนา), read from the plan tree.

Department plans write an issue as labelled lines: the unit's objective (วัตถุประสงค์หลัก, a sentence or numbered
items), its KPI or KR (ตัวชี้วัดภารกิจสำคัญของหน่วยงาน / ตัววัดผลหลักตามภารกิจหลักของหน่วยงาน), then the link to the BMA
plan (ความเชื่อมโยงกับแผนปฏิบัติราชการกรุงเทพมหานคร…), whose own lines name a strategy, sub-strategy, BMA objective,
KR, tactic and KPI (one per line, or all on the link line itself).  The lines are read in order; the link label
switches from the unit's items to the BMA plan's.  District plans ("๙ ดี" issues) give an OKR table instead.

Both write a project table.  Its rows are parsed here by ``issue_project`` (also used for Part 3): a number (its own
column, or the prefix of the name: ๑., ๗.๑), budget, units, policy codes and OKR references; numbered sub-projects
(๗.๑ under ๗.) nest under their parent.  Anything the builder cannot place is kept (notes) and reported.
"""

from __future__ import annotations

import difflib

import regex as re

from extractor.blocks import Block, BlockKind, Provenance
from extractor.grammar.builders.common import join_lines, policy_prefix, raw_if_changed, source_of, tables_of
from extractor.grammar.engine import Glue, LogicalTable, Node, TableRecord
from extractor.grammar.values import arabic_digits, parse_budget, policy_codes, unit_abbreviations, whole_number_between
from extractor.model.base import Budget, BudgetStatus, Finding, Severity, Source
from extractor.model.issues import (
    BmaLink,
    DevelopmentIssue,
    IssueKeyResult,
    IssueProject,
    LinkedEntity,
    SubIssue,
)
from extractor.model.strategy import KPI, KeyResult, Objective, Target
from extractor.thai.digits import arabic_to_thai_digits

D = "[0-9๐-๙]"
# Labelled lines of a department issue, tried in this order (the first that matches names the line).
_LABELS: tuple[tuple[str, re.Pattern], ...] = tuple(
    (name, re.compile(pattern))
    for name, pattern in (
        ("objective", rf"^วัตถุประสงค์หลัก\s*(?:\(\s*Objective\s*\))?(?P<footnote>{D}{{1,2}}(?!{D}))?\s*(?P<text>.*)$"),
        ("link", rf"^ความเชื่อมโยงกับแผน\S*(?:\s*กรุงเทพมหานคร)?(?:\s*ประจำปี)?(?:\s*พ\.ศ\.)?\s*"
                 rf"(?:(?P<year>{D}{{4}})(?P<footnote>{D}{{1,2}})?)?\s*(?P<text>.*)$"),
        ("key_result", rf"^ตัววัดผลหลัก\s*\(\s*Key\s*Result\s*:?\s*(?:KR\s*(?P<number>{D}*))?\s*\)"
                       rf"\s*:?\s*(?P<text>.*)$"),
        ("measure", r"^(?:ตัววัดผล\s*/\s*)?ตัว(?:ชี้วัด|วัดผล)\S*(?:\s*\((?P<kind>[^)]*)\))?\s*(?P<text>.*)$"),
        ("strategy", rf"^ยุทธศาสตร์ที่\s*(?P<code>{D}+)\s*(?P<text>.*)$"),
        ("sub_strategy", rf"^ยุทธศาสตร์ย่อยที่\s*(?P<code>{D}+\.{D}+)\s*(?P<text>.*)$"),
        ("tactic", rf"^กลยุทธ์(?:ที่)?\s*(?P<code>{D}+\.{D}+\.{D}+)\s*(?P<text>.*)$"),
        ("kpi", rf"^KPI\s*(?P<code>{D}+(?:[.:]{D}+){{3}})\s*:?\s*(?P<text>.*)$"),  # ``3.3.3:1``: see _kpi_code
        ("footnote", rf"^(?P<number>{D}{{1,2}})\s+(?P<text>\S.*?หมายถึง.*)$"),
        ("item", rf"^(?P<code>{D}{{1,3}}(?:\.{D}{{1,3}})*)\.?\s+(?P<text>\S.*)$"),
    )
)
# The long label words that open the labelled lines: a scan may read one letter of them wrong (ความเชซือมโยงกับแผน
# for ความเชื่อมโยงกับแผน) and the line would lose its label, and the link the whole BMA plan part of the issue.
_LABEL_WORDS = {"objective": "วัตถุประสงค์หลัก", "link": "ความเชื่อมโยงกับแผน", "key_result": "ตัววัดผลหลัก"}
_LABEL_PATTERNS = dict(_LABELS)
_LABEL_SIMILARITY = 0.9  # one letter changed, added or dropped in 12-19 letters; two are another word
# A bare BMA code opening a link line (7.5 เทคโนโลยีสารสนเทศ…): its depth says what it names.
_CODE_KINDS = {1: "strategy", 2: "sub_strategy", 3: "tactic"}
_KR_IN_TEXT = re.compile(rf"^\s*KR\s*(?P<number>{D}+)\s*:?\s*(?P<text>.*)$")
_INLINE_KPI = re.compile(rf"\s+(?=KPI\s*{D})")
# Projects: a number prefixing the name (๑. …, ๗.๑ …), OKR references (OKR ๒.๑.๐๑- ๒.๑.๐๒), sub-issues (๑.๑ …).
_NAME_NUMBER = re.compile(rf"^\s*(?P<number>{D}{{1,3}}(?:\.{D}{{1,3}})*)(?:(?<=\.{D}{{1,3}})\s+|\.\s*)(?=\S)")
_OKR_REF = re.compile(rf"OKR\s*(?P<first>{D}+\.{D}+\.{D}+)(?:\s*-\s*(?P<last>{D}+\.{D}+\.{D}+))?")
# The OKR id opening a key result cell; a scan may read a speck before it as punctuation (": OKR") and put a space
# after a dot of the code ("OKR ๑. ๒.๐๕"): no code has one, so the code is read without it.
_OKR_ID = re.compile(rf"^[\s:;.,]*OKR\s*(?P<code>{D}+(?:\.\s?{D}+)+)\s*(?P<text>.*)$", re.S)
_SUB_ISSUE = re.compile(rf"^\s*(?P<number>{D}+\.{D}+)\s*(?P<name>.*)$", re.S)
_NO_VALUE = {"", "-", "–"}


ROLES = ("issue_projects", "issue_key_results")


def development_issues(tree: Node, findings: list[Finding]) -> list[DevelopmentIssue]:
    """The development issues of every Part 2 node, in document order."""
    issues = []
    for part in tree.children:
        if part.kind == "part" and arabic_digits(part.fields.get("number", "")) == "2":
            foreign = _foreign_notes(part)
            issues.extend(
                _issue(node, foreign, findings, tree.glue) for node in part.children if node.kind == "development_issue"
            )
    return issues


def _foreign_notes(part: Node) -> set[int]:
    """Text the engine read while another part's table was open (the sentences stating a summary table's totals):
    that table's builder reads it, so the issue above does not."""
    return {id(b) for node in part.walk() for t in node.tables if t.role not in ROLES for b in t.notes}


def _issue(node: Node, foreign: set[int], findings: list[Finding], glue: Glue | None = None) -> DevelopmentIssue:
    number_text = node.fields.get("number", "")
    issue = DevelopmentIssue(
        number=arabic_digits(number_text) or None,
        number_raw=number_text if arabic_digits(number_text) != number_text else None,
        name=node.fields.get("name", ""),
        footnote_refs=[arabic_digits(node.fields["footnote"])] if "footnote" in node.fields else [],
        source=source_of(node),
    )
    tables = [t for t in node.tables if t.role in ROLES]
    _LineReader(issue, findings, _start(tables), glue).read([b for b in node.paragraphs if id(b) not in foreign])
    for table in tables_of(node, "issue_key_results"):
        issue.sub_issues.extend(sub_issues(table, findings))
    for table in tables_of(node, "issue_projects"):
        issue.projects.extend(nest_projects([issue_project(r, findings) for r in table.records], findings))
    okr_refs_from_key_results(issue, findings)
    numbers_in_sequence(issue.projects, findings)
    for raw in node.raw_tables:
        _unplaced_table(issue, raw, findings)
    if not issue.name:
        findings.append(_finding("part2.issue_without_name", Severity.WARNING,
                                 f"development issue {issue.number} has no name", node.provenance))
    return issue


# -- labelled lines -----------------------------------------------------------------------------------------------


class _LineReader:
    """Reads an issue's lines in order.  Before the link label they describe the unit (objective, KPI, KR); after
    it they quote the BMA plan.  Unlabelled lines right under the heading continue its name (a wrapped title)."""

    def __init__(
        self,
        issue: DevelopmentIssue,
        findings: list[Finding],
        tables_start: Provenance | None,
        glue: Glue | None = None,
    ) -> None:
        self.issue = issue
        self.glue = glue  # the document's wrap evidence, for a heading wrapped onto the next line
        self.findings = findings
        self.tables_start = tables_start  # lines after the issue's first table are remarks, not labelled items
        self.link: BmaLink | None = None
        self.last: str | None = None  # the label read last: numbered items continue it

    def read(self, blocks: list[Block]) -> None:
        for block in blocks:
            text = " ".join(block.text.split())
            if text:
                self._line(text, block)

    def _line(self, text: str, block: Block) -> None:
        if block.kind is BlockKind.FOOTNOTE or _after(block.provenance, self.tables_start):
            self.issue.notes.append(text)
            return
        label, match = _label(text)
        if self.link is not None:
            self._link_line(label, match, text, block)
        elif label == "link":
            self._open_link(match, block)
        elif label == "objective":
            self._objective(match, block)
        elif label in ("measure", "key_result"):
            self._measure(label, match, block)
        elif label == "item" and self.last == "objective":
            self.issue.objectives.append(Objective(text=text, source=source_of(block.provenance)))
        elif self.last is None and label not in ("footnote",):
            self.issue.name = join_lines([self.issue.name, text], self.glue)  # the heading wrapped onto this line
        else:
            self.issue.notes.append(text)

    def _objective(self, match: re.Match, block: Block) -> None:
        self.last = "objective"
        if match.group("footnote"):
            self.issue.footnote_refs.append(arabic_digits(match.group("footnote")))
        if match.group("text"):
            self.issue.objectives.append(Objective(text=match.group("text"), source=source_of(block.provenance)))

    def _measure(self, label: str, match: re.Match, block: Block) -> None:
        self.last = label
        text = match.group("text")
        kr = _KR_IN_TEXT.match(text)
        number = match.groupdict().get("number") if label == "key_result" else None
        if label == "key_result" or kr:
            self.issue.key_results.append(KeyResult(
                number=arabic_digits(kr.group("number") if kr else number or "") or None,
                text=kr.group("text") if kr else text,
                source=source_of(block.provenance),
            ))
        else:
            self.issue.kpis.append(KPI(name=text, source=source_of(block.provenance)))

    def _open_link(self, match: re.Match, block: Block) -> None:
        self.last = "link"
        year = match.group("year")
        self.link = BmaLink(plan_year_be=int(arabic_digits(year)) if year else None, source=source_of(block.provenance))
        self.issue.bma_link = self.link
        if match.group("footnote"):
            self.issue.footnote_refs.append(arabic_digits(match.group("footnote")))
        for part in _INLINE_KPI.split(match.group("text")) if match.group("text") else []:
            label, inner = _label(part)
            if label == "item" and inner.group("code").count(".") + 1 in _CODE_KINDS:
                label = _CODE_KINDS[inner.group("code").count(".") + 1]
            self._link_line(label, inner, part, block)

    def _kpi_code(self, read: str, source: Source) -> str:
        """A linked KPI's four-part code; a scan reads one of its dots as a colon now and then (``KPI3.3.3:1``), which
        the code never holds (finding ``kpi.code_dot_read_as_colon``)."""
        code = arabic_digits(read).replace(":", ".")
        if ":" in read:
            self.findings.append(Finding(
                code="kpi.code_dot_read_as_colon", severity=Severity.INFO, subject=code,
                message=f"the linked KPI code was read {read!r}; a code's parts are separated by dots",
                expected=code, actual=read, source=source,
            ))
        return code

    def _link_line(self, label: str | None, match: re.Match | None, text: str, block: Block) -> None:
        link, source = self.link, source_of(block.provenance)
        if label in ("strategy", "sub_strategy", "tactic"):
            entity = LinkedEntity(code=arabic_digits(match.group("code")), name=match.group("text") or None,
                                  source=source)
            setattr(link, label, entity)
        elif label == "kpi":
            link.kpis.append(KPI(code=self._kpi_code(match.group("code"), source), name=match.group("text"), source=source))
        elif label == "objective":
            link.objective = Objective(text=match.group("text"), source=source)
        elif label == "key_result":
            kr = _KR_IN_TEXT.match(match.group("text"))
            number = kr.group("number") if kr else match.group("number")
            key_result = KeyResult(number=arabic_digits(number or "") or None,
                                   text=kr.group("text") if kr else match.group("text"), source=source)
            if link.objective is None:
                link.objective = Objective(text="", source=source)
            link.objective.key_results.append(key_result)
        elif label == "footnote":
            self.issue.notes.append(text)
        else:
            link.notes.append(text)


def _start(tables: list[LogicalTable]) -> Provenance | None:
    starts = [t.provenance for t in tables]
    return min(starts, key=document_position) if starts else None


def _after(prov: Provenance, start: Provenance | None) -> bool:
    """Whether a block comes after the start of a table (line order for dumps, page and top for PDFs)."""
    return start is not None and document_position(prov) > document_position(start)


def document_position(prov: Provenance) -> tuple:
    """A sort key of document order: source line for dumps, page and top for PDFs."""
    if prov.line_start is not None:
        return (0, prov.line_start, 0.0)
    return (1, prov.page or 0, prov.bbox[1] if prov.bbox else 0.0)


def _label(text: str) -> tuple[str | None, re.Match | None]:
    for name, pattern in _LABELS:
        m = pattern.match(text)
        if m:
            return name, m
    return _label_read_one_letter_off(text)


def _label_read_one_letter_off(text: str) -> tuple[str | None, re.Match | None]:
    """The label of a line whose label word is read one letter off (a scan): the line read with the word restored.
    Only the label changes, and it is no field: the captured text is the line's own."""
    for name, word in _LABEL_WORDS.items():
        for size in (len(word) - 1, len(word), len(word) + 1):
            start = text[:size]
            if start != word and difflib.SequenceMatcher(None, start, word).ratio() >= _LABEL_SIMILARITY:
                m = _LABEL_PATTERNS[name].match(word + text[size:])
                if m:
                    return name, m
    return None, None


# -- district OKR tables ------------------------------------------------------------------------------------------


def sub_issues(table: LogicalTable, findings: list[Finding]) -> list[SubIssue]:
    """Sub-issues of a district issue's OKR table: the objective cell opens one (written on its first row only);
    each row adds an OKR key result to the sub-issue open.  A PDF grid copies a cell spanning several rows into
    each row it covers (``inherited``): the copies continue the sub-issue the spanning cell opened."""
    result: list[SubIssue] = []
    for record in table.records:
        objective = _joined(record.text("objective"))
        cell = record.cells.get("objective")
        if objective and not (result and cell is not None and cell.inherited):
            result.append(_sub_issue(objective, record))
        elif not result:
            findings.append(_finding("part2.key_result_without_sub_issue", Severity.WARNING,
                                     "an OKR row before any sub-issue: kept under an unnamed sub-issue",
                                     record.provenance))
            result.append(SubIssue(name="", source=source_of(record.provenance)))
        result[-1].key_results.append(_okr(record, findings))
        _report_extra(record, table.role, findings)
    return result


def _sub_issue(text: str, record: TableRecord) -> SubIssue:
    m = _SUB_ISSUE.match(text)
    number_text = m.group("number") if m else None
    return SubIssue(
        number=arabic_digits(number_text) if number_text else None,
        number_raw=number_text if number_text and arabic_digits(number_text) != number_text else None,
        name=_joined(m.group("name")) if m else text,
        source=source_of(record.cells["objective"]),
    )


def _okr(record: TableRecord, findings: list[Finding]) -> IssueKeyResult:
    text = _joined(record.text("key_result"))
    m = _OKR_ID.match(text)
    if m is None:
        findings.append(_finding("part2.okr_without_code", Severity.WARNING,
                                 f"a key result without an OKR code: {text[:60]!r}", record.provenance))
    code = "".join(m.group("code").split()) if m else None
    target = _joined(record.text("target"))
    lead, support = _joined(record.text("lead_units")), _joined(record.text("support_units"))
    return IssueKeyResult(
        number=arabic_digits(code) if code else None,
        number_raw=code if code and arabic_digits(code) != code else None,
        text=m.group("text") if m else text,
        starred="*" in text,
        target=Target(raw=target, source=source_of(record.cells["target"])) if target else None,
        lead_units=_units(lead),
        lead_units_raw=lead if lead and " ".join(_units(lead)) != lead else None,
        support_units=_units(support),
        support_units_raw=support if support and " ".join(_units(support)) != support else None,
        policy_codes=policy_codes(text),
        source=source_of(record.provenance),
    )


# -- projects (shared with Part 3) --------------------------------------------------------------------------------


def issue_project(
    record: TableRecord, findings: list[Finding], name_column: str = "name", number_column: str = "number"
) -> IssueProject:
    """One project row: number, name, budget, units, policy codes and OKR references."""
    name_cell = record.cells.get(name_column)
    full_name = _joined(name_cell.text) if name_cell else ""
    number_text = _joined(record.text(number_column)).rstrip(".")
    name = full_name
    prefix = _NAME_NUMBER.match(full_name)
    if prefix and not number_text:
        number_text, name = prefix.group("number"), full_name[prefix.end():]
    policy_text = policy_prefix(_joined(record.text("policy")), record, findings)
    codes = policy_codes(policy_text)
    okr_refs, okr_raw = okr_references(policy_text)
    units_text = _joined(record.text("units"))
    return IssueProject(
        number=arabic_digits(number_text) or None,
        number_raw=number_text if arabic_digits(number_text) != number_text else None,
        name=name,
        name_raw=full_name if full_name != name else (raw_if_changed(name, name_cell.raw) if name_cell else None),
        budget=project_budget(record, findings),
        units=_units(units_text),
        units_raw=units_text if units_text and " ".join(_units(units_text)) != units_text else None,
        policy_codes=codes,
        policy_codes_raw=policy_text if policy_text not in _NO_VALUE and " ".join(codes) != policy_text else None,
        okr_refs=okr_refs,
        okr_refs_raw=okr_raw,
        source=source_of(record.provenance),
    )


def project_budget(record: TableRecord, findings: list[Finding]) -> Budget | None:
    """The budget cell of a project row; a cell that states neither an amount nor a known status is reported."""
    text = _joined(record.text("budget"))
    if not text:
        return None
    budget = parse_budget(text)
    if budget.status == BudgetStatus.UNKNOWN.value or budget.status is BudgetStatus.UNKNOWN:
        findings.append(Finding(code="budget.unparsed", severity=Severity.WARNING,
                                message=f"project budget not understood: {text!r}", subject=record.text("name")
                                or record.text("project") or None, actual=text, source=source_of(record.provenance)))
    return budget


def okr_references(text: str) -> tuple[list[str], str | None]:
    """OKR codes cited in a policy/OKR cell, ASCII digits, a range (๒.๑.๐๑- ๒.๑.๐๒) expanded; and the OKR part
    as written."""
    refs: list[str] = []
    written = [m.group(0) for m in _OKR_REF.finditer(text)]
    for m in _OKR_REF.finditer(text):
        first = arabic_digits(m.group("first"))
        refs.extend(_okr_range(first, arabic_digits(m.group("last"))) if m.group("last") else [first])
    return refs, "; ".join(written) or None


# -- OKR references the issue's key results predict --------------------------------------------------------------
# A project row cites the OKR of its issue that it serves (รหัสนโยบาย/ OKR: ``P๑๔๗ (OKR ๔.๒.๐๙)``), and the projects
# cite the issue's key results in their order.  A scan may misread the code (``OKR ส๕.๒.๐๓๕``, ``OKR จ.๑.๐๖``) or the
# label with it (``(0๕(2 ๕๕.๒.๑๑๐)``).  Where the key results no project cites, between the citations read before
# and after a run of misread cells, are as many as the cells, each cell cites the next of them.
_P_CODES = re.compile(rf"P\s*{D}{{3}}(?!{D})")
_OKR_TAIL = re.compile(rf"^\s*(?:(?P<open>\()|OKR).*{D}\s*\.\s*{D}")  # what follows the P codes: a cited OKR


def okr_refs_from_key_results(issue: DevelopmentIssue, findings: list[Finding]) -> None:
    """Restore the OKR references a scan misread in the issue's project rows from its key results (finding
    ``project.okr_from_key_results``).  A project citing a code that is no key result of the issue is left out."""
    codes = [kr.number for sub in issue.sub_issues for kr in sub.key_results if kr.number]
    known = {id(p) for p in _walk(issue.projects) if p.okr_refs and set(p.okr_refs) <= set(codes)}
    projects = [p for p in _walk(issue.projects) if id(p) in known or _misread_okr(p) is not None]
    cited = {ref for p in projects for ref in p.okr_refs}
    run: list[IssueProject] = []
    low = -1
    for project in [*projects, None]:
        if project is not None and id(project) not in known:
            run.append(project)
            continue
        high = codes.index(project.okr_refs[0]) if project is not None else len(codes)
        free = [c for c in codes[low + 1 : high] if c not in cited]
        if run and len(free) == len(run):
            for misread, code in zip(run, free):
                _cite(misread, code, findings)
        run, low = [], codes.index(project.okr_refs[-1]) if project is not None else low


def _walk(projects: list[IssueProject]) -> list[IssueProject]:
    return [q for p in projects for q in [p, *_walk(p.children)]]


def _misread_okr(project: IssueProject) -> tuple[str, re.Match] | None:
    """(the P codes, the OKR part) of a project's policy cell whose OKR part cites no code (a misread one)."""
    if project.okr_refs:
        return None
    text = project.policy_codes_raw or ""
    end = max((m.end() for m in _P_CODES.finditer(text)), default=0)
    tail = _OKR_TAIL.match(text[end:])
    return (text[:end], tail) if tail else None


def _cite(project: IssueProject, code: str, findings: list[Finding]) -> None:
    head, tail = _misread_okr(project)
    written = arabic_to_thai_digits(code) if re.search("[๐-๙]", tail.string) else code
    cited = f"(OKR {written})" if tail.group("open") else f"OKR {written}"
    project.okr_refs, project.okr_refs_raw = [code], f"OKR {written}"
    project.policy_codes_raw = f"{head} {cited}".strip()
    findings.append(Finding(
        code="project.okr_from_key_results", severity=Severity.WARNING, subject=code,
        message=f"the OKR reference of project '{project.name[:50]}' was read {tail.string.strip()!r}; of the "
        f"issue's key results it is the one no other project cites at its place: {code}", expected=code,
        actual=tail.string.strip(), source=project.source,
    ))


def _okr_range(first: str, last: str) -> list[str]:
    """The codes from first to last when they differ only in their last part (2.1.01 … 2.1.03), else both."""
    head, _, start = first.rpartition(".")
    head_last, _, end = last.rpartition(".")
    if head != head_last or not (start.isdigit() and end.isdigit()) or not 0 < int(end) - int(start) < 50:
        return [first, last]
    return [f"{head}.{n:0{len(start)}d}" for n in range(int(start), int(end) + 1)]


def nest_projects(projects: list[IssueProject], findings: list[Finding]) -> list[IssueProject]:
    """Projects numbered under another (๗.๑ after ๗.) become its children; the rest stay in order.  A sub-number
    whose parent is not the project above it stays a top-level project and is reported."""
    top: list[IssueProject] = []
    for project in projects:
        parent_number, dot, _ = (project.number or "").rpartition(".")
        if not dot:
            top.append(project)
            continue
        parent = _find_parent(top, parent_number)
        if parent is None:
            findings.append(Finding(code="numbering.orphan_sub_project", severity=Severity.WARNING,
                                    message=f"project {project.number} has no project {parent_number} above it",
                                    subject=project.name, source=project.source))
            top.append(project)
        else:
            parent.children.append(project)
    return top


def numbers_in_sequence(projects: list[IssueProject], findings: list[Finding]) -> None:
    """A project number that breaks the run of its neighbours (2, 8, 4: a scan misread ๓) takes the one number
    between them (finding ``project.number_from_sequence``)."""
    numbers = [int(p.number) if p.number and p.number.isdigit() else None for p in projects]
    for index in range(1, len(projects) - 1):
        before, read = numbers[index - 1], numbers[index]
        between = whole_number_between(before, numbers[index + 1]) if before is not None else None
        if between is None or read is None or read == between:
            continue
        project, number = projects[index], str(between)
        findings.append(Finding(
            code="project.number_from_sequence", severity=Severity.WARNING, subject=number,
            message=f"project '{project.name[:50]}' was numbered {project.number_raw or project.number!r} between "
            f"{before} and {between + 1}", expected=number, actual=project.number_raw or project.number, source=project.source,
        ))
        thai = projects[index - 1].number_raw is not None
        project.number, project.number_raw = number, arabic_to_thai_digits(number) if thai else None
        numbers[index] = between


def _find_parent(projects: list[IssueProject], number: str) -> IssueProject | None:
    """The project numbered ``number`` along the last project's chain of last children (๗ → ๗.๑ → …)."""
    node = projects[-1] if projects else None
    while node is not None and node.number:
        if node.number == number:
            return node
        if not number.startswith(node.number + "."):
            return None
        node = node.children[-1] if node.children else None
    return None


# -- helpers ------------------------------------------------------------------------------------------------------


def _units(text: str) -> list[str]:
    """Unit abbreviations of a cell (สนท.); a cell naming a unit in words (ฝ่ายโยธา) is kept whole."""
    if text in _NO_VALUE:
        return []
    return unit_abbreviations(text) or [text]


def _unplaced_table(issue: DevelopmentIssue, raw: Block, findings: list[Finding]) -> None:
    """Rows under an issue that no table spec recognised: kept as notes, and reported."""
    for row in raw.rows:
        text = " | ".join(t for t in row.texts if t)
        if text:
            issue.notes.append(text)
    findings.append(_finding("part2.unplaced_table", Severity.WARNING,
                             f"issue {issue.number}: a table of {len(raw.rows)} rows no table type recognised "
                             "(kept as notes)", raw.provenance))


def _report_extra(record: TableRecord, role: str, findings: list[Finding]) -> None:
    for cell in record.extra:
        findings.append(Finding(code="table.unplaced_cell", severity=Severity.WARNING,
                                message=f"{role}: a cell no column could take: {cell.text[:80]!r}", subject=role,
                                actual=cell.text, source=source_of(cell)))


def _joined(text: str) -> str:
    return " ".join(text.split())


def _finding(code: str, severity: Severity, message: str, provenance) -> Finding:
    return Finding(code=code, severity=severity, message=message, source=source_of(provenance))
