"""Part 1 (ส่วนที่ 1): small dump inputs showing each rule, then facts checked by reading the 2567 seeds."""

from functools import cache
from pathlib import Path

import pytest

from extractor.grammar.builders.part1 import strategic_alignment
from extractor.grammar.engine import build_tree
from extractor.grammar.spec import load_grammars
from extractor.ingest.dump import read_dump_text

CORPUS = Path(__file__).resolve().parents[2] / "corpus"
PROJECT_HEADER = "รหัสยุทธศาสตร์ | โครงการ/กิจกรรมสำคัญ | งบประมาณ | ส่วนราชการ | รหัสนโยบาย |\n"
KR_HEADER = (
    "วัตถุประสงค์หลัก1 (Objective) | ตัววัดผลหลัก2 (Key Result : KR) | (Target) | หน่วยงาน รับผิดชอบหลัก | "
    "หน่วยงาน สนับสนุน |\n"
)


@cache
def grammar():
    return {g.id: g for g in load_grammars()}["bma-2567-action-plan"]


def build(text: str):
    findings: list = []
    return strategic_alignment(build_tree(read_dump_text(text), grammar()), findings), findings


def part1(body: str) -> str:
    return "ส่วนที่ 1 ความสอดคล้องกับยุทธศาสตร์\nมิติที่ 1 การบริการสาธารณะ\nยุทธศาสตร์ที่ 7 การบริหาร\n" + body


@cache
def seed(prefix: str):
    (path,) = CORPUS.glob(f"{prefix}_*.txt")
    return build(path.read_text(encoding="utf-8"))


def sub_strategies(alignment):
    strategies = [s for d in alignment.dimensions for s in d.strategies] + alignment.strategies
    return {sub.number: sub for s in strategies for sub in s.sub_strategies}


# -- rules on small inputs ------------------------------------------------------------------------------------------


def test_toc_line_with_page_number_does_not_open_part_1():
    text = "สารบัญ\nส่วนที่ 1 ความสอดคล้องกับยุทธศาสตร์ 12\nยุทธศาสตร์ที่ 7 การบริหาร\n"
    alignment, _ = build(text)
    assert alignment.dimensions == [] and alignment.strategies == []


def test_headings_before_part_1_do_not_create_strategies():
    text = "ยุทธศาสตร์ย่อยที่ 1.5 เมืองสุขภาพดี\n" + part1("ยุทธศาสตร์ย่อยที่ 7.5 เทคโนโลยี\n")
    alignment, _ = build(text)
    assert list(sub_strategies(alignment)) == ["7.5"]


def test_running_heading_repeated_after_page_break_is_not_a_duplicate():
    text = part1("ยุทธศาสตร์ย่อยที่ 7.2 แผน\nยุทธศาสตร์ที่ 7 การบริหาร\nยุทธศาสตร์ย่อยที่ 7.5 เทคโนโลยี\n")
    alignment, _ = build(text)
    (strategy,) = alignment.dimensions[0].strategies
    assert [s.number for s in strategy.sub_strategies] == ["7.2", "7.5"]


def test_project_cells_pushed_to_the_row_end_are_placed_by_content():
    text = part1(
        "ยุทธศาสตร์ย่อยที่ 7.5 เทคโนโลยี\n" + PROJECT_HEADER
        + "775013 | โครงการจัดหาระบบ Web Hosting | 9,950,000 *ไม่ได้รับ งบประมาณ | กคพ. | P058 |\n"
        + "775018 | โครงการข้อมูลส่วนบุคคล | กคพ. | ||\n"
        + "ตามพระราชบัญญัติคุ้มครองข้อมูล | ||||\n"
        + "เพิ่มเติม ปี 2567 | โครงการ ERP | อยู่ระหว่าง ขอจัดสรร | กพพ. | - |\n"
    )
    alignment, _ = build(text)
    first, second, third = sub_strategies(alignment)["7.5"].projects
    assert first.strategy_code.sub_strategy == "7.5" and first.strategy_code.sequence == "013"
    assert (first.budget.status, first.budget.amount, first.units, first.policy_codes) == (
        "not_received", 9950000, ["กคพ."], ["P058"])
    assert second.budget is None and second.units == ["กคพ."]
    assert second.name == "โครงการข้อมูลส่วนบุคคล ตามพระราชบัญญัติคุ้มครองข้อมูล"  # continuation merged
    assert third.strategy_code is None and third.added_in_year_be == 2567 and third.budget.status == "pending"


