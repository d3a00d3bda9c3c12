"""Part 4 (monitoring tables, rubrics): rules on small inline dumps, then counts and records checked on the seeds."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from extractor.grammar.builders.part4 import definition_sections, monitoring, parse_baseline
from extractor.grammar.engine import build_tree
from extractor.grammar.spec import Grammar, load_grammars
from extractor.ingest.dump import read_dump_text
from extractor.model.base import Finding
from extractor.model.monitoring import Monitoring
from extractor.thai.digits import arabic_to_thai_digits

CORPUS = Path(__file__).resolve().parents[2] / "corpus"


@cache
def grammar() -> Grammar:
    return {g.id: g for g in load_grammars()}["bma-2567-action-plan"]


def build(text: str) -> tuple[Monitoring, list[Finding]]:
    findings: list[Finding] = []
    tree = build_tree(read_dump_text(text), grammar())
    return monitoring(tree, findings, grammar()), findings


@cache
def seed(prefix: str) -> tuple[Monitoring, tuple[Finding, ...]]:
    path = next(CORPUS.glob(f"{prefix}_*.txt"))
    result, findings = build(path.read_text(encoding="utf-8"))
    return result, tuple(findings)


PART4 = "ส่วนที่ 4\nการนำแผนฯ ไปสู่การปฏิบัติและการติดตามประเมินผล\n"
SHEET_HEADER = "ที่ | ชื่อตัวชี้วัด | ข้อมูลพื้นฐาน (Baseline data) | เป้าหมาย | น้ำหนัก คะแนน | นิยามและวิธีคำนวณ |\n"
RUBRIC_HEADER = "ระดับความสำเร็จ | เกณฑ์ร้อยละความสำเร็จ | วิธีวัดผลการดำเนินงาน | คะแนนที่ได้รับ |\n"


def rubric_rows(scores: list[int], levels: str = "54321") -> str:
    return "".join(f"{lv} | ร้อยละ {int(lv) * 20} | วิธี {lv} | {s} |\n" for lv, s in zip(levels, scores))


# -- rules on inline input ---------------------------------------------------------------------------------------


def test_repeated_header_and_left_packed_continuations_stitch_into_one_kpi():
    text = (
        PART4 + "ตาราง ค. แสดงตัวชี้วัดและภารกิจจากการเจรจาตกลง\n" + SHEET_HEADER
        + "1 | ระดับความพึงพอใจ | พ.ศ. 2565 : - พ.ศ. 2566 : | ระดับ 5 | 10 | นิยาม ระบบ หมายถึง ระบบงาน |\n"
        + SHEET_HEADER
        + "วิธีคำนวณ A = B x 100 C | |||||\n"
        + "วิธีเก็บข้อมูล/หลักฐาน แบบสอบถาม |\n"
    )
    result, _ = build(text)
    (kpi,) = result.kpis
    assert (kpi.table_role, kpi.code, kpi.name, kpi.target) == ("negotiated_kpis", "1", "ระดับความพึงพอใจ", "ระดับ 5")
    assert kpi.weight.value == 10 and kpi.source.continued_rows == 2
    assert kpi.formula == "A = B x 100 C" and kpi.data_collection == "แบบสอบถาม"
    assert [(b.year_be, b.status) for b in kpi.baseline] == [(2565, "dash"), (2566, "empty")]


def test_rubric_links_to_the_sheet_before_it_and_splits_into_parts_when_levels_restart():
    text = (
        PART4 + "ตาราง ค แสดงตัวชี้วัด\n" + SHEET_HEADER
        + "5. | ความสำเร็จ | - | ระดับ 5 | 10 | นิยาม งาน หมายถึง งาน |\n"
        + "เกณฑ์การให้คะแนน “ความสำเร็จ” โดยแบ่งการวัดเป็น 2 ส่วน 1.วัดความพึงพอใจ\n"
        + RUBRIC_HEADER + rubric_rows([5, 4, 3, 2, 1], "๕๔๓๒๑")
        + "2. วัดคุณภาพการบริการ\n"
        + RUBRIC_HEADER + rubric_rows([5, 4, 3, 2, 1])
    )
    result, _ = build(text)
    assert [(r.kpi_code, r.part_index, r.part_count, r.part) for r in result.rubrics] == [
        ("5", 1, 2, "1.วัดความพึงพอใจ"),
        ("5", 2, 2, "2. วัดคุณภาพการบริการ"),
    ]
    first = result.rubrics[0].rows[0]
    assert (first.level, first.level_raw, first.criterion_percent, first.score.value) == (5, "๕", 100, 5)


def test_scan_noise_in_a_sheet_number_and_a_rubric_criterion():
    """A scan put a space after a dot of the KPI number (๑.๑. ๓) and lost ร้อยละ before a criterion's number: the
    number cell still gives the code (no code has a space), the rubric's percent column still gives the percent."""
    text = (
        PART4 + "ตาราง ค แสดงตัวชี้วัด\n" + SHEET_HEADER
        + "๑.๑. ๓ | ความสำเร็จ | - | ระดับ 5 | 10 | นิยาม งาน หมายถึง งาน |\n"
        + "เกณฑ์การให้คะแนน “ความสำเร็จ”\n"
        + RUBRIC_HEADER + "5 | ร้อยละ 100 | วิธี 5 | 10 |\n4 | ๘๐ | วิธี 4 | 8 |\n3 | ร้อยละ | วิธี 3 | 6 |\n"
    )
    result, _ = build(text)
    (kpi,) = result.kpis
    assert (kpi.code, kpi.code_raw, kpi.fields) == ("1.1.3", "๑.๑.๓", {})
    assert result.rubrics[0].kpi_code == "1.1.3"
    assert [r.criterion_percent for r in result.rubrics[0].rows] == [100, 80, None]


