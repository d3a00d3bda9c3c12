"""Template detection: each seed is claimed by the grammar of its template, and the 2567 grammar claims no other."""

from __future__ import annotations

from functools import cache

import pytest

from extractor.grammar.detect import detect_template
from extractor.grammar.spec import load_grammars
from extractor.ingest.dump import read_dump_text
from tests.conftest import CORPUS

PLAN_2567 = "bma-2567-action-plan"


@cache
def grammars():
    return load_grammars()


def detect(text: str):
    return detect_template(read_dump_text(text), grammars())


@pytest.mark.parametrize("prefix", ["000", "001", "003"])
def test_2567_plans_detect_as_the_2567_template(prefix):
    detection = detect(next(CORPUS.glob(f"{prefix}_*.txt")).read_text(encoding="utf-8"))
    assert detection.grammar is not None and detection.grammar.id == PLAN_2567
    runner_up = max(score for gid, score in detection.scores.items() if gid != PLAN_2567)
    assert detection.score > runner_up


@pytest.mark.parametrize("prefix, expected", [("002", "bma-2563"), ("004", "kpi-report")])
def test_other_templates_are_not_claimed_by_the_2567_grammar(prefix, expected):
    detection = detect(next(CORPUS.glob(f"{prefix}_*.txt")).read_text(encoding="utf-8"))
    by_id = {g.id: g for g in grammars()}
    assert detection.scores[PLAN_2567] < by_id[PLAN_2567].min_score
    assert detection.grammar is not None and detection.grammar.id.startswith(expected)


def test_the_year_alone_is_not_enough():
    text = "แผนปฏิบัติราชการประจำปี พ.ศ. 2567\nสำนักการทดสอบ\nคำนำ\nข้อความ\n"
    assert detect(text).scores[PLAN_2567] < {g.id: g for g in grammars()}[PLAN_2567].min_score


def test_2567_structure_with_thai_digits_is_recognised():
    text = (
        "แผนปฏิบัติการประจำปี พ.ศ. ๒๕๖๗\nส่วนที่ ๑\nมิติที่ ๑ การบริการสาธารณะ\n"
        "ยุทธศาสตร์ย่อยที่ ๑.๕ เมืองสุขภาพดี\nKR ๑ : เสริมสร้างภูมิคุ้มกัน\n"
    )
    assert detect(text).grammar.id == PLAN_2567


def test_a_2563_style_dimension_lowers_the_score():
    base = "แผนปฏิบัติการประจำปี พ.ศ. 2567\nส่วนที่ 1 การบริการสาธารณะ\nยุทธศาสตร์ย่อยที่ 5.4\nKR 1 : ข้อ\n"
    with_2563_dimension = base + "มิติที่ 5.4 การเมืองสีขาว\n"
    assert detect(with_2563_dimension).scores[PLAN_2567] == detect(base).scores[PLAN_2567] - 2
