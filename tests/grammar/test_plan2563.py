"""The 2563 template: grammar ``grammars/bma-2563``, builder ``bma2563``, checks ``extractor.validate.plan2563``.

Small dump texts show each rule; the last tests check seed 002 against counts and records read from the seed.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from extractor.grammar.builders import build_document
from extractor.grammar.builders.bma2563 import kpi_name_lines, measure_refs, parse_target, resolve_kpi
from extractor.grammar.detect import detect_template
from extractor.grammar.engine import build_tree
from extractor.grammar.spec import load_grammars
from extractor.ingest.dump import read_dump_text
from extractor.model.document import PlanDocument
from extractor.model.plan2563 import CatalogueKPI
from extractor.validate import plan2563 as checks
from extractor.validate import totals

CORPUS = Path(__file__).resolve().parents[2] / "corpus"
SEED_2563 = CORPUS / "002_47f92473d72b9b38.txt"
GRAMMAR_ID = "bma-2563-action-plan"
T = "\t"


@cache
def _grammars():
    return load_grammars()


def _grammar():
    return next(g for g in _grammars() if g.id == GRAMMAR_ID)


def build(text: str) -> PlanDocument:
    blocks = read_dump_text(text)
    return build_document(build_tree(blocks, _grammar()), _grammar(), blocks)


def run_checks(document: PlanDocument) -> list:
    functions = (
        totals.summary_counts,
        checks.catalogue_numbering,
        checks.summary_counts,
        checks.work_plan_progress,
        checks.measure_references,
        checks.goal_kpi_coverage,
    )
    return [f for function in functions for f in function(document)]


def codes(findings) -> list[str]:
    return [f.code for f in findings]


CATALOGUE = """\
## สาระสำคัญของแผนปฏิบัติการประจำปี พ.ศ. 2563 ของสำนักงานทดสอบ

## ผลการดำเนินงานหลัก (ตัวชี้วัดตามภารกิจเชิงยุทธศาสตร์)

- ตัวชี้วัดที่ 1.1 ความสำเร็จในการพัฒนาบุคลากรตามหลักสมรรถนะ
- ตัวชี้วัดที่ 1.2 ระยะเวลาเฉลี่ยในการนำหนังสือภายนอกเสนอส่วนราชการ

**ผลการดำเนินงานหลัก (ตัวชี้วัดตามภารกิจงานประจำ)**

- ตัวชี้วัดที่ 1.3 จำนวนครั้งของการเบิกจ่ายค่าอาหารทำการนอกเวลาราชการ
"""

PLAN = (
    CATALOGUE
    + f"""
## มาตรการและโครงการ/กิจกรรม

**ส่วนที่ 2 การบริหารจัดการ**

#### ด้านที่ 7 การบริหารจัดการเมืองมหานคร

**มาตรการดำเนินการ :-**

- มาตรการหน่วยงานที่ 1 พัฒนาคุณภาพบุคลากร
- มาตรการหน่วยงานที่ 2 พัฒนางานกลั่นกรอง

## มิติที่ 7.3 การบริหารทรัพยากรบุคคล

**เป้าประสงค์ที่ 7.3.1.1** การพัฒนาบุคลากรให้มีทักษะ  
และเป็นมืออาชีพ

### ตัวชี้วัดเป้าประสงค์

ลำดับที่{T}ตัวชี้วัด{T}ค่าเป้าหมาย
1{T}ความสำเร็จในการ พัฒนาบุคลากรตาม หลักสมรรถนะ{T}ร้อยละ 100
2{T}ระยะเวลาเฉลี่ยในการนำหนังสือภายนอกเสนอส่วนราชการ{T}ระยะเวลาไม่เกิน 12 นาที / 1 เรื่อง

#### มาตรการสนับสนุนเป้าประสงค์

- มาตรการที่ 1** พัฒนาสมรรถนะของบุคลากร
- มาตรการหน่วยงานที่ 2** พัฒนางานกลั่นกรอง

**ตัวชี้วัดมาตรการ**

ลำดับที่{T}ตัวชี้วัด{T}ค่าเป้าหมาย
1{T}ความสำเร็จในการพัฒนาบุคลากรตามหลักสมรรถนะ{T}ร้อยละ 100
2{T}ระยะเวลาเฉลี่ยในการนำหนังสือภายนอกเสนอส่วนราชการ{T}ระยะเวลาไม่เกิน 12 นาที / 1 เรื่อง

โครงการ/กิจกรรมยุทธศาสตร์{T}งบประมาณ{T}ส่วนราชการ
กิจกรรมแลกเปลี่ยนเรียนรู้{T}-{T}ฝ่ายบริหารงานทั่วไป

