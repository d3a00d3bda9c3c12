"""Front matter and document info of the 2567 plans: inline rules, then the seeds (000, 001, 003)."""

from __future__ import annotations

from functools import cache

import pytest

import extractor
from extractor.grammar.builders.document_info import document_info
from extractor.grammar.builders.front_matter import front_matter
from extractor.grammar.engine import build_tree
from extractor.grammar.spec import load_grammars
from extractor.ingest.dump import read_dump_text
from extractor.model.document import PlanDocument
from extractor.validate.document import (
    fiscal_year_consistency,
    key_indicators_in_part1,
    mandatory_parts,
    masked_text,
    toc_parts,
)
from tests.conftest import CORPUS


@cache
def grammar():
    return {g.id: g for g in load_grammars()}["bma-2567-action-plan"]


def build(text: str):
    blocks = read_dump_text(text)
    tree = build_tree(blocks, grammar())
    findings: list = []
    return tree, front_matter(tree, findings), document_info(tree, grammar(), blocks, findings), findings


def key_indicator_list(*lines: str):
    """The front matter of a key KR/KPI list (ตัววัดผล/ตัวชี้วัดความสำเร็จสำคัญ) of these lines."""
    return build("ตัววัดผล/ตัวชี้วัดความสำเร็จสำคัญ (KR/KPI)\n" + "".join(f"{line}\n" for line in lines))[1]


@cache
def seed(prefix: str) -> PlanDocument:
    return extractor.parse(next(CORPUS.glob(f"{prefix}_*.txt")))


# -- inline rules -----------------------------------------------------------------------------------------------

COVER = "แผนปฏิบัติราชการ\nประจำปี ๒๕๖๗\nสำนักการทดสอบ\nกรุงเทพมหานคร\n"


def test_cover_gives_title_unit_parent_and_year_in_both_eras():
    _, fm, info, _ = build(COVER + "สารบัญ\nส่วนที่ 1 บทนำ 5\n")
    assert info.title == "แผนปฏิบัติราชการ ประจำปี ๒๕๖๗"
    assert (info.fiscal_year_be, info.fiscal_year_ce) == (2567, 2024)
    assert info.unit_name == "สำนักการทดสอบ"
    assert info.parent_organisation == "กรุงเทพมหานคร"
    assert fm.cover == ["แผนปฏิบัติราชการ", "ประจำปี ๒๕๖๗", "สำนักการทดสอบ", "กรุงเทพมหานคร"]


def test_toc_lines_with_page_labels_do_not_open_parts():
    text = (
        "สารบัญ\nส่วนที่ 1 ความสอดคล้อง 12\n- มิติที่ 1 การบริการสาธารณะ\nส่วนที่ ๒ การดำเนินงาน ๒๔\n"
        "ส่วนที่ 1 ความสอดคล้อง\n"
    )
    tree, fm, _, _ = build(text)
    parts = tree.find("part")
    assert [(p.fields["number"], p.fields["title"]) for p in parts] == [("1", "ความสอดคล้อง")]
    assert [(e.title, e.page, e.page_raw, e.level) for e in fm.table_of_contents] == [
        ("ส่วนที่ 1 ความสอดคล้อง", "12", None, 1),
        ("มิติที่ 1 การบริการสาธารณะ", None, None, 2),
        ("ส่วนที่ ๒ การดำเนินงาน", "24", "๒๔", 1),
    ]


def test_part_heading_without_title_on_its_line():
    tree, _, _, _ = build("ส่วนที่ 4\n\nการนำแผนฯ ไปสู่การปฏิบัติ\n")
    assert [p.fields for p in tree.find("part")] == [{"number": "4"}]


def test_toc_table_with_inline_sub_entries():
    text = (
        "สารบัญ\n\tหน้า\nคำนำ\t(ก)\n"
        "ส่วนที่ 4 การแปลงแผน <ul> - ตาราง ก. แสดง - ตาราง ฉ. ตามองค์ประกอบที่ ๒ - ๓ \t18\n"
    )
    _, fm, _, _ = build(text)
    assert [(e.title, e.page, e.level) for e in fm.table_of_contents] == [
        ("คำนำ", "(ก)", 1),
        ("ส่วนที่ 4 การแปลงแผน", "18", 1),
        ("ตาราง ก. แสดง", None, 2),
        ("ตาราง ฉ. ตามองค์ประกอบที่ ๒ - ๓", None, 2),
    ]


