"""Part 2 (development issues): small dumps showing each rule, then the seeds (000, 001: departments; 003: district)."""

from functools import lru_cache

import pytest

import extractor
from extractor.blocks import Cell, Provenance
from extractor.grammar.builders.part2 import (
    development_issues,
    nest_projects,
    numbers_in_sequence,
    okr_references,
    sub_issues,
)
from extractor.grammar.engine import LogicalTable, TableRecord, build_tree
from extractor.grammar.spec import load_grammars
from extractor.ingest.dump import read_dump_text
from extractor.model.base import Budget
from extractor.model.document import DocumentInfo, PlanDocument
from extractor.model.issues import DevelopmentIssue, IssueKeyResult, IssueProject, SubIssue
from extractor.validate.parts23 import bma_link_codes, issue_project_numbering, okr_codes
from tests.conftest import CORPUS


@lru_cache(maxsize=1)
def grammar():
    return {g.id: g for g in load_grammars()}["bma-2567-action-plan"]


def tree_of(text: str):
    return build_tree(read_dump_text(text), grammar())


def issues_of(text: str):
    findings = []
    return development_issues(tree_of(text), findings), findings


@lru_cache(maxsize=None)
def seed(prefix: str) -> PlanDocument:
    (path,) = CORPUS.glob(f"{prefix}_*.txt")
    return extractor.parse(path)


DEPARTMENT = """ส่วนที่ 2 การดำเนินงานตามยุทธศาสตร์ของหน่วยงาน
ประเด็นการพัฒนาที่ 1 43 พัฒนาบุคลากรให้มีสมรรถนะ
วัตถุประสงค์หลัก (Objective)44 พัฒนาศักยภาพบุคลากร
ตัววัดผล/ตัวชี้วัดหลักตามภารกิจหลักของหน่วยงาน (KPI) ระดับความพึงพอใจ
ความเชื่อมโยงกับแผนปฏิบัติราชการกรุงเทพมหานคร ประจำปี พ.ศ. 256745 กลยุทธ์ที่ 7.3.5 พัฒนาสมรรถนะ KPI 7.3.5.1 ทรัพยากร
ลำดับที่ | โครงการ/กิจกรรมสำคัญ | งบประมาณ | ส่วนราชการ | รหัสนโยบาย (ถ้ามี) |
1 | โครงการพัฒนานักวิเคราะห์ | 899,500.- | กยล. | - |
43 ประเด็นการพัฒนา หมายถึง สิ่งที่หน่วยงานต้องการยกระดับ
ประเด็นการพัฒนาที่ 2 พัฒนาโครงสร้างพื้นฐาน
ตัววัดผลหลักตามภารกิจหลักของหน่วยงาน (KR / KPI) KR 2 : เปลี่ยนสู่ระบบดิจิทัล
ความเชื่อมโยงกับแผนปฏิบัติราชการกรุงเทพมหานคร ประจำปี พ.ศ. 2567 7.5 เทคโนโลยีสารสนเทศ
ลำดับที่ | โครงการ/กิจกรรมสำคัญ | งบประมาณ | ส่วนราชการ | รหัสนโยบาย (ถ้ามี) |
1 | ระบบบริการส่งข้อความสั้น | 823,900 | กคพ. | |
2 | โครงการจัดหาอุปกรณ์ | 25,000,000 *ไม่ได้รับ งบประมาณ | กคพ. | |
3 | จัดหาระบบฐานข้อมูล | 48,789,000 | กสศ. | P051 |
ลำดับที่ | ชื่อโครงการ/กิจกรรมสำคัญ ตามภารกิจของหน่วยงาน | งบประมาณ | ส่วนราชการ ที่รับผิดชอบ | รหัสนโยบาย |
1 | โครงการพัฒนานักวิเคราะห์ | 899,500 | กยล. | - |
ส่วนที่ 3 รายการ/โครงการที่มีลักษณะเป็นรายจ่ายประจำพื้นฐาน
"""


