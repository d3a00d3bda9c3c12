"""Emitters: canonical JSON and its JSON Schema (flat exports and review pages live beside them)."""

from extractor.emit.canonical import content_view, to_canonical_json, to_json_data
from extractor.emit.schema import json_schema

__all__ = ["content_view", "json_schema", "to_canonical_json", "to_json_data"]
