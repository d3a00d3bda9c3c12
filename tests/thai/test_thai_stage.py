"""The Thai stage over a block flow: what it reports, and what it does not redo for a reader that repaired."""

from __future__ import annotations

from extractor.blocks import Block, BlockKind, Provenance, Repair, SourceDocument
from extractor.thai_stage import repair_blocks, repair_document


def _paragraph(text: str, repairs: tuple[Repair, ...] = ()) -> Block:
    return Block(kind=BlockKind.PARAGRAPH, text=text, raw=text, provenance=Provenance(page=3), repairs=repairs)


def test_a_readers_repairs_are_reported_and_its_chain_is_not_run_again():
    remap = Repair("thai.latin1_remap", 2, "É", "\u0e48")
    block = _paragraph("ที่ดิน", (remap,))
    findings = repair_document(SourceDocument([block], "pdf", texts_repaired=True))
    (finding,) = [f for f in findings if f.code == "thai.latin1_remap"]
    assert (finding.actual, finding.expected, finding.source.page) == ("É", "\u0e48", 3)
    assert block.repairs == (remap,)  # nothing repaired twice


def test_a_dump_text_gets_the_whole_chain():
    block = _paragraph("ส\u0e4d\u0e32นักงาน")
    findings = repair_blocks([block])
    assert block.text == "สำนักงาน"
    assert [(f.code, f.actual) for f in findings] == [("thai.sara_am_composed", "1")]
