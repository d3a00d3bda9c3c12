import json

import pytest

from extractor.emit import content_view, json_schema, to_canonical_json
from extractor.emit.canonical import dumps
from extractor.model.base import Finding, Source
from extractor.model.document import DocumentInfo, InputInfo, PlanDocument


def _document(**info) -> PlanDocument:
    return PlanDocument(
        document=DocumentInfo(title="แผนปฏิบัติราชการ", fiscal_year_be=2567, source=Source(line_start=3, line_end=4), **info),
        findings=[Finding(code="x.y", severity="warning", message="ข้อความ")],
        input=InputInfo(format="text-dump", sha256="0" * 64),
    )


def test_canonical_json_is_nfc_utf8_without_nulls_and_ends_with_newline():
    text = to_canonical_json(_document(unit_name="Cafe\u0301 สำนัก"))
    data = json.loads(text)
    assert text.endswith("\n") and "Caf\u00e9 สำนัก" in text and "\\u" not in text
    assert list(data["document"])[-1] == "source"  # provenance after the content it describes
    assert "unit_abbreviation" not in data["document"]


def test_same_document_same_bytes():
    assert to_canonical_json(_document()) == to_canonical_json(_document())


def test_floats_are_refused():
    with pytest.raises(TypeError):
        dumps({"amount": 1.5})


def test_content_view_drops_rendering_fields():
    data = json.loads(to_canonical_json(_document()))
    content = content_view(data)
    assert "input" not in content and "source" not in content["document"]
    assert content["document"]["fiscal_year_be"] == 2567


def test_schema_describes_the_root():
    schema = json_schema()
    assert schema["title"] == "PlanDocument" and "findings" in schema["properties"]
