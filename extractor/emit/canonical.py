"""Canonical JSON: the same document gives the same bytes on any machine, run and worker count.

- field order is the model's declaration order (never a dict's insertion history);
- UTF-8, NFC (never NFKC: it would decompose SARA AM), ``ensure_ascii=False``, two-space indent, a final newline;
- ``None`` values are left out (absent and unknown are the same thing in the output);
- no floats anywhere: money is integer baht or a decimal string.
"""

from __future__ import annotations

import json
import unicodedata
from typing import Any

from extractor.model.document import PlanDocument

# Keys whose values depend on how the document was rendered, not on what it says.
RENDERING_KEYS = frozenset({"source", "input"})


def to_json_data(document: PlanDocument) -> dict[str, Any]:
    """The document as plain JSON data (NFC strings, no None)."""
    return _normalise(document.model_dump(mode="json", exclude_none=True))


def to_canonical_json(document: PlanDocument) -> str:
    return dumps(to_json_data(document))


def dumps(data: Any) -> str:
    """Serialise plain data canonically."""
    _reject_floats(data)
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def content_view(data: Any) -> Any:
    """The content of canonical JSON data: provenance and input facts removed (for cross-route comparisons)."""
    if isinstance(data, dict):
        return {k: content_view(v) for k, v in data.items() if k not in RENDERING_KEYS}
    if isinstance(data, list):
        return [content_view(v) for v in data]
    return data


def _normalise(data: Any) -> Any:
    """NFC strings; in each record the provenance (``source``) last, after the content it describes."""
    if isinstance(data, str):
        return unicodedata.normalize("NFC", data)
    if isinstance(data, dict):
        content = {k: _normalise(v) for k, v in data.items() if k != "source"}
        if "source" in data:
            content["source"] = data["source"]
        return content
    if isinstance(data, list):
        return [_normalise(v) for v in data]
    return data


def _reject_floats(data: Any) -> None:
    if isinstance(data, float):
        raise TypeError("floats are not canonical: use an int or a decimal string")
    if isinstance(data, dict):
        for value in data.values():
            _reject_floats(value)
    elif isinstance(data, list):
        for value in data:
            _reject_floats(value)
