"""Builder of the older 2563 action plan family (แผนปฏิบัติการประจำปี พ.ศ. 2563).

The tree the grammar ``grammars/bma-2563`` builds has three chapters the builder reads: the front chapter
(สาระสำคัญ: general information, SWOT, vision, missions, the goals overview and the KPI catalogue), the measures
chapter (ส่วนที่ → ด้าน → มิติ → เป้าประสงค์ → measure blocks, then the project summaries) and the evaluation chapter
(ตาราง ก / ข sheets, dimensions 2-4, work-step sheets).

KPIs carry only a local row number in the plan tables: they are joined to the catalogue (ตัวชี้วัดที่ 1.x) by their
name, compared without spaces (narrow columns insert wrap spaces) and with a similarity threshold.  Sheets repeated
on every page (ตาราง ก / ข) are merged back into one record per KPI: a row whose KPI cell does not name a catalogue
KPI continues the previous one.
"""

from __future__ import annotations

import difflib
from collections import Counter
from collections.abc import Iterable

import regex as re

from extractor.blocks import Block, BlockKind, Provenance
from extractor.grammar.builders import builder
from extractor.grammar.builders.common import (
    children_of,
    heading_text,
    join_lines,
    order_key,
    raw_if_changed,
    source_of,
    table_end,
    tables_of,
)
from extractor.grammar.engine import LogicalTable, Node, TableRecord
from extractor.grammar.spec import Grammar
from extractor.grammar.values import arabic_digits, dots_restored, parse_budget, parse_int, whole_number_between
from extractor.model.base import Finding, Number, Severity, Source
from extractor.model.document import DocumentInfo, PlanDocument
from extractor.model.front_matter import FrontMatter, KeyIndicator, NumberedText, SwotItem, TocEntry
from extractor.model.monitoring import MonitoredKPI, Monitoring, Rubric, RubricRow
from extractor.model.plan2563 import (
    AlignedGoal,
    CatalogueKPI,
    EvaluationDimension,
    Goal,
    Measure,
    MeasureBlock,
    MeasureRef,
    Pillar,
    Plan2563,
    PlanDimension,
    PlanKPI,
    StatedCounts,
    WorkPlan,
    WorkPlanTotal,
    WorkStep,
)
from extractor.model.strategy import Project, ProjectSummary, SummaryRow, Target

D = "[0-9๐-๙]"
# Cell-level patterns of this template (the heading patterns are in grammars/bma-2563).
_TITLE = re.compile(rf"แผนปฏิบัติ(?:ราชการ|การ)\s*ประจำปี\s*(?:พ\.ศ\.\s*)?(?P<year>{D}{{4}})")
_UNIT_NAME = re.compile(r"สำนัก(?:งาน)?\S*?กรุงเทพมหานคร|สำนักงานเขต\S+")
# A KPI number a scan read without its dot (ตัวชี้วัดที่ 115 for 1.5): taken only where the numbering around it
# puts the dot back (values.dots_restored), so only after the word ตัวชี้วัดที่.
_DOTLESS = rf"{D}{{2,4}}"
_CATALOGUE_ITEM = re.compile(rf"^(?:-\s*)?ตัวชี้วัดที่\s*(?P<code>{D}\.{D}{{1,2}}|{_DOTLESS})\s+(?P<name>.+)$")
_EVALUATION_KPI = re.compile(
    rf"^(?:ตัวชี้วัดที่\s*)?(?P<code>{D}\.{D}{{1,2}}(?:\.{D}{{1,2}})?)(?:\s*\((?P<sub>[ก-ฮ])\))?\s+(?P<name>.+)$", re.S
)
_EVALUATION_KPI_DOTLESS = re.compile(
    rf"^ตัวชี้วัดที่\s*(?P<code>{_DOTLESS})(?:\s*\((?P<sub>[ก-ฮ])\))?\s+(?P<name>.+)$", re.S
)
# A reference's closing bracket may be lost at the end of its cell by a scan (``(ม.1), (มน.2``): finding
# ``xref.unclosed``.
_MEASURE_REF = re.compile(rf"\((?P<kind>ม\s*\.?\s*น|ม)\s*\.\s*(?P<number>{D}+)(?:\)|\s*$)")
_RESULT_TYPE = re.compile(r"\((?P<type>ผลผลิต|ผลลัพธ์)\)")
_LEADING_NUMBER = re.compile(rf"^\s*(?P<number>{D}{{1,2}})\s*[.)]\s*")
_TARGET = re.compile(
    rf"^(?P<prefix>ร้อยละ|จำนวน|ระยะเวลา(?:เฉลี่ย)?\s*ไม่เกิน)\s*(?P<value>{D}+(?:[.,]{D}+)?)\s*(?P<unit>.*?)\s*$"
)
_NOTE = re.compile(r"^หมายเหตุ")
_FORMULA_LABEL = re.compile(r"วิธี(?:การ)?คำนวณ")  # the calculation section of a definition cell starts here
_DATA_PERIOD = re.compile(rf"ระยะเวลาในการจัดเก็บข้อมูล\s*(?P<period>เดือน\S+\s*{D}{{4}}\s*ถึง\s*\S+\s*{D}{{4}})")
# ตามที่ … กำหนด ("as … defines"): a scan may lose the marks of ที่ (ตามท สกก. กำหนด), the phrase still says it
_DELEGATED = re.compile(r"^ตามที?่?\s+(?P<owner>.+?)\s+กำหนด\s*$", re.S)
_UNIT_LABEL = re.compile(r"\s*ส่วนราชการ(?:ที่)?(?:รับผิดชอบ)?\s*:\s*(?P<unit>.+)$", re.S)
_LIKERT = re.compile(rf"ค่าคะแนน\s*(?P<score>{D})\s*คือ\s*(?P<text>[^\n]+)")
_STEP = re.compile(rf"^(?:ขั้นตอนที่)\s*(?P<number>{D}+)\s*(?P<text>.*)$", re.S)
_STEP_TOTAL = re.compile(rf"^รวม\s*(?P<steps>{D}+)\s*ขั้นตอน(?:\s*คิดเป็นร้อยละ\s*(?P<percent>{D}+)?)?")
_LEAD_NUMBER = re.compile(rf"^\s*(?P<value>{D}+(?:\.{D}+)?)")
_TOTAL_ROW = re.compile(r"^รวม")
_COUNT_LINES = (
    ("without_budget", re.compile(r"ที่ไม่ใช้งบประมาณ\s*(?P<value>\S+)")),
    ("with_budget", re.compile(r"ที่ใช้งบประมาณ\s*(?P<value>\S+)")),
    ("total", re.compile(r"^รวมโครงการ/?\s*กิจกรรม\s*(?P<value>\S+)")),
)
_TOC_LEADER = re.compile(r"\s*\.{2,}\s*$")
_SWOT_CATEGORY = {"จุดแข็ง": "strength", "จุดอ่อน": "weakness", "โอกาส": "opportunity", "อุปสรรค": "threat"}
# A numbered item; the space after the number's closing dot may be lost in a scan (1.1.ผู้บังคับบัญชา), but a digit
# after that dot is a number going on (1.5เท่า is no item 1).
_SWOT_ITEM = re.compile(rf"^(?P<code>{D}{{1,2}}(?:\.{D}{{1,2}})?)(?:[.)]?\s+|[.)](?=[^\s.0-9๐-๙]))(?P<text>.+)$")
_MISSION_TYPES = (("ยุทธศาสตร์", "strategic"), ("ประจำ", "routine"))
_KPI_MATCH_RATIO = 0.9