def test_budget_statuses_and_unit_notes():
    text = part1(
        "ยุทธศาสตร์ย่อยที่ 7.2 แผน\n" + PROJECT_HEADER
        + "772001 | โครงการเครือข่าย (*ไม่ได้ดำเนินโครงการนี้) | ไม่ใช้ งบประมาณ | กยภ. ไม่เสนอโครงการ | P045 P046 |\n"
    )
    alignment, _ = build(text)
    (project,) = sub_strategies(alignment)["7.2"].projects
    assert project.budget.status == "no_budget" and project.budget.amount is None
    assert project.name == "โครงการเครือข่าย" and project.notes == ["(*ไม่ได้ดำเนินโครงการนี้)", "ไม่เสนอโครงการ"]
    assert project.units == ["กยภ."] and project.policy_codes == ["P045", "P046"]


def test_key_results_under_a_merged_objective_and_units_found_by_content():
    text = part1(
        "ยุทธศาสตร์ย่อยที่ 5.2 พลเมือง\n" + KR_HEADER
        + "ประชาชนมีส่วนร่วม | KR 1 : ร่วมพัฒนาเมือง (P046) | ทุกชุมชน | สนข. | ทุก หน่วยงาน |\n"
        + "KR 2 : งบประมาณแบบมีส่วนร่วม | มีระบบ | สงม. | สยป. สนข. | |\n"
        + "KR 3 : ชุมชนมีส่วนร่วม | 2,017 ชุมชน | สพส. | สยป. สนข. |\n"
    )
    alignment, _ = build(text)
    (objective,) = sub_strategies(alignment)["5.2"].objectives
    krs = objective.key_results
    assert objective.text == "ประชาชนมีส่วนร่วม" and [k.number for k in krs] == ["1", "2", "3"]
    assert krs[0].policy_codes == ["P046"] and krs[0].support_units == ["ทุก หน่วยงาน"]
    assert [(k.target.raw, k.lead_units, k.support_units) for k in krs[1:]] == [
        ("มีระบบ", ["สงม."], ["สยป.", "สนข."]), ("2,017 ชุมชน", ["สพส."], ["สยป.", "สนข."])]


def test_kpi_targets_take_their_years_from_the_header():
    text = part1(
        "ยุทธศาสตร์ย่อยที่ 7.2 แผน\nกลยุทธ์ 7.2.2 การพัฒนาระบบ\n"
        "ตัวชี้วัด (KPI)\tค่าเป้าหมาย\t\n\t๒๕๖๖ ⁴\t๒๕๖๗\nKPI ๗.๒.๒.๑ : รายงาน\t-\tเดือนละ ๑ ครั้ง\n\n"
        "ตัวชี้วัด (KPI) | 2567 | |\nKPI 7.2.2.2 : จำนวนครั้ง | 12 ครั้ง |\n"
    )
    alignment, _ = build(text)
    (tactic,) = sub_strategies(alignment)["7.2"].tactics
    first, second = tactic.kpis
    assert first.code == "7.2.2.1" and [(t.raw, t.year_be) for t in first.targets] == [
        ("-", 2566), ("เดือนละ ๑ ครั้ง", 2567)]
    assert second.code == "7.2.2.2" and [(t.raw, t.year_be) for t in second.targets] == [("12 ครั้ง", 2567)]


