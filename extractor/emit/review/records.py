"""Records and findings of canonical JSON, found generically for the review page.

Every dict with a ``source`` is a record; its type is the key it sits under (``projects``, ``sub_strategies``), so a
new model field shows up on the review page without code changes here.  Records nest: each knows its nearest
enclosing record (its parent) and the key path from that parent (its group, e.g. ``monitoring.kpis``).
"""

from __future__ import annotations

from typing import Any

# Top-level keys that are not document content: findings get their own list, input facts are not records.
SEPARATE_KEYS = ("findings", "input")
# Keys preferred, in this order, for a record's one-line label; any other short string is the fallback.
LABEL_KEYS = ("number", "code", "id", "level", "name", "title", "text", "raw")
LABEL_LIMIT = 140


def collect_records(data: dict[str, Any]) -> list[dict[str, Any]]:
    """The records of canonical JSON data in document order (depth first), each a plain dict for the page script.

    Keys: ``id`` (r0, r1, ...), ``parent`` (id or None), ``type``, ``group`` (key path from the parent),
    ``path`` (full JSON path), ``label``, ``source`` (or None) and ``fields`` (the record's content, nested records
    replaced by ``{"$ref": id}``).
    """
    records: list[dict[str, Any]] = []
    for key, value in data.items():
        if key not in SEPARATE_KEYS:
            _walk(value, [key], key, None, records)
    return records


def collect_findings(data: dict[str, Any]) -> list[dict[str, Any]]:
    """The findings with an id (f0, f1, ...) and their fields as they are in the JSON."""
    return [{"id": f"f{i}", **finding} for i, finding in enumerate(data.get("findings", []))]


def _walk(value: Any, path: list[str], key: str, parent: dict | None, records: list[dict]) -> Any:
    """Visit ``value``; return it with nested records replaced by references (the parent's view of it)."""
    if isinstance(value, list):
        return [_walk(item, [*path[:-1], f"{path[-1]}[{i}]"], key, parent, records) for i, item in enumerate(value)]
    if not isinstance(value, dict):
        return value
    if isinstance(value.get("source"), dict):
        return {"$ref": _record(value, path, key, parent, records)["id"]}
    return {k: _walk(v, [*path, k], k, parent, records) for k, v in value.items()}


def _record(value: dict, path: list[str], key: str, parent: dict | None, records: list[dict]) -> dict:
    record: dict[str, Any] = {
        "id": f"r{len(records)}",
        "parent": parent["id"] if parent else None,
        "type": key,
        "group": _group(path, parent),
        "path": ".".join(path),
        "label": label_of(value),
        "source": value["source"] or None,
    }
    records.append(record)
    record["fields"] = {k: _walk(v, [*path, k], k, record, records) for k, v in value.items() if k != "source"}
    return record


def _group(path: list[str], parent: dict | None) -> str:
    """The key path from the parent record to this one, list indices dropped (``strategies``, ``monitoring.kpis``)."""
    depth = parent["path"].count(".") + 1 if parent else 0
    return ".".join(part.split("[")[0] for part in path[depth:])


def label_of(record: dict[str, Any]) -> str:
    """A short human label: preferred keys joined (``7.5 เทคโนโลยี``), else the first string found."""
    parts = [str(record[k]) for k in LABEL_KEYS if type(record.get(k)) in (str, int)]  # not bool
    if not parts:
        found = _first_text(record, depth=2)
        parts = [found] if found else []
    return _clip(" ".join(dict.fromkeys(parts)))


def _first_text(value: Any, depth: int) -> str | None:
    if isinstance(value, str) and value.strip():
        return value
    if depth < 0:
        return None
    if isinstance(value, dict):
        value = [v for k, v in value.items() if k != "source"]
    if isinstance(value, list):
        for item in value:
            found = _first_text(item, depth - 1)
            if found:
                return found
    return None


def _clip(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= LABEL_LIMIT else text[: LABEL_LIMIT - 1] + "…"