def test_a_sheet_number_a_scan_left_blank_comes_from_the_numbering_around_it():
    text = (
        PART4 + "ตาราง ค แสดงตัวชี้วัด\n" + SHEET_HEADER
        + " | ถนนสวย | - | ๑ กม. | 10 | นิยาม ก |\n"
        + "๑.๑.๒ | ปลูกต้นไม้ | - | ร้อยละ ๑๐๐ | 10 | นิยาม ข |\n"
        + "๑.๒ | ลดขยะ | - | ร้อยละ ๑๐๐ | 10 | นิยาม ค |\n"
    )
    result, findings = build(text)
    assert [(k.code, k.code_raw) for k in result.kpis] == [("1.1.1", "๑.๑.๑"), ("1.1.2", "๑.๑.๒"), ("1.2", "๑.๒")]
    assert [f.expected for f in findings if f.code == "kpi.number_from_sequence"] == ["1.1.1"]


def _scored_rubric(rows: str) -> str:
    return (
        PART4 + "ตาราง ค แสดงตัวชี้วัด\n" + SHEET_HEADER + "1 | ก | - | ระดับ 5 | 10 | นิยาม ก หมายถึง ข |\n"
        + "เกณฑ์การให้คะแนน “ก”\n" + RUBRIC_HEADER + rows
    )


@pytest.mark.parametrize(("scores", "expected"), [
    (["๑๐", "๘", "อ", "๔", "๒"], [10, 8, 6, 4, 2]),  # a misread digit: the other four lie on a line
    (["๒๐", "ออ", "๑๒", "๘", "๔"], [20, 16, 12, 8, 4]),
    (["๑๐", "๙", "อ", "๔", "๒"], [10, 9, None, 4, 2]),  # the scores lie on no line: nothing is guessed
    (["๑๐", "อ", "อ", "อ", "๒"], [10, None, None, None, 2]),  # two scores are no line
])
def test_a_rubric_score_a_scan_misread_comes_from_the_line_of_the_other_levels(scores, expected):
    rows = "".join(f"{lv} | ร้อยละ {int(lv) * 20} | วิธี {lv} | {s} |\n" for lv, s in zip("54321", scores))
    result, findings = build(_scored_rubric(rows))
    assert [r.score.value if r.score else None for r in result.rubrics[0].rows] == expected
    filled = [(f.expected, f.actual) for f in findings if f.code == "rubric.score_from_levels"]
    assert filled == [(str(v), s) for v, s in zip(expected, scores) if not s.isdigit() and v is not None]
    thai = {str(v): arabic_to_thai_digits(str(v)) for v in expected if v is not None}
    assert [r.score.raw for r in result.rubrics[0].rows if r.score and str(r.score.value) in dict(filled)] == [
        thai[v] for v, _ in filled
    ]