@builder("bma-2563")
def build_bma_2563(tree: Node, grammar: Grammar, blocks: list[Block]) -> PlanDocument:
    findings: list[Finding] = []
    info = _document_info(tree, grammar, blocks, findings)
    catalogue = _catalogue(tree, findings)
    plan = Plan2563(
        pillars=_pillars(tree, catalogue, findings),
        unit_measures=_unit_measures(tree, findings),
        kpi_catalogue=catalogue,
        aligned_goals=_aligned_goals(tree),
        evaluation_guideline=" ".join(b.text for n in tree.find("evaluation") for b in n.paragraphs) or None,
        evaluation_dimensions=_evaluation_dimensions(tree),
        work_plans=_work_plans(tree, findings),
    )
    summaries, counts = _project_summaries(tree, findings)
    plan.stated_counts = counts
    info.truncated = bool(plan.work_plans) and plan.work_plans[-1].total is None
    return PlanDocument(
        document=info,
        front_matter=_front_matter(tree, catalogue, findings),
        project_summaries=summaries,
        monitoring=_monitoring(tree, catalogue, findings),
        plan_2563=plan,
        findings=findings,
    )


# ---- document info -----------------------------------------------------------------------------------------------


def _document_info(tree: Node, grammar: Grammar, blocks: list[Block], findings: list[Finding]) -> DocumentInfo:
    """Title and unit from the cover lines (before the first chapter); the unit name as the body spells it is
    compared with the cover's, and a difference is reported (the cover is kept as the document's own word)."""
    cover = [b for b in tree.paragraphs if b.kind is not BlockKind.TABLE][:4]
    title_block = next((b for b in cover if _TITLE.search(b.text)), None)
    unit_block = next((b for b in cover if _UNIT_NAME.fullmatch(b.text.strip())), None)
    year = int(arabic_digits(_TITLE.search(title_block.text).group("year"))) if title_block else None
    unit = unit_block.text.strip() if unit_block else None
    if unit_block is not None:
        _check_unit_spelling(unit_block, blocks, findings)
    return DocumentInfo(
        title=title_block.text.strip() if title_block else None,
        unit_name=unit,
        parent_organisation="กรุงเทพมหานคร" if unit and unit.endswith("กรุงเทพมหานคร") else None,
        fiscal_year_be=year,
        fiscal_year_ce=year - 543 if year else None,
        template_id=grammar.id,
        source=source_of(title_block.provenance) if title_block else None,
    )


def _check_unit_spelling(unit_block: Block, blocks: list[Block], findings: list[Finding]) -> None:
    """The unit name as most often written in the body against the cover's spelling."""
    cover_name = unit_block.text.strip()
    counts: Counter[str] = Counter()
    for block in blocks:
        if block is unit_block:
            continue
        for text in _texts(block):
            counts.update(m.group(0) for m in _UNIT_NAME.finditer(text) if _similar(m.group(0), cover_name, 0.85))
    if not counts:
        return
    body_name, _ = counts.most_common(1)[0]
    if body_name != cover_name:
        findings.append(
            Finding(
                code="document.unit_name_variant",
                severity=Severity.WARNING,
                message="the cover spells the unit's name differently from the body of the document",
                subject="document.unit_name",
                expected=body_name,
                actual=cover_name,
                source=source_of(unit_block.provenance),
            )
        )


def _texts(block: Block) -> Iterable[str]:
    if block.is_table:
        return (c.text for r in block.rows for c in r.cells)
    return (block.text,)


# ---- front matter ------------------------------------------------------------------------------------------------


def _front_matter(tree: Node, catalogue: list[CatalogueKPI], findings: list[Finding]) -> FrontMatter:
    essentials = _first(tree, "essentials")
    front = FrontMatter(
        cover=[b.text for b in tree.paragraphs if not b.is_table][:4],
        foreword=[b.text for n in tree.find("foreword") for b in n.paragraphs],
        table_of_contents=_toc(tree),
        general_information=[
            b.text for kind in ("general_information", "duties") for n in tree.find(kind) for b in n.paragraphs
        ],
        environment_analysis=[
            b.text for kind in ("situation", "environment") for n in tree.find(kind) for b in n.paragraphs
        ],
        swot=[item for n in tree.find("swot") for item in _swot_items(n)],
        vision=" ".join(b.text for n in tree.find("vision") for b in n.paragraphs) or None,
        missions=[_numbered(b) for n in tree.find("missions") for b in n.paragraphs],
        key_indicators=[
            KeyIndicator(kind="KPI", code=k.code, text=k.name, group=k.mission, source=k.source) for k in catalogue
        ],
        source=source_of(essentials) if essentials else None,
    )
    for node in tree.find("org_chart"):
        if not node.paragraphs and not node.children:
            findings.append(
                Finding(
                    code="content.section_empty",
                    severity=Severity.WARNING,
                    message="the section has a heading but no content (a chart image lost in the export)",
                    subject=node.fields.get("title"),
                    source=source_of(node),
                )
            )
    return front


