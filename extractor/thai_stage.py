"""The Thai stage over a block flow: repair every text and cell in place, and report what was changed or found.

The repair functions themselves are pure (``extractor.thai``); this module applies them to blocks (per text, per
page, per document) and turns their repairs and detections into findings.  Ordinary orthographic repairs (SARA AM
composition, mark order, wrap joins) are summarised by code, with a count and the first place; meaning-bearing ones
(replacement characters and stray glyphs, legacy remaps, moved marks, restored SARA AM with its page evidence,
masked spans, keyboard-layout garbage) are reported one by one.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Collection, Iterator

from extractor import thai
from extractor.blocks import Block, Cell, Provenance, Repair, SourceDocument
from extractor.model.base import Finding, Severity, Source

# Repairs that may change what the text means: each one is reported on its own.
_MEANINGFUL = (
    "thai.replacement_char",
    "thai.stray_glyph",
    "thai.latin1_remap",
    "thai.misplaced_mark",
    "thai.sara_am_restored",
)
_TextStep = Callable[[str], "tuple[str, list[Repair]]"]


def repair_document(source: SourceDocument) -> list[Finding]:
    """``repair_blocks`` over a read document, skipping the per-text chain a reader has already run; the spaces of
    OCR pages were read from the ink (``WrapEvidence`` weighs them so); the document's wrap evidence is left on it
    for the grammar (``continuation_glue``)."""
    scanned = {page.number for page in source.pages if page.route == "ocr"}
    findings, evidence = _repair(source.blocks, source.texts_repaired, scanned)
    source.continuation_glue = evidence.glue
    return findings


def repair_blocks(blocks: list[Block], *, texts_repaired: bool = False) -> list[Finding]:
    """Repair all block and cell texts in place; the findings say what changed and what was detected.

    Passes, all before the grammar stage: each text on its own (glyph and mark repairs); each page as a whole (lost
    SARA AM, which one word never proves); each text again (dictionary-evidenced wrap joins, which need the
    spelling repaired); the document as a whole (wrap spaces the document writes elsewhere without, then the
    canonical spacing of punctuation, which needs the document's own abbreviation pairs).  The places the layout
    joined two lines of a text (``wrap_joins``) are its reading, not evidence of how the document writes a phrase.

    The repairs a reader kept on a text (encoding artefacts undone before ``raw``) are reported like this stage's
    own.  ``texts_repaired``: a reader (the PDF layout) already ran ``repair_text`` line by line, before it joined
    the lines, so it is not run again.
    The wrap joins still run on every text: the layout joins only the lines it wrapped, and OCR lines get their
    spaces from gap widths.
    """
    return _repair(blocks, texts_repaired)[0]


def _repair(
    blocks: list[Block], texts_repaired: bool, scanned_pages: Collection[int] = ()
) -> tuple[list[Finding], thai.WrapEvidence]:
    log = _RepairLog()
    holders = list(_text_holders(blocks))
    for holder in holders:
        log.add(holder.repairs, holder.provenance)  # what the reader already undid or repaired
    if not texts_repaired:
        _each_text(holders, thai.repair_text, log)
    _each_page(holders, log)
    _each_text(holders, thai.join_wrapped, log)
    evidence = thai.WrapEvidence(
        [h.text for h in holders], [h.wrap_joins for h in holders], [h.provenance.page in scanned_pages for h in holders]
    )
    _apply_results(holders, evidence.join(), log)
    _apply_results(holders, thai.normalise_document_spacing([h.text for h in holders]), log)
    for holder in holders:
        log.detect(holder.text, holder.provenance)
    return log.findings(), evidence


def _text_holders(blocks: list[Block]) -> Iterator[Block | Cell]:
    """Every non-empty block text and table cell, in document order."""
    for block in blocks:
        if block.is_table:
            yield from (cell for row in block.rows for cell in row.cells if cell.text)
        elif block.text:
            yield block


def _each_text(holders: list[Block | Cell], step: _TextStep, log: _RepairLog) -> None:
    _apply_results(holders, [step(h.text) for h in holders], log)


def _each_page(holders: list[Block | Cell], log: _RepairLog) -> None:
    """Page-level repairs (a text dump has no pages and is one page): pages that show lost SARA AM first, then the
    others with what those pages show as the document's evidence."""
    pages: dict[int | None, list[Block | Cell]] = {}
    for holder in holders:
        pages.setdefault(holder.provenance.page, []).append(holder)
    reasons = {number: _restore_on_page(page, None, log) for number, page in pages.items()}
    document_reason = next((r for r in reasons.values() if r), None)
    if document_reason:
        for number, page in pages.items():
            if reasons[number] is None:
                _restore_on_page(page, document_reason, log)


def _restore_on_page(page: list[Block | Cell], document_reason: str | None, log: _RepairLog) -> str | None:
    results, reason = thai.restore_sara_am([h.text for h in page], document_reason)
    if reason:
        log.reasons["thai.sara_am_restored"] = reason
        _apply_results(page, results, log)
    return reason


def _apply_results(
    holders: list[Block | Cell], results: list[tuple[str, list[Repair]]], log: _RepairLog
) -> None:
    for holder, (text, repairs) in zip(holders, results):
        if repairs:
            holder.text, holder.repairs = text, holder.repairs + tuple(repairs)
            log.add(tuple(repairs), holder.provenance)


class _RepairLog:
    def __init__(self) -> None:
        self.counts: Counter[str] = Counter()
        self.first: dict[str, Provenance] = {}
        self.items: list[Finding] = []
        self.reasons: dict[str, str] = {}  # code -> the evidence that allowed it (page-level repairs)

    def add(self, repairs: tuple[Repair, ...], where: Provenance) -> None:
        for repair in repairs:
            if repair.code in _MEANINGFUL:
                self.items.append(
                    Finding(
                        code=repair.code,
                        severity=Severity.INFO,
                        message=f"repaired {repair.before!r} → {repair.after!r}" + self._because(repair.code),
                        actual=repair.before,
                        expected=repair.after,
                        source=Source.of(where),
                    )
                )
                continue
            self.counts[repair.code] += 1
            self.first.setdefault(repair.code, where)

    def _because(self, code: str) -> str:
        reason = self.reasons.get(code)
        return f" (page evidence: {reason})" if reason else ""

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