def test_a_criterion_that_lost_its_word_is_written_as_the_other_rows_write_it():
    rows = "5 | ร้อยละ ๑๐๐ | วิธี 5 | ๑๐ |\n4 | ๘๐ | วิธี 4 | ๘ |\n3 | ร้อยละ ๖๐ | วิธี 3 | ๖ |\n"
    result, findings = build(_scored_rubric(rows))
    assert [r.criterion for r in result.rubrics[0].rows] == ["ร้อยละ ๑๐๐", "ร้อยละ ๘๐", "ร้อยละ ๖๐"]
    assert [(f.expected, f.actual) for f in findings if f.code == "rubric.percent_word_restored"] == [
        ("ร้อยละ ๘๐", "๘๐")
    ]
    bare = "5 | 100 | วิธี 5 | 10 |\n4 | 80 | วิธี 4 | 8 |\n3 | 60 | วิธี 3 | 6 |\n"
    result, findings = build(_scored_rubric(bare))  # no row writes the word: the criteria stay as written
    assert [r.criterion for r in result.rubrics[0].rows] == ["100", "80", "60"]
    assert not [f for f in findings if f.code == "rubric.percent_word_restored"]


def test_first_part_label_on_the_line_below_the_title_line():
    """A title line that ends before the first part's label (a PDF wrapped it: the label opens the next line)."""
    text = (
        PART4 + "ตาราง ค แสดงตัวชี้วัด\n" + SHEET_HEADER
        + "5. | ความสำเร็จ | - | ระดับ 5 | 10 | นิยาม งาน หมายถึง งาน |\n"
        + "เกณฑ์การให้คะแนน “ความสำเร็จ” โดยแบ่งการวัดเป็น 2 ส่วน\n1.วัดความพึงพอใจ\n"
        + RUBRIC_HEADER + rubric_rows([5, 4, 3, 2, 1])
        + "2. วัดคุณภาพการบริการ\n"
        + RUBRIC_HEADER + rubric_rows([5, 4, 3, 2, 1])
    )
    result, _ = build(text)
    assert [r.part for r in result.rubrics] == ["1.วัดความพึงพอใจ", "2. วัดคุณภาพการบริการ"]


def test_row_spanning_tactic_is_inherited_and_marked():
    header = "กลยุทธ์ | ตัวชี้วัด KPI | ค่าเป้าหมาย | นิยาม/คำอธิบายตัวชี้วัด | โครงการ/กิจกรรม |\n"
    text = (
        PART4 + "ตาราง ก แสดงตัวชี้วัดตามแผน\n" + header
        + "5.3.1 วิเคราะห์ | KPI 5.3.1.2 : จำนวนภารกิจ | 3 ภารกิจ | นิยาม ภารกิจ หมายถึง งาน | 1. กิจกรรม |\n"
        + "KPI 5.3.1.3 : จำนวนภารกิจที่รับโอน | 2 ภารกิจ | ค่าเป้าหมาย 2 ภารกิจ |\n"
    )
    result, _ = build(text)
    assert [k.code for k in result.kpis] == ["5.3.1.2", "5.3.1.3"]
    second = result.kpis[1]
    assert second.tactic == "5.3.1 วิเคราะห์" and second.inherited == ["tactic"] and second.target == "2 ภารกิจ"
    assert result.kpis[0].tactic_code == "5.3.1" and result.kpis[0].inherited == []


def test_context_lines_above_a_block_are_kept_with_its_kpis():
    header = "ตัววัดผล/ตัวชี้วัดหลักตามภารกิจหลักของหน่วยงาน (KR / KPI) | ค่าเป้าหมาย | นิยาม/คำอธิบายตัวชี้วัด | โครงการ/กิจกรรม |\n"
    text = (
        PART4 + "ตาราง ข แสดงตัวชี้วัดยุทธศาสตร์หน่วยงาน\n"
        + "ประเด็นการพัฒนาที่ 1 พัฒนาบุคลากร\nวัตถุประสงค์หลัก (Objective) พัฒนาศักยภาพ\n" + header
        + "1. ร้อยละความสำเร็จ | ร้อยละ 100 | นิยาม งาน หมายถึง งาน | 1. โครงการ ก |\n"
        + "ประเด็นการพัฒนาที่ 2 พัฒนาโครงสร้าง\n" + header
        + "2. ระดับความสำเร็จ | ระดับ 5 | นิยาม ระบบ หมายถึง ระบบ | 2. โครงการ ข |\n"
    )
    result, _ = build(text)
    issues = [(k.code, k.context.issue, k.context.objective) for k in result.kpis]
    assert issues == [
        ("1", "ประเด็นการพัฒนาที่ 1 พัฒนาบุคลากร", "วัตถุประสงค์หลัก (Objective) พัฒนาศักยภาพ"),
        ("2", "ประเด็นการพัฒนาที่ 2 พัฒนาโครงสร้าง", None),
    ]