def _toc(tree: Node) -> list[TocEntry]:
    entries: list[TocEntry] = []
    for node in tree.find("contents"):
        for table in node.raw_tables:
            for row in table.rows:
                texts = [t for t in row.texts if t]
                if not texts:
                    continue
                page = texts[-1].strip() if len(texts) > 1 else None
                entries.append(
                    TocEntry(
                        title=_TOC_LEADER.sub("", texts[0]),
                        page=arabic_digits(page) if page else None,
                        page_raw=page if page and arabic_digits(page) != page else None,
                        source=source_of(row.provenance),
                    )
                )
    return entries


def _swot_items(node: Node) -> list[SwotItem]:
    """Items of one SWOT category; a heading inside it ('1. ด้านบุคลากร') names the factor of the items after it."""
    category = _SWOT_CATEGORY[node.fields["category"]]
    factor: str | None = None
    items: list[SwotItem] = []
    for block in node.paragraphs:
        m = _SWOT_ITEM.match(arabic_digits(block.text))
        if block.kind is BlockKind.HEADING:
            factor = m.group("text") if m else block.text
            continue
        items.append(
            SwotItem(
                category=category,
                number=m.group("code") if m else None,
                factor=factor,
                text=m.group("text") if m else block.text,
                source=source_of(block.provenance),
            )
        )
    return items


def _numbered(block: Block) -> NumberedText:
    m = _SWOT_ITEM.match(arabic_digits(block.text))
    return NumberedText(
        number=m.group("code") if m else None,
        text=m.group("text") if m else block.text,
        source=source_of(block.provenance),
    )


# ---- KPI catalogue and joining by name ---------------------------------------------------------------------------


def _catalogue(tree: Node, findings: list[Finding]) -> list[CatalogueKPI]:
    """ตัวชี้วัดที่ 1.x of the ผลการดำเนินงานหลัก lists, with the mission type their heading names.  A number read
    without its dot gets it back from the numbering around it, or the item is not taken (as any unnumbered line)."""
    items: list[tuple[re.Match, str, Block]] = []
    for node in tree.find("kpi_catalogue"):
        heading = node.fields.get("mission", "")
        mission = next((m for word, m in _MISSION_TYPES if word in heading), "unknown")
        items += [(m, mission, b) for b in node.paragraphs if (m := _CATALOGUE_ITEM.match(b.text))]
    codes = [arabic_digits(m.group("code")) for m, _, _ in items]
    kpis: list[CatalogueKPI] = []
    for (m, mission, block), code, dotted in zip(items, codes, dots_restored(codes)):
        if "." not in code:
            if dotted is None:
                continue
            findings.append(_dot_restored(m.group("code"), dotted, source_of(block.provenance)))
            code = dotted
        kpis.append(
            CatalogueKPI(code=code, name=m.group("name").strip(), mission=mission, source=source_of(block.provenance))
        )
    return kpis


def _dot_restored(read: str, code: str, source: Source) -> Finding:
    return Finding(
        code="numbering.dot_restored",
        severity=Severity.INFO,
        message=f"KPI number read without its dot ('{read}'): {code} fits the numbering around it",
        subject=code,
        expected=code,
        actual=read,
        source=source,
    )


def name_key(text: str) -> str:
    """A name compared without its spacing: wrap spaces and hyphens removed, Thai digits as ASCII."""
    return re.sub(r"[\s\-]+", "", arabic_digits(text))


def kpi_name_lines(cell: str) -> tuple[str, str]:
    """The KPI name line of a cell and the lines below it (details).  The result type closes the name: a first line
    without it followed by a line with it is one name wrapped where a scan kept the break (``…ตามหน้าที่`` /
    ``ความรับผิดชอบ… (ผลผลิต)``, or ``(ผลผลิต)`` alone), so the name takes both."""
    lines = cell.strip().split("\n")
    take = 2 if len(lines) > 1 and not _RESULT_TYPE.search(lines[0]) and _RESULT_TYPE.search(lines[1]) else 1
    return join_lines(lines[:take], None), "\n".join(lines[take:])


def kpi_name_of(cell: str) -> str:
    """The KPI name of a cell: its name line (``kpi_name_lines``), without its row number, result type and measure
    references."""
    first = kpi_name_lines(cell)[0]
    m = _RESULT_TYPE.search(first)
    if m:
        first = first[: m.start()]
    first = _MEASURE_REF.sub("", first)
    first = _LEADING_NUMBER.sub("", first)
    return " ".join(first.replace(",", " ").split()).strip()


def resolve_kpi(name: str, catalogue: list[CatalogueKPI]) -> CatalogueKPI | None:
    """The catalogue KPI a name refers to: the most similar one without spaces, at a ratio of at least 0.9
    (some tables add a word such as 'ร้อยละ' or spell the unit's name differently)."""
    key = name_key(kpi_name_of(name))
    if not key:
        return None
    best, best_ratio = None, 0.0
    for kpi in catalogue:
        ratio = difflib.SequenceMatcher(None, key, name_key(kpi.name), autojunk=False).ratio()
        if ratio > best_ratio:
            best, best_ratio = kpi, ratio
    return best if best_ratio >= _KPI_MATCH_RATIO else None


def _similar(a: str, b: str, threshold: float) -> bool:
    return difflib.SequenceMatcher(None, name_key(a), name_key(b), autojunk=False).ratio() >= threshold


def measure_refs(text: str) -> list[MeasureRef]:
    """Measure references of a cell, read as the template writes them: a city measure (ม.n) then a unit measure
    (มน.k).  A second reference written '(ม.k)' is read as a unit measure by that position (kind_inferred)."""
    refs: list[MeasureRef] = []
    for m in _MEASURE_REF.finditer(text):
        kind = "unit" if "น" in m.group("kind") else "city"
        inferred = kind == "city" and bool(refs) and refs[-1].kind == "city" and len(refs) % 2 == 1
        refs.append(
            MeasureRef(
                raw=m.group(0),
                kind="unit" if inferred else kind,
                number=int(arabic_digits(m.group("number"))),
                kind_inferred=inferred,
            )
        )
    return refs


