"""What a plan document is: title, unit, parent organisation, fiscal year, template, and whether it is truncated.

The cover (the lines before the first section) names the plan and the unit.  Where the cover masks part of the unit
name (``สำนักxxxxศาสตรและประเมินผล``), the name is looked up where the document writes it unmasked, and taken only
when the hidden span has as many code points as the mask has ``x`` (the masking rule of these exports); the finding
says so.  The abbreviation comes from the plan code on the cover (``(แผน สกจ. 67)``), else from the abbreviation the
document uses most that spells the unit name's consonants in order.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

import regex as re

from extractor.blocks import Block, BlockKind, Provenance, Row
from extractor.grammar.builders.front_matter import split_cover
from extractor.grammar.engine import Node
from extractor.grammar.spec import Grammar
from extractor.grammar.values import be_to_ce, plan_year, unit_abbreviations
from extractor.model.base import Finding, Severity, Source
from extractor.model.document import DocumentInfo

BMA = "กรุงเทพมหานคร"  # the parent organisation of every unit these templates describe

_TITLE = re.compile(r"^แผนปฏิบัติ(?:ราชการ|การ)")
# Unit types a unit name starts with, longest first: an abbreviation must spell more than the type.
UNIT_TYPES = ("สำนักงานเขต", "สำนักงาน", "สำนัก", "กอง", "สถาบัน", "ศูนย์", "โรงพยาบาล", "โรงเรียน", "ฝ่าย")
_UNIT_LINE = re.compile(r"^\(?\s*(?P<name>(?:" + "|".join(UNIT_TYPES) + r")[^()]*?)\s*\)?\s*$")
# The front lines searched for the parent organisation's name.
_FRONT_BLOCKS = 200
_PLAN_CODE = re.compile(r"\(\s*แผน\s*(?P<abbr>[ก-ฮ]{2,5}\.?)\s*[0-9๐-๙]{2,4}\s*\)")
_MASK = re.compile(r"x{2,}")
_THAI_MARKS = "[\u0e47-\u0e4e]?"  # a tone mark or thanthakhat the masked copy may have lost
_CONSONANT = re.compile(r"[ก-ฮ]")


def document_info(tree: Node, grammar: Grammar, blocks: list[Block], findings: list[Finding]) -> DocumentInfo:
    """Document facts from the cover, the front matter and the end of the block flow."""
    cover, _ = split_cover(tree)
    title_blocks = _title_blocks(cover)
    title = " ".join(b.text.strip() for b in title_blocks) or None
    year = plan_year(title) if title else None
    if year is None:
        year = _year_from_sections(tree)
    unit_block = _unit_block(cover, title_blocks)
    unit_raw = _UNIT_LINE.match(unit_block.text.strip()).group("name") if unit_block else None
    unit = _unmask_unit(unit_raw, unit_block, blocks, findings) if unit_raw else None
    truncated = truncation(tree, blocks, findings)
    return DocumentInfo(
        title=title,
        unit_name=unit,
        unit_name_raw=unit_raw if unit_raw != unit else None,
        unit_abbreviation=_abbreviation(unit, cover, blocks, findings) if unit else None,
        parent_organisation=BMA if any(BMA in text for text, _ in _texts(blocks[:_FRONT_BLOCKS])) else None,
        fiscal_year_be=year,
        fiscal_year_ce=be_to_ce(year) if year else None,
        template_id=grammar.id,
        truncated=truncated,
        source=Source.of(title_blocks[0].provenance) if title_blocks else None,
    )


# -- title, year, unit ----------------------------------------------------------------------------------------


def _title_blocks(cover: list[Block]) -> list[Block]:
    """The cover line naming the plan, with the next line when the year is written there (ประจำปี 2567)."""
    for index, block in enumerate(cover):
        if _TITLE.match(block.text.strip()):
            if plan_year(block.text) is None and index + 1 < len(cover) and plan_year(cover[index + 1].text):
                return [block, cover[index + 1]]
            return [block]
    return []


def _year_from_sections(tree: Node) -> int | None:
    """The year of the summary heading (สาระสำคัญ… พ.ศ. 2567) or of a Part title, when the cover names none."""
    for node in tree.walk():
        if node.kind in ("summary", "part") and node.block is not None:
            year = plan_year(node.block.text)
            if year:
                return year
    return None


def _unit_block(cover: list[Block], title_blocks: list[Block]) -> Block | None:
    after_title = cover[cover.index(title_blocks[-1]) + 1 :] if title_blocks else cover
    return next((b for b in after_title if _UNIT_LINE.match(b.text.strip())), None)


def _unmask_unit(raw: str, where: Block, blocks: list[Block], findings: list[Finding]) -> str:
    """The unit name with masked spans restored from an unmasked copy in the document, when exactly one distinct
    copy fits and each hidden span has as many code points as its mask; otherwise the name as written."""
    if not _MASK.search(raw):
        return raw
    pattern = re.compile(_mask_pattern(raw))
    candidates: dict[str, Provenance] = {}
    for text, prov in _texts(blocks):
        for m in pattern.finditer(text):
            if not _MASK.search(m.group(0)) and all(len(g) == len(x) for g, x in zip(m.groups(), _MASK.findall(raw))):
                candidates.setdefault(m.group(0), prov)
    if len(candidates) == 1:
        name, prov = next(iter(candidates.items()))
        findings.append(
            Finding(
                code="document.unit_name_unmasked",
                severity=Severity.INFO,
                message=f"the cover masks the unit name; it is taken from its unmasked form at {_place(prov)}: "
                f"each masked span has as many code points as the text it hides",
                subject="unit_name",
                expected=name,
                actual=raw,
                source=Source.of(where.provenance),
            )
        )
        return name
    findings.append(
        Finding(
            code="document.unit_name_masked",
            severity=Severity.WARNING,
            message="the cover masks the unit name and "
            + ("no unmasked copy of the same length is in the document" if not candidates else
               f"{len(candidates)} different unmasked copies fit ({', '.join(sorted(candidates))})")
            + "; the name is kept as written",
            subject="unit_name",
            actual=raw,
            source=Source.of(where.provenance),
        )
    )
    return raw


def _mask_pattern(masked: str) -> str:
    """A regex for the unmasked text: each mask of n ``x`` is n other characters; the written parts must match,
    allowing a tone mark or thanthakhat the masked copy lost."""
    parts: list[str] = []
    position = 0
    for m in _MASK.finditer(masked):
        parts.extend(re.escape(ch) + _THAI_MARKS for ch in masked[position : m.start()])
        parts.append(f"([^\\sx]{{{len(m.group(0))}}})")
        position = m.end()
    parts.extend(re.escape(ch) + _THAI_MARKS for ch in masked[position:])
    return "".join(parts)


def _abbreviation(unit: str, cover: list[Block], blocks: list[Block], findings: list[Finding]) -> str | None:
    """The unit's abbreviation: the cover's plan code (แผน สกจ. 67), else the abbreviation used most often in the
    document among those that spell the unit name's consonants in order from its first one."""
    for block in cover:
        m = _PLAN_CODE.search(block.text)
        if m:
            abbr = m.group("abbr")
            return abbr if abbr.endswith(".") else abbr + "."
    counts: Counter[str] = Counter()
    for text, _ in _texts(blocks):
        for abbr in unit_abbreviations(text):
            if _spells(abbr, unit):
                counts[abbr] += text.count(abbr)
    ranked = counts.most_common(2)
    if not ranked:
        return None
    if len(ranked) > 1 and ranked[0][1] == ranked[1][1]:
        findings.append(
            Finding(
                code="document.unit_abbreviation_ambiguous",
                severity=Severity.INFO,
                message=f"abbreviations {ranked[0][0]} and {ranked[1][0]} both fit the unit name equally often",
                subject="unit_abbreviation",
            )
        )
        return None
    return ranked[0][0]