โครงการ/กิจกรรมประจำ{T}งบประมาณ{T}ส่วนราชการ
กิจกรรมการกลั่นกรองหนังสือ{T}-{T}ส่วนประสานนโยบาย
"""
)


def test_plan_tree_from_headings_of_any_markup():
    document = build(PLAN)
    plan = document.plan_2563
    assert [p.number for p in plan.pillars] == ["7"]
    pillar = plan.pillars[0]
    assert (pillar.service_part, pillar.service_part_name) == ("2", "การบริหารจัดการ")
    goal = pillar.dimensions[0].goals[0]
    assert goal.code == "7.3.1.1"
    assert goal.name == "การพัฒนาบุคลากรให้มีทักษะและเป็นมืออาชีพ"  # title wrapped onto the next source line
    assert [k.code for k in goal.kpis] == ["1.1", "1.2"]  # joined to the catalogue by name, wrap spaces ignored
    block = goal.measure_blocks[0]
    assert (block.city_measure.code, block.unit_measure.code) == ("ม.1", "มน.2")
    assert block.city_measure.name == "พัฒนาสมรรถนะของบุคลากร"  # stray bold marker removed
    assert [p.name for p in block.strategic_projects] == ["กิจกรรมแลกเปลี่ยนเรียนรู้"]
    assert [p.name for p in block.routine_projects] == ["กิจกรรมการกลั่นกรองหนังสือ"]
    budget = block.strategic_projects[0].budget
    assert (budget.status, budget.amount) == ("no_budget", 0)
    assert [m.code for m in plan.unit_measures] == ["มน.1", "มน.2"]
    assert [(k.code, k.mission) for k in plan.kpi_catalogue] == [
        ("1.1", "strategic"),
        ("1.2", "strategic"),
        ("1.3", "routine"),
    ]


def test_catalogue_kpi_missing_from_the_plan_is_reported():
    document = build(PLAN)
    findings = checks.goal_kpi_coverage(document)
    assert [(f.code, f.subject) for f in findings] == [("kpi.not_in_plan", "1.3")]


def test_catalogue_number_read_without_its_dot_gets_it_from_the_numbering():
    document = build(PLAN.replace("ตัวชี้วัดที่ 1.2", "ตัวชี้วัดที่ 112", 1))
    assert [k.code for k in document.plan_2563.kpi_catalogue] == ["1.1", "1.2", "1.3"]
    (finding,) = [f for f in document.findings if f.code == "numbering.dot_restored"]
    assert (finding.expected, finding.actual) == ("1.2", "112")


@pytest.mark.skipif(not SEED_2563.exists(), reason="seed 002 not in the corpus")
def test_delegated_definition_whose_word_lost_its_marks_still_names_the_owner():
    # ตามที่ read ตามท by a scan (the marks of ที่ lost): the owner is still the words before กำหนด
    text = SEED_2563.read_text(encoding="utf-8").replace("\tตามที่ สกก. กำหนด\t", "\tตามท สกก. กำหนด\t", 1)
    kpi = next(k for k in build(text).monitoring.kpis if k.code == "3.1 (ข)")
    assert (kpi.definition, kpi.fields["defined_by"]) == ("ตามท สกก. กำหนด", "สกก.")


def test_a_kpi_name_a_scan_wrapped_ends_at_its_result_type():
    assert kpi_name_lines("บุคลากรมีสมรรถนะตามหน้าที่\nความรับผิดชอบ (ผลผลิต)\n๑. รายละเอียด") == (
        "บุคลากรมีสมรรถนะตามหน้าที่ ความรับผิดชอบ (ผลผลิต)", "๑. รายละเอียด")
    assert kpi_name_lines("ความเชื่อมั่นของประชาชน\n(ผลลัพธ์)") == ("ความเชื่อมั่นของประชาชน (ผลลัพธ์)", "")
    # a name line with its result type, or details without one, stay apart
    assert kpi_name_lines("ร้อยละความสำเร็จ (ผลลัพธ์)\n๑. ร้อยละ (ผลผลิต)") == ("ร้อยละความสำเร็จ (ผลลัพธ์)", "๑. ร้อยละ (ผลผลิต)")
    assert kpi_name_lines("ร้อยละความสำเร็จ\n๑. รายละเอียด") == ("ร้อยละความสำเร็จ", "๑. รายละเอียด")


def test_catalogue_number_without_a_dot_the_numbering_cannot_place_is_no_item():
    document = build(PLAN.replace("ตัวชี้วัดที่ 1.2", "ตัวชี้วัดที่ 189", 1))
    assert [k.code for k in document.plan_2563.kpi_catalogue] == ["1.1", "1.3"]


def test_a_kpi_row_number_a_scan_left_blank_comes_from_the_rows_around_it():
    measure_row = "\n1\tความสำเร็จในการพัฒนาบุคลากรตามหลักสมรรถนะ\t"
    assert PLAN.count(measure_row) == 1
    document = build(PLAN.replace(measure_row, "\n\tความสำเร็จในการพัฒนาบุคลากรตามหลักสมรรถนะ\t"))
    (block,) = document.plan_2563.pillars[0].dimensions[0].goals[0].measure_blocks
    assert [k.row_number for k in block.kpis] == ["1", "2"]
    assert [f.expected for f in document.findings if f.code == "kpi.number_from_sequence"] == ["1"]
    # a blank cell the numbering cannot place (the next row is no 2) stays blank
    document = build(PLAN.replace(measure_row, "\n\tความสำเร็จในการพัฒนาบุคลากรตามหลักสมรรถนะ\t").replace(
        "\n2\tระยะเวลาเฉลี่ยในการนำหนังสือภายนอกเสนอส่วนราชการ\tระยะเวลาไม่เกิน 12 นาที / 1 เรื่อง\n\nโครงการ",
        "\n3\tระยะเวลาเฉลี่ยในการนำหนังสือภายนอกเสนอส่วนราชการ\tระยะเวลาไม่เกิน 12 นาที / 1 เรื่อง\n\nโครงการ"))
    (block,) = document.plan_2563.pillars[0].dimensions[0].goals[0].measure_blocks
    assert [k.row_number for k in block.kpis] == [None, "3"]


def test_goal_kpi_table_without_its_label():
    document = build(PLAN.replace("### ตัวชี้วัดเป้าประสงค์\n\n", ""))
    goal = document.plan_2563.pillars[0].dimensions[0].goals[0]
    assert [k.code for k in goal.kpis] == ["1.1", "1.2"]


def test_goal_kpi_table_printed_inside_the_measure_block_goes_to_the_goal_with_a_finding():
    table = PLAN[PLAN.index("ลำดับที่"): PLAN.index("#### มาตรการสนับสนุน")]
    moved = PLAN.replace("### ตัวชี้วัดเป้าประสงค์\n\n" + table, "").replace(
        "- มาตรการหน่วยงานที่ 2** พัฒนางานกลั่นกรอง\n", "- มาตรการหน่วยงานที่ 2** พัฒนางานกลั่นกรอง\n\n" + table
    )
    document = build(moved)
    goal = document.plan_2563.pillars[0].dimensions[0].goals[0]
    assert "structure.table_without_heading" in codes(document.findings)
    assert [k.code for k in goal.kpis] == ["1.1", "1.2"]
    assert [k.code for k in goal.measure_blocks[0].kpis] == ["1.1", "1.2"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("(ม.1), (มน.4)", [("city", 1, False), ("unit", 4, False)]),
        ("(ม.1), (ม.น.1)", [("city", 1, False), ("unit", 1, False)]),
        ("(ม.4), (ม.1)", [("city", 4, False), ("unit", 1, True)]),  # the ledger drops the น: read by position
        ("(ม.2)", [("city", 2, False)]),
        ("ประชุมสภากรุงเทพมหานคร (ม.1), (มน.2", [("city", 1, False), ("unit", 2, False)]),  # a scan lost the last )
        ("(ม.1), (มน.2 และ", [("city", 1, False)]),  # an open bracket inside the text is no reference
    ],
)
def test_measure_references(text, expected):
    assert [(r.kind, r.number, r.kind_inferred) for r in measure_refs(text)] == expected


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("ร้อยละ 100", 100, "ร้อยละ"),
        ("จำนวน 12 ครั้ง", 12, "ครั้ง"),
        ("ระยะเวลาไม่เกิน 12 นาที / 1 เรื่อง", 12, "นาที / 1 เรื่อง"),
        ("ร้อยละ ๙๕", 95, "ร้อยละ"),
    ],
)
def test_targets(text, value, unit):
    target = parse_target(text)
    assert (target.value.value, target.unit, target.raw) == (value, unit, text)


def test_kpi_joined_by_name_despite_spaces_prefix_and_references():
    catalogue = [CatalogueKPI(code="1.3", name="ความเชื่อมั่นของประชาชนในการแก้ไขปัญหาเรื่องร้องเรียนของผู้บริหาร กทม.",
                              mission="strategic")]
    assert resolve_kpi("ร้อยละความเชื่อมั่นของประชาชนในการแก้ไข ปัญหาเรื่องร้องเรียนของผู้บริหาร กทม. (ม.2), (มน.2)",
                       catalogue).code == "1.3"
    assert resolve_kpi("จำนวนหนังสือภายในที่ผ่านการตรวจสอบ", catalogue) is None


SUMMARY = f"""\
## มาตรการและโครงการ/กิจกรรม