def _ref_findings(refs: list[MeasureRef], subject: str, prov: Provenance, findings: list[Finding]) -> None:
    for ref in refs:
        if not ref.raw.endswith(")"):
            findings.append(Finding(
                code="xref.unclosed", severity=Severity.WARNING, subject=subject, expected=f"{ref.raw.rstrip()})",
                actual=ref.raw, source=source_of(prov),
                message="a measure reference ends its cell without its closing bracket (a scan lost it); read as the reference",
            ))
        if ref.kind_inferred:
            findings.append(
                Finding(
                    code="xref.kind_inferred",
                    severity=Severity.WARNING,
                    message="a unit-measure reference is written as a city measure (ม.) and was read as a unit "
                    "measure (มน.) from its position after the city measure",
                    subject=subject,
                    expected=f"(มน.{ref.number})",
                    actual=ref.raw,
                    source=source_of(prov),
                )
            )


def _strip_refs(text: str) -> str:
    return " ".join(_MEASURE_REF.sub("", text).replace(" ,", " ").split()).rstrip(" ,")


# ---- the plan tree -----------------------------------------------------------------------------------------------


def _pillars(tree: Node, catalogue: list[CatalogueKPI], findings: list[Finding]) -> list[Pillar]:
    pillars: list[Pillar] = []
    for chapter in tree.find("measures"):
        for part in [*children_of(chapter, "service_part"), chapter]:
            for node in children_of(part, "pillar"):
                pillars.append(
                    Pillar(
                        number=arabic_digits(node.fields["number"]),
                        name=node.fields.get("name"),
                        service_part=arabic_digits(part.fields["number"]) if part is not chapter else None,
                        service_part_name=part.fields.get("name") if part is not chapter else None,
                        dimensions=[_dimension(d, catalogue, findings) for d in children_of(node, "dimension")],
                        source=source_of(node),
                    )
                )
    return pillars


def _dimension(node: Node, catalogue: list[CatalogueKPI], findings: list[Finding]) -> PlanDimension:
    goals = [_goal(g, catalogue, findings) for g in _goal_nodes(node)]
    code = arabic_digits(node.fields["code"])
    return PlanDimension(code=code, name=node.fields["name"], goals=goals, source=source_of(node))


def _goal_nodes(dimension: Node) -> list[Node]:
    goals: list[Node] = []
    for child in dimension.children:
        goals += [child] if child.kind == "goal" else children_of(child, "goal")  # under a เป้าหมาย, or not
    return goals


def _goal(node: Node, catalogue: list[CatalogueKPI], findings: list[Finding]) -> Goal:
    name, name_raw = heading_text(node)
    goal = Goal(code=arabic_digits(node.fields["code"]), name=name, name_raw=name_raw, source=source_of(node))
    goal.kpis += _kpi_rows(node, catalogue, findings)  # a goal KPI table printed without its label
    for label in children_of(node, "goal_kpis"):
        goal.kpis += _kpi_rows(label, catalogue, findings)
    for block_node in children_of(node, "measure_block"):
        goal.measure_blocks.append(_measure_block(block_node, goal, catalogue, findings))
    return goal


def _measure_block(node: Node, goal: Goal, catalogue: list[CatalogueKPI], findings: list[Finding]) -> MeasureBlock:
    block = MeasureBlock(
        city_measure=_measure(_first_child(node, "city_measure"), "city"),
        unit_measure=_measure(_first_child(node, "unit_measure"), "unit"),
        source=source_of(node),
    )
    for label in children_of(node, "measure_kpis"):
        block.kpis += _kpi_rows(label, catalogue, findings)
    unlabelled = _kpi_rows(node, catalogue, findings)
    if unlabelled:
        # A KPI table before the block's ตัวชี้วัดมาตรการ label and without a heading of its own: the goal's KPI
        # table printed out of place when the goal has none, else a second measure KPI table.
        read_as = "measure's" if goal.kpis else "goal's"
        if goal.kpis:
            block.kpis = unlabelled + block.kpis
        else:
            goal.kpis += unlabelled
        findings.append(
            Finding(
                code="structure.table_without_heading",
                severity=Severity.WARNING,
                message="a KPI table has no ตัวชี้วัดเป้าประสงค์ / ตัวชี้วัดมาตรการ heading; it was read as the "
                f"{read_as} KPI table",
                subject=goal.code,
                source=unlabelled[0].source,
            )
        )
    block.strategic_projects = _projects(node, "strategic_projects")
    block.routine_projects = _projects(node, "routine_projects")
    return block


def _measure(node: Node | None, kind: str) -> Measure | None:
    if node is None:
        return None
    number = int(arabic_digits(node.fields["number"]))
    raw_name = node.fields["name"]
    name = raw_name.rstrip("*").strip()
    return Measure(
        kind=kind,
        number=number,
        code=f"{'ม' if kind == 'city' else 'มน'}.{number}",
        name=name,
        name_raw=raw_if_changed(name, raw_name),
        source=source_of(node),
    )


def _kpi_rows(node: Node, catalogue: list[CatalogueKPI], findings: list[Finding]) -> list[PlanKPI]:
    kpis: list[PlanKPI] = []
    for table in tables_of(node, "kpi_targets"):
        for record in table.records:
            kpis.append(_plan_kpi(record, catalogue, findings))
    _row_numbers_between(kpis, findings)
    return kpis


def _row_numbers_between(kpis: list[PlanKPI], findings: list[Finding]) -> None:
    """A KPI row whose number cell (ลำดับที่) a scan left blank takes the one number the rows around it allow: 1
    before a 2 at the top, n + 1 between n and n + 2 (finding ``kpi.number_from_sequence``)."""
    numbers = [int(k.row_number) if k.row_number and k.row_number.isdigit() else None for k in kpis]
    for index, kpi in enumerate(kpis):
        if kpi.row_number is not None or index + 1 >= len(kpis) or (index and numbers[index - 1] is None):
            continue
        before = numbers[index - 1] if index else None
        between = whole_number_between(before, numbers[index + 1])
        if between is None:
            continue
        numbers[index] = between
        kpi.row_number = str(between)
        findings.append(Finding(
            code="kpi.number_from_sequence", severity=Severity.WARNING, subject=kpi.row_number,
            message=f"the KPI row '{kpi.name[:50]}' has no number (blank cell); between {before or 'the table start'} "
            f"and {between + 1} the numbering allows {kpi.row_number} only", expected=kpi.row_number, source=kpi.source,
        ))


