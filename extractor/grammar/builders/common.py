"""Small helpers every builder uses: provenance of tree items, text with its raw form, child lookups."""

from __future__ import annotations

import regex as re

from extractor.blocks import BlockKind, Cell, Provenance
from extractor.grammar.engine import Glue, LogicalTable, Node, TableRecord
from extractor.grammar.spec import Grammar
from extractor.grammar.values import arabic_digits
from extractor.layout.text import wrap_glue
from extractor.model.base import Finding, Severity, Source
from extractor.model.document import PartHeading
from extractor.model.front_matter import TocEntry


def source_of(item: Node | Cell | Provenance, continued_rows: int = 0) -> Source:
    """The canonical provenance of a node, cell or block provenance (and of the rows a table record merged)."""
    prov = item if isinstance(item, Provenance) else item.provenance
    return Source.of(prov, continued_rows)


def join_lines(lines: list[str], glue: Glue | None) -> str:
    """Lines of one text that a source wrapped, joined: nothing where the document writes the phrase across the
    break as one (``glue``, the Thai stage's evidence on the tree root), else a space."""
    text = ""
    for line in (ln.strip() for ln in lines):
        if not line:
            continue
        joint = (glue(text, line) if glue else " ").replace("\n", " ") if text else ""
        text = f"{text}{joint}{line}"
    return text


def order_key(prov: Provenance) -> tuple:
    """Document order of a provenance: page, source line, then top of the box (dumps have lines, PDFs pages)."""
    y0 = prov.bbox[1] if prov.bbox else 0.0
    return (prov.page or 0, prov.line_start or 0, y0)


def table_end(table: LogicalTable) -> tuple:
    """Document order of the end of a table: its last source line, or the top of its last row on the last page (a
    table's own provenance is its first part's: a PDF gives no page range)."""
    rows = [table.provenance] + [r.provenance for r in table.records + table.totals]
    return max((p.page or 0, p.line_end or p.line_start or 0, p.bbox[1] if p.bbox else 0.0) for p in rows)


def raw_if_changed(text: str, raw: str) -> str | None:
    """The raw text, only where repair or folding changed it (raw beside normalised, never twice the same)."""
    folded_raw = " ".join(raw.split())
    return folded_raw if folded_raw != text else None


def tables_of(node: Node, role: str) -> list[LogicalTable]:
    """The logical tables of one role attached to a node (not below it)."""
    return [t for t in node.tables if t.role == role]


def children_of(node: Node, kind: str) -> list[Node]:
    return [c for c in node.children if c.kind == kind]


def part_headings(tree: Node, grammar: Grammar | None = None) -> list[PartHeading]:
    """The parts (ส่วนที่ N) of the document in document order, with the title from the heading line or, where the
    title is written on the line below, the part's first paragraph or its first child's title.

    A part title written without its ส่วนที่ label (an entity with ``part`` in the grammar, e.g. Part 4's
    การนำแผนฯ ไปสู่การปฏิบัติ…) opens its node at the root: it is listed as that part.  Under a labelled part it is
    the part's title, not a second part."""
    implied = {e.kind: e.part for e in grammar.entities if e.part} if grammar else {}
    headings = []
    for node in tree.children:
        if node.kind == "part":
            number = arabic_digits(node.fields.get("number", ""))
            headings.append(PartHeading(number=number, title=_part_title(node, implied), source=source_of(node)))
        elif node.kind in implied:
            headings.append(PartHeading(number=implied[node.kind], title=node.fields.get("title"),
                                        source=source_of(node)))
    return headings


def part_titles_from_toc(parts: list[PartHeading], toc: list[TocEntry], grammar: Grammar, findings: list[Finding]) -> None:
    """A part whose heading gives no title (``ส่วนที่ 1`` alone at the top of its page, its title set elsewhere) takes
    the one the table of contents quotes for it: the entry read as a part heading by the grammar's ``part`` entity
    (finding ``part.title_from_toc``)."""
    patterns = [e.regex for e in grammar.entities if e.kind == "part"]
    quoted: dict[str, list[str]] = {}
    for entry in toc:
        for pattern in patterns:
            m = pattern.match(entry.title)
            if m and m.groupdict().get("title"):
                quoted.setdefault(arabic_digits(m.group("number")), []).append(m.group("title"))
                break
    for part in parts:
        titles = quoted.get(part.number, [])
        if part.title or len(set(titles)) != 1:
            continue
        part.title = titles[0]
        findings.append(Finding(
            code="part.title_from_toc", severity=Severity.INFO, subject=part.number,
            message=f"part {part.number}'s heading gives no title; the table of contents names it {titles[0][:60]!r}",
            source=part.source,
        ))


def _part_title(node: Node, implied: dict[str, str]) -> str | None:
    title = node.fields.get("title")
    if not title and node.paragraphs and _precedes_children(node):
        title = node.paragraphs[0].text
    if not title and node.children and node.children[0].kind in implied:
        title = node.children[0].fields.get("title")
    return title


def _precedes_children(node: Node) -> bool:
    first = node.paragraphs[0].provenance
    if not node.children:
        return True
    child = node.children[0].provenance
    return (first.page or 0, first.line_start or 0) <= (child.page or 0, child.line_start or 0)


# A line that starts with a number is a footnote (``37 วัตถุประสงค์หลัก … หมายถึง``) or a list item, never the rest of
# a title.
_NUMBERED_LINE = re.compile(r"^\s*[0-9๐-๙]")


def heading_text(node: Node, field: str = "name") -> tuple[str, str | None]:
    """A heading's name with the line that continues it, and its raw form (None: the name is as written).

    A title wrapped onto the next source line leaves its tail as the paragraph directly below the heading line (no
    blank line between).  That paragraph is the rest of the title when it is a plain paragraph, no longer than the
    heading line (the heading line filled the width first) and does not start with a number (a footnote or a list
    item directly below).  It is then taken out of the node's paragraphs, so it is not read twice.  The wrap is
    joined as the PDF layout joins one (``wrap_glue``: nothing between two Thai letters, Thai breaks lines between
    words without a space; else a space), and like a PDF's raw text the name keeps no newline for it.  PDF blocks
    have no source lines; their wrapped titles are joined by the layout stage.
    """
    name = node.fields.get(field, "")
    if not node.paragraphs or node.block is None:
        return name, None
    first, heading = node.paragraphs[0], node.block
    end = heading.provenance.line_end
    if end is None or first.provenance.line_start != end + 1 or first.kind is not BlockKind.PARAGRAPH:
        return name, None
    if len(first.text) > len(heading.text) or _NUMBERED_LINE.match(first.text):
        return name, None
    node.paragraphs = node.paragraphs[1:]
    return f"{name}{wrap_glue(name, first.text)}{first.text}", None


# A policy code is P and three digits (P๑๔๗); a cell of the policy column that opens with three digits alone lost its
# P on a scan (the letter is small beside the digits).
_CODE_WITHOUT_P = re.compile(r"^[0-9๐-๙]{3}(?![0-9๐-๙]|\.)")


def policy_prefix(text: str, record: TableRecord, findings: list[Finding]) -> str:
    """A policy cell with the P of its opening code put back (finding ``project.policy_prefix_restored``)."""
    if not _CODE_WITHOUT_P.match(text):
        return text
    findings.append(Finding(
        code="project.policy_prefix_restored", severity=Severity.WARNING, subject=f"P{text[:3]}",
        message=f"the policy cell opens with {text[:3]!r}: a policy code is P and three digits", expected=f"P{text}",
        actual=text, source=source_of(record.provenance),
    ))
    return "P" + text