def test_summary_lists_quote_strategy_headings_without_opening_them():
    text = (
        "เป้าหมาย\n\n1. ยุทธศาสตร์ที่ 3 การลดความเหลื่อมล้ำ\n"
        "ยุทธศาสตร์ย่อยที่ 3.3 ที่อยู่อาศัย\nกลยุทธ์ 3.3.3 สนับสนุน\n"
        "\nตัววัดผล/ตัวชี้วัดความสำเร็จสำคัญ (KR/KPI)\n\nยุทธศาสตร์ที่ ๑ เมืองปลอดภัย\n"
        "- KR ๑ : เสริมสร้างภูมิคุ้มกัน\n\nส่วนที่ 1\n\nยุทธศาสตร์ที่ 1 เมืองปลอดภัย\n"
    )
    tree, fm, _, _ = build(text)
    assert [n.kind for n in tree.children] == ["goals", "key_indicators", "part"]
    assert [s.fields["number"] for s in tree.find("strategy")] == ["1"]
    assert fm.goals[0].number == "1"
    assert fm.goals[0].text.split("\n") == [
        "ยุทธศาสตร์ที่ 3 การลดความเหลื่อมล้ำ", "ยุทธศาสตร์ย่อยที่ 3.3 ที่อยู่อาศัย", "กลยุทธ์ 3.3.3 สนับสนุน"
    ]
    indicator = fm.key_indicators[0]
    assert (indicator.kind, indicator.code, indicator.strategy) == ("KR", "1", "1")
    assert indicator.text == "เสริมสร้างภูมิคุ้มกัน"


def test_key_indicator_line_with_masked_strategy_words_and_supporting_role():
    fm = key_indicator_list(
        "4. xxxxxxxxxxxxx 5 xxxxxxxxxxย่อยที่ 5.2 KR 2 : สร้างระบบงบประมาณ (สนับสนุน)",
        "16 xxxxxxxxxxxxx 7 xxxxxxxxxxย่อยที่ 7.5 KPI 7.5.6.1 : ร้อยละของบุคลากร", "ฯลฯ",
    )
    first, second = fm.key_indicators
    assert (first.number, first.kind, first.code, first.strategy, first.sub_strategy, first.supporting) == (
        "4", "KR", "2", "5", "5.2", True
    )
    assert first.text == "สร้างระบบงบประมาณ"
    assert (second.number, second.kind, second.code, second.sub_strategy) == ("16", "KPI", "7.5.6.1", "7.5")
    assert fm.key_indicators_open_ended


def test_sub_strategy_heading_with_a_space_after_its_dot_is_a_heading_not_the_item_above():
    # a scan puts a space after the dot (๓. ๑); the heading used to join the KPI above it as a wrapped line
    fm = key_indicator_list(
        "ยุทธศาสตร์ย่อยที่ ๑.๕ เมืองสุขภาพดี", "- KPI ๑.๕.๔.๑ : อัตราป่วยโรคไข้เลือดออก",
        "ยุทธศาสตร์ย่อยที่ ๓. ๑ ลดความเหลื่อมล้ำ", "- KR ๑ : ประชาชนกลุ่มเปราะบางเข้าถึงสวัสดิการ",
    )
    first, second = fm.key_indicators
    assert first.text == "อัตราป่วยโรคไข้เลือดออก" and (first.strategy, first.sub_strategy) == ("1", "1.5")
    assert (second.kind, second.strategy, second.sub_strategy) == ("KR", "3", "3.1")
    assert second.group == "ยุทธศาสตร์ย่อยที่ ๓.๑ ลดความเหลื่อมล้ำ"  # the heading as written, without the space