@pytest.mark.parametrize(("line", "objective", "read"), [
    ("วัตถุประสงค์หลัก (๐๒๑๐ ยง๑)¹⁹ ร้อยละ 100", "วัตถุประสงค์หลัก (Objective)¹⁹ ร้อยละ 100", "วัตถุประสงค์หลัก (๐๒๑๐ ยง๑)"),
    ("วัตถุประสงค์หลัก (00¹³๐ยัง@)¹³ มีระบบ", "วัตถุประสงค์หลัก (Objective)¹³ มีระบบ", "วัตถุประสงค์หลัก (00¹³๐ยัง@)"),
    ("วัตถุประสงค์หลัก (Objective)⁸ พัฒนา", "วัตถุประสงค์หลัก (Objective)⁸ พัฒนา", None),
])
def test_an_objective_line_whose_english_gloss_a_scan_misread_keeps_its_label(line, objective, read):
    header = "ตัวชี้วัดหลักตามภารกิจ | ค่าเป้าหมาย | นิยาม/คำอธิบาย | โครงการ/กิจกรรม |\n"
    text = (
        PART4 + "ตาราง ข แสดงตัวชี้วัดยุทธศาสตร์หน่วยงาน\n"
        + f"ประเด็นการพัฒนาที่ 1 พัฒนาบุคลากร\n{line}\n" + header
        + "1 ร้อยละความสำเร็จ | ร้อยละ 100 | นิยาม งาน หมายถึง งาน | 1. โครงการ ก |\n"
    )
    result, findings = build(text)
    assert [k.context.objective for k in result.kpis] == [objective]
    assert [f.actual for f in findings if f.code == "context.label_restored"] == ([read] if read else [])


def test_a_table_after_a_rubric_without_header_is_kept_not_merged():
    text = (
        PART4 + "ตาราง ค แสดงตัวชี้วัด\n" + SHEET_HEADER + "1 | ก | - | ระดับ 5 | 10 | นิยาม ก หมายถึง ข |\n"
        + "เกณฑ์การให้คะแนน “ก”\n" + RUBRIC_HEADER + rubric_rows([10, 8, 6, 4, 2])
        + "เป้าหมายการพัฒนา | H |\n1. พัฒนาถนนสวย (กม.) | สนย. |\n"
    )
    result, _ = build(text)
    assert len(result.rubrics[0].rows) == 5
    (kept,) = result.tables
    assert kept.role == "unrecognised" and kept.rows == [["เป้าหมายการพัฒนา", "H"], ["1. พัฒนาถนนสวย (กม.)", "สนย."]]


@pytest.mark.parametrize("levels", [
    "มากที่สุด (5) | มาก (4) | ปานกลาง (3) | น้อย (2) | น้อยที่สุด (1) |",
    "มากที่สุด (5) | มาก (2 | ปานกลาง (3) | น้อย (2) | น้อยที่สุด (1) |",  # a scan lost a closing bracket (seed 000)
])
def test_questionnaire_level_labels_are_a_subheader_row(levels):
    text = (
        PART4 + "ตอนที่ 2 ระดับความพึงพอใจในการใช้บริการระบบสารสนเทศ\n"
        + "หลักเกณฑ์ | ระดับความพึงพอใจ |\n" + levels + "\n"
        + "1. ด้านกระบวนงาน |\n" + "1.1 | มีขั้นตอนชัดเจนในการปฏิบัติงาน |\n"
    )
    result, _ = build(text)
    (table,) = [t for t in result.tables if t.role == "questionnaire"]
    assert [row[:2] for row in table.rows] == [["1. ด้านกระบวนงาน", ""], ["1.1", "มีขั้นตอนชัดเจนในการปฏิบัติงาน"]]


