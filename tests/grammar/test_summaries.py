"""Project summary tables: rows, totals row, the sentences under the table, and the totals computed by rule."""

from functools import cache
from pathlib import Path

import pytest

from extractor.grammar.builders.summaries import computed_total, project_summaries
from extractor.grammar.engine import build_tree
from extractor.grammar.spec import load_grammars
from extractor.grammar.values import parse_budget
from extractor.ingest.dump import read_dump_text

CORPUS = Path(__file__).resolve().parents[2] / "corpus"
HEADER = "ลำดับที่ | ชื่อโครงการ/กิจกรรมสำคัญ | งบประมาณ | ส่วนราชการ ที่รับผิดชอบ | รหัสนโยบาย (3 หลัก) |\n"


@cache
def grammar():
    return {g.id: g for g in load_grammars()}["bma-2567-action-plan"]


def summaries(text: str):
    return project_summaries(build_tree(read_dump_text(text), grammar()), [])


@cache
def seed(prefix: str):
    (path,) = CORPUS.glob(f"{prefix}_*.txt")
    return summaries(path.read_text(encoding="utf-8"))


def test_rows_totals_row_sentence_and_page_break_continuation():
    text = (
        "ส่วนที่ 1 ความสอดคล้อง\nสรุปโครงการและงบประมาณที่หน่วยงานจะดำเนินการ\n" + HEADER
        + "1 | โครงการ ก | 1,000 | กคพ. | P058 |\n2 | โครงการ ข | 500 | กคพ. | |\n" + HEADER
        + "*ไม่ได้รับ งบประมาณ | ||||\n3 | โครงการ ค | ไม่ใช้ งบประมาณ | กยบ. | - |\n"
        + "รวมงบประมาณทั้งสิ้น | 1,000 | สยป |\n"
        + "โครงการ/กิจกรรมสำคัญ รวมจำนวน 3 โครงการ/กิจกรรม จำนวนเงินทั้งสิ้น 1,000 .- บาท\n"
    )
    (summary,) = summaries(text)
    assert summary.part == "part1" and [r.number for r in summary.rows] == ["1", "2", "3"]
    assert summary.rows[1].budget.status == "not_received"  # the status pushed past the page break
    assert (summary.stated_total.amount, summary.stated_total_text.amount, summary.stated_count) == (1000, 1000, 3)
    assert (summary.computed_count, summary.computed_total) == (3, 1000)


def test_computed_total_rules():
    budgets = [parse_budget(t) for t in ("1,000", "500 *ไม่ได้รับ งบประมาณ", "200 อยู่ระหว่างขอจัดสรร", "ไม่ใช้ งบ")]
    assert computed_total(budgets) == 1200
    assert computed_total(budgets, "all") == 1700
    assert computed_total(budgets, "exclude_not_received_and_pending") == 1000


def test_issue_project_table_is_not_a_summary():
    text = "ส่วนที่ 2 การดำเนินงาน\nลำดับที่ | โครงการ/กิจกรรมสำคัญ | งบประมาณ | ส่วนราชการ | รหัสนโยบาย |\n1 | ก | 1 | กคพ. | |\n"
    assert summaries(text) == []


@pytest.mark.parametrize(
    ("prefix", "part", "rows", "stated", "computed", "count"),
    [
        ("000", "part1", 17, 159401928, 159401928, 17),
        ("000", "part2", 6, 122621450, 122621450, 6),
        ("003", "part1", 3, 2694800, 2694800, 3),
        ("003", "part2", 39, 35294295, 35254295, 38),
    ],
)
def test_seed_summaries(prefix, part, rows, stated, computed, count):
    (summary,) = [s for s in seed(prefix) if s.part == part]
    assert (len(summary.rows), summary.stated_total.amount, summary.computed_total, summary.stated_count) == (
        rows, stated, computed, count)
    assert summary.stated_total_text.amount == stated


def test_seed_000_part1_summary_not_received_rows():
    (summary, _) = seed("000")
    not_received = [r.number for r in summary.rows if r.budget and r.budget.status == "not_received"]
    assert not_received == ["12", "13", "14"]


def test_seed_003_part2_number_used_twice_and_pending_row():
    summary = [s for s in seed("003") if s.part == "part2"][0]
    assert [r.number for r in summary.rows].count("12") == 2
    by_label = {r.label: r for r in summary.rows}
    assert summary.rows[37].number == "37" and summary.rows[37].budget.status == "pending"
    assert by_label["ปรับปรุงโรงเรียนวัดนิมมานรดี"].policy_codes == ["P236", "P114"]


def test_seed_001_has_no_summary_table():
    assert seed("001") == []


def test_summary_written_under_its_subtitle_alone_opens_the_summary():
    """Without its สรุปโครงการ… line, the subtitle stands for the heading (it leaves the development issue above); under
    an open summary heading the same line is a note of that summary, not a second summary."""
    issue = "ส่วนที่ 2 การดำเนินงาน\nประเด็นการพัฒนาที่ 1 พัฒนาระบบ\n"
    subtitle = "โครงการ/กิจกรรมสำคัญตามยุทธศาสตร์หน่วยงาน\n(เรียงลำดับตามความสำคัญ)\n"
    rows = HEADER + "1 | โครงการ ก | 1,000 | กคพ. | P058 |\n"
    (alone,) = summaries(issue + subtitle + rows)
    assert (alone.part, alone.title, alone.notes) == ("part2", "โครงการ/กิจกรรมสำคัญตามยุทธศาสตร์หน่วยงาน",
                                                      ["(เรียงลำดับตามความสำคัญ)"])
    (headed,) = summaries(issue + "สรุปโครงการและงบประมาณที่หน่วยงานจะดำเนินการ\n" + subtitle + rows)
    assert headed.title == "ที่หน่วยงานจะดำเนินการ"
    assert headed.notes == ["โครงการ/กิจกรรมสำคัญตามยุทธศาสตร์หน่วยงาน", "(เรียงลำดับตามความสำคัญ)"]
    assert [r.label for r in headed.rows] == ["โครงการ ก"]


def test_seed_000_part2_summary_title_and_notes():
    """Lines 293-306: the Part 2 summary has only its subtitle as heading; the subtitle, the sentence restating
    6 projects and 122,621,450 baht, and the remark are its notes, not notes of development issue 2."""
    part2 = [s for s in seed("000") if s.part == "part2"]
    (summary,) = part2
    assert summary.title == "โครงการ/กิจกรรมสำคัญตามยุทธศาสตร์หน่วยงาน" and len(summary.rows) == 6
    assert summary.notes[0] == "(เรียงลำดับตามความสำคัญ/จำเป็นเร่งด่วนในการดำเนินการ)"
    assert any("จำนวน 6 โครงการ" in note for note in summary.notes)


def test_seed_003_part2_summary_keeps_its_subtitle():
    """Lines 483-484: the subtitle under สรุปโครงการ… is a note of that summary (it was dropped before)."""
    part2 = [s for s in seed("003") if s.part == "part2"]
    assert part2[0].notes[0] == "โครงการ/กิจกรรมสำคัญตามตามยุทธศาสตร์ของหน่วยงาน" and len(part2) == 1
