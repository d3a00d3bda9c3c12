"""Front matter of a plan: foreword (คำนำ), table of contents (สารบัญ), the plan summary (สาระสำคัญ…: general
information, environment analysis with its SWOT, vision, missions, goals, key KR/KPI list).

Section headings are the whole-line headings of grammars/bma-2567/05-front-matter.toml; a SWOT read from a matrix
(items with a domain) is printed as the matrix (SWOT | one column per domain; cells ``factor S1 text S2 text``),
a SWOT read from lists as category headings with numbered lists.
"""

from __future__ import annotations

from itertools import groupby

from extractor.model.document import PlanDocument
from extractor.model.front_matter import FrontMatter, KeyIndicator, NumberedText, SwotItem, TocEntry

from corpus.render.flow import Cell, Flow, Section, Text
from corpus.render.writers.common import PARA, header, heading, lines, table

SWOT_HEADINGS = {  # category → the heading the plans print (Thai word, English in brackets)
    "strength": "จุดแข็ง (Strength)",
    "weakness": "จุดอ่อน (Weakness)",
    "opportunity": "โอกาส (Opportunity)",
    "threat": "อุปสรรค (Threat)",
}


def write_front_matter(document: PlanDocument, flow: Flow, summary_title: str) -> None:
    """Everything between the cover and Part 1 (sections the model has nothing for are left out)."""
    fm = document.front_matter
    if fm.foreword:
        flow.add(Section(), Text("คำนำ", size=16, bold=True, align="center", gap=0))
        flow.add(*(Text(p) for p in fm.foreword))
    if fm.table_of_contents:
        flow.add(Section(), Text("สารบัญ", size=16, bold=True, align="center", gap=0))
        # title | page, as the plans lay their contents out (a title may itself end in a number)
        rows = [[_toc_title(e), Cell(e.page_raw or e.page or "", align="center")] for e in fm.table_of_contents]
        flow.add(table((8, 1), (), rows))
    if _has_summary(fm):
        flow.add(Section())
        heading(flow, summary_title, gap=0, center=True)
    _general_information(fm, flow)
    _environment(fm, flow)
    if fm.vision:
        heading(flow, "วิสัยทัศน์")
        lines(flow, fm.vision)
    _numbered("พันธกิจ", fm.missions, flow)
    _numbered("เป้าหมาย", fm.goals, flow)
    _key_indicators(fm, flow)


def _has_summary(fm: FrontMatter) -> bool:
    return bool(fm.general_information or fm.swot or fm.environment_analysis or fm.vision or fm.missions
                or fm.goals or fm.key_indicators)


def _toc_title(entry: TocEntry) -> str:
    return f"- {entry.title}" if entry.level == 2 else entry.title


def _general_information(fm: FrontMatter, flow: Flow) -> None:
    if not fm.general_information and not fm.general_information_tables:
        return
    heading(flow, "ข้อมูลทั่วไป/สถานการณ์ของพื้นที่")
    flow.add(*(Text(p) for p in fm.general_information))
    for raw_table in fm.general_information_tables:
        width = max((len(r) for r in raw_table.rows), default=1)
        rows = [list(r) + [""] * (width - len(r)) for r in raw_table.rows]
        flow.add(table((1,) * width, (), rows))


def _environment(fm: FrontMatter, flow: Flow) -> None:
    if not fm.swot and not fm.environment_analysis:
        return
    heading(flow, "การวิเคราะห์สภาพแวดล้อม")
    flow.add(*(Text(p) for p in fm.environment_analysis))
    if any(item.domain for item in fm.swot):
        _swot_matrix(fm.swot, flow)
        return
    for category, items in groupby(fm.swot, key=lambda i: i.category):
        heading(flow, SWOT_HEADINGS[category], size=12)
        flow.add(*(Text(_numbered_line(i.number, i.text), gap=PARA) for i in items))


def _swot_matrix(items: list[SwotItem], flow: Flow) -> None:
    """Rows rebuilt from the items' order (the matrix is read row by row): a new row starts at a new category, at
    a domain left of the last one, or at a new factor in the same domain."""
    domains = list(dict.fromkeys(i.domain for i in items if i.domain))
    rows: list[tuple[str, dict[str, list[SwotItem]]]] = []
    last: SwotItem | None = None
    for item in items:
        column = domains.index(item.domain) if item.domain in domains else 0
        new_row = (last is None or item.category != last.category
                   or column < domains.index(last.domain) if last and last.domain in domains else True)
        if not new_row and last is not None and item.domain == last.domain and item.factor != last.factor:
            new_row = True
        if new_row:
            label = SWOT_HEADINGS[item.category] if last is None or item.category != last.category else ""
            rows.append((label, {}))
        rows[-1][1].setdefault(item.domain or domains[0], []).append(item)
        last = item
    body = [[Cell(label)] + [Cell(_swot_cell(cells[d]) if d in cells else "") for d in domains]
            for label, cells in rows]
    flow.add(table((1.2,) + (3,) * len(domains), header(["SWOT", *domains]), body))


def _swot_cell(group: list[SwotItem]) -> str:
    factor = group[0].factor
    parts = [factor] if factor else []
    parts += [f"{i.code} {i.text}" if i.code else i.text for i in group]
    return " ".join(parts)


def _numbered_line(number: str | None, text: str) -> str:
    return f"{number}. {text}" if number else text


def _numbered(title: str, items: list[NumberedText], flow: Flow) -> None:
    if not items:
        return
    heading(flow, title)
    for item in items:
        lines(flow, _numbered_line(item.number, item.text), gap=PARA)


def _key_indicators(fm: FrontMatter, flow: Flow) -> None:
    if not fm.key_indicators:
        return
    heading(flow, "ตัววัดผล/ตัวชี้วัดความสำเร็จสำคัญ (KR/KPI)")
    group: str | None = None
    for item in fm.key_indicators:
        if item.group and item.group != group:
            flow.add(Text(item.group, bold=True, gap=PARA))
        group = item.group
        lines(flow, _indicator_line(item), gap=PARA)
    if fm.key_indicators_open_ended:
        flow.add(Text("ฯลฯ", gap=PARA))


def _indicator_line(item: KeyIndicator) -> str:
    """``N. ยุทธศาสตร์ที่ S ยุทธศาสตร์ย่อยที่ S.s KR n : text (สนับสนุน)``; the strategy part only where no group
    line above says it."""
    parts = [f"{item.number}."] if item.number else []
    if item.sub_strategy and not item.group:
        parts.append(f"ยุทธศาสตร์ที่ {item.strategy} ยุทธศาสตร์ย่อยที่ {item.sub_strategy}")
    elif item.strategy and not item.group:
        parts.append(f"ยุทธศาสตร์ที่ {item.strategy}")
    if item.kind:
        parts.append(f"{item.kind} {item.code} :" if item.code else item.kind)
    parts.append(item.text)
    if item.supporting:
        parts.append("(สนับสนุน)")
    return " ".join(parts)