def test_truncation_needs_a_final_table_row_and_lost_content():
    complete = (
        PART4 + "ตาราง ค แสดงตัวชี้วัด\n" + SHEET_HEADER + "1 | ก | - | ระดับ 5 | 10 | นิยาม ก หมายถึง ข |\n"
        + "เกณฑ์การให้คะแนน “ก”\n" + RUBRIC_HEADER + rubric_rows([10, 8, 6, 4, 2])
    )
    result, findings = build(complete)
    assert not result.truncated and not [f for f in findings if f.code == "monitoring.truncated"]
    cut = complete + SHEET_HEADER + "2 | ข | - | ระดับ 5 | 10 | นิยาม ข หมายถึง ค |\n"
    result, findings = build(cut)
    assert result.truncated
    assert [f.code for f in findings] == ["monitoring.truncated"] and "KPI 2 has no rubric" in findings[0].message


def test_definition_sections_and_baseline_parsers():
    sections = definition_sections("นิยาม ก หมายถึง ข วิธีคำนวณ A = B x 100 C วิธีเก็บข้อมูล/หลักฐาน รายงาน", grammar())
    assert sections == {"definition": "ก หมายถึง ข", "formula": "A = B x 100 C", "data_collection": "รายงาน"}
    years = parse_baseline("ปี ๒๕๖๕ = ๑๒๕,๓๑๔ ต้น ปี ๒๕๖๖ = ๔๐๓,๙๓๘ ต้น")
    assert [(y.year_be, y.raw, y.status) for y in years] == [(2565, "๑๒๕,๓๑๔ ต้น", "value"), (2566, "๔๐๓,๙๓๘ ต้น", "value")]
    # a scan's space after the first dot of พ.ศ. is still the label; a year without its label is no year
    years = parse_baseline("พ. ศ. 2563 : - พ.ศ. 2564 : - 2565 : 12 คน")
    assert [(y.year_be, y.raw, y.status) for y in years] == [(2563, "-", "dash"), (2564, "- 2565 : 12 คน", "value")]
    years = parse_baseline("พ.ศ. 2564 : ไม่ มี พ.ศ. 2565 : ไม่มีข้อมูล")  # ไม่มี split by a scan is still none
    assert [(y.year_be, y.status) for y in years] == [(2564, "dash"), (2565, "value")]
    # a scan's lost colon at the end of the cell, or a speck before the colon: the year after the one before only
    years = parse_baseline("พ.ศ. ๒๕๖๔ : พ.ศ. ๒๕๖๕ : พ.ศ. ๒๕๖๖")
    assert [(y.year_be, y.status) for y in years] == [(2564, "empty"), (2565, "empty"), (2566, "empty")]
    years = parse_baseline("พ.ศ. ๒๕๖๕ : ๗๓ ดวง พ.ศ. ๒๕๖๖ 1 : ๗๙ ดวง")
    assert [(y.year_be, y.raw) for y in years] == [(2565, "๗๓ ดวง"), (2566, "๗๙ ดวง")]
    years = parse_baseline("พ.ศ. 2564 : 12 คน ข้อมูลปี 2566")  # not the year after: text of the value
    assert [(y.year_be, y.raw) for y in years] == [(2564, "12 คน ข้อมูลปี 2566")]
    assert parse_baseline("ข้อมูล พ.ศ. 2566") == []  # a loose label alone opens no year


# -- the seeds ---------------------------------------------------------------------------------------------------


def roles(result: Monitoring) -> dict[str, int]:
    counts: dict[str, int] = {}
    for kpi in result.kpis:
        counts[kpi.table_role] = counts.get(kpi.table_role, 0) + 1
    return counts


@pytest.mark.parametrize(
    ("prefix", "counts"),
    [
        ("000", {"bma_kpi_definitions": 8, "unit_kpi_definitions": 3, "negotiated_kpis": 6}),
        ("001", {"bma_kpi_definitions": 1, "unit_kpi_definitions": 6, "negotiated_kpis": 6, "component_kpis": 3}),
        ("003", {"bma_kpi_definitions": 3, "unit_kpi_definitions": 26, "negotiated_kpis": 6, "component_kpis": 4}),
    ],
)
def test_seed_kpi_counts_by_role(prefix, counts):
    assert roles(seed(prefix)[0]) == counts


