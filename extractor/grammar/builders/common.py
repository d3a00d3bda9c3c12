"""Small helpers every builder uses: provenance of tree items, text with its raw form, child lookups."""

from __future__ import annotations

from extractor.blocks import Cell, Provenance
from extractor.grammar.engine import LogicalTable, Node
from extractor.grammar.values import arabic_digits
from extractor.model.base import Source
from extractor.model.document import PartHeading


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


def part_headings(tree: Node) -> list[PartHeading]:
    """The parts (ส่วนที่ N) of the document, with the title from the heading line or, where the title is written
    on the line below, the part's first paragraph."""
    headings = []
    for node in children_of(tree, "part"):
        title = node.fields.get("title")
        if not title and node.paragraphs and _precedes_children(node):
            title = node.paragraphs[0].text
        number = arabic_digits(node.fields.get("number", ""))
        headings.append(PartHeading(number=number, title=title, source=source_of(node)))
    return headings


def _precedes_children(node: Node) -> bool:
    first = node.paragraphs[0].provenance
    if not node.children:
        return True
    child = node.children[0].provenance
    return (first.page or 0, first.line_start or 0) <= (child.page or 0, child.line_start or 0)