def _plan_kpi(record: TableRecord, catalogue: list[CatalogueKPI], findings: list[Finding]) -> PlanKPI:
    cell = record.text("kpi")
    name = kpi_name_of(cell)
    resolved = resolve_kpi(cell, catalogue)
    refs = measure_refs(cell)
    _ref_findings(refs, name, record.provenance, findings)
    if resolved is None and catalogue:
        findings.append(
            Finding(
                code="kpi.not_in_catalogue",
                severity=Severity.WARNING,
                message="a KPI of a plan table matches no KPI of the catalogue (ตัวชี้วัดที่ 1.x) by name",
                subject=name,
                source=source_of(record.provenance),
            )
        )
    target_text = record.text("target")
    return PlanKPI(
        code=resolved.code if resolved else None,
        name=name,
        name_raw=raw_if_changed(name, cell),
        row_number=arabic_digits(record.text("number")) or None,
        targets=[parse_target(target_text, record.provenance)] if target_text else [],
        measure_refs=refs,
        source=source_of(record.provenance),
    )


def parse_target(text: str, prov: Provenance | None = None) -> Target:
    """A target as written ('ร้อยละ 100', 'จำนวน 12 ครั้ง', 'ระยะเวลาไม่เกิน 12 นาที / 1 เรื่อง') with its number
    and unit."""
    raw = " ".join(text.split())
    m = _TARGET.match(arabic_digits(raw))
    source = source_of(prov) if prov else None
    if not m:
        return Target(raw=raw, source=source)
    prefix = m.group("prefix")
    unit = "ร้อยละ" if prefix == "ร้อยละ" else m.group("unit") or None
    value = Number(raw=m.group("value"), value=_number_value(m.group("value")))
    return Target(raw=raw, value=value, unit=unit, source=source)


def _number_value(text: str) -> int | str:
    text = text.replace(",", "")
    if "." in text:
        whole, fraction = text.split(".", 1)
        return int(whole) if set(fraction) <= {"0"} else f"{int(whole)}.{fraction}"
    return int(text)


def _projects(node: Node, role: str) -> list[Project]:
    projects: list[Project] = []
    for table in tables_of(node, role):
        for record in table.records:
            cells = (record.text("name"), record.text("budget"), record.text("units"))
            projects.append(_project(*cells, record.provenance))
    return projects


def _project(name_cell: str, budget: str, units: str, prov: Provenance, number: str | None = None) -> Project:
    name = _strip_refs(name_cell)
    unit_text = " ".join(units.split())
    return Project(
        number=number,
        name=name,
        name_raw=raw_if_changed(name, name_cell),
        budget=parse_budget(budget) if budget.strip() else None,
        units=[unit_text] if unit_text else [],
        source=source_of(prov),
    )


def _unit_measures(tree: Node, findings: list[Finding]) -> list[Measure]:
    """The unit's measure list (มาตรการดำเนินการ), printed under every ด้าน: one entry per number, the first
    printing kept; a later printing that words a measure differently is reported."""
    measures: dict[int, Measure] = {}
    for node in tree.find("unit_measure_list"):
        for item in children_of(node, "unit_measure"):
            measure = _measure(item, "unit")
            if measure is None:
                continue
            known = measures.setdefault(measure.number, measure)
            if known is not measure and name_key(known.name) != name_key(measure.name):
                findings.append(
                    Finding(
                        code="text.name_variant",
                        severity=Severity.INFO,
                        message="the unit measure is worded differently where the list is printed again",
                        subject=known.code,
                        expected=known.name,
                        actual=measure.name,
                        source=measure.source,
                    )
                )
    return [measures[k] for k in sorted(measures)]


def _aligned_goals(tree: Node) -> list[AlignedGoal]:
    goals: list[AlignedGoal] = []
    for overview in tree.find("aligned_goals"):
        for pillar in children_of(overview, "pillar"):
            for dimension in children_of(pillar, "dimension"):
                for goal in _goal_nodes(dimension):
                    goals.append(
                        AlignedGoal(
                            pillar=arabic_digits(pillar.fields["number"]),
                            dimension_code=arabic_digits(dimension.fields["code"]),
                            dimension_name=dimension.fields.get("name"),
                            goal_code=arabic_digits(goal.fields["code"]),
                            goal_name=goal.fields["name"],
                            source=source_of(goal),
                        )
                    )
    return goals


# ---- project summaries ---------------------------------------------------------------------------------------------


def _project_summaries(tree: Node, findings: list[Finding]) -> tuple[list[ProjectSummary], list[StatedCounts]]:
    summaries: list[ProjectSummary] = []
    counts: list[StatedCounts] = []
    for node in tree.find("project_summary"):
        tables = [t for t in node.tables if t.role in ("strategic_summary", "routine_summary")]
        for index, table in enumerate(tables):
            part = "strategic" if table.role == "strategic_summary" else "routine"
            summary = _summary(table, part, findings)
            summary.title = _caption(node, table, tables[index - 1] if index else None)
            end = order_key(tables[index + 1].provenance) if index + 1 < len(tables) else None
            stated = _stated_counts(node, table, end, part)
            if stated is not None:
                summary.stated_count = parse_int(stated.total.raw) if stated.total else None
                stated.computed_with_budget = sum(1 for r in summary.rows if _has_budget(r))
                stated.computed_without_budget = len(summary.rows) - stated.computed_with_budget
                counts.append(stated)
            summaries.append(summary)
    return summaries, counts