def test_department_issue_labels_footnotes_and_inline_link():
    (first, second), findings = issues_of(DEPARTMENT)
    assert (first.number, first.name) == ("1", "พัฒนาบุคลากรให้มีสมรรถนะ")
    assert first.footnote_refs == ["43", "44", "45"]
    assert [o.text for o in first.objectives] == ["พัฒนาศักยภาพบุคลากร"]
    assert [k.name for k in first.kpis] == ["ระดับความพึงพอใจ"]
    link = first.bma_link
    assert link.plan_year_be == 2567 and (link.tactic.code, link.tactic.name) == ("7.3.5", "พัฒนาสมรรถนะ")
    assert [(k.code, k.name) for k in link.kpis] == [("7.3.5.1", "ทรัพยากร")]
    assert first.notes == ["43 ประเด็นการพัฒนา หมายถึง สิ่งที่หน่วยงานต้องการยกระดับ"]
    assert [(k.number, k.text) for k in second.key_results] == [("2", "เปลี่ยนสู่ระบบดิจิทัล")]
    assert second.bma_link.sub_strategy.code == "7.5" and second.bma_link.strategy is None
    assert not findings


@pytest.mark.parametrize("read", ["ความเชซือมโยงกับแผน", "ความเชือมโยงกับแผน", "ความเชื่อมโยงกับเผน"])
def test_link_label_read_one_letter_off_still_opens_the_link(read):
    (first, _), _ = issues_of(DEPARTMENT.replace("ความเชื่อมโยงกับแผน", read, 1))
    link = first.bma_link
    assert link is not None and link.plan_year_be == 2567 and link.tactic.code == "7.3.5"
    assert [k.code for k in link.kpis] == ["7.3.5.1"] and first.footnote_refs == ["43", "44", "45"]


def test_a_linked_kpi_code_with_a_dot_read_as_a_colon_keeps_its_kpi():
    # 001's scan: "KPI3.3.3:1 : ปรับปรุงอาคาร…" lost the KPI of the link
    (first, _), findings = issues_of(DEPARTMENT.replace("KPI 7.3.5.1", "KPI7.3.5:1 :", 1))
    assert [(k.code, k.name) for k in first.bma_link.kpis] == [("7.3.5.1", "ทรัพยากร")]
    assert [(f.code, f.actual) for f in findings] == [("kpi.code_dot_read_as_colon", "7.3.5:1")]


def test_a_line_two_letters_off_a_label_is_no_label():
    (first, _), _ = issues_of(DEPARTMENT.replace("ความเชื่อมโยงกับแผน", "ความเชซือมโยงกับเผน", 1))
    assert first.bma_link is None


def test_department_projects_and_the_summary_table_is_not_swallowed():
    (first, second), _ = issues_of(DEPARTMENT)
    assert [(p.number, p.budget.amount, p.units) for p in first.projects] == [("1", 899500, ["กยล."])]
    assert [p.budget.status for p in second.projects] == ["allocated", "not_received", "allocated"]
    assert second.projects[2].policy_codes == ["P051"]
    part2 = tree_of(DEPARTMENT).children[0]
    roles = [t.role for node in part2.walk() for t in node.tables]
    assert roles.count("issue_projects") == 2 and roles.count("project_summary") == 1


