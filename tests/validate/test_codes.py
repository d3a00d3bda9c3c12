"""Strategy codes against their section, KPI codes against their tactic, one project with two budgets."""

from functools import cache
from pathlib import Path

import extractor

from extractor.grammar.values import parse_budget, parse_strategy_code
from extractor.model.document import DocumentInfo, PlanDocument
from extractor.model.strategy import (
    KPI, Dimension, Project, ProjectSummary, StrategicAlignment, Strategy, SubStrategy, SummaryRow, Tactic,
)
from extractor.model.issues import IssueProject, RoutineGroup
from extractor.validate.codes import (
    indicator_numbers_agree, kpi_codes_match_tactic, normalised_name, same_project, same_project_same_budget,
    strategy_codes_match_section, texts_agree,
)


CORPUS = Path(__file__).resolve().parents[2] / "corpus"


@cache
def parsed(prefix: str) -> PlanDocument:
    (path,) = CORPUS.glob(f"{prefix}_*.txt")
    return extractor.parse(path)


def plan(sub: SubStrategy, **parts) -> PlanDocument:
    strategy = Strategy(number=sub.number.split(".")[0], name="ยุทธศาสตร์", sub_strategies=[sub])
    alignment = StrategicAlignment(dimensions=[Dimension(number="2", name="มิติ", strategies=[strategy])])
    return PlanDocument(document=DocumentInfo(), strategic_alignment=alignment, **parts)


def project(code: str, name: str = "โครงการ", budget: str = "1,000") -> Project:
    return Project(strategy_code=parse_strategy_code(code), name=name, budget=parse_budget(budget))


def test_code_of_another_sub_strategy_is_reported():
    sub = SubStrategy(number="7.2", name="แผน", projects=[project("772001"), project("775013")])
    (finding,) = strategy_codes_match_section(plan(sub))
    assert finding.code == "code.section_mismatch" and (finding.expected, finding.actual) == ("7.2", "7.5")


def test_code_under_its_own_sub_strategy_passes():
    sub = SubStrategy(number="7.5", name="เทคโนโลยี", projects=[project("775013")])
    assert strategy_codes_match_section(plan(sub)) == []


def test_kpi_outside_its_tactic():
    tactic = Tactic(code="7.2.1", name="ก", kpis=[KPI(code="7.2.1.2", name="ก"), KPI(code="7.2.2.1", name="ข")])
    (finding,) = kpi_codes_match_tactic(plan(SubStrategy(number="7.2", name="แผน", tactics=[tactic])))
    assert finding.actual == "7.2.2.1"


def test_same_project_with_another_budget_in_part_3():
    sub = SubStrategy(number="1.5", name="สุขภาพ", projects=[project(
        "115037", "ค่าใช้จ่ายโครงการบูรณาการความร่วมมือในการพัฒนาประสิทธิภาพการแก้ไขปัญหาโรคไข้เลือดออก", "๑๗๕,๘๐๐")])
    routine = RoutineGroup(name="อื่น ๆ", projects=[IssueProject(
        name="๑. บูรณาการความร่วมมือ ในการพัฒนาประสิทธิภาพ การแก้ไขปัญหาโรค ไข้เลือดออก",
        budget=parse_budget("๑๗๕,๗๘๐"))])
    summary = ProjectSummary(part="part1", rows=[SummaryRow(
        number="1", label="ค่าใช้จ่ายโครงการบูรณาการความร่วมมือ ในการพัฒนาประสิทธิภาพการแก้ไขปัญหา โรคไข้เลือดออก",
        budget=parse_budget("๑๗๕,๘๐๐"))])
    findings = same_project_same_budget(plan(sub, routine_projects=[routine], project_summaries=[summary]))
    # Part 1's section table and summary agree (175,800); the routine list differs: reported once
    assert [(f.code, f.expected, f.actual) for f in findings] == [("project.budget_differs", "175800", "175780")]


def test_names_are_matched_after_normalisation_only_when_close():
    assert normalised_name("๑. โครงการ ปรับปรุง ระบบ") == "ปรับปรุงระบบ"
    assert same_project("ปรับปรุงโรงเรียนวัดโคกอน", "ปรับปรุงโรงเรียนวัดโคกอน")
    assert not same_project("ปรับปรุงโรงเรียนวัดโคกอน", "ปรับปรุงโรงเรียนวัดกำแพง")