def test_wrapped_list_line_joins_the_item_but_a_line_after_a_blank_starts_a_new_one():
    text = "พันธกิจ\n\n1. บริหารงานบุคคล\nอย่างเป็นระบบ\n\nหมายเหตุ ท้ายรายการ\n"
    _, fm, _, _ = build(text)
    assert [(m.number, m.text) for m in fm.missions] == [
        ("1", "บริหารงานบุคคล อย่างเป็นระบบ"),
        (None, "หมายเหตุ ท้ายรายการ"),
    ]


def test_masked_missions_heading_is_recognised_only_after_the_vision():
    tree, fm, _, _ = build("วิสัยทัศน\nเป็นองค์กรหลัก\nxxxxxxx\n1. บริหารจัดการแผน\n")
    assert fm.vision == "เป็นองค์กรหลัก"
    assert [m.text for m in fm.missions] == ["บริหารจัดการแผน"]
    tree, _, _, _ = build("ส่วนที่ 1 บทนำ\nxxxxxxx\n")
    assert tree.find("missions") == []


def test_swot_matrix_items_by_code_domain_and_factor_with_continuations():
    text = (
        "การวิเคราะห์สภาพแวดล้อมของสำนัก\n"
        "SWOT | ด้านแผน | ด้านไอที |\n"
        "จุดแข็ง (Strenghts) | บุคลากร (Staff) S1 มีความรู้ S2 ทำงานเป็นทีม | โครงสร้าง (Structure) S3 ชัดเจน |\n"
        "SWOT | ด้านแผน | ด้านไอที |\n"
        "ต่อจากหน้าก่อน | ||\n"
        "ภัยคุกคาม (Threats) | กฎหมาย (Law) O1 ล้าสมัย | |\n"
    )
    _, fm, _, findings = build(text)
    assert [(s.category, s.code, s.domain, s.factor) for s in fm.swot] == [
        ("strength", "S1", "ด้านแผน", "บุคลากร (Staff)"),
        ("strength", "S2", "ด้านแผน", "บุคลากร (Staff)"),
        ("strength", "S3", "ด้านไอที", "โครงสร้าง (Structure)"),
        ("threat", "O1", "ด้านแผน", "กฎหมาย (Law)"),
    ]
    assert fm.swot[1].text == "ทำงานเป็นทีม ต่อจากหน้าก่อน"
    codes = [f.code for f in findings]
    assert "swot.code_category" in codes  # O1 under threats
    assert codes.count("swot.domain_ambiguous") == 2  # the lone cells: continuation and O1


def test_a_swot_category_cell_without_its_thai_word_is_named_by_its_english_gloss():
    """A scan's OCR read the category word โอกาส as ``Tamia``; the gloss the template writes after it still names
    the category (else the opportunities stayed under the weaknesses above them)."""
    text = (
        "การวิเคราะห์สภาพแวดล้อมของสำนัก\n"
        "SWOT | ด้านแผน | ด้านไอที |\n"
        "จุดอ่อน (Weakness) | บุคลากร (Staff) W1 ขาดคน | |\n"
        "Tamia (Opportunity) | การเมือง (Political) O1 รัฐบาลสนับสนุน | การเมือง (Political) O2 นโยบายชัด |\n"
        "(Strategy) | S1 มีแผน | |\n"
    )
    _, fm, _, findings = build(text)
    assert [(s.category, s.code) for s in fm.swot] == [("weakness", "W1"), ("opportunity", "O1"), ("opportunity", "O2"),
                                                        ("opportunity", "S1")]
    assert [f.code for f in findings].count("swot.category_by_gloss") == 1


