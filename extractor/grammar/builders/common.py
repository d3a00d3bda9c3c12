"""Small helpers every builder uses: provenance of tree items, text with its raw form, child lookups."""

from __future__ import annotations

from extractor.blocks import Cell, Provenance
from extractor.grammar.engine import LogicalTable, Node
from extractor.model.base import Source


def source_of(item: Node | Cell | Provenance) -> Source:
    """The canonical provenance of a node, cell or block provenance."""
    prov = item if isinstance(item, Provenance) else item.provenance
    return Source.of(prov)


def raw_if_changed(text: str, raw: str) -> str | None:
    """The raw text, only where repair or folding changed it (raw beside normalised, never twice the same)."""
    folded_raw = " ".join(raw.split())
    return folded_raw if folded_raw != text else None


def tables_of(node: Node, role: str) -> list[LogicalTable]:
    """The logical tables of one role attached to a node (not below it)."""
    return [t for t in node.tables if t.role == role]


def children_of(node: Node, kind: str) -> list[Node]:
    return [c for c in node.children if c.kind == kind]
