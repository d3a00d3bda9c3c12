"""Which entity type a field of the canonical JSON belongs to, and which fields identify a record.  Data, not code.

The type of a leaf is set by the keys on its path from the root: a key in ``ENTITY_BY_KEY`` (or a ``(parent, key)``
pair in ``ENTITY_BY_CONTEXT``, which wins) switches the type for everything below it.  Keys never seen keep the
type of their parent, and the root's keys give the section (``document``, ``front_matter``, ...).
"""

from __future__ import annotations

# the entity types the issue names, in report order; the sections the walk also meets come after them
REPORTED = ("strategies", "kpis", "targets", "projects", "budgets", "units", "policy_codes", "rubric_rows", "findings")

ENTITY_BY_KEY = {
    "dimensions": "strategies",
    "strategies": "strategies",
    "sub_strategies": "strategies",
    "tactic": "strategies",
    "kpis": "kpis",
    "key_indicators": "kpis",
    "target": "targets",
    "targets": "targets",
    "projects": "projects",
    "children": "projects",
    "budget": "budgets",
    "stated_total": "budgets",
    "stated_total_text": "budgets",
    "computed_total": "budgets",
    "units": "units",
    "policy_codes": "policy_codes",
    "findings": "findings",
}
ENTITY_BY_CONTEXT = {
    ("project_summaries", "rows"): "projects",
    ("rubrics", "rows"): "rubric_rows",
}

# fields never scored: rendering-dependent (where a record came from, how the input was read)
IGNORED_KEYS = frozenset({"source", "input", "schema_version"})

# fields that identify a record in a list, tried together (records agree on all they both have)
ID_FIELDS = ("code", "kpi_code", "number", "level", "part", "table_role", "table_label", "role", "category", "kind")
# fields whose text identifies a record when no identifier decides
NAME_FIELDS = ("name", "title", "label", "text", "criterion", "subject", "message", "factor")
# text fields whose character error rate is reported as "names"
NAME_CER_FIELDS = frozenset({"name", "title", "label", "unit_name", "kpi_name", "tactic"})

# fields the issue sets their own targets on, also tallied alone (they count in their entity type as well):
# name → the (parent key, key) places the field sits at in the canonical JSON
KEY_FIELDS: dict[str, frozenset[tuple[str, str]]] = {
    "strategy codes": frozenset({("strategy_code", "code")}),
    "budget amounts": frozenset(
        {(parent, "amount") for parent in ("budget", "stated_total", "stated_total_text", "computed_total")}
    ),
}
KEY_FIELD_BY_PLACE = {place: name for name, places in KEY_FIELDS.items() for place in places}