### สรุปโครงการ/กิจกรรมและงบประมาณ

#### โครงการ/กิจกรรมยุทธศาสตร์

ลำดับที่{T}ชื่อโครงการ/กิจกรรม{T}งบประมาณ{T}แหล่งงบประมาณ กทม./รัฐบาล/ อื่น ๆ{T}ส่วนราชการ ที่รับผิดชอบ
1{T}กิจกรรมหนึ่ง (ม.1), (มน.1){T}-{T}-{T}ฝ่ายบริหารงานทั่วไป
2{T}กิจกรรมสอง (ม.1), (มน.4){T}1,000{T}กทม.{T}ส่วนประสาน นโยบาย
4{T}กิจกรรมสี่ (ม.2), (มน.2){T}-{T}-{T}ส่วนเรื่องราวร้องทุกข์
รวมงบประมาณทั้งสิ้น{T}{T}2,000{T}-{T}

รวมโครงการ/กิจกรรม 4 โครงการ/กิจกรรม

โครงการ/กิจกรรมที่ใช้งบประมาณ 1 โครงการ/กิจกรรม

โครงการ/กิจกรรมที่ไม่ใช้งบประมาณ 3 โครงการ/กิจกรรม

บัญชีรายการโครงการ/กิจกรรมประจำปีพื้นฐาน