LINK_LINES = """ส่วนที่ 2
การดำเนินงานตามยุทธศาสตร์ของหน่วยงาน
ประเด็นการพัฒนาที่ 4 เพื่อลดระยะเวลาการดำเนินการทางวินัย
กรุงเทพมหานครสามัญ ประเภททั่วไป
วัตถุประสงค์หลัก (Objective)
1. ผลการศึกษาวิเคราะห์ปัญหา
2. ระยะเวลาการดำเนินการทางวินัย
ตัวชี้วัดภารกิจสำคัญของหน่วยงาน ร้อยละความสำเร็จ
ความเชื่อมโยงกับแผนปฏิบัติราชการกรุงเทพมหานคร ประจำปี พ.ศ. 2567
ยุทธศาสตร์ที่ 5 ส่งเสริมการสร้างเมืองประชาธิปไตย
ยุทธศาสตร์ย่อยที่ 5.4 เมืองสีขาว
วัตถุประสงค์หลัก (Objective) กรุงเทพมหานครเป็นมหานครเปิด
ตัววัดผลหลัก (Key Result : KR) KR 2 : มีระบบการดำเนินการทางวินัย
กลยุทธ์ 5.4.3 เพิ่มประสิทธิภาพระบบงานป้องกันการทุจริต
KPI 5.4.3.1 : สร้างกลไกป้องกันการทุจริต
ลำดับที่\tโครงการ/กิจกรรมสำคัญ\tงบประมาณ\tส่วนราชการ\tนโยบาย ผว.กทม.
4\tกิจกรรมการเพิ่มประสิทธิภาพ\t-\tส่วนวินัยและคดี\tP107 โปร่งใสไม่ส่วย
ส่วนที่ 4
ตาราง ข แสดงตัวชี้วัดยุทธศาสตร์หน่วยงาน
ประเด็นการพัฒนาที่ 4 เพื่อลดระยะเวลา
"""


def test_link_lines_stay_inside_the_issue_and_fill_the_link():
    tree = tree_of(LINK_LINES)
    assert not [n for n in tree.walk() if n.kind in ("strategy", "sub_strategy", "tactic")]
    assert len([n for n in tree.walk() if n.kind == "development_issue"]) == 1  # not the ตาราง ข heading of Part 4
    (issue,), findings = issues_of(LINK_LINES)
    assert issue.name == "เพื่อลดระยะเวลาการดำเนินการทางวินัย กรุงเทพมหานครสามัญ ประเภททั่วไป"
    assert [o.text for o in issue.objectives] == ["1. ผลการศึกษาวิเคราะห์ปัญหา", "2. ระยะเวลาการดำเนินการทางวินัย"]
    link = issue.bma_link
    assert (link.strategy.code, link.sub_strategy.code, link.tactic.code) == ("5", "5.4", "5.4.3")
    assert link.objective.text == "กรุงเทพมหานครเป็นมหานครเปิด"
    assert [(k.number, k.text) for k in link.objective.key_results] == [("2", "มีระบบการดำเนินการทางวินัย")]
    (project,) = issue.projects
    assert (project.number, project.budget.status, project.units) == ("4", "no_budget", ["ส่วนวินัยและคดี"])
    assert project.policy_codes == ["P107"] and project.policy_codes_raw == "P107 โปร่งใสไม่ส่วย"
    assert not findings


KR_HEADER = ("วัตถุประสงค์หลัก (Objective)\tตัววัดผลหลัก (Key Result : KR)\tค่าเป้าหมาย (Target)\t"
             "หน่วยงาน รับผิดชอบหลัก\tหน่วยงาน สนับสนุน")
DISTRICT = """ส่วนที่ 2
ตัววัดผลหลัก (Key Result) และค่าเป้าหมายประเด็นการพัฒนา ประจำปีงบประมาณ พ.ศ. ๒๕๖๗
๑. เดินทางดี
KR_HEADER
๑.๑ เดินได้ เดินดี\tOKR ๑.๑.๐๑ จำนวนจุดหาบเร่*\t๔๗๙ จุด\tสนท.\tสนข.
\tOKR ๑.๑.๐๓ ติดตั้งไฟฟ้า\t๑๐,๕๐๐ ดวง\tสนน.\tสนข.
KR_HEADER
\t(ร้อยละความสำเร็จ)*\t\t\t
๑.๔ ป้องกันน้ำท่วม\tOKR ๑.๔.๐๗ ขุดลอกคลอง*\t๑๕๐ กม.\tสนน.\tสนข.
โครงการ/กิจกรรมสำคัญ\tงบประมาณ\tส่วนราชการ\tรหัสนโยบาย/ OKR
๑. โครงการจัดระเบียบ\t-\tฝ่ายเทศกิจ\tP๑๐๐ (OKR ๑.๑.๐๑- ๑.๑.๐๓)
๗. ขุดลอกคลองเปิดทางน้ำไหล\t\t\tP๑๗๒ (OKR ๑.๔.๐๗)
๗.๑ ขุดลอกลำกระโดงสรรพากร\t๓๒๙,๑๐๐\tฝ่ายโยธา\t
๗.๒ ขุดลอกคลองครุสม\t๓๑๖,๘๐๐\tฝ่ายโยธา\t
ส่งเสริมการใช้งบประมาณกองทุน\t** รอการยืนยันการโอนงบประมาณ\tฝ่ายพัฒนาชุมชนฯ\tOKR ๘.๑.๐๘
""".replace("KR_HEADER", KR_HEADER)


