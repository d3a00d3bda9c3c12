"""Records are found generically in canonical JSON: every dict with a ``source``, typed by the key it sits under."""

from __future__ import annotations

from extractor.emit.review.records import collect_findings, collect_records, label_of

DATA = {
    "schema_version": "1.0.0",
    "document": {"title": "แผน 2567", "source": {"page": 1, "bbox": [1, 2, 3, 4]}},
    "strategic_alignment": {
        "dimensions": [{
            "number": "1", "name": "การบริการ", "source": {"line_start": 3, "line_end": 3},
            "strategies": [{"number": "7", "name": "การบริหาร", "source": {"line_start": 4, "line_end": 9}}],
        }],
    },
    "monitoring": {"kpis": [{"code": "7.2.2.2", "text": "จำนวนครั้ง", "source": {"line_start": 20}}]},
    "findings": [{"code": "total.mismatch", "severity": "error", "message": "m", "source": {"line_start": 5}}],
    "input": {"format": "text-dump", "source": {"line_start": 1}},
}


def by_path(records):
    return {r["path"]: r for r in records}


def test_every_dict_with_a_source_is_a_record_typed_by_its_key() -> None:
    records = by_path(collect_records(DATA))
    assert list(records) == [
        "document", "strategic_alignment.dimensions[0]", "strategic_alignment.dimensions[0].strategies[0]",
        "monitoring.kpis[0]",
    ]
    assert [r["type"] for r in records.values()] == ["document", "dimensions", "strategies", "kpis"]
    assert records["monitoring.kpis[0]"]["group"] == "monitoring.kpis"


def test_records_nest_under_their_nearest_enclosing_record() -> None:
    records = by_path(collect_records(DATA))
    dimension = records["strategic_alignment.dimensions[0]"]
    strategy = records["strategic_alignment.dimensions[0].strategies[0]"]
    assert strategy["parent"] == dimension["id"] and dimension["parent"] is None
    assert strategy["group"] == "strategies"
    assert dimension["fields"]["strategies"] == [{"$ref": strategy["id"]}]
    assert "source" not in dimension["fields"]
    assert strategy["source"] == {"line_start": 4, "line_end": 9}


def test_a_new_model_field_appears_without_code_changes() -> None:
    data = {**DATA, "budget_lines": [{"item": {"label": "ค่าจ้าง"}, "source": {"page": 2, "bbox": [0, 0, 9, 9]}}]}
    (record,) = [r for r in collect_records(data) if r["type"] == "budget_lines"]
    assert record["label"] == "ค่าจ้าง" and record["source"]["page"] == 2


def test_findings_and_input_are_not_records() -> None:
    records = collect_records(DATA)
    assert not [r for r in records if r["path"].startswith(("findings", "input"))]
    assert collect_findings(DATA) == [{"id": "f0", **DATA["findings"][0]}]


def test_labels_prefer_numbers_and_names_and_are_clipped() -> None:
    assert label_of({"number": "7.5", "name": "เทคโนโลยี", "flag": True}) == "7.5 เทคโนโลยี"
    assert label_of({"supporting": True, "targets": [{"raw": "  3 ภารกิจ "}]}) == "3 ภารกิจ"
    assert len(label_of({"name": "ก" * 500})) == 140
