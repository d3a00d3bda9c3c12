"""Thai text-quality metrics and the text-layer damage detector.

Rates are violations per 1,000 Thai letters, by class, so pages and documents of any size compare.  The
dictionary share is the share of ``newmm`` tokens of at least two Thai letters that are dictionary words
(pythainlp + BMA lexicon): damage that the class counters cannot see (dropped marks, wrong marks) shows there.
"""

from __future__ import annotations

import functools
import re
from dataclasses import asdict, dataclass

from extractor.thai import dictionary
from extractor.thai.chars import CONSONANTS, THAI_LETTER_CLASS
from extractor.thai.legacy import LATIN1_IN_THAI_RE
from extractor.thai.marks import (
    DANGLING_MARK_RE,
    DECOMPOSED_SARA_AM_RE,
    DUPLICATE_MARK_RE,
    SPACE_BEFORE_MARK_RE,
    TONE_BEFORE_VOWEL_RE,
)
from extractor.thai.pua import PUA_RE
from extractor.thai.replacement import REPLACEMENT_RE, STRAY_GLYPH_RE

_THAI_WORD_RE = re.compile(f"[{THAI_LETTER_CLASS}]{{2,}}")
_CONSONANT_RE = re.compile(f"[{CONSONANTS}]")
_THAI_LETTER_RE = re.compile(f"[{THAI_LETTER_CLASS}]")

CLASSES = {
    "private_use": PUA_RE,
    "latin1_in_thai": LATIN1_IN_THAI_RE,
    "replacement_char": REPLACEMENT_RE,
    "stray_glyph": STRAY_GLYPH_RE,
    "decomposed_sara_am": DECOMPOSED_SARA_AM_RE,
    "orphan_mark": (DANGLING_MARK_RE, SPACE_BEFORE_MARK_RE),
    "tone_before_vowel": TONE_BEFORE_VOWEL_RE,
    "duplicated_mark": DUPLICATE_MARK_RE,
}


@dataclass(frozen=True, slots=True)
class ThaiQuality:
    thai_letters: int
    per_1000: dict[str, float]  # violation class -> count per 1,000 Thai letters
    counts: dict[str, int]
    dictionary_tokens: int  # newmm tokens of >= 2 Thai letters
    dictionary_share: float  # share of those that are dictionary words (1.0 when there are none)
    sara_am: int  # ำ count (composed)
    consonants: int

    @property
    def violations_per_1000(self) -> float:
        return sum(self.per_1000.values())

    def as_dict(self) -> dict:
        return asdict(self)


def _count(patterns, text: str) -> int:
    if isinstance(patterns, tuple):
        return sum(len(p.findall(text)) for p in patterns)
    return len(patterns.findall(text))


@functools.lru_cache(maxsize=16384)
def _run_tokens(run: str) -> tuple[int, int]:
    """(tokens of >= 2 letters, dictionary words among them) of one Thai run.

    Cached: headings, table labels and running heads repeat the same runs page after page, and ``newmm`` is the
    costliest step of the damage check.
    """
    total = known = 0
    for token in dictionary.tokenize(run):
        if len(token) >= 2:
            total += 1
            known += dictionary.is_word(token)
    return total, known


def dictionary_share(text: str) -> tuple[int, float]:
    total = known = 0
    for run in _THAI_WORD_RE.findall(text):
        run_total, run_known = _run_tokens(run)
        total += run_total
        known += run_known
    return total, (known / total if total else 1.0)


@dataclass(frozen=True, slots=True)
class _Counts:
    """The cheap part of ``ThaiQuality`` (regex counts only): all the damage check needs of the raw text."""

    thai_letters: int
    counts: dict[str, int]
    per_1000: dict[str, float]
    sara_am: int
    consonants: int


def _violation_counts(text: str) -> _Counts:
    letters = len(_THAI_LETTER_RE.findall(text))
    counts = {name: _count(p, text) for name, p in CLASSES.items()}
    scale = 1000.0 / letters if letters else 0.0
    per_1000 = {k: round(v * scale, 2) for k, v in counts.items()}
    return _Counts(letters, counts, per_1000, text.count("\u0e33"), len(_CONSONANT_RE.findall(text)))


def quality_metrics(text: str) -> ThaiQuality:
    """Violation rates by class and the dictionary share of ``text``."""
    c = _violation_counts(text)
    tokens, share = dictionary_share(text)
    return ThaiQuality(
        thai_letters=c.thai_letters,
        per_1000=c.per_1000,
        counts=c.counts,
        dictionary_tokens=tokens,
        dictionary_share=round(share, 4),
        sara_am=c.sara_am,
        consonants=c.consonants,
    )


# Thresholds of the damage detector.  Glyph damage the chain repairs (private-use, Latin-1 remaps) does not need
# OCR unless it is so dense that the font's mapping is broken as a whole; what the chain cannot repair does.
MIN_CONSONANTS_FOR_SARA_AM = 400  # d2md's rule: no ำ in >= 400 Thai consonants means SARA AM is lost
MAX_RAW_GLYPH_DAMAGE_PER_1000 = 50.0  # private-use + Latin-1 + replacement characters, before repair
MAX_RESIDUAL_VIOLATIONS_PER_1000 = 2.0  # after repair_text
MIN_DICTIONARY_SHARE = 0.80  # after repair_text
MIN_TOKENS_FOR_SHARE = 50


def is_text_layer_damaged(text: str) -> tuple[bool, str]:
    """Whether a page's text layer is too damaged to trust (send the page to OCR), with the reason.

    Cheap signals first: the raw text needs only regex counts, and the dictionary share (``newmm``, the costly
    part) is computed only when the repaired text has enough Thai and passed every other check.
    """
    from extractor.thai.chain import repair_text

    raw = _violation_counts(text)
    if raw.thai_letters == 0:
        return False, "no Thai text"
    if raw.consonants >= MIN_CONSONANTS_FOR_SARA_AM and raw.sara_am == 0 and raw.counts["decomposed_sara_am"] == 0:
        return True, f"no SARA AM in {raw.consonants} Thai consonants"
    glyph = sum(raw.per_1000[k] for k in ("private_use", "latin1_in_thai", "replacement_char", "stray_glyph"))
    if glyph > MAX_RAW_GLYPH_DAMAGE_PER_1000:
        return True, f"{glyph:.1f} private-use/Latin-1/replacement glyphs per 1,000 Thai letters"
    repaired_text = repair_text(text)[0]
    residual = sum(_violation_counts(repaired_text).per_1000.values())
    if residual > MAX_RESIDUAL_VIOLATIONS_PER_1000:
        return True, f"{residual:.1f} Thai violations per 1,000 letters left after repair"
    tokens, share = dictionary_share(repaired_text)
    if tokens >= MIN_TOKENS_FOR_SHARE and round(share, 4) < MIN_DICTIONARY_SHARE:
        return True, f"only {round(share, 4):.0%} of Thai tokens are dictionary words after repair"
    return False, f"ok ({glyph:.1f} repairable glyph faults per 1,000 letters)"