def test_district_okr_table_carries_the_sub_issue_down_and_joins_a_split_cell():
    (issue,), _ = issues_of(DISTRICT)
    assert (issue.number, issue.number_raw, issue.name) == ("1", "๑", "เดินทางดี")
    assert [(s.number, s.name) for s in issue.sub_issues] == [("1.1", "เดินได้ เดินดี"), ("1.4", "ป้องกันน้ำท่วม")]
    first, second = issue.sub_issues[0].key_results
    assert (first.number, first.number_raw, first.starred, first.target.raw) == ("1.1.01", "๑.๑.๐๑", True, "๔๗๙ จุด")
    assert (first.lead_units, first.support_units) == (["สนท."], ["สนข."])
    assert second.text == "ติดตั้งไฟฟ้า (ร้อยละความสำเร็จ)*" and second.starred  # the row after the page break


def test_district_okr_read_with_a_speck_before_its_label_and_a_space_in_its_code():
    """A scan read a speck before OKR as ':' and put a space after a dot of the code: still the row's OKR id."""
    text = DISTRICT.replace("\tOKR ๑.๑.๐๓ ติดตั้งไฟฟ้า", "\t: OKR ๑. ๑.๐๓ ติดตั้งไฟฟ้า")
    (issue,), findings = issues_of(text)
    second = issue.sub_issues[0].key_results[1]
    assert (second.number, second.number_raw, second.target.raw) == ("1.1.03", "๑.๑.๐๓", "๑๐,๕๐๐ ดวง")
    assert not [f for f in findings if f.code == "part2.okr_without_code"]


def test_district_objective_spanning_rows_opens_one_sub_issue():
    """A PDF grid copies an objective cell spanning three OKR rows into each of them (inherited): one sub-issue."""
    spanning = Cell("๑.๑ เดินได้ เดินดี", "๑.๑ เดินได้ เดินดี", row_span=3)
    copy = Cell(spanning.text, spanning.raw, inherited=True)
    rows = [(spanning, "OKR ๑.๑.๐๑ จำนวนจุดหาบเร่*"), (copy, "OKR ๑.๑.๐๒ ทางเท้า"), (copy, "OKR ๑.๑.๐๓ ไฟฟ้า"),
            (Cell("๑.๒ เพิ่มความคล่องตัว", "๑.๒ เพิ่มความคล่องตัว"), "OKR ๑.๒.๐๑ จุดจราจร")]
    table = LogicalTable(role="district_okr", header=[], records=[
        TableRecord({"objective": objective, "key_result": Cell(kr, kr)}, Provenance()) for objective, kr in rows])
    found = sub_issues(table, [])
    assert [(s.number, len(s.key_results)) for s in found] == [("1.1", 3), ("1.2", 1)]