def test_swot_cells_packed_to_the_left_are_placed_by_the_code_sequence():
    """Numbered domain by domain (S1-S3 planning, S4-S6 IT), a lone S3 can only be planning's and a lone S6 only IT's
    (the table's numbering holds for the weaknesses too: W3 follows W2, IT's); numbered row by row (S1 | S2), a lone
    S5 fits either domain and stays ambiguous, read as the first."""
    head = "การวิเคราะห์สภาพแวดล้อมของสำนัก\nSWOT | ด้านแผน | ด้านไอที |\n"
    by_domain = (
        "จุดแข็ง (Strenghts) | S1 มีความรู้ | S4 ระบบดี |\nS2 ทำงานเป็นทีม | S5 เครือข่าย |\n"
        "S3 มีแผน | ||\nS6 ข้อมูลเปิด | ||\nจุดอ่อน (Weaknesses) | W1 ขาดคน | W2 ระบบเก่า |\nW3 งบน้อย | ||\n"
    )
    _, fm, _, findings = build(head + by_domain)
    assert [(s.code, s.domain) for s in fm.swot] == [
        ("S1", "ด้านแผน"), ("S4", "ด้านไอที"), ("S2", "ด้านแผน"), ("S5", "ด้านไอที"), ("S3", "ด้านแผน"),
        ("S6", "ด้านไอที"), ("W1", "ด้านแผน"), ("W2", "ด้านไอที"), ("W3", "ด้านไอที")]
    assert [f.code for f in findings if f.code.startswith("swot.domain")] == ["swot.domain_inferred"] * 3
    by_row = "จุดแข็ง (Strenghts) | S1 มีความรู้ | S2 ระบบดี |\nS3 ทีม | S4 เครือข่าย |\nS5 มีแผน | ||\n"
    _, fm, _, findings = build(head + by_row)
    assert [(s.code, s.domain) for s in fm.swot][-1] == ("S5", "ด้านแผน")
    assert [f.code for f in findings if f.code.startswith("swot.domain")] == ["swot.domain_ambiguous"]


def test_a_swot_row_with_more_cells_than_the_header_has_domains_keeps_them_without_a_domain():
    """An OCR'd matrix can split one cell in two (seed 000's scan crashed the builder here)."""
    text = (
        "การวิเคราะห์สภาพแวดล้อมของสำนัก\n"
        "SWOT | ด้านแผน |\n"
        "จุดแข็ง (Strenghts) | S1 มีความรู้ | S2 ทำงานเป็นทีม | S3 มีแผน |\n"
    )
    _, fm, _, findings = build(text)
    assert [(s.code, s.domain) for s in fm.swot] == [("S1", "ด้านแผน"), ("S2", None), ("S3", None)]
    assert "swot.cells_beyond_header" in [f.code for f in findings]


def test_swot_lists_under_category_headings():
    text = (
        "การวิเคราะห์สภาพแวดล้อมภายในและภายนอก (SWOT Analysis)\n\n1. การวิเคราะห์สภาพแวดล้อมภายใน (Internal)\n\n"
        "จุดแข็ง (Strength)\n\n๑. ผู้บริหารมีวิสัยทัศน์\n๒. มีโครงสร้าง\n\n"
        "2. การวิเคราะห์สภาพแวดล้อมภายนอก (External)\n\nอุปสรรค\n\n1. กฎหมายล้าสมัย\n"
    )
    _, fm, _, _ = build(text)
    assert [(s.category, s.number, s.text) for s in fm.swot] == [
        ("strength", "1", "ผู้บริหารมีวิสัยทัศน์"),
        ("strength", "2", "มีโครงสร้าง"),
        ("threat", "1", "กฎหมายล้าสมัย"),
    ]


def test_a_swot_category_heading_a_scan_misread_is_named_by_its_english_gloss():
    """A scan read the heading โอกาส (Opportunity) as ``Tania (Opportunity)``: its items are opportunities, not the
    weaknesses above them; a line that merely ends in a parenthesis stays an item."""
    text = (
        "การวิเคราะห์สภาพแวดล้อมภายในและภายนอก (SWOT Analysis)\n\n"
        "จุดอ่อน (Weakness)\n\n1. ขาดระบบการหมุนเวียนงาน\n\n"
        "Tania (Opportunity)\n\n1. นโยบายผู้บริหาร (Policy)\n2. เทคโนโลยีใหม่\n"
    )
    _, fm, _, findings = build(text)
    assert [(s.category, s.number) for s in fm.swot] == [("weakness", "1"), ("opportunity", "1"), ("opportunity", "2")]
    assert [f.code for f in findings].count("swot.category_by_gloss") == 1