def _summary(table: LogicalTable, part: str, findings: list[Finding]) -> ProjectSummary:
    """Rows of a summary table; the group columns of the routine ledger (ลำดับที่, ด้านงบประมาณ) span rows and are
    carried down; the item number written inside the name cell ('1. กิจกรรม…') becomes the row number there."""
    summary = ProjectSummary(part=part, title=None, source=source_of(table.provenance))
    group_number, group = "", ""
    for record in table.records:
        first = record.text("number")
        if _TOTAL_ROW.match(first):
            summary.stated_total = parse_budget(record.text("budget"))
            continue
        group_number = first or group_number
        group = record.text("budget_group") or group
        name_cell = record.text("name")
        number = arabic_digits(first)
        inner = _LEADING_NUMBER.match(name_cell)
        values: dict[str, str] = {}
        if part == "routine":
            number = arabic_digits(inner.group("number")) if inner else ""
            values = {"group_number": arabic_digits(group_number), "budget_group": group}
        if record.text("budget_source"):
            values["budget_source"] = record.text("budget_source")
        label = _strip_refs(_LEADING_NUMBER.sub("", name_cell) if part == "routine" else name_cell)
        refs = measure_refs(name_cell)
        _ref_findings(refs, label, record.provenance, findings)
        if refs:
            values["measure_refs"] = ", ".join(_ref_code(r) for r in refs)
        budget = record.text("budget")
        summary.rows.append(
            SummaryRow(
                number=number or None,
                label=label,
                budget=parse_budget(budget) if budget else None,
                units=[" ".join(record.text("units").split())] if record.text("units") else [],
                values=values,
                source=source_of(record.provenance),
            )
        )
    summary.computed_count = len(summary.rows)
    summary.computed_total = sum(r.budget.amount or 0 for r in summary.rows if r.budget)
    return summary


def _caption(node: Node, table: LogicalTable, previous: LogicalTable | None) -> str | None:
    """The line written just above a table (after the table before it): its caption."""
    start = order_key(table.provenance)
    after = table_end(previous) if previous else None
    lines = [b for b in node.paragraphs if (after is None or after < order_key(b.provenance) < start)
             and order_key(b.provenance) < start]
    return lines[-1].text if lines else None


def _has_budget(row: SummaryRow) -> bool:
    return bool(row.budget and row.budget.amount)


def _stated_counts(node: Node, table: LogicalTable, end: tuple | None, part: str) -> StatedCounts | None:
    """The count lines printed after a summary table (and before the next one)."""
    start = table_end(table)
    stated = StatedCounts(summary=part)
    found = False
    for block in node.paragraphs:
        where = order_key(block.provenance)
        if where <= start or (end is not None and where >= end):
            continue
        for field, pattern in _COUNT_LINES:
            m = pattern.search(block.text)
            if m and getattr(stated, field) is None:
                value = m.group("value")
                setattr(stated, field, Number(raw=value, value=0 if value in "-–" else parse_int(value)))
                stated.source = stated.source or source_of(block.provenance)
                found = True
                break
    return stated if found else None


# ---- evaluation chapter: monitoring sheets ---------------------------------------------------------------------------


def _monitoring(tree: Node, catalogue: list[CatalogueKPI], findings: list[Finding]) -> Monitoring:
    chapter = _first(tree, "evaluation")
    monitoring = Monitoring(
        title=chapter.fields.get("title") if chapter else None,
        source=source_of(chapter) if chapter else None,
    )
    for sheet_kind, role, label in (("sheet_a", "kpi_definitions", "ก"), ("sheet_b", "negotiated_kpis", "ข")):
        for sheet in tree.find(sheet_kind):
            for goal, target in _goals_with_target(sheet):
                sheet_kpis = [
                    _sheet_kpi(record, goal, target, (role, label), catalogue, findings)
                    for record in _merged_records(goal, role, catalogue, findings)
                ]
                monitoring.kpis += _with_summary_rows(sheet_kpis, _kpi_rows(goal, catalogue, findings), (role, label))
    for dimension in tree.find("evaluation_dimension"):
        for table in tables_of(dimension, "evaluation_kpis"):
            monitoring.kpis += [_evaluation_kpi(r, dimension) for r in table.records]
    _restore_component_dots([k for k in monitoring.kpis if k.table_role == "component_kpis"], findings)
    monitoring.rubrics = _scales(monitoring.kpis, findings)
    return monitoring


def _merged_records(node: Node, role: str, catalogue: list[CatalogueKPI], findings: list[Finding]) -> list[TableRecord]:
    """One record per KPI of a sheet repeated on every page: a row whose KPI cell names no catalogue KPI (empty,
    or a note such as หมายเหตุ) continues the KPI before it; a repeated identical cell is not added twice."""
    merged: list[TableRecord] = []
    for table in tables_of(node, role):
        for record in table.records:
            if _starts_kpi(record.text("kpi"), catalogue) or not merged:
                if merged == [] and not _starts_kpi(record.text("kpi"), catalogue):
                    findings.append(
                        Finding(
                            code="table.orphan_continuation",
                            severity=Severity.WARNING,
                            message="a sheet row continues a KPI that is not on the sheet",
                            subject=node.fields.get("code"),
                            source=source_of(record.provenance),
                        )
                    )
                copy = TableRecord(cells=dict(record.cells), provenance=record.provenance, extra=list(record.extra))
                merged.append(copy)
                continue
            _append_record(merged[-1], record)
    return merged


def _starts_kpi(cell: str, catalogue: list[CatalogueKPI]) -> bool:
    if not cell.strip() or _NOTE.match(cell.strip()):
        return False
    return resolve_kpi(cell, catalogue) is not None if catalogue else True


def _append_record(previous: TableRecord, record: TableRecord) -> None:
    for name, cell in record.cells.items():
        old = previous.cells.get(name)
        if old is None:
            previous.cells[name] = cell
        elif name_key(cell.text) != name_key(old.text):
            previous.cells[name] = type(old)(
                text=f"{old.text}\n{cell.text}",
                raw=f"{old.raw}\n{cell.raw}",
                provenance=old.provenance.merge(cell.provenance),
                repairs=old.repairs + cell.repairs,
            )
    previous.extra += record.extra
    previous.continued += 1
    previous.provenance = previous.provenance.merge(record.provenance)


