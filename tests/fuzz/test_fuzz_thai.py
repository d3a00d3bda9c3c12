"""Fuzzing the Thai repair functions with arbitrary text: they return text and repairs, and never raise.

(The Thai package's own property tests check idempotence and consonant preservation on Thai-shaped input; these
feed them anything at all: other scripts, controls, private-use glyphs, lone marks, very long runs.)
"""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from extractor.thai import Glyph, find_keyboard_garbage, find_masked_spans, join_wrapped, repair_glyphs, repair_text
from tests.fuzz.strategies import CI, thai_text

thai_to_private_use = st.characters(min_codepoint=0xE00, max_codepoint=0xF8FF)
any_text = st.one_of(thai_text, st.text(max_size=200), st.text(thai_to_private_use, max_size=200))


@CI
@given(any_text)
def test_repair_text_returns_text_and_repairs(text):
    repaired, repairs = repair_text(text)
    assert isinstance(repaired, str)
    assert all(0 <= r.position <= len(text) for r in repairs)


@CI
@given(any_text)
def test_join_wrapped_only_removes_gaps(text):
    joined, _ = join_wrapped(text)
    assert isinstance(joined, str) and len(joined) <= len(text)


@CI
@given(any_text)
def test_detectors_return_spans_inside_the_text(text):
    for span in find_masked_spans(text):
        assert 0 <= span.start <= span.end <= len(text)
    find_keyboard_garbage(text)


glyph = st.builds(
    Glyph,
    char=st.one_of(st.sampled_from(["\uf70a", "\uf700", "É", "\u0e48", "\u0e31", "ก", "ำ", " "]), st.characters()),
    bbox=st.tuples(*[st.floats(-50, 900, allow_nan=False)] * 4),
    font=st.sampled_from(["", "ABCDEF+AngsanaNew", "DilleniaUPC,Bold", "THSarabunPSK", "Garuda"]),
    size=st.floats(0, 40, allow_nan=False),
)


@CI
@given(st.lists(glyph, max_size=60))
def test_repair_glyphs_keeps_a_glyph_list(glyphs):
    repaired, _ = repair_glyphs(glyphs)
    assert all(isinstance(g, Glyph) for g in repaired)