def test_masked_unit_name_restored_only_from_an_unmasked_copy_of_the_same_length():
    text = (
        "แผนปฏิบัติราชการ\nประจำปี 2567\nสำนักxxxxศาสตรและประเมินผล\nกรุงเทพมหานคร\n"
        "โครงการของสำนักยุทธศาสตร์และประเมินผล\n"
    )
    _, _, info, findings = build(text)
    assert (info.unit_name, info.unit_name_raw) == ("สำนักยุทธศาสตร์และประเมินผล", "สำนักxxxxศาสตรและประเมินผล")
    assert [f.code for f in findings] == ["document.unit_name_unmasked"]
    # a copy whose hidden span is longer than the mask does not fit: the masked name is kept and reported
    _, _, info, findings = build(text.replace("สำนักยุทธศาสตร์", "สำนักยุทธาศาสตร์"))
    assert (info.unit_name, info.unit_name_raw) == ("สำนักxxxxศาสตรและประเมินผล", None)
    assert [f.code for f in findings] == ["document.unit_name_masked"]


def test_abbreviation_from_plan_code_or_the_most_used_one_that_spells_the_name():
    _, _, info, _ = build("แผนปฏิบัติการประจำปี พ.ศ. 2567\nสำนักงานการเจ้าหน้าที่\n(แผน สกจ. 67)\n")
    assert info.unit_abbreviation == "สกจ."
    body = "".join(f"โครงการ | {abbr} |\n" for abbr in ("สยป.", "สยป.", "สนย.", "กคพ.", "กคพ.", "กคพ."))
    _, _, info, _ = build("แผนปฏิบัติราชการ ประจำปี 2567\nสำนักยุทธศาสตร์และประเมินผล\n" + body)
    assert info.unit_abbreviation == "สยป."
    _, _, info, _ = build("แผนปฏิบัติการประจำปี ๒๕๖๗\n(สำนักงานเขตภาษีเจริญ)\nตาราง | สนข. |\n")
    assert info.unit_abbreviation is None  # สนข. spells only 'สำนักงานเขต', the district offices in general


def test_truncation_when_the_document_ends_inside_a_table_without_a_closing_section():
    table = "ส่วนที่ 1 บทนำ\nรายการ | หน่วยงาน |\nหนึ่ง | สยป. |\n"
    _, _, info, findings = build(table)
    assert info.truncated
    assert [f.code for f in findings] == ["document.truncated"]
    _, _, info, findings = build(table + "คณะผู้จัดทำ\nนาย ก\n")
    assert not info.truncated and findings == []
    _, _, info, _ = build(table + "ข้อความปิดท้าย\n")
    assert not info.truncated


def test_validate_fiscal_year_and_toc_parts():
    document = PlanDocument.model_validate(
        {
            "document": {"title": "แผนปฏิบัติราชการ ประจำปี 2567", "fiscal_year_be": 2567,
                         "template_id": "bma-2567-action-plan"},
            "front_matter": {"vision": "ว", "table_of_contents": [
                {"title": "ส่วนที่ 1 การดำเนินงานตามแผน ประจำปี พ.ศ. 2566", "page": "5"},
                {"title": "ส่วนที่ 2 ยุทธศาสตร์หน่วยงาน", "page": "9"}]},
            "development_issues": [{"name": "ประเด็น"}],
        }
    )
    mismatch = fiscal_year_consistency(document)
    assert [(f.code, f.expected, f.actual) for f in mismatch] == [("document.fiscal_year_mismatch", "2567", "2566")]
    assert [(f.code, f.subject) for f in toc_parts(document)] == [("document.toc_part_not_found", "part 1")]
    missing = {f.subject for f in mandatory_parts(document)}
    assert missing == {
        "Part 1 (ส่วนที่ 1): BMA plan strategies", "Part 3 (ส่วนที่ 3): routine projects",
        "Part 4 (ส่วนที่ 4): monitoring tables",
    }


def test_validate_masked_spans_summary():
    document = PlanDocument.model_validate(
        {
            "document": {"unit_name_raw": "สำนักxxxx"},
            "front_matter": {"vision": "องค์กรxxxxx ที่ xxx", "cover": ["แผน"]},
        }
    )
    (finding,) = masked_text(document)
    assert finding.actual == "2" and "8 code points" in finding.message and "front_matter 2" in finding.message