def test_district_projects_nest_cite_okr_ranges_and_report_unread_budgets():
    (issue,), findings = issues_of(DISTRICT)
    first, canal, unnumbered = issue.projects
    assert (first.number, first.number_raw, first.name) == ("1", "๑", "โครงการจัดระเบียบ")
    assert first.policy_codes == ["P100"] and first.okr_refs == ["1.1.01", "1.1.02", "1.1.03"]
    assert canal.budget is None and [c.number for c in canal.children] == ["7.1", "7.2"]
    assert [c.budget.amount for c in canal.children] == [329100, 316800]
    assert unnumbered.number is None and unnumbered.okr_refs == ["8.1.08"]
    assert unnumbered.budget.status in ("pending", "unknown")
    if unnumbered.budget.status == "unknown":
        assert "budget.unparsed" in [f.code for f in findings]


MISREAD_OKR = """ส่วนที่ 2
ตัววัดผลหลัก (Key Result) และค่าเป้าหมายประเด็นการพัฒนา ประจำปีงบประมาณ พ.ศ. ๒๕๖๗
๔. สิ่งแวดล้อมดี
KR_HEADER
๔.๑ เพิ่มพื้นที่สีเขียว\tOKR ๔.๑.๐๑ จำนวนต้นไม้ที่ปลูก*\t๒๐๐ ต้น\tสสล.\tสนข.
๔.๒ จัดการขยะ\tOKR ๔.๒.๐๙ ขยะเศษอาหาร*\t๓ ตัน\tสสล.\tสนข.
๔.๒ จัดการขยะ\tOKR ๔.๒.๑๖ เก็บขยะ\tร้อยละ ๑๐๐\tสสล.\tสนข.
๔.๓ น้ำเสีย\tOKR ๔.๓.๐๒ บ่อบำบัด\t๒ แห่ง\tสนน.\tสนข.
โครงการ/กิจกรรมสำคัญ\tงบประมาณ\tส่วนราชการ\tรหัสนโยบาย/ OKR
๑. ปลูกต้นไม้\t-\tฝ่ายรักษาฯ\tP๐๔๙ (OKR ๔.๑.๐๑)
๒. ไม่เทรวม\t-\tฝ่ายรักษาฯ\tFIRST
๓. เก็บขยะ\t-\tฝ่ายรักษาฯ\tSECOND
๔. บ่อบำบัด\t-\tฝ่ายโยธา\tP๒๐๑ (OKR ๔.๓.๐๒)
""".replace("KR_HEADER", KR_HEADER)


def test_okr_references_a_scan_misread_come_from_the_key_results_no_other_project_cites():
    text = MISREAD_OKR.replace("FIRST", "P๑๔๗ (OKR ส๕.๒.๐๓๕)").replace("SECOND", "P๑๔๖ (0๕(2 ๕๕.๒.๑๑๐)")
    (issue,), findings = issues_of(text)
    assert [(p.okr_refs, p.okr_refs_raw, p.policy_codes_raw) for p in issue.projects[1:3]] == [
        (["4.2.09"], "OKR ๔.๒.๐๙", "P๑๔๗ (OKR ๔.๒.๐๙)"),
        (["4.2.16"], "OKR ๔.๒.๑๖", "P๑๔๖ (OKR ๔.๒.๑๖)"),
    ]
    assert [(f.expected, f.actual) for f in findings if f.code == "project.okr_from_key_results"] == [
        ("4.2.09", "(OKR ส๕.๒.๐๓๕)"), ("4.2.16", "(0๕(2 ๕๕.๒.๑๑๐)"),
    ]


def test_a_misread_okr_reference_stays_when_the_key_results_leave_no_single_reading():
    text = MISREAD_OKR.replace("FIRST", "P๑๔๗ (OKR ส๕.๒.๐๓๕)").replace("SECOND", "P๑๔๖")  # two codes left, one cell
    (issue,), findings = issues_of(text)
    assert issue.projects[1].okr_refs == [] and issue.projects[1].policy_codes_raw == "P๑๔๗ (OKR ส๕.๒.๐๓๕)"
    assert not [f for f in findings if f.code == "project.okr_from_key_results"]


