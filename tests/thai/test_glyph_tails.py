"""ToUnicode tails: Thai marks a base glyph's ToUnicode string adds, which are not drawn where they are read.

The glyph lists are built by hand from what 14.pdf page 5 and 31.pdf page 5 give (UPCxD-Bold 19 pt, Word
output): a tail is zero-width at its base glyph's own origin; a drawn mark sits at the base's right edge.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from extractor.thai import Glyph, is_text_layer_damaged, repair_glyphs
from extractor.thai.glyphs import drop_tounicode_tails

FONT, SIZE, Y0, Y1 = "UPCxD-Bold", 19.0, 158.02, 177.02

# (char, x0, x1) of "อุดมศึกษา วิทยาศาสตร์" on 14.pdf page 5: อ and ศ carry tails (ุ at 139.20, ึ at 160.37
# and 217.58); the second ศ has no SARA UE at all (Word's ActualText says ศ).
PAGE_5_LINE = [
    ("อ", 139.20, 145.72),
    ("ุ", 139.20, 139.20),
    ("ุ", 145.70, 145.72),
    ("ด", 145.70, 153.05),
    ("ม", 153.03, 160.39),
    ("ศ", 160.37, 167.72),
    ("ึ", 160.37, 160.37),
    ("ึ", 167.70, 167.72),
    ("ก", 167.70, 174.58),
    ("ษ", 174.56, 182.67),
    ("า", 182.65, 187.75),
    (" ", 187.73, 192.59),
    ("ว", 192.57, 198.33),
    ("ิ", 198.31, 198.33),
    ("ท", 198.31, 205.66),
    ("ย", 205.64, 212.52),
    ("า", 212.50, 217.60),
    ("ศ", 217.58, 224.93),
    ("ึ", 217.58, 217.58),
    ("า", 224.91, 230.00),
    ("ส", 229.98, 236.67),
    ("ต", 236.65, 244.01),
    ("ร", 243.99, 249.61),
    ("์", 249.59, 249.61),
]


def glyphs(spec: list[tuple[str, float, float]]) -> list[Glyph]:
    return [Glyph(ch, (x0, Y0, x1, Y1), FONT, SIZE) for ch, x0, x1 in spec]


def text(gs: list[Glyph]) -> str:
    return "".join(g.char for g in gs)


def test_stale_and_duplicate_tails_are_dropped_before_text_assembly():
    out, repairs = repair_glyphs(glyphs(PAGE_5_LINE))
    assert text(out) == "อุดมศึกษา วิทยาศาสตร์"
    assert [(r.code, r.position, r.before) for r in repairs] == [
        ("thai.tounicode_tail", 1, "ุ"),
        ("thai.tounicode_tail", 6, "ึ"),
        ("thai.tounicode_tail", 18, "ึ"),
    ]


def test_tail_naming_a_drawn_glyph_without_unicode_is_kept():
    # 31.pdf page 5 "อื่น": อ maps to "อื่"; the drawn ่ repeats the tail's ่, the drawn SARA UEE glyph has no
    # Unicode (U+FFFD), so the tail's ื is the only record of it
    spec = [("อ", 125.64, 132.15), ("ื", 125.64, 125.64), ("่", 125.64, 125.64), ("่", 132.13, 132.15)]
    spec += [("\ufffd", 132.13, 132.15), ("น", 132.13, 140.08)]
    out, repairs = drop_tounicode_tails(glyphs(spec))
    assert text(out) == "อื่\ufffdน"
    assert [(r.position, r.before) for r in repairs] == [(2, "่")]


def test_drawn_marks_stacked_at_one_point_are_not_tails():
    # a vowel and a tone drawn after their base share a zero-width point at the base's right edge
    spec = [("ท", 424.91, 445.55), ("ี", 445.55, 445.55), ("่", 445.55, 445.55), (" ", 445.55, 457.55)]
    out, repairs = repair_glyphs(glyphs(spec))
    assert text(out) == "ที่ " and repairs == []


def test_tail_repairs_point_into_the_input_when_fake_bold_copies_are_dropped_too():
    spec = [("ศ", 160.37, 167.72), ("ึ", 160.37, 160.37), ("ึ", 167.70, 167.72), ("ึ", 167.90, 167.92)]
    spec += [("ก", 167.70, 174.58)]
    out, repairs = repair_glyphs(glyphs(spec))
    assert text(out) == "ศึก"
    assert [(r.code, r.position) for r in repairs] == [("thai.tounicode_tail", 1), ("thai.fake_bold_glyph", 3)]


REAL_14 = Path(__file__).resolve().parents[3] / "shared" / "real-pdfs" / "14.pdf"


@pytest.fixture(scope="module")
def page_texts():
    pymupdf = pytest.importorskip("pymupdf")
    from extractor.ingest.pdf_page import read_glyphs

    if not REAL_14.exists():
        pytest.skip(f"{REAL_14} not available")
    with pymupdf.open(REAL_14) as doc:
        return {n: text(repair_glyphs(read_glyphs(doc[n - 1]))[0]) for n in (5, 6, 7, 8, 9, 18)}


@pytest.mark.parametrize("number", [5, 6, 7, 8, 9])
def test_pages_with_tounicode_tails_keep_their_text_layer(page_texts, number):
    damaged, reason = is_text_layer_damaged(page_texts[number])
    assert not damaged, reason
    # stale tails read องค์ as อุงค์, สถาบัน as สถึาบัน, วิทยาศาสตร์ as วิทยาศึาสตร์
    assert not [w for w in ("อุงค์", "สถึาบัน", "ศึาสตร์") if w in page_texts[number]]


def test_genuinely_damaged_page_still_goes_to_ocr(page_texts):
    damaged, reason = is_text_layer_damaged(page_texts[18])  # SARA AM lost: จ าแนก
    assert damaged and "SARA AM" in reason


from hypothesis import example, given  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from extractor.thai.chars import COMBINING  # noqa: E402

# glyphs on a coarse grid of left edges and widths, so that zero-width marks at a base's origin (tails), marks at
# its right edge (drawn) and unmapped glyphs all occur
_glyph = st.builds(
    lambda ch, x0, w: Glyph(ch, (float(x0), Y0, float(x0 + w), Y1), FONT, SIZE),
    st.sampled_from(["ก", "ศ", "อ", "า", " ", "ึ", "ุ", "่", "\ufffd"]),
    st.integers(0, 4),
    st.sampled_from([0, 0, 1, 2]),
)


@given(st.lists(_glyph, max_size=20))
@example(glyphs([("ศ", 0, 2), ("ึ", 0, 0), ("ึ", 0, 0), ("ึ", 2, 2), ("\ufffd", 2, 2)]))  # one tail mark twice
def test_tail_drop_removes_only_marks_and_settles(gs):
    out, repairs = drop_tounicode_tails(gs)
    dropped = {r.position for r in repairs}
    assert out == [g for i, g in enumerate(gs) if i not in dropped]
    assert all(gs[r.position].char == r.before and r.before in COMBINING for r in repairs)
    assert drop_tounicode_tails(out) == (out, [])