def test_sibling_projects_differing_by_one_word_are_different():
    assert not same_project(normalised_name("ปรับปรุงโรงเรียนวัดโตนด"), normalised_name("ปรับปรุงโรงเรียนวัดโคกอน"))


def test_projects_named_in_a_monitoring_cell_are_split_at_item_numbers():
    from extractor.model.monitoring import MonitoredKPI, Monitoring
    from extractor.validate.codes import project_mentions

    cell = ("1. ระบบบริการส่งข้อความสั้น งบประมาณ 823,900 บาท (กคพ.) 2. จัดหาระบบฐานข้อมูล SQL 48,789,000 บาท "
            "(กคพ.) 3.การจัดหาโปรแกรมสารสนเทศ งบประมาณ 14,430,600 บาท (กสศ.)")
    kpi = MonitoredKPI(table_role="unit_kpi_definitions", name="ตัวชี้วัด", projects=cell)
    doc = PlanDocument(document=DocumentInfo(), monitoring=Monitoring(kpis=[kpi]))
    assert [(m.name, m.amount) for m in project_mentions(doc)] == [
        ("ระบบบริการส่งข้อความสั้น", 823900), ("จัดหาระบบฐานข้อมูล SQL", 48789000),
        ("การจัดหาโปรแกรมสารสนเทศ", 14430600)]


def test_policy_linkage_budget_against_part_2():
    """ตาราง ง restates each supporting project's budget: an amount other than the issue's is reported; rows without
    an amount ('-') say nothing."""
    from extractor.model.issues import DevelopmentIssue
    from extractor.model.monitoring import Monitoring, PolicyLink

    issue = DevelopmentIssue(number="6", name="เรียนดี", projects=[
        IssueProject(name="ปรับปรุง/พัฒนาศูนย์เด็กเล็ก", budget=parse_budget("๓๒,๙๐๐")),
        IssueProject(name="ปลูกต้นไม้ (ต้น)", budget=parse_budget("10,000"))])
    links = Monitoring(policy_links=[
        PolicyLink(project="ปรับปรุงพัฒนาศูนย์เด็กเล็ก", budget=parse_budget("๔๓,๓๐๐")),
        PolicyLink(project="ปลูกต้นไม้ (ต้น)", budget=parse_budget("-"))])
    document = plan(SubStrategy(number="6.1", name="เรียนรู้"), development_issues=[issue], monitoring=links)
    (finding,) = same_project_same_budget(document)
    assert (finding.expected, finding.actual) == ("32900", "43300") and "policy linkage" in finding.message


def test_seed_003_child_centre_budget_differs_between_part_2_and_policy_linkage():
    """Seed 003: ปรับปรุง/พัฒนาศูนย์เด็กเล็ก is 32,900 in Part 2 (and its summary), 43,300 in ตาราง ง."""
    findings = [f for f in parsed("003").findings if f.code == "project.budget_differs"]
    child = [f for f in findings if "ศูนย์เด็กเล็ก" in f.message]
    assert [(f.expected, f.actual) for f in child] == [("32900", "43300")]


# -- indicator numbers across parts ----------------------------------------------------------------------------

KR1 = "พัฒนาระบบบริการสาธารณะที่สะดวก เข้าถึงง่าย ในรูปแบบออนไลน์"
KR2 = "เปลี่ยนสู่ระบบดิจิทัลภาครัฐ เพื่อบริหารงานยืดหยุ่น คล่องตัว"


def _with_index(*items, **parts) -> PlanDocument:
    from extractor.model.front_matter import FrontMatter, KeyIndicator
    from extractor.model.strategy import KeyResult, Objective

    objective = Objective(text="ยกระดับ", key_results=[KeyResult(number="1", text=KR1), KeyResult(number="2", text=KR2)])
    sub = SubStrategy(number="7.5", name="เทคโนโลยี", objectives=[objective])
    index = [KeyIndicator(kind=kind, code=code, text=text, sub_strategy=sub_number)
             for kind, code, text, sub_number in items]
    return plan(sub, front_matter=FrontMatter(key_indicators=index), **parts)