@pytest.mark.parametrize(
    ("prefix", "weights"),
    [("000", [10, 10, 10, 20, 10, 10]), ("001", [10, 10, 10, 20, 10, 10]), ("003", [10, 10, 10, 20, 10, 10])],
)
def test_seed_negotiated_weights_and_rubric_scores(prefix, weights):
    result = seed(prefix)[0]
    negotiated = [k for k in result.kpis if k.table_role == "negotiated_kpis"]
    assert [k.weight.value for k in negotiated] == weights
    assert sum(len(r.rows) for r in result.rubrics) == 30
    by_code = {k.code: k.weight.value for k in negotiated}
    for rubric in result.rubrics:
        share = by_code[rubric.kpi_code] / rubric.part_count
        assert [r.score.value for r in rubric.rows] == [share * lv / 5 for lv in (5, 4, 3, 2, 1)]


def test_seed000_records():
    result, findings = seed("000")
    codes = [k.code for k in result.kpis if k.table_role == "bma_kpi_definitions"]
    assert codes == ["4.1.4.1", "5.2.1.2", "5.3.1.2", "5.3.1.3", "6.1.2.1", "7.2.1.2", "7.5.4.1", None]
    kpi4 = next(k for k in result.kpis if k.table_role == "negotiated_kpis" and k.code == "4")
    assert kpi4.source.continued_rows == 7  # 7 continuation rows after 5 repeated headers (lines 550-562)
    split = [r for r in result.rubrics if r.kpi_code == "5"]
    assert [(r.part_index, r.part_count) for r in split] == [(1, 2), (2, 2)]
    assert split[1].part.startswith("2. วัดคุณภาพการบริการ")
    assert [r.kpi_code for r in result.rubrics] == ["1", "2", "3", "4", "5", "5"]  # KPI 6 has no rubric
    questionnaires = [t for t in result.tables if t.role == "questionnaire"]
    assert [len(t.rows) for t in questionnaires] == [9, 12, 10]
    forms = [t for t in result.tables if t.role == "unrecognised" and t.rows[0][0] == "1.1 เพศ"]
    assert [len(t.rows) for t in forms] == [6, 6, 6]
    assert any(t.rows[0] == ["เป้าหมายการพัฒนา", "H"] and len(t.rows) == 25 for t in result.tables)
    assert result.truncated and "monitoring.truncated" in {f.code for f in findings}


def test_seed001_records():
    result, findings = seed("001")
    kpi = next(k for k in result.kpis if k.table_role == "bma_kpi_definitions")
    assert kpi.code == "3.3.3.1" and kpi.target == "10 อาคาร" and kpi.source.continued_rows == 1
    groups = [k.context.group[:3] for k in result.kpis if k.table_role == "negotiated_kpis"]
    assert groups == ["1.1", "1.1", "1.1", "1.2", "1.3", "1.3"]
    sheets = result.work_steps
    assert [len(s.steps) for s in sheets] == [5, 5] and sheets[0].fiscal_year_be == 2567
    assert [s.months for s in sheets[0].steps][:2] == [["oct", "nov"], ["dec", "jan"]]
    assert sheets[0].steps[-1].extra_marks == ["→"]
    assert [s.cumulative.value for s in sheets[1].steps] == [5, 10, 25, 40, 55]
    codes = {f.code for f in findings}
    assert {"monitoring.table_label_conflict", "monitoring.table_empty", "monitoring.truncated"} <= codes
    assert [k.code for k in result.kpis if k.table_role == "component_kpis"] == [None, "3.1", "3.2"]


def test_seed003_records():
    result, findings = seed("003")
    assert [k.code for k in result.kpis if k.table_role == "bma_kpi_definitions"] == ["1.5.4.1", "3.1.1.4", "3.1.2.1"]
    unit = [k for k in result.kpis if k.table_role == "unit_kpi_definitions"]
    assert unit[0].code == "1.1.01" and unit[0].code_raw == "๑.๑.๐๑" and unit[0].context.issue == "๑. เดินทางดี"
    assert len(result.policy_links) == 49
    assert sum(link.budget.amount or 0 for link in result.policy_links if link.budget) == 36_398_695
    assert result.policy_links[-1].area.startswith("ด้านที่ ๙")
    (sheet,) = result.work_steps
    assert sheet.headerless and [s.cumulative.value for s in sheet.steps if s.cumulative][-1] == 73
    assert result.truncated and "monitoring.steps_headerless" in {f.code for f in findings}


