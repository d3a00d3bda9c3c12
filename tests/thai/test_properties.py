"""Property tests: the repair chain is idempotent, never drops a Thai consonant, leaves correct Thai unchanged."""

from __future__ import annotations

import re
from pathlib import Path

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from extractor.thai import join_document_wraps, join_wrapped, repair_text
from extractor.thai.chars import CONSONANTS
from extractor.thai.dictionary import LEXICON_DIR, read_word_list

CORPUS = Path(__file__).resolve().parents[2] / "corpus"


def _correct_strings() -> list[str]:
    """Correct Thai: the domain lexicon, and Thai runs of seed 003 (a clean born-digital dump)."""
    words = [w for p in sorted(LEXICON_DIR.glob("*.txt")) for w in read_word_list(p)]
    seed = next(CORPUS.glob("003_*.txt")).read_text(encoding="utf-8")
    runs = re.findall("[\u0e01-\u0e4e][\u0e01-\u0e4e ]{3,60}[\u0e01-\u0e4e]", seed)
    return words + sorted(set(runs))[:800]


CORRECT = _correct_strings()
DAMAGE = ["\u0e4d\u0e32", "\ufffd", "\uf70a", "\uf70e", "\uf700", "É", "Ê", "Í", "\u0e48\u0e34", "\u0e48\u0e48", " ", "- ", "เเ"]
thai_chars = st.sampled_from([chr(c) for c in range(0x0E01, 0x0E5C) if c not in range(0x0E3B, 0x0E3F)])
damaged_text = st.lists(st.one_of(thai_chars, st.sampled_from(DAMAGE), st.sampled_from(CORRECT)), max_size=30).map("".join)
FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def consonants(text: str) -> int:
    return sum(text.count(c) for c in CONSONANTS)


@FAST
@given(damaged_text)
@example("บางบอน\ufffd\u0e48\u0e48 ก")  # a doubled tone hid a misplaced mark from the first run's dictionary check
def test_repair_is_idempotent(text):
    once = repair_text(text)[0]
    assert repair_text(once) == (once, [])


@FAST
@given(damaged_text)
def test_repair_never_drops_a_consonant(text):
    assert consonants(repair_text(text)[0]) >= consonants(text)


@FAST
@given(damaged_text)
def test_join_is_idempotent_and_keeps_letters(text):
    once = join_wrapped(text)[0]
    assert join_wrapped(once)[0] == once
    assert re.sub(r"[\s\-]", "", once) == re.sub(r"[\s\-]", "", text)


@FAST
@given(st.sampled_from(CORRECT))
def test_correct_thai_is_left_unchanged(text):
    assert repair_text(text) == (text, [])


def test_every_correct_string_is_unchanged():
    changed = [s for s in CORRECT if repair_text(s)[0] != s]
    assert changed == []


_NOT_WORD_LETTER = re.compile("[^\u0e01-\u0e2e\u0e30-\u0e3a\u0e40-\u0e45\u0e47-\u0e4e]")


@FAST
@given(st.lists(st.sampled_from(CORRECT + ["ฝ่าย พัฒนา ชุมชนฯ", "อื่น ๆ", "ทุก ๑ เดือน", "คน และ งาน"]), max_size=12))
def test_document_pass_only_removes_spaces_between_thai_letters(texts):
    for before, (after, repairs) in zip(texts, join_document_wraps(texts)):
        assert re.sub(r"\s", "", after) == re.sub(r"\s", "", before)
        for r in repairs:
            assert r.before.strip() == "" and r.after == ""
            assert not _NOT_WORD_LETTER.match(before[r.position - 1]) and not _NOT_WORD_LETTER.match(
                before[r.position + len(r.before)]
            )