ลำดับที่{T}ด้านงบประมาณ{T}ชื่อโครงการ/กิจกรรม{T}งบประมาณ{T}ส่วนราชการ ที่รับผิดชอบ
1{T}การบริหารทั่วไป{T}1. กิจกรรมประจำหนึ่ง (ม.1), (ม.2){T}-{T}กลุ่มงาน ลพว.กทม.
{T}{T}2. กิจกรรมประจำสอง (ม.4), (ม.1){T}-{T}ฝ่ายบริหารงานทั่วไป
รวมงบประมาณทั้งสิ้น{T}{T}{T}-{T}-

รวมโครงการ/กิจกรรม 2 โครงการ/กิจกรรม
"""


def test_summaries_rows_totals_and_stated_counts():
    document = build(SUMMARY)
    strategic, routine = document.project_summaries
    assert [r.number for r in strategic.rows] == ["1", "2", "4"]
    assert strategic.rows[1].values == {"budget_source": "กทม.", "measure_refs": "ม.1, มน.4"}
    assert (strategic.computed_total, strategic.stated_total.amount) == (1000, 2000)
    assert [(r.number, r.values["budget_group"], r.values["measure_refs"]) for r in routine.rows] == [
        ("1", "การบริหารทั่วไป", "ม.1, มน.2"),
        ("2", "การบริหารทั่วไป", "ม.4, มน.1"),  # ลำดับที่ / ด้านงบประมาณ carried down; 2nd reference by position
    ]
    assert codes(document.findings).count("xref.kind_inferred") == 2
    found = {(f.code, f.subject, f.expected, f.actual) for f in run_checks(document)}
    assert ("numbering.gap", "project_summary:strategic", "3", "4") in found
    assert ("total.count_mismatch", "project_summary.strategic.without_budget", "2", "3") in found
    assert not [f for f in found if f[1] == "project_summary.strategic.with_budget"]
    assert not any(f[1].startswith("project_summary.routine") for f in found)


SHEET_B = f"""\
{CATALOGUE}
การนำแผนฯ ไปสู่การปฏิบัติและการติดตามประเมินผล

มิติที่ 1 ประสิทธิภาพตามพันธกิจ

**ตาราง ข แสดงตัวชี้วัดและภารกิจจากการเจรจาตกลง**

**ด้านที่ 7 การบริหารจัดการเมืองมหานคร**

**มิติที่ 7.3 การบริหารทรัพยากรบุคคล**

**เป้าหมายที่ 7.3.1** บุคลากรเป็นผู้ปฏิบัติงานแบบมืออาชีพ

**เป้าประสงค์ 7.3.1.1** การพัฒนาบุคลากรให้มีทักษะ

ตัวชี้วัด{T}ค่าเป้าหมาย{T}นิยามและวิธีการคำนวณ{T}เชื่อมโยง มาตรการ{T}โครงการ/กิจกรรม{T}ส่วนราชการ/ ฝ่ายที่รับผิดชอบ
1. ความสำเร็จในการพัฒนาบุคลากรตามหลักสมรรถนะ (ผลผลิต){T}ร้อยละ 100{T}<p>นิยาม</p>{T}(ม.1), (มน.1){T}กิจกรรมหนึ่ง{T}ฝ่ายบริหารงานทั่วไป

ตัวชี้วัด{T}ค่าเป้าหมาย{T}นิยามและวิธีการคำนวณ{T}เชื่อมโยง มาตรการ{T}โครงการ/กิจกรรม{T}ส่วนราชการ/ ฝ่ายที่รับผิดชอบ
<p><b>หมายเหตุ :</b> สนับสนุนตัวชี้วัดของ กทม.</p>{T}ร้อยละ 100{T}<ul><li>- ค่าคะแนน ๕ คือ มากที่สุด</li><li>- ค่าคะแนน ๑ คือ น้อยที่สุด</li></ul>{T}{T}{T}

**ด้านที่ 7 การบริหารจัดการเมืองมหานคร**