def test_kpi_code_a_scan_read_without_its_dots_follows_its_tactic():
    text = part1(
        "ยุทธศาสตร์ย่อยที่ 7.2 แผน\nกลยุทธ์ 7.2.2 การพัฒนาระบบ\n"
        "ตัวชี้วัด (KPI) | 2567 | |\nKPI 7222 .: จำนวนครั้ง | 12 ครั้ง |\nKPI 6111 : อื่น | 1 ครั้ง |\n"
    )
    alignment, findings = build(text)
    (tactic,) = sub_strategies(alignment)["7.2"].tactics
    assert [(k.code, k.name) for k in tactic.kpis] == [("7.2.2.2", "จำนวนครั้ง"), ("6111", "อื่น")]
    assert [(f.expected, f.actual) for f in findings if f.code == "kpi.dots_from_tactic"] == [("7.2.2.2", "7222")]


@pytest.mark.parametrize("label", ["ตัวชี้วัด (657)", "ตัวชี้วัด («7)", "ตัวชี้วัด ( 57 )"])
def test_kpi_targets_header_whose_latin_letters_a_scan_lost(label):
    text = part1(
        "ยุทธศาสตร์ย่อยที่ 5.2 พลเมือง\nกลยุทธ์ 5.2.1 การแก้ไขปัญหา\n"
        f"{label} | ค่าเป้าหมาย |\n | 2567 |\nKPI 5.2.1.2 : สัดส่วนของประชาชน | อย่างน้อย 30 % |\n"
    )
    alignment, _ = build(text)
    (tactic,) = sub_strategies(alignment)["5.2"].tactics
    (kpi,) = tactic.kpis
    assert kpi.code == "5.2.1.2" and [(t.raw, t.year_be) for t in kpi.targets] == [("อย่างน้อย 30 %", 2567)]


def test_the_bare_word_in_running_text_is_no_kpi_targets_header():
    """A SWOT cell saying ตัวชี้วัด … เป้าหมาย in a sentence is data: only a whole cell `ตัวชี้วัด (…)` names the column."""
    from extractor.grammar.fingerprint import header_score

    (spec,) = [t for t in grammar().tables if t.role == "kpi_targets"]
    assert header_score(["ตัวชี้วัด (657)"], spec.header) == 1.0
    assert header_score(["กำหนดเกณฑ์ตัวชี้วัด (ใหม่) เพื่อเป้าหมาย"], spec.header) == 0.0
    assert header_score(["ตัวชี้วัด (ร้อยละของงาน)"], spec.header) == 0.0


def test_key_result_written_one_visual_line_per_row_continues_its_open_cells():
    """A pipe dump of a PDF grid writes each wrapped line as a row and drops empty cells: a row without a KR id
    continues the cells still being written (the lead unit ends after one line, so 'ระดับ' is the support's)."""
    text = part1(
        "ยุทธศาสตร์ย่อยที่ 7.5 เทคโนโลยี\n" + KR_HEADER
        + "กรุงเทพมหานครมีการ | KR 1 : พัฒนาระบบบริการสาธารณะ | ประชาชน | สยป. | หน่วยงาน |\n"
        + "ยกระดับสู่ดิจิทัล | ที่สะดวก เข้าถึงง่าย | มีความ | ระดับ | |\n"
        + "เพื่อบริหารงาน | ออนไลน์ | พึงพอใจ | สำนัก | |\n"
        + "คล่องตัว | ให้แก่ประชาชน | ร้อยละ 80 | ||\n"
        + "ของกรุงเทพมหานครได้อย่างเปิดเผย | ||||\n"
        + "KR 2 : เปลี่ยนสู่ระบบดิจิทัลภาครัฐ | อย่างน้อย | สยป. | หน่วยงาน | |\n"
        + "เพื่อบริหารงานยืดหยุ่น คล่องตัว | 10 ภารกิจ | ระดับ | |\n"
        + "และครอบคลุมทุกหน่วยงาน | สำนัก | | |\n"
        + "ของกรุงเทพมหานคร |\n"
    )
    alignment, _ = build(text)
    (objective,) = sub_strategies(alignment)["7.5"].objectives
    assert objective.text == "กรุงเทพมหานครมีการ ยกระดับสู่ดิจิทัล เพื่อบริหารงาน คล่องตัว"
    first, second = objective.key_results
    assert first.text == "พัฒนาระบบบริการสาธารณะ ที่สะดวก เข้าถึงง่าย ออนไลน์ ให้แก่ประชาชน ของกรุงเทพมหานครได้อย่างเปิดเผย"
    assert (first.target.raw, first.lead_units, first.support_units) == (
        "ประชาชน มีความ พึงพอใจ ร้อยละ 80", ["สยป."], ["หน่วยงาน ระดับ สำนัก"])
    assert second.text == "เปลี่ยนสู่ระบบดิจิทัลภาครัฐ เพื่อบริหารงานยืดหยุ่น คล่องตัว และครอบคลุมทุกหน่วยงาน ของกรุงเทพมหานคร"
    assert (second.target.raw, second.lead_units, second.support_units) == (
        "อย่างน้อย 10 ภารกิจ", ["สยป."], ["หน่วยงาน ระดับ สำนัก"])