def _goals_with_target(sheet: Node) -> Iterable[tuple[Node, Node | None]]:
    """The goals of a sheet with the เป้าหมาย node they sit under (ตาราง ข prints it), in document order."""
    for dimension in sheet.find("dimension"):
        for child in dimension.children:
            if child.kind == "goal":
                yield child, None
            elif child.kind == "target":
                yield from ((goal, child) for goal in children_of(child, "goal"))


def _sheet_kpi(
    record: TableRecord,
    goal: Node,
    target: Node | None,
    table: tuple[str, str],
    catalogue: list[CatalogueKPI],
    findings: list[Finding],
) -> MonitoredKPI:
    """A KPI of a ตาราง ก / ข sheet: name, code joined by name, the goal (and เป้าหมาย) it sits under, its columns."""
    role, label = table
    cell = record.text("kpi")
    resolved = resolve_kpi(cell, catalogue)
    fields = {"goal": arabic_digits(goal.fields["code"])}
    context = list(dict.fromkeys(b.text for b in goal.paragraphs))  # running labels repeated on every page
    if context:
        fields["context"] = "\n".join(context)
    if target is not None:
        fields["target_code"] = arabic_digits(target.fields["code"])
        fields["target_name"] = target.fields["name"]
    result = _RESULT_TYPE.search(cell)
    if result:
        fields["result_type"] = result.group("type")
    details = kpi_name_lines(cell)[1]
    if details:
        fields["details"] = details
    for column in ("measures", "linked_measures"):
        if record.text(column):
            fields[column] = record.text(column)
    refs = measure_refs(record.text("measures") or record.text("linked_measures"))
    _ref_findings(refs, resolved.code if resolved else kpi_name_of(cell), record.provenance, findings)
    if refs:
        fields["measure_refs"] = ", ".join(_ref_code(r) for r in refs)
    name = kpi_name_of(cell)
    definition = record.text("definition")
    formula = _FORMULA_LABEL.search(definition)
    period = _DATA_PERIOD.search(definition)
    return MonitoredKPI(
        table_role=role,
        table_label=label,
        code=resolved.code if resolved else None,
        name=name,
        name_raw=raw_if_changed(name, cell),
        target=record.text("target") or None,
        definition=definition or None,
        formula=definition[formula.start() :] if formula else None,
        data_collection=" ".join(period.group("period").split()) if period else None,
        projects=record.text("projects") or None,
        responsible=record.text("units") or None,
        fields=fields,
        source=source_of(record.provenance, record.continued),
    )


def _with_summary_rows(kpis: list[MonitoredKPI], rows: list[PlanKPI], table: tuple[str, str]) -> list[MonitoredKPI]:
    """The sheet's KPI summary table (ลำดับที่ | ตัวชี้วัด | ค่าเป้าหมาย) joined to its detail records by KPI code:
    the target and the cited measures go to the detail record; a summary row without one is kept on its own."""
    result = list(kpis)
    for row in rows:
        match = next((k for k in kpis if row.code and k.code == row.code), None)
        target = row.targets[0].raw if row.targets else None
        refs = ", ".join(_ref_code(r) for r in row.measure_refs)
        if match is None:
            fields = {"measure_refs": refs} if refs else {}
            result.append(MonitoredKPI(table_role=table[0], table_label=table[1], code=row.code, name=row.name,
                                       name_raw=row.name_raw, target=target, fields=fields, source=row.source))
            continue
        match.target = match.target or target
        if refs:
            match.fields["summary_measure_refs"] = refs
        if name_key(row.name) != name_key(match.name):
            match.fields["summary_name"] = row.name
    return result


def _ref_code(ref: MeasureRef) -> str:
    return f"{'ม' if ref.kind == 'city' else 'มน'}.{ref.number}"


def _evaluation_kpi(record: TableRecord, dimension: Node) -> MonitoredKPI:
    """A KPI of dimensions 2-4; a number read without its dot is kept as read here (``_restore_component_dots``)."""
    cell = record.text("kpi")
    m = _EVALUATION_KPI.match(cell.strip()) or _EVALUATION_KPI_DOTLESS.match(cell.strip())
    code = arabic_digits(m.group("code")) + (f" ({m.group('sub')})" if m and m.group("sub") else "") if m else None
    fields = {"dimension": arabic_digits(dimension.fields["number"])}
    definition = record.text("definition")
    delegated = _DELEGATED.match(definition)
    if delegated:
        fields["defined_by"] = " ".join(delegated.group("owner").split())
    projects = record.text("projects")
    unit = _UNIT_LABEL.search(projects)
    if unit:
        projects = projects[: unit.start()].strip()
    name = " ".join(m.group("name").split()) if m else cell
    return MonitoredKPI(
        table_role="component_kpis",
        code=code,
        name=name,
        name_raw=raw_if_changed(name, cell),
        definition=definition or None,
        projects=projects or None,
        responsible=unit.group("unit").strip() if unit else None,
        fields=fields,
        source=source_of(record.provenance, record.continued),
    )


def _restore_component_dots(kpis: list[MonitoredKPI], findings: list[Finding]) -> None:
    """Dots put back in the numbers of dimensions 2-4 that a scan read without them, from the numbering around
    them; a number that stays without its dot is no number: the KPI keeps its whole cell as its name."""
    numbers = [(k.code or "").split(" ")[0] for k in kpis]
    for kpi, number, dotted in zip(kpis, numbers, dots_restored(numbers)):
        if not number or "." in number:
            continue
        if dotted is None:
            kpi.code, kpi.name, kpi.name_raw = None, kpi.name_raw or kpi.name, None
            continue
        findings.append(_dot_restored(number, dotted, kpi.source))
        kpi.code = dotted + kpi.code[len(number):]