def test_texts_agree_across_masks_wraps_and_quoted_starts():
    assert texts_agree("xxxxxประสิทธิภาพการขับเคลื่อนภารกิจ", "เพิ่มประสิทธิภาพการ ขับเคลื่อนภารกิจ")
    assert texts_agree("จัดทำแผนบูรณาการความร่วมมือในการ จัดบริการสาธารณะ",
                       "จัดทำแผนบูรณาการความร่วมมือในการจัดบริการสาธารณะ 5 ด้าน ประกอบด้วย 1) ด้านโครงสร้างพื้นฐาน")
    assert not texts_agree("ล้างทำความสะอาดท่อ*", "ผู้ค้ามีการทำความสะอาดพื้นที่ทำการค้า (Big cleaning)")
    assert not texts_agree("พัฒนาระบบบริการสาธารณะ", KR1)  # a KR cut at its first line is not the KR


def test_index_numbering_another_parts_kr_is_a_number_conflict():
    (finding,) = indicator_numbers_agree(_with_index(("KR", "2", KR1, "7.5"), ("KR", "1", KR1, "7.5")))
    assert finding.code == "kr.number_conflict" and (finding.expected, finding.actual) == ("1", "2")
    assert finding.subject == "KR 2 of sub-strategy 7.5"


def test_index_kr_with_another_text_is_a_text_conflict():
    (finding,) = indicator_numbers_agree(_with_index(("KR", "2", "ชุมชนมีส่วนร่วมในการพัฒนาชุมชน", "7.5")))
    assert finding.code == "kr.text_conflict" and finding.expected == KR2


def test_one_number_for_two_indicators_in_the_index_is_reused():
    from extractor.model.issues import DevelopmentIssue, IssueKeyResult, SubIssue

    issue = DevelopmentIssue(name="เดินทางดี", sub_issues=[SubIssue(number="1.2", name="คล่องตัว", key_results=[
        IssueKeyResult(number="1.2.01", text="จำนวนจุดที่เทศกิจเข้าไปดูแลจราจร*")])])
    document = _with_index(("OKR", "1.2.01", "จำนวนจุดที่เทศกิจเข้าไปดูแลจราจร*", None),
                           ("OKR", "1.2.01", "จำนวนซากรถยนต์ที่ กทม. เคลื่อนย้าย", None),
                           development_issues=[issue])
    (finding,) = indicator_numbers_agree(document)
    assert finding.code == "okr.number_reused" and finding.actual == "จำนวนซากรถยนต์ที่ กทม. เคลื่อนย้าย"


def test_part_2_issue_quoting_part_1_kr_under_another_number():
    from extractor.model.issues import BmaLink, DevelopmentIssue, LinkedEntity
    from extractor.model.strategy import KeyResult

    issue = DevelopmentIssue(number="2", name="ดิจิทัล", key_results=[KeyResult(number="1", text=KR2)],
                             bma_link=BmaLink(sub_strategy=LinkedEntity(code="7.5")))
    (finding,) = indicator_numbers_agree(_with_index(development_issues=[issue]))
    assert finding.code == "kr.number_conflict" and finding.message.startswith("Part 2 issue 2 numbers KR 1")


def test_seed_indicator_numbers():
    """000: the index's KRs (4.1 KR 3 … 7.5 KR 1-2) agree with Part 1 once 7.5's KR table is rebuilt line by line,
    and issue 2's KR 2 agrees with 7.5's KR 2; 003: the index gives OKR 1.2.01 to two indicators (lines 161-162)."""
    kinds = ("number_conflict", "text_conflict", "number_reused")
    codes = {prefix: [f.code for f in parsed(prefix).findings if f.code.split(".")[-1] in kinds]
             for prefix in ("000", "001", "003")}
    assert codes == {"000": [], "001": [], "003": ["okr.number_reused"]}
    (reused,) = [f for f in parsed("003").findings if f.code == "okr.number_reused"]
    assert reused.subject == "OKR 1.2.01"