**มิติที่ 7.3 การบริหารทรัพยากรบุคคล**

**เป้าหมายที่ 7.3.1** บุคลากรเป็นผู้ปฏิบัติงานแบบมืออาชีพ

**เป้าประสงค์ 7.3.1.1** การพัฒนาบุคลากรให้มีทักษะ

ตัวชี้วัด{T}ค่าเป้าหมาย{T}นิยามและวิธีการคำนวณ{T}เชื่อมโยง มาตรการ{T}โครงการ/กิจกรรม{T}ส่วนราชการ/ ฝ่ายที่รับผิดชอบ
{T}{T}วิธีคำนวณ $\\frac{{a}}{{b}}${T}(ม.1), (มน.1){T}{T}ฝ่ายบริหารงานทั่วไป
2. ระยะเวลาเฉลี่ยในการนำหนังสือภายนอกเสนอส่วนราชการ (ผลผลิต){T}ระยะเวลาไม่เกิน 12 นาที{T}นิยามสอง{T}(ม.1), (ม.น.3){T}กิจกรรมสอง{T}ฝ่ายบริหารงานทั่วไป
"""


def test_negotiated_sheet_rows_merged_across_pages():
    document = build(SHEET_B)
    kpis = [k for k in document.monitoring.kpis if k.table_role == "negotiated_kpis"]
    assert [(k.code, k.table_label, (k.source.continued_rows or 0)) for k in kpis] == [("1.1", "ข", 2), ("1.2", "ข", 0)]
    first = kpis[0]
    assert first.target == "ร้อยละ 100"  # the target repeated on the next page is not added twice
    assert first.definition.startswith("นิยาม\n")
    assert "$\\frac{a}{b}$" in first.definition  # formulas kept as raw text
    assert first.formula == "วิธีคำนวณ $\\frac{a}{b}$"
    assert first.fields["target_code"] == "7.3.1"
    assert first.fields["result_type"] == "ผลผลิต"
    assert first.fields["measure_refs"] == "ม.1, มน.1"
    assert kpis[1].fields["measure_refs"] == "ม.1, มน.3"
    (rubric,) = document.monitoring.rubrics
    assert rubric.kpi_code == "1.1"
    assert [(r.level, r.criterion) for r in rubric.rows] == [(5, "มากที่สุด"), (1, "น้อยที่สุด")]


def _sheet_kpi_with_scale(levels: str, code: str = "1.3"):
    from extractor.model.base import Source
    from extractor.model.monitoring import MonitoredKPI

    words = {"5": "มากที่สุด", "4": "มาก", "3": "ปานกลาง", "2": "น้อย", "1": "น้อยที่สุด"}
    scale = "\n".join(f"- ค่าคะแนน {level} คือ {words[level]}" for level in levels)
    return MonitoredKPI(table_role="kpi_definitions", code=code, name="ความเชื่อมั่น", definition=scale, source=Source())


def test_a_scale_printed_twice_with_a_row_lost_in_one_copy_is_kept_once_with_its_rows():
    from extractor.grammar.builders.bma2563 import _scales

    findings: list = []
    (rubric,) = _scales([_sheet_kpi_with_scale("5321"), _sheet_kpi_with_scale("54321")], findings)
    assert [r.level for r in rubric.rows] == [5, 4, 3, 2, 1]
    assert [(f.code, f.subject) for f in findings] == [("rubric.copies_differ", "1.3")]
    findings = []
    (rubric,) = _scales([_sheet_kpi_with_scale("54321"), _sheet_kpi_with_scale("54321")], findings)
    assert len(rubric.rows) == 5 and not findings  # the same scale in two sheets: once, nothing to report
    other = _scales([_sheet_kpi_with_scale("5321"), _sheet_kpi_with_scale("54321", code="1.4")], [])
    assert [r.kpi_code for r in other] == ["1.3", "1.4"]  # another KPI's scale is its own


WORK_PLAN = f"""\
การนำแผนฯ ไปสู่การปฏิบัติและการติดตามประเมินผล

ขั้นตอนการปฏิบัติงานของโครงการ/กิจกรรม (เฉพาะภารกิจเชิงยุทธศาสตร์)

ข้อตัวชีวิตที่ 1.2 : บุคลากรมีสมรรถนะด้านเทคโนโลยี

มาตรฐานวิชาชีพ

ชื่อโครงการ/กิจกรรม : การพัฒนาการจัดการประชุม

ส่วนราชการรับผิดชอบ : ส่วนประสานนโยบาย

