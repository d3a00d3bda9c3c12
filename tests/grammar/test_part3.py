"""Part 3 (routine projects): small dumps showing each row shape, then the seeds (000, 001: departments; 003:
district)."""

from functools import lru_cache

import extractor
from extractor.grammar.builders.part3 import routine_projects
from extractor.grammar.engine import build_tree
from extractor.grammar.spec import load_grammars
from extractor.ingest.dump import read_dump_text
from extractor.model.document import DocumentInfo, PlanDocument
from extractor.model.issues import IssueProject, RoutineGroup
from extractor.validate.parts23 import routine_project_numbering
from tests.conftest import CORPUS


@lru_cache(maxsize=1)
def grammar():
    return {g.id: g for g in load_grammars()}["bma-2567-action-plan"]


def forms_of(text: str):
    findings = []
    return routine_projects(build_tree(read_dump_text(text), grammar()), findings), findings


@lru_cache(maxsize=None)
def seed(prefix: str) -> PlanDocument:
    (path,) = CORPUS.glob(f"{prefix}_*.txt")
    return extractor.parse(path)


PIPE = """ส่วนที่ 3 รายการ/โครงการที่มีลักษณะเป็นรายจ่ายประจำพื้นฐาน
แบบที่ 1 ระดับสำนัก/สำนักงาน
ลำดับที่ | แผนงาน/ผลผลิต | โครงการ | งบประมาณ | รหัสนโยบาย (ถ้ามี) |
แผนงานบริหารกรุงเทพมหานคร | ||||
1 | ผลผลิตยุทธศาสตร์ | โครงการจัดทำแผน | 959,900 | - |
2 | ผลผลิตระบบเทคโนโลยี และการสื่อสาร | โครงการฝึกอบรม | 239,000 | - |
3 | การให้บริการเพื่อตรวจสอบ | ไม่ใช้ งบประมาณ | ||
48 - กรณีที่โครงการสอดคล้องกับนโยบาย
ลำดับที่ | แผนงาน/ผลผลิต | โครงการ | งบประมาณ | รหัสนโยบาย (ถ้ามี) |
ภารกิจตามแผนการกระจายอำนาจ | ||||
4 | โครงการพัฒนาทรัพยากร | 23,839,000 | ||
5 | ผลผลิตระบบเทคโนโลยีและ การสื่อสาร | โครงการเพิ่มประสิทธิภาพ | 34,683,622 *ไม่ได้รับ งบประมาณ | |
6 | การปรับปรุงการแสดงผล | 2,325,906 | P051 | |
รวม | 6 โครงการ | 27,363,806 |
"""


def test_pipe_rows_programme_outputs_left_packed_projects_and_total():
    (form,), findings = forms_of(PIPE)
    assert (form.kind, form.number, form.name) == ("form", "1", "แบบที่ 1 ระดับสำนัก/สำนักงาน")
    programme, mission = form.groups
    assert (programme.kind, programme.name) == ("programme", "แผนงานบริหารกรุงเทพมหานคร")
    assert [(g.kind, g.name) for g in programme.groups] == [("output", "ผลผลิตยุทธศาสตร์"),
                                                            ("output", "ผลผลิตระบบเทคโนโลยี และการสื่อสาร")]
    third = programme.groups[1].projects[1]  # its output cell was dropped: the project of the output above
    assert (third.number, third.name, third.budget.status) == ("3", "การให้บริการเพื่อตรวจสอบ", "no_budget")
    assert (mission.kind, [p.number for p in mission.projects]) == ("group", ["4"])
    assert [p.number for p in mission.groups[0].projects] == ["5", "6"]
    assert mission.groups[0].projects[1].policy_codes == ["P051"]
    assert form.stated_total.amount == 27_363_806 and form.stated_count == 6
    assert (form.computed_total, form.computed_count) == (27_363_806, 6)  # not received left out
    assert form.notes == ["48 - กรณีที่โครงการสอดคล้องกับนโยบาย"]
    assert form.title is None  # nothing written between the Part heading and the form heading
    assert [f.code for f in findings] == ["part3.ambiguous_row"]  # a name-only row after the page break


TAB = """ส่วนที่ ๓
บัญชีรายการโครงการ/กิจกรรมที่มีลักษณะเป็นภารกิจประจำพื้นฐาน
ระดับสำนักงานเขต
ลำดับ ที่\tงาน\tโครงการ\tงบประมาณ\tรหัสนโยบาย (๓ หลัก)
๑\tฝ่ายปกครอง\t\t\t
\tงานอำนวยการ\t๑. ค่าใช้จ่ายในการสัมมนา\t๖๓๘,๐๕๐\t-
\t\t๒. ค่าใช้จ่ายในการฝึกอบรม\t๗๐๙,๔๐๐\t-
\tอื่นๆ\t๑. การแก้ไขปัญหาข้อร้องเรียน\t-\tP๐๕๗
๒\tฝ่ายทะเบียน\t\t\t
\t-\t-\t-\t-
ลำดับ ที่\tงาน\tโครงการ\tงบประมาณ\tรหัสนโยบาย (๓ หลัก)
\t\t๒. กิจกรรมการยกระดับ\t๑,๐๐๐\t-
รวม\t\t\t๑,๓๔๘,๔๕๐\t
"""