def test_seed003_okr_codes_a_scan_misread_come_from_the_objective_and_the_key_indicator_list():
    """ตาราง ข numbers its OKRs under the row's objective (๑.๑ → ๑.๑.๐๓): a code after specks is read there; a code
    misread beyond that (9.9.0m) takes the code the front matter's key KR/KPI list gives the same indicator."""
    import extractor

    text = next(CORPUS.glob("003_*.txt")).read_text(encoding="utf-8")
    okr_103, okr_201 = "\tOKR ๑.๑.๐๓ ติดตั้งไฟฟ้าแสงสว่างริมคลอง*\t", "\tOKR ๒.๑.๐๑ จำนวนพื้นที่เสี่ยง*\t"
    assert text.count(okr_103) == 1 and text.count(okr_201) == 2  # Part 4's is the last one
    text = text.replace(okr_103, "\t9.9.0m ติดตั้งไฟฟ้าแสงสว่างริมคลอง*\t")
    head, _, tail = text.rpartition(okr_201)
    text = head + "\t° 2 .* ๒.๑.๐๑ จำนวนพื้นที่เสี่ยง*\t" + tail
    document = extractor.parse(text.encode("utf-8"))
    unit = {k.name: k for k in document.monitoring.kpis if k.table_role == "unit_kpi_definitions"}
    assert (unit["ติดตั้งไฟฟ้าแสงสว่างริมคลอง*"].code, unit["ติดตั้งไฟฟ้าแสงสว่างริมคลอง*"].code_raw) == ("1.1.03", "๑.๑.๐๓")
    assert (unit["จำนวนพื้นที่เสี่ยง*"].code, unit["จำนวนพื้นที่เสี่ยง*"].code_raw) == ("2.1.01", "๒.๑.๐๑")
    found = {f.code: (f.expected, f.actual) for f in document.findings if f.code.startswith("kpi.code_")}
    assert found == {"kpi.code_from_index": ("1.1.03", "9.9.0"), "kpi.code_after_specks": ("2.1.01", "° 2 .*")}
    # the same name under another objective is no evidence: the code stays as read
    moved = text.replace("\t9.9.0m ติดตั้งไฟฟ้าแสงสว่างริมคลอง*", "\t9.9.0m ติดตั้งไฟฟ้าแสงสว่างริมคลองสาย*")
    (kpi,) = [k for k in extractor.parse(moved.encode("utf-8")).monitoring.kpis if k.name.endswith("ริมคลองสาย*")]
    assert kpi.code == "9.9.0"


# -- Part 4 in the document's list of parts ---------------------------------------------------------------------


def _parts(text: str) -> list[tuple[str, str | None]]:
    from extractor.grammar.builders.common import part_headings

    tree = build_tree(read_dump_text(text), grammar())
    return [(p.number, p.title) for p in part_headings(tree, grammar())]


def test_part4_title_without_its_label_is_listed_as_part_4():
    """The title alone (no ส่วนที่ 4 line) ends Part 3 and is Part 4; after a ส่วนที่ 4 line it is that part's title,
    not a second part."""
    part3 = "ส่วนที่ 3 รายการ/โครงการประจำ\n"
    title = "การนำแผนฯ ไปสู่การปฏิบัติและการติดตามประเมินผล"
    assert _parts(part3 + title + "\n") == [("3", "รายการ/โครงการประจำ"), ("4", title)]
    assert _parts(part3 + PART4) == [("3", "รายการ/โครงการประจำ"), ("4", title)]


@pytest.mark.parametrize("prefix", ["000", "001", "003"])
def test_seed_parts_list_part_4_once(prefix):
    """000 line 333 writes the Part 4 title without ส่วนที่ 4; 001 (324/326) and 003 (611/613) write the label on
    its own line above the title."""
    path = next(CORPUS.glob(f"{prefix}_*.txt"))
    parts = _parts(path.read_text(encoding="utf-8"))
    assert [number for number, _ in parts] == ["1", "2", "3", "4"]
    assert parts[3][1] == "การนำแผนฯ ไปสู่การปฏิบัติและการติดตามประเมินผล"
