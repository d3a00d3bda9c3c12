"""The JSON Schema of the canonical output, generated from the pydantic models."""

from __future__ import annotations

from typing import Any

from extractor.model.document import SCHEMA_VERSION, PlanDocument


def json_schema() -> dict[str, Any]:
    schema = PlanDocument.model_json_schema(mode="serialization")
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = f"urn:extractor:plan-document:{SCHEMA_VERSION}"
    return schema