def test_a_policy_cell_that_lost_its_p_gets_it_back():
    text = MISREAD_OKR.replace("FIRST", "๑๔๗ (OKR ๔.๒.๐๙)").replace("SECOND", "P๑๔๖ (OKR ๔.๒.๑๖)")
    (issue,), findings = issues_of(text)
    assert (issue.projects[1].policy_codes, issue.projects[1].policy_codes_raw) == (["P147"], "P๑๔๗ (OKR ๔.๒.๐๙)")
    assert [f.actual for f in findings if f.code == "project.policy_prefix_restored"] == ["๑๔๗ (OKR ๔.๒.๐๙)"]


def test_a_project_number_a_scan_misread_comes_from_its_neighbours():
    projects = [IssueProject(number=n, number_raw=None, name=f"โครงการ {n}") for n in ("1", "2", "8", "4", "6")]
    findings = []
    numbers_in_sequence(projects, findings)
    assert [p.number for p in projects] == ["1", "2", "3", "4", "6"]  # 4, 6 leaves 5 open: no reading is forced
    assert [(f.expected, f.actual) for f in findings] == [("3", "8")]


def test_okr_ranges_and_orphan_sub_projects():
    assert okr_references("P๐๗๘ (OKR ๒.๑.๐๑- ๒.๑.๐๒)") == (["2.1.01", "2.1.02"], "OKR ๒.๑.๐๑- ๒.๑.๐๒")
    assert okr_references("P๐๔๒ OKR ๗.๒.๐๕") == (["7.2.05"], "OKR ๗.๒.๐๕")
    assert okr_references("-") == ([], None)
    findings = []
    top = nest_projects([IssueProject(number="1", name="a"), IssueProject(number="2.1", name="b")], findings)
    assert [p.number for p in top] == ["1", "2.1"] and findings[0].code == "numbering.orphan_sub_project"


def _document(issues: list[DevelopmentIssue]) -> PlanDocument:
    return PlanDocument(document=DocumentInfo(), development_issues=issues)


def test_checks_okr_parents_duplicates_unknown_references_and_numbering():
    sub = SubIssue(number="6.3", name="x", key_results=[
        IssueKeyResult(number="6.1.31", text="a"), IssueKeyResult(number="6.3.02", text="b"),
        IssueKeyResult(number="6.3.02", text="c")])
    projects = [IssueProject(number="1", name="p", okr_refs=["6.3.02"]),
                IssueProject(number="3", name="q", okr_refs=["8.1.08"]),
                IssueProject(number="3", name="r")]
    document = _document([DevelopmentIssue(number="6", name="เรียนดี", sub_issues=[sub], projects=projects)])
    codes = [f.code for f in okr_codes(document)]
    assert codes.count("okr.parent_mismatch") == 1 and "okr.duplicate" in codes
    assert [f.actual for f in okr_codes(document) if f.code == "okr.unknown_reference"] == ["8.1.08"]
    assert [f.code for f in issue_project_numbering(document)] == ["numbering.gap", "numbering.duplicate"]


def test_project_numbers_may_run_on_from_the_issue_before():
    issues = [DevelopmentIssue(number=str(n), name="i", projects=[IssueProject(number=str(n), name="p")])
              for n in (1, 2, 3)]
    assert issue_project_numbering(_document(issues)) == []


def test_check_link_codes_nest():
    (issue,), _ = issues_of(LINK_LINES)
    assert bma_link_codes(_document([issue])) == []
    issue.bma_link.tactic.code = "5.3.3"
    findings = bma_link_codes(_document([issue]))  # the tactic is not under 5.4, the KPI not under the tactic
    assert [(f.code, f.actual) for f in findings] == [
        ("link.code_mismatch", "5.3.3"), ("link.code_mismatch", "5.4.3.1")]


# -- seeds --------------------------------------------------------------------------------------------------------