ขั้นตอนการปฏิบัติงานของโครงการ/กิจกรรม{T}เนื้องาน รายขั้นตอน (ร้อยละ){T}คิด ความก้าวหน้า โครงการ (ร้อยละ){T}ระยะเวลาดำเนินการ{T}{T}
{T}{T}{T}พ.ศ. 2562{T}{T}{T}พ.ศ. 2563{T}{T}
{T}{T}{T}ต.ค.{T}พ.ย.{T}ธ.ค.{T}ม.ค.{T}ก.พ.{T}มี.ค.{T}เม.ย.{T}พ.ค.{T}มิ.ย.{T}ก.ค.{T}ส.ค.{T}ก.ย.{T}
ขั้นตอนที่ 1 เตรียมเอกสาร{T}10{T}10{T}{T}↔{T}{T}{T}{T}{T}{T}{T}{T}{T}{T}{T}
ขั้นตอนที่ 2 ลงทะเบียน{T}84 (เฉลี่ย เนื้องาน เดือน ละ 7{T}84{T}{T}{T}{T}{T}{T}{T}{T}{T}{T}{T}{T}{T}→

ขั้นตอนที่ 3 สรุปผล{T}6{T}100{T}{T}{T}{T}{T}{T}{T}{T}{T}{T}{T}{T}↔{T}
รวม 3 ขั้นตอน คิดเป็นร้อยละ 100{T}100{T}100{T}17{T}24{T}31{T}38{T}45{T}52{T}59{T}66{T}73{T}80{T}87{T}100

ขั้นตอนการปฏิบัติงานของโครงการ/กิจกรรม (เฉพาะภารกิจเชิงยุทธศาสตร์)

ชื่อตัวชี้วัดที่ 1.1 : ความสำเร็จในการพัฒนาบุคลากร

ขั้นตอนการปฏิบัติงานของโครงการ/กิจกรรม{T}เนื้องาน รายขั้นตอน (ร้อยละ){T}คิด ความก้าวหน้า โครงการ (ร้อยละ){T}ระยะเวลาดำเนินการ
ขั้นตอนที่ 1 วางแผน{T}10{T}10{T}↔
"""


def test_work_plans_positions_checks_and_truncation():
    document = build(WORK_PLAN)
    first, second = document.plan_2563.work_plans
    assert (first.kpi_code, first.kpi_name, first.unit) == ("1.2", "บุคลากรมีสมรรถนะด้านเทคโนโลยี มาตรฐานวิชาชีพ",
                                                             "ส่วนประสานนโยบาย")
    assert first.months[0] == "ต.ค." and first.months[-1] == "ก.ย."
    assert first.steps[0].months[1] == "↔"  # the bar stays in its month (พ.ย.), empty cells keep their place
    assert first.steps[1].weight.value == 84 and first.steps[1].overflow == ["→"]  # blank line inside the table
    assert [s.number for s in first.steps] == [1, 2, 3]
    assert first.total.steps_stated == 3 and first.total.monthly[-1].value == 100
    assert second.total is None and document.document.truncated
    found = [(f.code, f.subject, f.expected, f.actual) for f in document.findings + run_checks(document)]
    assert ("work_plan.cell_beyond_months", "1.2", None, "→") in found
    assert ("work_plan.cumulative_mismatch", "1.2", "94", "84") in found
    assert ("work_plan.truncated", "1.1", None, None) in found


def test_unit_name_spelt_differently_on_the_cover():
    text = (
        "แผนปฏิบัติการประจำปี พ.ศ. 2563\nสำนักงานเลขานุการผู้ว่าราชการกรุงเทพมหานคร\n\n## คำนำ\n\n"
        "สำนักงานเลขาธิการผู้ว่าราชการกรุงเทพมหานคร ได้จัดทำแผน\n\nสำนักงานเลขาธิการผู้ว่าราชการกรุงเทพมหานคร\n"
    )
    document = build(text)
    info = document.document
    assert (info.title, info.fiscal_year_be, info.fiscal_year_ce, info.template_id) == (
        "แผนปฏิบัติการประจำปี พ.ศ. 2563",
        2563,
        2020,
        GRAMMAR_ID,
    )
    (finding,) = [f for f in document.findings if f.code == "document.unit_name_variant"]
    assert (finding.expected, finding.actual) == (
        "สำนักงานเลขาธิการผู้ว่าราชการกรุงเทพมหานคร",
        "สำนักงานเลขานุการผู้ว่าราชการกรุงเทพมหานคร",
    )


# ---- seeds ---------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("seed", sorted(CORPUS.glob("*.txt")), ids=lambda p: p.name[:3])
def test_detection_keeps_the_templates_apart(seed):
    detection = detect_template(read_dump_text(seed.read_text(encoding="utf-8")), _grammars())
    is_2563 = seed == SEED_2563
    assert (detection.grammar is not None and detection.grammar.id == GRAMMAR_ID) == is_2563
    if is_2563:
        others = [score for gid, score in detection.scores.items() if gid != GRAMMAR_ID]
        assert all(score < detection.score for score in others)


@cache
def seed_document() -> PlanDocument:
    return build(SEED_2563.read_text(encoding="utf-8"))


@pytest.mark.skipif(not SEED_2563.exists(), reason="seed 002 not in the corpus")
class TestSeed002:
    def test_document_info(self):
        info = seed_document().document
        assert info.title == "แผนปฏิบัติการประจำปี พ.ศ. 2563"
        assert info.unit_name == "สำนักงานเลขานุการผู้ว่าราชการกรุงเทพมหานคร"
        assert (info.fiscal_year_be, info.template_id, info.truncated) == (2563, GRAMMAR_ID, False)
        assert "document.unit_name_variant" in codes(seed_document().findings)

    def test_front_matter(self):
        front = seed_document().front_matter
        assert [(e.title, e.page) for e in front.table_of_contents][3] == ("มาตรการและโครงการ/กิจกรรม", "8")
        assert len(front.table_of_contents) == 5
        categories = [s.category for s in front.swot]
        assert categories.count("strength") == 3 and categories.count("opportunity") == 2
        weaknesses = [(s.factor, s.number) for s in front.swot if s.category == "weakness"]
        assert ("ด้านบุคลากร", "1.2") in weaknesses and ("ด้านสถานที่ และวัสดุอุปกรณ์", "2.3") in weaknesses
        assert len(front.missions) == 5 and front.vision.startswith("สำนักงานเลขาธิการ")
        assert [k.code for k in front.key_indicators] == [f"1.{i}" for i in range(1, 11)]

    def test_plan_tree(self):
        plan = seed_document().plan_2563
        assert [(p.number, p.service_part) for p in plan.pillars] == [("5", "1"), ("7", "2")]
        goals = [g for p in plan.pillars for d in p.dimensions for g in d.goals]
        assert [g.code for g in goals] == ["5.4.1.1", "7.3.1.1", "7.4.1.4", "7.5.1.2", "7.5.1.4"]
        assert goals[2].name.endswith("ควบคุมภายในให้ถูกต้อง โปร่งใส ตรวจสอบได้ และมีประสิทธิภาพประสิทธิผล")
        blocks = [(g.code, b.city_measure.code, b.unit_measure.code) for g in goals for b in g.measure_blocks]
        assert blocks == [
            ("5.4.1.1", "ม.2", "มน.2"),
            ("7.3.1.1", "ม.1", "มน.1"),
            ("7.3.1.1", "ม.1", "มน.2"),
            ("7.3.1.1", "ม.1", "มน.4"),
            ("7.4.1.4", "ม.4", "มน.1"),
            ("7.5.1.2", "ม.2", "มน.4"),
            ("7.5.1.4", "ม.1", "มน.4"),
        ]
        assert sum(len(g.kpis) for g in goals) == 10
        assert sum(len(b.kpis) for g in goals for b in g.measure_blocks) == 10
        assert [k.code for k in goals[1].kpis] == ["1.1", "1.5", "1.6", "1.7", "1.8", "1.9"]
        assert all(k.code for g in goals for k in g.kpis)  # every KPI joined to the catalogue by name
        strategic = [p for g in goals for b in g.measure_blocks for p in b.strategic_projects]
        routine = [p for g in goals for b in g.measure_blocks for p in b.routine_projects]
        assert (len(strategic), len(routine)) == (5, 5)
        assert goals[0].kpis[0].targets[0].raw == "ร้อยละ 100"
        assert [m.code for m in plan.unit_measures] == ["มน.1", "มน.2", "มน.3", "มน.4"]
        assert [(g.pillar, g.goal_code) for g in plan.aligned_goals][-1] == ("7", "7.5.1.4")

    def test_summaries_and_numbering_gap(self):
        document = seed_document()
        strategic, routine = document.project_summaries
        assert [r.number for r in strategic.rows] == ["1", "2", "3", "4", "6"]
        assert (strategic.title, routine.title) == ("โครงการ/กิจกรรมยุทธศาสตร์", "บัญชีรายการโครงการ/กิจกรรมประจำปีพื้นฐาน")
        assert [r.number for r in routine.rows] == ["1", "2", "3", "4", "5"]
        assert strategic.stated_count == routine.stated_count == 5
        assert strategic.computed_total == 0 and strategic.stated_total.amount == 0
        found = run_checks(document)
        gaps = [(f.subject, f.expected, f.actual, f.source.line_start) for f in found if f.code == "numbering.gap"]
        assert gaps == [("project_summary:strategic", "5", "6", 333)]
        assert not [f for f in found if f.code.startswith("total.")]

    def test_monitoring_sheets(self):
        monitoring = seed_document().monitoring
        assert monitoring.title == "การนำแผนฯ ไปสู่การปฏิบัติและการติดตามประเมินผล"
        sheet_a = [k.code for k in monitoring.kpis if k.table_role == "kpi_definitions"]
        first = monitoring.kpis[0]
        assert (first.code, first.target, first.fields["summary_measure_refs"]) == ("1.3", "ร้อยละ 100", "ม.2, มน.2")
        assert first.fields["context"] == "ภารกิจเชิงยุทธศาสตร์"
        assert first.data_collection == "เดือนตุลาคม ๒๕๖๒ ถึง กันยายน ๒๕๖๓"
        assert sum(1 for k in monitoring.kpis if k.formula) == 10  # every ก / ข sheet has its calculation
        assert seed_document().plan_2563.evaluation_guideline.startswith("แนวทางการประเมินผลการปฏิบัติราชการ")
        sheet_b = [k.code for k in monitoring.kpis if k.table_role == "negotiated_kpis"]
        assert sheet_a == ["1.3", "1.1", "1.5", "1.4", "1.2"]
        assert sheet_b == ["1.3", "1.1", "1.5", "1.4", "1.2"]
        components = [k for k in monitoring.kpis if k.table_role == "component_kpis"]
        assert [k.code for k in components] == ["2.1", "2.2", "2.2.1", "2.2.2", "3.1 (ก)", "3.1 (ข)", "3.2", "3.3",
                                                "4.1", "4.2"]
        assert components[0].fields["defined_by"] == "สงม." and components[0].responsible == "ฝ่ายบริหารงานทั่วไป"
        (rubric,) = monitoring.rubrics
        assert rubric.kpi_code == "1.3" and [r.level for r in rubric.rows] == [5, 4, 3, 2, 1]
        dims = seed_document().plan_2563.evaluation_dimensions
        assert [(d.number, d.label_raw) for d in dims] == [(1, None), (2, "มติที่"), (3, None), (4, "มติที่")]

    def test_work_plans_and_cross_reference_findings(self):
        document = seed_document()
        plans = document.plan_2563.work_plans
        assert [p.kpi_code for p in plans] == ["1.1", "1.1", "1.2", "1.3", "1.4", "1.5"]
        assert [len(p.steps) for p in plans] == [4, 6, 5, 6, 5, 6]
        found = {(f.code, f.subject, f.source.line_start) for f in document.findings + run_checks(document)}
        assert ("work_plan.truncated", "1.1", 674) in found
        assert ("work_plan.cumulative_mismatch", "1.1", 706) in found
        assert ("work_plan.cumulative_mismatch", "1.2", 727) in found
        assert ("xref.measure_mismatch", "KPI 1.5 (ตาราง ข)", 617) in found
        assert ("xref.kind_inferred", "1.3", 384) in found
        assert ("structure.table_without_heading", "5.4.1.1", 169) in found


def test_seed_002_through_the_whole_pipeline():
    """Thai repair, detection, builder and every registered check together: the same plan and the 2563 findings."""
    import extractor

    document = extractor.parse(SEED_2563)
    assert document.document.template_id == GRAMMAR_ID
    goals = [g for p in document.plan_2563.pillars for d in p.dimensions for g in d.goals]
    assert [len(g.kpis) for g in goals] == [1, 6, 1, 1, 1]
    assert all(k.code for g in goals for k in g.kpis)
    found = {(f.code, f.source.line_start if f.source else None) for f in document.findings}
    for expected in [
        ("numbering.gap", 333),
        ("document.unit_name_variant", 4),
        ("xref.measure_mismatch", 617),
        ("work_plan.truncated", 674),
        ("work_plan.cumulative_mismatch", 706),
    ]:
        assert expected in found


@pytest.mark.parametrize(
    ("text", "number", "rest"),
    [
        ("1.1.ผู้บังคับบัญชาระดับสูง", "1.1", "ผู้บังคับบัญชาระดับสูง"),  # a scan lost the space after the dot
        ("1.1. ผู้บังคับบัญชาระดับสูง", "1.1", "ผู้บังคับบัญชาระดับสูง"),
        ("๒) บุคลากร", "2", "บุคลากร"),
        ("1.5เท่าของปีก่อน", None, "1.5เท่าของปีก่อน"),  # a number going on, no item
        ("1.1ผู้บังคับบัญชา", None, "1.1ผู้บังคับบัญชา"),
    ],
)
def test_numbered_item_with_or_without_the_space_after_its_number(text, number, rest):
    from extractor.blocks import Block, BlockKind
    from extractor.grammar.builders.bma2563 import _numbered

    item = _numbered(Block(kind=BlockKind.LIST_ITEM, text=text, raw=text))
    assert (item.number, item.text) == (number, rest)


def test_a_reference_that_lost_its_closing_bracket_is_a_finding():
    from extractor.blocks import Provenance
    from extractor.grammar.builders.bma2563 import _ref_findings

    findings: list = []
    _ref_findings(measure_refs("กิจกรรม (ม.1), (มน.2"), "กิจกรรม", Provenance(page=18), findings)
    assert [(f.code, f.actual, f.expected) for f in findings] == [("xref.unclosed", "(มน.2", "(มน.2)")]