# -- seeds ------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "prefix, title, unit, abbreviation",
    [
        ("000", "แผนปฏิบัติราชการ ประจำปี 2567", "สำนักยุทธศาสตร์และประเมินผล", "สยป."),
        ("001", "แผนปฏิบัติการประจำปี พ.ศ. 2567", "สำนักงานการเจ้าหน้าที่ สำนักปลัดกรุงเทพมหานคร", "สกจ."),
        ("003", "แผนปฏิบัติการประจำปี พ.ศ. ๒๕๖๗", "สำนักงานเขตภาษีเจริญ", None),
    ],
    ids=["000", "001", "003"],
)
def test_seed_document_info(prefix, title, unit, abbreviation):
    info = seed(prefix).document
    assert (info.title, info.unit_name, info.unit_abbreviation) == (title, unit, abbreviation)
    assert (info.fiscal_year_be, info.fiscal_year_ce, info.parent_organisation) == (2567, 2024, "กรุงเทพมหานคร")
    assert info.template_id == "bma-2567-action-plan"
    assert info.truncated
    assert any(f.code == "document.truncated" for f in seed(prefix).findings)


def test_seed_000_masked_unit_name_and_front_matter():
    document = seed("000")
    assert document.document.unit_name_raw == "สำนักxxxxศาสตรและประเมินผล"
    assert any(f.code == "document.unit_name_unmasked" for f in document.findings)
    fm = document.front_matter
    assert len(fm.foreword) == 2 and fm.foreword[1].startswith("ดังนั้น")
    assert [(e.title[:7], e.page) for e in fm.table_of_contents if e.level == 1] == [
        ("สาระสำค", "4"), ("ส่วนที่", "12"), ("ส่วนที่", "24"), ("ส่วนที่", "27")
    ]
    codes = [s.code for s in fm.swot]
    assert len(codes) == 31 and len(set(codes)) == 31
    assert {s.code for s in fm.swot if s.domain == "ด้านเทคโนโลยีสารสนเทศ"} >= {"S4", "S6", "S8"}
    assert "จากการเปลี่ยนผู้บริหารบ่อย" in next(s.text for s in fm.swot if s.code == "S5")
    # S9-S10, W1, W2-W3 and T3 sit alone in their rows; the matrix numbers row by row, so their domain stays open
    ambiguous = [f.message.split("(")[1].split(")")[0] for f in document.findings if f.code == "swot.domain_ambiguous"]
    assert ambiguous == ["no codes", "S9, S10", "W1", "W2, W3", "T3"]
    assert len(fm.missions) == 4 and fm.vision.startswith("สำนัก")
    assert len(fm.key_indicators) == 19 and fm.key_indicators_open_ended
    assert [(k.kind, k.code, k.sub_strategy) for k in fm.key_indicators[:3]] == [
        ("KR", "3", "4.1"), ("KR", "1", "5.1"), ("KPI", "5.1.1.1", "5.1")
    ]
    assert fm.key_indicators[15].number == "16"  # written without its period
    assert [k.supporting for k in fm.key_indicators].count(True) == 2


def test_seed_000_parts_open_at_the_body_headings_not_at_the_toc_lines():
    text = next(CORPUS.glob("000_*.txt")).read_text(encoding="utf-8")
    tree, _, _, _ = build(text)
    assert [(p.fields["number"], p.provenance.line_start) for p in tree.find("part")] == [
        ("1", 82), ("2", 270), ("3", 308)
    ]
    assert [n.kind for n in tree.children[:2]] == ["toc", "summary"]


