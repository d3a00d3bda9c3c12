"""The Thai stage over a block flow: repair every text and cell in place, and report what was changed or found.

The repair functions themselves are pure (``extractor.thai``); this module applies them to blocks and turns their
repairs and detections into findings.  Ordinary orthographic repairs (SARA AM composition, mark order) are summarised
by code, with a count and the first place; meaning-bearing ones (replacement characters, masked spans, keyboard-layout
garbage) are reported one by one.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

from extractor import thai
from extractor.blocks import Block, Cell, Provenance, Repair
from extractor.model.base import Finding, Severity, Source

# Repairs that may change what the text means: each one is reported on its own.
_MEANINGFUL = ("thai.replacement_char", "thai.latin1_remap", "thai.misplaced_mark")


def repair_blocks(blocks: list[Block]) -> list[Finding]:
    """Repair all block and cell texts in place; the findings say what changed and what was detected.

    Two passes: each text on its own (glyph and mark repairs, dictionary-evidenced wrap joins), then the document as
    a whole (wrap spaces the same document writes elsewhere without).  Both run before the grammar stage.
    """
    log = _RepairLog()
    holders = list(_text_holders(blocks))
    for holder in holders:
        holder.text, holder.repairs = _repair(holder.text, holder.provenance, log)
    _document_pass(holders, log)
    return log.findings()


def _text_holders(blocks: list[Block]) -> Iterator[Block | Cell]:
    """Every non-empty block text and table cell, in document order."""
    for block in blocks:
        if block.is_table:
            yield from (cell for row in block.rows for cell in row.cells if cell.text)
        elif block.text:
            yield block


def _document_pass(holders: list[Block | Cell], log: _RepairLog) -> None:
    results = thai.join_document_wraps([h.text for h in holders])
    for holder, (text, joins) in zip(holders, results):
        if joins:
            holder.text, holder.repairs = text, holder.repairs + tuple(joins)
            log.add(tuple(joins), holder.provenance)


def _repair(text: str, where: Provenance, log: _RepairLog) -> tuple[str, tuple[Repair, ...]]:
    repaired, repairs = thai.repair_text(text)
    joined, joins = thai.join_wrapped(repaired)
    all_repairs = tuple(repairs) + tuple(joins)
    log.add(all_repairs, where)
    log.detect(joined, where)
    return joined, all_repairs


class _RepairLog:
    def __init__(self) -> None:
        self.counts: Counter[str] = Counter()
        self.first: dict[str, Provenance] = {}
        self.items: list[Finding] = []

    def add(self, repairs: tuple[Repair, ...], where: Provenance) -> None:
        for repair in repairs:
            if repair.code in _MEANINGFUL:
                self.items.append(
                    Finding(
                        code=repair.code,
                        severity=Severity.INFO,
                        message=f"repaired {repair.before!r} → {repair.after!r}",
                        source=Source.of(where),
                    )
                )
                continue
            self.counts[repair.code] += 1
            self.first.setdefault(repair.code, where)

    def detect(self, text: str, where: Provenance) -> None:
        for span in thai.find_masked_spans(text):
            self.items.append(
                Finding(
                    code="thai.masked_span",
                    severity=Severity.WARNING,
                    message=f"masked span of {span.hidden_code_points} code points: the hidden text is not restored",
                    actual=text[span.start : span.end],
                    source=Source.of(where),
                )
            )
        for garbage in thai.find_keyboard_garbage(text):
            self.items.append(
                Finding(
                    code="thai.keyboard_layout",
                    severity=Severity.WARNING,
                    message=f"{garbage.text!r} reads as {garbage.reading!r} typed on the Thai Kedmanee layout",
                    actual=garbage.text,
                    expected=garbage.reading,
                    source=Source.of(where),
                )
            )

    def findings(self) -> list[Finding]:
        summary = [
            Finding(
                code=code,
                severity=Severity.INFO,
                message=f"{count} repairs of this kind",
                actual=str(count),
                source=Source.of(self.first[code]),
            )
            for code, count in sorted(self.counts.items())
        ]
        return summary + self.items