def _scales(kpis: list[MonitoredKPI], findings: list[Finding]) -> list[Rubric]:
    """Scoring scales written in definition cells ('ค่าคะแนน ๕ คือ …'), one per KPI: the same scale printed in two
    sheets is kept once.  A copy holding only some of the other's rows is that scale with rows lost (a scan that
    missed one 'ค่าคะแนน ๔ คือ'): the fuller rows are kept, at the first copy's place, with a finding."""
    rubrics: list[Rubric] = []
    pairs_of: list[frozenset] = []
    for kpi in kpis:
        rows = [
            RubricRow(
                level=int(arabic_digits(m.group("score"))),
                criterion=m.group("text").strip(),
                score=Number(raw=m.group("score"), value=int(arabic_digits(m.group("score")))),
                source=kpi.source,
            )
            for m in _LIKERT.finditer(kpi.definition or "")
        ]
        if not rows:
            continue
        pairs = frozenset((r.level, r.criterion) for r in rows)
        same = next((i for i, r in enumerate(rubrics)
                     if r.kpi_code == kpi.code and (pairs <= pairs_of[i] or pairs_of[i] <= pairs)), None)
        if same is None:
            pairs_of.append(pairs)
            rubrics.append(Rubric(title=kpi.name, kpi_code=kpi.code, kpi_name=kpi.name, rows=rows, source=kpi.source))
        elif pairs != pairs_of[same]:
            findings.append(_scale_copies_differ(rubrics[same], pairs_of[same], pairs, kpi.source))
            if pairs > pairs_of[same]:
                pairs_of[same], rubrics[same].rows = pairs, rows
    return rubrics


def _scale_copies_differ(rubric: Rubric, first: frozenset, second: frozenset, source: Source) -> Finding:
    levels = sorted({level for level, _ in first ^ second}, reverse=True)
    return Finding(
        code="rubric.copies_differ",
        severity=Severity.WARNING,
        message=f"the scoring scale of KPI {rubric.kpi_code} is printed twice and one copy lacks level(s) "
        f"{', '.join(map(str, levels))}: the fuller copy is kept",
        subject=rubric.kpi_code,
        source=source,
    )


def _evaluation_dimensions(tree: Node) -> list[EvaluationDimension]:
    dimensions: list[EvaluationDimension] = []
    for node in tree.find("evaluation_dimension"):
        codes = []
        for table in tables_of(node, "evaluation_kpis"):
            for record in table.records:
                m = _EVALUATION_KPI.match(record.text("kpi").strip())
                if m:
                    codes.append(arabic_digits(m.group("code")) + (f" ({m.group('sub')})" if m.group("sub") else ""))
        label = node.fields.get("label", "มิติ")
        dimensions.append(
            EvaluationDimension(
                number=int(arabic_digits(node.fields["number"])),
                name=node.fields["name"],
                label_raw=f"{label}ที่" if label != "มิติ" else None,
                kpi_codes=codes,
                source=source_of(node),
            )
        )
    return dimensions


# ---- work-step sheets ----------------------------------------------------------------------------------------------


def _work_plans(tree: Node, findings: list[Finding]) -> list[WorkPlan]:
    plans: list[WorkPlan] = []
    for node in tree.find("work_plan"):
        kpi = _first_child(node, "work_plan_kpi")
        project = _first_child(node, "work_plan_project")
        unit = _first_child(node, "work_plan_unit")
        plan = WorkPlan(
            title=node.fields["title"],
            kpi_code=arabic_digits(kpi.fields["code"]) if kpi else None,
            kpi_name=join_lines([kpi.fields.get("name", ""), *(b.text for b in kpi.paragraphs)], tree.glue) if kpi else None,
            project=project.fields["name"] if project else None,
            unit=unit.fields["name"] if unit else None,
            notes=[b.text for child in node.children if child.kind != "work_plan_kpi" for b in child.paragraphs],
            source=source_of(node),
        )
        for table in tables_of(node, "work_steps"):
            plan.months = plan.months or _month_labels(table)
            for record in table.records:
                _work_record(plan, record, findings)
        if plan.total is None:
            findings.append(
                Finding(
                    code="work_plan.truncated",
                    severity=Severity.WARNING,
                    message=f"the work-step sheet ends after {len(plan.steps)} steps without its total row",
                    subject=plan.kpi_code,
                    source=plan.source,
                )
            )
        plans.append(plan)
    return plans


def _month_labels(table: LogicalTable) -> list[str]:
    for row in table.header_values:
        if len(row) >= 12:
            return row[:12]
    return []


def _work_record(plan: WorkPlan, record: TableRecord, findings: list[Finding]) -> None:
    first = record.text("step")
    months = [record.text(f"m{i:02d}") for i in range(1, 13)]
    overflow = [c.text for c in record.extra]
    total = _STEP_TOTAL.match(arabic_digits(first))
    if total:
        plan.total = WorkPlanTotal(
            label=first,
            steps_stated=int(total.group("steps")),
            weight=_lead_number(record.text("weight")),
            cumulative=_lead_number(record.text("cumulative")),
            monthly=[n for n in (_lead_number(t) for t in months + overflow) if n is not None],
            source=source_of(record.provenance),
        )
        return
    step = _STEP.match(arabic_digits(first))
    plan.steps.append(
        WorkStep(
            number=int(step.group("number")) if step else None,
            text=first[len(first) - len(step.group("text")) :].strip() if step else first,
            weight=_lead_number(record.text("weight")),
            cumulative=_lead_number(record.text("cumulative")),
            months=months,
            overflow=overflow,
            source=source_of(record.provenance),
        )
    )
    if overflow:
        findings.append(
            Finding(
                code="work_plan.cell_beyond_months",
                severity=Severity.WARNING,
                message="a step has cells after the last month column (ก.ย.)",
                subject=plan.kpi_code,
                actual=" | ".join(overflow),
                source=source_of(record.provenance),
            )
        )


def _lead_number(text: str) -> Number | None:
    """A percentage cell read by its leading number ('84 (เฉลี่ย เนื้องาน เดือน ละ 7' → 84)."""
    if not text.strip():
        return None
    m = _LEAD_NUMBER.match(arabic_digits(text))
    return Number(raw=text.strip(), value=_number_value(m.group("value")) if m else None)


# ---- small helpers ---------------------------------------------------------------------------------------------------


def _first(tree: Node, kind: str) -> Node | None:
    found = tree.find(kind)
    return found[0] if found else None


def _first_child(node: Node, kind: str) -> Node | None:
    found = children_of(node, kind)
    return found[0] if found else None