def _amounts(issues, skip=("not_received",)) -> int:
    def walk(projects):
        for p in projects:
            yield p
            yield from walk(p.children)

    return sum(p.budget.amount or 0 for i in issues for p in walk(i.projects)
               if isinstance(p.budget, Budget) and p.budget.status not in skip)


def test_seed_000_two_department_issues():
    doc = seed("000")
    first, second = doc.development_issues
    assert first.footnote_refs == ["43", "44", "45"] and first.name == "พัฒนาบุคลากรให้มีสมรรถนะที่พึงประสงค์"
    assert first.bma_link.tactic.code == "7.3.5" and [k.code for k in first.bma_link.kpis] == ["7.3.5.1"]
    assert second.bma_link.sub_strategy.code == "7.5" and second.key_results[0].number == "2"
    assert [p.number for p in second.projects] == ["1", "2", "3", "4", "5"]
    assert second.projects[1].budget.status == "not_received" and second.projects[1].budget.amount == 25_000_000
    assert _amounts(doc.development_issues) == 122_621_450  # the Part 2 summary's stated total
    assert not any(n.startswith(("รวมโครงการ", "จำนวนเงิน")) for i in doc.development_issues for n in i.notes)


def test_seed_001_six_department_issues_linked_to_the_bma_plan():
    doc = seed("001")
    issues = doc.development_issues
    assert [i.number for i in issues] == ["1", "2", "3", "4", "5", "6"]
    assert [p.number for i in issues for p in i.projects] == ["1", "2", "3", "4", "5", "6"]
    assert issues[3].name.endswith("ให้มีความรวดเร็วขึ้นกว่าเดิม")  # the title wrapped past a page break
    assert len(issues[2].objectives) == 2 and len(issues[3].objectives) == 2
    assert [(i.bma_link.strategy.code, i.bma_link.sub_strategy.code) for i in issues] == [
        ("7", "7.3"), ("7", "7.5"), ("7", "7.5"), ("5", "5.4"), ("3", "3.3"), ("7", "7.3")]
    assert [k.code for k in issues[4].bma_link.kpis] == ["3.3.3.1"]
    assert issues[4].projects[0].budget.status == "other_source"
    assert issues[3].projects[0].policy_codes == ["P107"]
    assert not [f for f in doc.findings if f.code.startswith(("part2.", "okr.", "link."))]


def test_seed_003_nine_good_issues_with_okrs():
    doc = seed("003")
    issues = doc.development_issues
    assert [i.name for i in issues] == ["เดินทางดี", "ปลอดภัยดี", "โปร่งใสดี", "สิ่งแวดล้อมดี", "สุขภาพดี",
                                        "เรียนดี", "เศรษฐกิจดี", "สังคมดี"]
    krs = [k for i in issues for s in i.sub_issues for k in s.key_results]
    assert len(krs) == 25 and sum(k.starred for k in krs) == 24
    assert [len(i.sub_issues) for i in issues] == [4, 1, 1, 2, 1, 2, 1, 2]
    assert [len(i.projects) for i in issues] == [7, 3, 1, 5, 1, 2, 1, 3]
    canal = issues[0].projects[6]
    assert len(canal.children) == 6 and sum(c.budget.amount for c in canal.children) == 2_068_500
    assert issues[1].projects[0].okr_refs == ["2.1.01", "2.1.02"]
    assert _amounts(issues) == 35_254_295  # the rows' sum; the summary states 35,294,295
    codes = [(f.code, f.actual) for f in doc.findings]
    assert ("okr.parent_mismatch", "6.1.31") in codes
    assert ("okr.unknown_reference", "8.1.08") in codes and ("okr.unknown_reference", "8.1.10") in codes


@pytest.mark.parametrize("prefix", ["000", "001", "003"])
def test_seed_issues_open_only_under_part_2(prefix):
    doc = seed(prefix)
    assert all(i.source.line_start for i in doc.development_issues)
    part4_start = {"000": 333, "001": 324, "003": 611}[prefix]
    assert all(i.source.line_start < part4_start for i in doc.development_issues)