def _spells(abbreviation: str, name: str) -> bool:
    """The abbreviation's letters are consonants of the name, in order, starting with the name's first consonant,
    and do not all come from the unit type (สนข. spells only 'สำนักงานเขต', the district offices in general)."""
    letters = _CONSONANT.findall(abbreviation)
    consonants = _CONSONANT.findall(name)
    if len(letters) < 2 or not consonants or letters[0] != consonants[0]:
        return False
    unit_type = next((t for t in UNIT_TYPES if name.startswith(t)), "")
    type_length = len(_CONSONANT.findall(unit_type))
    position = 1
    for letter in letters[1:]:
        try:
            position = consonants.index(letter, position) + 1
        except ValueError:
            return False
    return position > type_length


# -- truncation -----------------------------------------------------------------------------------------------


def truncation(tree: Node, blocks: list[Block], findings: list[Finding]) -> bool:
    """Whether the document is cut short: it ends inside a table (its last block is a table row) and no closing
    section (คณะผู้จัดทำ, ภาคผนวก) was reached.  The finding gives the evidence: the last row, and whether that row
    only continues the record above it or leaves its record's key empty."""
    last = next((b for b in reversed(blocks) if b.kind is not BlockKind.IMAGE and (b.is_table or b.text.strip())), None)
    if last is None or not last.is_table or tree.find("closing"):
        return False
    rows = [r for r in last.rows if any(t.strip() for t in r.texts)] or last.rows
    row = rows[-1] if rows else None
    detail = _last_row_detail(tree, row)
    where = row.provenance if row else last.provenance
    findings.append(
        Finding(
            code="document.truncated",
            severity=Severity.WARNING,
            message=f"the document ends inside a table (last row at {_place(where)}) with no closing section "
            f"after it{detail}; what followed is missing",
            subject="document",
            source=Source.of(where),
        )
    )
    return True


def _last_row_detail(tree: Node, row: Row | None) -> str:
    if row is None:
        return ""
    if row.is_continuation:
        return "; the last row only continues the record above it"
    for node in tree.walk():
        for table in node.tables:
            if table.records and table.records[-1].provenance.line_end == row.provenance.line_end:
                filled = sum(1 for c in table.records[-1].cells.values() if c.text.strip())
                return f"; the last record of the {table.role} table fills {filled} of its columns"
    return ""


def _place(prov: Provenance) -> str:
    """Where something is, in the words of its input: a source line of a dump, a page of a PDF."""
    if prov.line_start is not None:
        return f"line {prov.line_start}"
    return f"page {prov.page}" if prov.page is not None else "an unknown place"


def _texts(blocks: list[Block]) -> Iterator[tuple[str, Provenance]]:
    for block in blocks:
        if block.is_table:
            for row in block.rows:
                for cell in row.cells:
                    if cell.text:
                        yield cell.text, cell.provenance
        elif block.text:
            yield block.text, block.provenance


__all__ = ["document_info", "truncation", "BMA"]
