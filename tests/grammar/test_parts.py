"""Part headings (ส่วนที่ N): a heading that gives no title takes the one the table of contents quotes for it."""

from __future__ import annotations

from functools import cache

from extractor.grammar.builders.common import part_titles_from_toc
from extractor.grammar.spec import Grammar, load_grammars
from extractor.model.base import Finding
from extractor.model.document import PartHeading
from extractor.model.front_matter import TocEntry


@cache
def grammar() -> Grammar:
    return {g.id: g for g in load_grammars()}["bma-2567-action-plan"]


TOC = [
    TocEntry(title="สาระสำคัญของแผนปฏิบัติการประจำปี", page="1"),
    TocEntry(title="ส่วนที่ 1 การดำเนินงานตามแผนปฏิบัติการกรุงเทพมหานคร ประจำปี พ.ศ. 2567", page="5"),
    TocEntry(title="มิติที่ 1 การบริการสาธารณะ", level=2),
    TocEntry(title="ส่วนที่ ๒ การดำเนินงานตามยุทธศาสตร์ของหน่วยงาน", page="11"),
]


def test_a_part_heading_without_a_title_takes_the_tables_of_contents_one():
    # 001's and 003's "ส่วนที่ 1" stands alone at the top of its page; the title is only in the สารบัญ
    parts = [PartHeading(number="1"), PartHeading(number="2", title="การดำเนินงานตามยุทธศาสตร์")]
    findings: list[Finding] = []
    part_titles_from_toc(parts, TOC, grammar(), findings)
    assert parts[0].title == "การดำเนินงานตามแผนปฏิบัติการกรุงเทพมหานคร ประจำปี พ.ศ. 2567"
    assert parts[1].title == "การดำเนินงานตามยุทธศาสตร์"  # a heading's own title stands
    assert [(f.code, f.subject) for f in findings] == [("part.title_from_toc", "1")]


def test_a_part_the_contents_do_not_name_once_keeps_no_title():
    toc = TOC + [TocEntry(title="ส่วนที่ 1 ความสอดคล้องกับแผนพัฒนา", page="7")]
    parts = [PartHeading(number="1"), PartHeading(number="3")]
    findings: list[Finding] = []
    part_titles_from_toc(parts, toc, grammar(), findings)
    assert [p.title for p in parts] == [None, None] and findings == []