def test_tactic_title_wrapped_onto_the_next_line_is_finished():
    """The line directly below a heading continues its title; a footnote (numbered) or a line after a blank line
    does not."""
    text = part1(
        "ยุทธศาสตร์ย่อยที่ 3.1 ลดความเหลื่อมล้ำ\n"
        "กลยุทธ์ 3.1.1 ร่วมมือและจัดสรรให้ประชาชนกลุ่มเปราะบางเข้าถึงสวัสดิการ\nและความเหมาะสม\n"
        "กลยุทธ์ 3.1.2 สนับสนุนอาชีพให้คนกลุ่มเปราะบาง\n3 ค่าเป้าหมาย หมายถึง\n"
        "กลยุทธ์ 3.1.3 สนับสนุนที่อยู่\n\nหมายเหตุ\n"
    )
    alignment, _ = build(text)
    first, second, third = sub_strategies(alignment)["3.1"].tactics
    # the wrap is joined as the PDF layout joins one: nothing between two Thai letters, no newline kept in raw
    assert (first.name, first.name_raw) == ("ร่วมมือและจัดสรรให้ประชาชนกลุ่มเปราะบางเข้าถึงสวัสดิการและความเหมาะสม", None)
    assert (second.name, second.name_raw) == ("สนับสนุนอาชีพให้คนกลุ่มเปราะบาง", None)
    assert (third.name, third.name_raw) == ("สนับสนุนที่อยู่", None)


# -- the 2567 seeds ---------------------------------------------------------------------------------------------


def test_seed_000_part1_structure():
    alignment, _ = seed("000")
    assert [(d.number, [s.number for s in d.strategies]) for d in alignment.dimensions] == [
        ("1", ["4", "5", "6"]), ("2", ["7"])]
    subs = sub_strategies(alignment)
    assert list(subs) == ["4.1", "5.1", "5.2", "5.3", "6.1", "7.2", "7.5"]
    assert sum(len(s.projects) for s in subs.values()) == 20
    assert [t.code for t in subs["7.2"].tactics] == ["7.2.1", "7.2.2"]
    kpis = [k.code for s in subs.values() for t in s.tactics for k in t.kpis]
    assert kpis == ["4.1.4.1", "5.1.1.1", "5.2.1.2", "5.3.1.2", "5.3.1.3", "6.1.2.1", "7.2.1.2", "7.2.2.1",
                    "7.2.2.2", "7.5.4.1"]
    assert [k.number for o in subs["5.2"].objectives for k in o.key_results] == ["1", "2", "3"]