def test_seed_001_front_matter_lists():
    fm = seed("001").front_matter
    assert fm.cover[-2:] == ["(แผน สกจ. 67)", "(ก)"]
    assert fm.foreword[-2:] == ["สำนักงานการเจ้าหน้าที่", "สำนักปลัดกรุงเทพมหานคร"]
    assert [sum(1 for s in fm.swot if s.category == c) for c in ("strength", "weakness", "opportunity", "threat")] == [
        3, 5, 2, 3
    ]
    assert fm.vision.startswith("“") and len(fm.missions) == 2
    assert [g.number for g in fm.goals] == [None, "1", "2", "3"]
    assert len(fm.key_indicators) == 6 and fm.key_indicators[1].text.endswith("ในรูปแบบอิเล็กทรอนิกส์")
    toc = fm.table_of_contents
    assert (toc[0].title, toc[0].page) == ("คำนำ", "(ก)")
    assert [e.page for e in toc if e.title.startswith("ส่วนที่")] == ["5", "11", "16", "18"]
    assert toc[-1].title == "ตาราง ฉ. แสดงตัวชี้วัดและโครงการ/กิจกรรมสนับสนุนภารกิจ ตามองค์ประกอบที่ ๒ - ๓"


def test_seed_003_front_matter_lists():
    fm = seed("003").front_matter
    assert [sum(1 for s in fm.swot if s.category == c) for c in ("strength", "weakness", "opportunity", "threat")] == [
        7, 1, 3, 4
    ]
    assert fm.vision.count(" ") >= 4 and fm.vision.startswith("เป็นเลิศด้านบริการ")
    assert [m.number for m in fm.missions] == ["1", "2", "3", "4", "5"]
    assert fm.general_information_tables[0].rows[0] == ["ทิศเหนือ", "จรด", "เขตตลิ่งชัน"]
    kinds = [k.kind for k in fm.key_indicators]
    assert (kinds.count("KR"), kinds.count("KPI"), kinds.count("OKR")) == (3, 3, 55)
    kpi = next(k for k in fm.key_indicators if k.code == "1.5.4.1")
    assert (kpi.strategy, kpi.sub_strategy) == ("1", "1.5")
    okr = next(k for k in fm.key_indicators if k.code == "2.3.01")
    assert (okr.number, okr.strategy, okr.group) == ("1", None, "๒.๓ สร้างระบบเครือข่ายในพื้นที่จัดการสาธารณภัย")
    pages = [(e.page, e.page_raw) for e in fm.table_of_contents if e.title.startswith("ส่วนที่")]
    assert pages == [("7", "๗"), ("10", "๑๐"), ("19", "๑๙"), ("24", "๒๔")]


def test_seed_000_toc_omits_part_4():
    codes = {f.code: f for f in seed("000").findings}
    assert codes["document.toc_part_unlisted"].subject == "part 4"
    assert "document.masked_spans" in codes


def test_seed_000_key_list_names_kpis_part_1_does_not_have():
    subjects = [f.subject for f in seed("000").findings if f.code == "front_matter.key_indicator_not_in_part1"]
    assert subjects == ["KPI 7.2.1.1", "KPI 7.5.6.1", "KPI 7.5.6.2"]


def test_validate_key_list_against_part_1():
    sub = {
        "number": "5.2",
        "name": "ย่อย",
        "objectives": [{"text": "o", "key_results": [{"number": "1", "text": "k"}]}],
        "tactics": [{"code": "5.2.1", "name": "t", "kpis": [{"code": "5.2.1.2", "name": "kpi"}]}],
    }
    document = PlanDocument.model_validate(
        {
            "document": {},
            "strategic_alignment": {"dimensions": [{"number": "1", "name": "d", "strategies": [
                {"number": "5", "name": "s", "sub_strategies": [sub]}]}]},
            "front_matter": {"key_indicators": [
                {"kind": "KR", "code": "1", "sub_strategy": "5.2", "text": "a"},
                {"kind": "KR", "code": "3", "sub_strategy": "5.2", "text": "b"},
                {"kind": "KPI", "code": "5.2.1.2", "text": "c"},
                {"kind": "KPI", "code": "5.2.1.9", "text": "d"},
                {"kind": "OKR", "code": "1.1.01", "text": "e"},
            ]},
        }
    )
    assert [f.subject for f in key_indicators_in_part1(document)] == ["KR 3 of sub-strategy 5.2", "KPI 5.2.1.9"]
