"""The field-level scorer: alignment by identifiers and names, per-entity counts, CER with digits folded."""

import copy
import json

import pytest

from extractor.cli import main
from extractor.score import score
from extractor.score.text import edit_distance, fold
from tests.conftest import GOLDEN

GOLD = {
    "schema_version": "1.0.0",
    "document": {"title": "แผนปฏิบัติราชการ ประจำปี 2567", "fiscal_year_be": 2567, "source": {"page": 1}},
    "project_summaries": [
        {
            "part": 1,
            "title": "สรุปโครงการ",
            "rows": [
                {"number": 1, "label": "โครงการพัฒนาระบบ", "budget": {"raw": "1,000", "amount": 1000}, "units": ["สยป."], "policy_codes": ["P001"]},
                {"number": 2, "label": "โครงการจ้างที่ปรึกษา", "budget": {"raw": "2,500", "amount": 2500}, "units": ["สนข."], "policy_codes": []},
            ],
            "source": {"page": 3},
        }
    ],
    "findings": [{"code": "totals.mismatch", "severity": "warning", "message": "sum differs", "subject": "part 1"}],
    "input": {"format": "pdf", "sha256": "abc", "pages": [{"page": 1, "route": "text"}]},
}


def test_identical_documents_score_perfectly():
    report = score(GOLD, copy.deepcopy(GOLD))
    assert report.overall.f1 == 1.0 and report.overall.cer == 0.0
    assert report.per_entity["projects"].gold == 4  # number, label (x2 rows)
    assert report.per_entity["budgets"].gold == 4 and report.per_entity["units"].gold == 2


def test_rendering_fields_are_ignored():
    pred = copy.deepcopy(GOLD)
    pred["input"] = {"format": "pdf-ocr", "sha256": "zzz", "pages": []}
    pred["document"]["source"] = {"page": 9, "bbox": [1, 2, 3, 4]}
    assert score(pred, GOLD).overall.f1 == 1.0


def test_one_misread_amount_costs_one_budget_field():
    pred = copy.deepcopy(GOLD)
    pred["project_summaries"][0]["rows"][1]["budget"]["amount"] = 2600
    budgets = score(pred, GOLD).per_entity["budgets"]
    assert (budgets.correct, budgets.predicted, budgets.gold) == (3, 4, 4)


def test_records_aligned_by_number_not_position():
    pred = copy.deepcopy(GOLD)
    pred["project_summaries"][0]["rows"].reverse()
    assert score(pred, GOLD).per_entity["projects"].f1 == 1.0


@pytest.mark.parametrize("golden", sorted(GOLDEN.glob("*.json")), ids=lambda p: p.stem[:3])
def test_every_golden_file_scores_perfectly_against_itself(golden):
    gold = json.loads(golden.read_text(encoding="utf-8"))
    report = score(copy.deepcopy(gold), gold)
    assert report.overall.f1 == 1.0, {k: round(t.f1, 3) for k, t in report.per_entity.items() if t.f1 < 1}


QUARTERS = {
    "kpi_report": {
        "quarters": [
            {"result": {"raw": "5.00", "value": 5}, "score": {"raw": "95", "value": 95}},
            {"result": {"raw": "30.00", "value": 30}, "score": {"raw": "100", "value": 100}},
            {"result": {"raw": "70.00", "value": 70}, "score": {"raw": "100", "value": 100}},
        ]
    }
}


def test_records_without_identifier_or_name_aligned_by_content():
    pred = copy.deepcopy(QUARTERS)
    quarters = pred["kpi_report"]["quarters"]
    quarters.reverse()
    quarters[0]["score"]["raw"] = "10O"  # one misread leaf: the record still pairs with its gold twin
    report = score(pred, QUARTERS).per_entity["kpi_report"]
    assert (report.correct, report.predicted, report.gold) == (11, 12, 12)


def test_records_with_nothing_in_common_stay_unpaired():
    pred = {"kpi_report": {"quarters": [{"result": {"raw": "1", "value": 1}, "score": {"raw": "2", "value": 2}}]}}
    report = score(pred, {"kpi_report": {"quarters": [QUARTERS["kpi_report"]["quarters"][0]]}}).per_entity["kpi_report"]
    assert (report.correct, report.predicted, report.gold) == (0, 4, 4)


def test_strategy_codes_and_budget_amounts_reported_alone():
    gold = {"projects": [
        {"name": "โครงการ ก", "strategy_code": {"code": "010101"}, "budget": {"raw": "1,000", "amount": 1000}},
        {"name": "โครงการ ข", "strategy_code": {"code": "010102"}, "budget": {"raw": "2,000", "amount": 2000}},
    ]}
    pred = copy.deepcopy(gold)
    pred["projects"][1]["strategy_code"]["code"] = "010103"
    pred["projects"][0]["budget"]["amount"] = 1001
    report = score(pred, gold)
    codes, amounts = report.key_fields["strategy codes"], report.key_fields["budget amounts"]
    assert (codes.correct, codes.gold, amounts.correct, amounts.gold) == (1, 2, 1, 2)
    assert report.per_entity["budgets"].gold == 4  # the amounts count in their entity type as well
    assert set(report.as_dict()["key_fields"]) == {"strategy codes", "budget amounts"}


def test_missing_record_lowers_recall_only():
    pred = copy.deepcopy(GOLD)
    del pred["project_summaries"][0]["rows"][1]
    projects = score(pred, GOLD).per_entity["projects"]
    assert projects.precision == 1.0 and projects.recall == 0.5


def test_thai_digits_and_spacing_folded_and_cer_counted():
    pred = copy.deepcopy(GOLD)
    pred["document"]["title"] = "แผนปฏิบัติราชการ  ประจำปี ๒๕๖๗"
    pred["project_summaries"][0]["rows"][0]["label"] = "โครงการพัฒนาระบ"  # one character lost
    report = score(pred, GOLD)
    assert report.per_entity["document"].f1 == 1.0
    assert report.names.char_errors == 1
    assert fold("๒๕๖๗") == "2567" and edit_distance("abc", "axcd") == 2


def test_findings_can_be_left_out():
    pred = copy.deepcopy(GOLD)
    pred["findings"] = []
    assert score(pred, GOLD).per_entity["findings"].recall == 0.0
    assert score(pred, GOLD, include_findings=False).overall.f1 == 1.0


def test_cli_prints_table_and_json(tmp_path, capsys):
    gold = tmp_path / "gold.json"
    pred = tmp_path / "pred.json"
    gold.write_text(json.dumps(GOLD, ensure_ascii=False), encoding="utf-8")
    changed = copy.deepcopy(GOLD)
    changed["project_summaries"][0]["rows"][0]["policy_codes"] = ["P007"]
    pred.write_text(json.dumps(changed, ensure_ascii=False), encoding="utf-8")
    assert main(["score", str(pred), str(gold)]) == 0
    out = capsys.readouterr().out
    assert "policy_codes" in out and "OVERALL" in out
    assert main(["score", str(pred), str(gold), "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["entities"]["policy_codes"]["f1"] == 0.0


def test_cli_rejects_non_json(tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text("not json", encoding="utf-8")
    assert main(["score", str(bad), str(bad)]) == 2