def test_seed_000_key_results_written_line_by_line():
    """Sub-strategy 7.5 (lines 209-220): one objective, two KRs, each cell rebuilt from its visual lines."""
    (objective,) = sub_strategies(seed("000")[0])["7.5"].objectives
    assert objective.text.endswith("ทุกหน่วยงานบริการของ กรุงเทพมหานคร")
    first, second = objective.key_results
    assert first.number == "1" and first.text.endswith("ของกรุงเทพมหานครได้อย่างเปิดเผย")
    assert first.target.raw == "ประชาชน มีความ พึงพอใจ ต่อการ ให้บริการ ร้อยละ 80"
    assert (first.lead_units, first.support_units) == (["สยป."], ["หน่วยงาน ระดับ สำนัก"])
    assert second.number == "2" and second.text.endswith("ทุกหน่วยงานบริการ ของกรุงเทพมหานคร")
    assert (second.target.raw, second.lead_units, second.support_units) == (
        "อย่างน้อย 10 ภารกิจ", ["สยป."], ["หน่วยงาน ระดับ สำนัก"])


def test_seed_000_projects():
    subs = sub_strategies(seed("000")[0])
    codes = [p.strategy_code.code if p.strategy_code else p.added_in_year_be for s in subs.values()
             for p in s.projects]
    assert codes == [2567, "551002", "552004", "553003", "553004", "661005", "772001", "772003", "772004", 2567,
                     2567, "775002", "775006", "775008", "775013", "775017", "775018", 2567, 2567, 2567]
    by_code = {p.strategy_code.code: p for s in subs.values() for p in s.projects if p.strategy_code}
    assert by_code["775017"].budget.status == "not_received" and by_code["775017"].budget.amount == 5000000
    assert by_code["772001"].policy_codes == ["P045", "P046", "P056"]
    assert by_code["772003"].notes and by_code["772003"].policy_codes == ["P054"]  # continuation went to the name
    assert by_code["775018"].name.endswith("พ.ศ. 2562")
    assert by_code["551002"].units == ["กยภ."] and by_code["551002"].notes == ["ไม่เสนอโครงการ"]
    ssi = subs["5.3"].tactics[0].kpis[1]
    assert [(t.raw, t.year_be) for t in ssi.targets] == [("1 ภารกิจ", 2566), ("2 ภารกิจ", 2567)]


def test_seed_001_part1():
    alignment, findings = seed("001")
    subs = sub_strategies(alignment)
    assert list(subs) == ["3.3"]
    (project,) = subs["3.3"].projects
    assert project.strategy_code is None and project.budget.status == "other_source"
    assert any(f.code == "part1.project_without_code" for f in findings)
    (kpi,) = subs["3.3"].tactics[0].kpis
    assert kpi.code == "3.3.3.1" and [(t.raw, t.year_be) for t in kpi.targets] == [("-", 2566), ("10 อาคาร", 2567)]
    assert [d.number for d in alignment.dimensions] == ["1", "2"] and alignment.dimensions[1].strategies == []


@pytest.mark.parametrize(
    ("code", "sub", "amount"), [("115037", "1.5", 175800), ("331005", "3.1", 1385000), ("331011", "3.1", 1134000)]
)
def test_seed_003_part1_thai_digit_codes(code, sub, amount):
    subs = sub_strategies(seed("003")[0])
    assert list(subs) == ["1.5", "3.1"]  # the front matter's KR index adds none
    (project,) = [p for p in subs[sub].projects if p.strategy_code.code == code]
    assert project.strategy_code.sub_strategy == sub and project.budget.amount == amount
    assert [k.number for o in subs["3.1"].objectives for k in o.key_results] == ["1", "2"]


def test_seed_003_wrapped_tactic_title():
    """Lines 304-305: กลยุทธ์ ๓.๑.๑ continues on the next line (ตาราง ก writes it whole: …ตามความจำเป็นและความเหมาะสม)."""
    tactics = {t.code: t for s in sub_strategies(seed("003")[0]).values() for t in s.tactics}
    assert tactics["3.1.1"].name.endswith("ตามความจำเป็นและความเหมาะสม") and tactics["3.1.1"].name_raw is None
    assert tactics["3.1.2"].name_raw is None and tactics["1.5.4"].name_raw is None