def test_tab_rows_divisions_work_groups_placeholder_and_page_break():
    (form,), findings = forms_of(TAB)
    assert form.name == "ระดับสำนักงานเขต"
    admin, registry = form.groups
    assert (admin.kind, admin.number, admin.name) == ("division", "1", "ฝ่ายปกครอง")
    assert [(g.kind, g.name) for g in admin.groups] == [("work_group", "งานอำนวยการ"), ("work_group", "อื่นๆ")]
    assert [(p.number, p.number_raw, p.name) for p in admin.groups[0].projects] == [
        ("1", "๑", "ค่าใช้จ่ายในการสัมมนา"), ("2", "๒", "ค่าใช้จ่ายในการฝึกอบรม")]
    assert admin.groups[1].projects[0].policy_codes == ["P057"]
    assert registry.no_projects and registry.projects[0].name == "กิจกรรมการยกระดับ"  # continues after the break
    assert form.stated_total.amount == 1_348_450 and form.computed_total == 1_348_450
    assert form.stated_count is None and not findings


def test_routine_table_is_read_only_under_part_3():
    text = TAB.replace("ส่วนที่ ๓", "ส่วนที่ ๔")
    forms, _ = forms_of(text)
    assert forms == []


def test_numbering_may_restart_in_a_new_group_only():
    def project(n):
        return IssueProject(number=n, name="p")

    groups = [RoutineGroup(name="a", projects=[project("1"), project("2")]),
              RoutineGroup(name="b", projects=[project("1"), project("1"), project("3")]),
              RoutineGroup(name="c", projects=[project("4"), project("6")])]
    document = PlanDocument(document=DocumentInfo(), routine_projects=[RoutineGroup(kind="form", name="f",
                                                                                    groups=groups)])
    findings = routine_project_numbering(document)
    assert [(f.code, f.actual) for f in findings] == [
        ("numbering.duplicate", "1"), ("numbering.gap", "3"), ("numbering.gap", "6")]


# -- seeds --------------------------------------------------------------------------------------------------------


def test_seed_000_department_form_with_programme_outputs_and_total():
    (form,) = seed("000").routine_projects
    assert form.stated_total.amount == 112_859_328 and form.stated_count == 14
    assert (form.computed_total, form.computed_count) == (112_859_328, 14)
    projects = form.all_projects()
    assert sorted(int(p.number) for p in projects) == list(range(1, 15))
    by_number = {p.number: p for p in projects}
    assert by_number["9"].budget.status == "not_received" and by_number["11"].budget.status == "pending"
    assert by_number["11"].policy_codes == ["P058"] and by_number["13"].policy_codes == ["P051"]
    assert [g.kind for g in form.groups] == ["programme", "group"]
    assert "part3.ambiguous_row" in [f.code for f in seed("000").findings]


def test_seed_001_programme_output_three_projects():
    (form,) = seed("001").routine_projects
    (programme,) = form.groups
    assert (programme.kind, programme.number, programme.name) == ("programme", "1", "แผนงานบริหารทรัพยากรบุคคล")
    (output,) = programme.groups
    assert output.kind == "output" and [p.number for p in output.projects] == ["1", "2", "3"]
    assert [p.budget.amount for p in output.projects] == [3_622_570, 1_916_000, 57_500]
    assert form.stated_total.amount == 5_596_070 == form.computed_total
    assert form.title == "บัญชีรายการโครงการ/กิจกรรมที่มีลักษณะเป็นภารกิจประจำพื้นฐาน"


def test_seed_003_district_form_by_division():
    doc = seed("003")
    (form,) = doc.routine_projects
    assert len(form.groups) == 10 and all(g.kind == "division" for g in form.groups)
    assert [g.number for g in form.groups] == [str(n) for n in range(1, 11)]
    assert [g.name for g in form.groups if g.no_projects] == [
        "ฝ่ายทะเบียน", "ฝ่ายรักษาความสะอาดและสวนสาธารณะ", "ฝ่ายรายได้", "ฝ่ายเทศกิจ"]
    assert form.computed_count == 44 and form.stated_total.amount == 59_752_455 == form.computed_total
    dengue = [p for p in form.all_projects() if p.budget and p.budget.amount == 175_780]
    assert len(dengue) == 1  # Part 1 states 175,800 for the same project: a cross-part finding
    assert any(f.code == "project.budget_differs" and f.actual == "175780" for f in doc.findings)
    assert not [f for f in doc.findings if f.code.startswith("part3.") or
                (f.code.startswith("numbering.") and "routine" in (f.subject or ""))]
