"""Fuzzing table assembly: the grammar engine's tree and column assignment, and the layout stage's table finder.

Properties beyond "no exception": column assignment places every written cell exactly once (in a column or in
the overflow), and the layout stage keeps every glyph's character somewhere in the block flow.
"""

from __future__ import annotations

from collections import Counter

from hypothesis import given
from hypothesis import strategies as st

from extractor.blocks import BlockKind, Cell, Provenance, Row
from extractor.grammar.engine import assign_columns, build_tree
from extractor.ingest.dump import read_dump_text
from extractor.layout.document import layout_document
from extractor.layout.types import PageModel, Ruling
from extractor.pipeline import default_grammars
from extractor.thai import Glyph
from tests.fuzz.strategies import CI, cell_text, plan_text

GRAMMARS = default_grammars()
TABLE_SPECS = [(grammar, spec) for grammar in GRAMMARS for spec in grammar.tables]


@CI
@given(plan_text, st.sampled_from(GRAMMARS))
def test_build_tree_over_any_plan_like_flow(text, grammar):
    root = build_tree(read_dump_text(text), grammar)
    assert root is not None


def _row(texts: list[str]) -> Row:
    prov = Provenance(line_start=1, line_end=1)
    return Row(cells=[Cell(text=" ".join(t.split()), raw=t, provenance=prov) for t in texts], provenance=prov)


@CI
@given(st.sampled_from(TABLE_SPECS), st.lists(cell_text, max_size=12))
def test_assign_columns_places_every_written_cell_once(grammar_spec, texts):
    grammar, spec = grammar_spec
    row = _row(texts)
    placed, extra = assign_columns(row, spec, grammar)
    assert set(placed) <= {column.name for column in spec.columns}
    out = [id(c) for c in placed.values()] + [id(c) for c in extra]
    assert sorted(out) == sorted(id(c) for c in row.cells if c.text)


# --- layout: glyphs and rulings on a page ------------------------------------------------------------------------

CHARS = "กขคงจฉชซฌญฎฏฐฑฒณดตถทธนบปผฝพฟภมยรลวศษสหฬอฮะาำเแโใไ0123456789,.-()ABCxyz"
MARKS = "\u0e31\u0e34\u0e35\u0e36\u0e37\u0e38\u0e39\u0e47\u0e48\u0e49\u0e4a\u0e4b\u0e4c"


@st.composite
def page_model(draw, number: int = 1) -> PageModel:
    """A page of words on a few baselines, with a lattice of rulings (some edges left out: merged cells)."""
    glyphs = []
    for _ in range(draw(st.integers(0, 12))):  # words
        x, y = draw(st.floats(20, 500)), draw(st.sampled_from([60.0, 80.0, 100.0, 130.0, 160.0, 200.0, 400.0, 790.0]))
        y += draw(st.sampled_from([0.0, 0.0, 0.6, -1.3]))
        size = draw(st.sampled_from([10.0, 12.0, 14.0, 16.0]))
        for ch in draw(st.text(CHARS + MARKS, min_size=1, max_size=8)):
            width = 0.0 if ch in MARKS else size * 0.55
            top = y - size * (1.25 if ch in MARKS else 0.8)
            glyphs.append(Glyph(ch, (x, top, x + max(width, 0.5), y + size * 0.2), "Garuda", size))
            x += width
    rulings = []
    if draw(st.booleans()):
        xs = sorted(set(draw(st.lists(st.sampled_from([40.0, 150.0, 260.0, 380.0, 520.0]), min_size=2, max_size=5))))
        ys = sorted(set(draw(st.lists(st.sampled_from([50.0, 90.0, 140.0, 170.0, 220.0]), min_size=2, max_size=5))))
        for y in ys:
            for x0, x1 in zip(xs, xs[1:]):
                if draw(st.integers(0, 5)):
                    rulings.append(Ruling(True, y, x0, x1))
        for x in xs:
            for y0, y1 in zip(ys, ys[1:]):
                if draw(st.integers(0, 5)):
                    rulings.append(Ruling(False, x, y0, y1))
    return PageModel(number, 595.0, 842.0, glyphs, rulings)


def _block_chars(blocks) -> Counter:
    """Characters of the blocks as read, plus those a recorded repair took out (a footnote number glued to a word,
    a dangling mark): what the flow still accounts for."""
    chars: Counter = Counter()
    for block in blocks:
        if block.kind is BlockKind.TABLE:
            pieces = [cell for row in block.rows for cell in row.cells if not cell.inherited]
        else:
            pieces = [block]
        for piece in pieces:
            chars.update(piece.raw)
            for repair in piece.repairs:
                chars.update(repair.before)
    return chars


@CI
@given(st.lists(page_model(), min_size=1, max_size=3))
def test_layout_keeps_every_letter(pages):
    for number, page in enumerate(pages, start=1):
        page.number = number
    blocks, findings = layout_document(pages)
    given_chars = Counter(g.char for page in pages for g in page.glyphs if not g.char.isspace())
    found = _block_chars(blocks)
    found_ids = {f[0] for f in findings}
    lost = given_chars - found
    assert not lost or found_ids, f"lost {dict(lost)} without a finding"


def test_mark_over_a_footnote_digit_is_kept():
    """Found by the layout fuzz target: a vowel mark attached to a raised footnote digit (the mark of the word's last
    letter reaching over the digit) vanished with the digit when the footnote reference was taken out."""
    from extractor.layout.lines import build_lines

    glyphs = [
        Glyph("ก", (20.0, 88.8, 27.7, 102.8), "Garuda", 14.0),
        Glyph("\u0e34", (28.0, 86.2, 28.5, 100.7), "Garuda", 10.0),
        Glyph("1", (28.0, 90.7, 33.5, 100.7), "Garuda", 10.0),
    ]
    (line,) = build_lines(glyphs)
    assert line.text == "ก\u0e34" and [m.text for m in line.marks] == ["1"]
