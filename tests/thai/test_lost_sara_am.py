"""Lost SARA AM (``สาคัญ``): repaired only on a page whose text shows the loss (seed000.md §5.4 lists seed 004's)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from extractor.ingest import read
from extractor.thai import repair_text, restore_sara_am
from extractor.thai.sara_am import find_lost_sara_am, page_condition
from extractor.thai_stage import repair_blocks
from tests.thai.seed_groups import CORPUS

REAL = Path(__file__).resolve().parents[3] / "shared" / "real-pdfs"


def test_a_page_without_any_sara_am_is_repaired():
    page = ["การดาเนินงานตามแผนที่สาคัญของสานักงาน"] * 20  # 0 ำ in 460 consonants
    results, reason = restore_sara_am(page)
    assert reason == "0 SARA AM in 460 Thai consonants"
    assert results[0][0] == "การดำเนินงานตามแผนที่สำคัญของสำนักงาน"
    assert [(r.before, r.after) for r in results[0][1]] == [
        ("ดาเนินงาน", "ดำเนินงาน"),
        ("สาคัญ", "สำคัญ"),
        ("สานักงาน", "สำนักงาน"),
    ]


def test_one_odd_word_on_a_normal_page_is_left_alone():
    page = ["ร้อยละความสำเร็จของการดำเนินงาน", "ข้อมูลที่มีความสาคัญ"]
    assert page_condition(page) is None
    assert restore_sara_am(page) == ([(t, []) for t in page], None)


def test_weak_sites_alone_never_show_the_loss():
    # ดา|เนิน and สา|นัก are words as written: they are repaired only on a page that shows the loss otherwise
    page = ["หน่วยงานดาเนินการ สานักงานเขต ผลการดาเนินงาน", "การจัดทำแผนงานประจำปี"]
    assert [s.strong for t in page for s in find_lost_sara_am(t)] == [False, False, False]
    assert page_condition(page) is None


def test_correct_seeds_show_no_loss():
    for name in ("000", "001", "002", "003"):
        lines = next(CORPUS.glob(f"{name}_*.txt")).read_text(encoding="utf-8").splitlines()
        assert page_condition(lines) is None, name


def test_seed_004_gets_its_ten_words_back_each_reported():
    doc = read(next(CORPUS.glob("004_*.txt")))
    findings = [f for f in repair_blocks(doc.blocks) if f.code == "thai.sara_am_restored"]
    restored = sorted((f.actual, f.expected) for f in findings)
    assert restored == sorted(
        [("มีความสาคัญ", "มีความสำคัญ")] * 2
        + [("ผลการดาเนินงาน", "ผลการดำเนินงาน"), ("ดาเนินงาน", "ดำเนินงาน"), ("ดาเนิน", "ดำเนิน")]
        + [("ดาเนินการ", "ดำเนินการ")] * 2
        + [("การนา", "การนำ"), ("สานัก", "สำนัก"), ("กาหนด", "กำหนด")]
    )
    assert all("page evidence" in f.message for f in findings)
    text = "\n".join(b.text for b in doc.blocks if not b.is_table)
    assert "สาคัญ" not in text and "ดาเนิน" not in text


def test_sara_am_drawn_as_space_and_aa_is_restored():
    page = ["งบด าเนินงาน จ าแนกตามกิจกรรม"] + ["ผลผลิตตามแผนงบประมาณรายจ่ายล่วงหน้าระยะปานกลาง"] * 12
    results, reason = restore_sara_am(page)
    assert reason is not None and results[0][0] == "งบดำเนินงาน จำแนกตามกิจกรรม"
    assert [(r.before, r.after) for r in results[0][1]] == [("ด าเนินงาน", "ดำเนินงาน"), ("จ าแนก", "จำแนก")]


def test_real_pdf_pages_with_sara_am_drawn_apart():
    pymupdf = pytest.importorskip("pymupdf")
    path = REAL / "14.pdf"
    if not path.exists():
        pytest.skip(f"{path} not available")
    with pymupdf.open(path) as doc:
        pages = {i: repair_text(doc[i].get_text())[0] for i in (16, 17, 18)}
    fired = {}
    for i, text in pages.items():
        results, reason = restore_sara_am(text.split("\n"))
        fired[i] = reason is not None
        assert not any(re.search("[ก-ฮ] า", t) for t, _ in results)
    assert fired == {16: False, 17: True, 18: False}


def test_a_page_of_a_document_that_shows_the_loss_elsewhere_gets_its_strong_sites_only():
    """Seed 004 rendered to PDF: the KPI name (สาคัญ) is on page 1, the text showing the loss on page 3."""
    page = ["ตัวชี้วัดที่สาคัญ ของการดาเนินงาน"]
    assert restore_sara_am(page) == ([(page[0], [])], None)  # one word proves nothing on its own
    results, reason = restore_sara_am(page, document_reason="2 words are not Thai with า and are with ำ (กาหนด)")
    assert reason.startswith("another page: 2 words")
    assert [(r.before, r.after) for r in results[0][1]] == [("สาคัญ", "สำคัญ")]  # ดา|เนินงาน is weak: kept
