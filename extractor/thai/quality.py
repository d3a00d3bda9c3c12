"""Thai text-quality metrics and the text-layer damage detector.

Rates are violations per 1,000 Thai letters, by class, so pages and documents of any size compare.  The
dictionary share is the share of ``newmm`` tokens of at least two Thai letters that are dictionary words
(pythainlp + BMA lexicon): damage that the class counters cannot see (dropped marks, wrong marks) shows there.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass

from extractor.thai import dictionary
from extractor.thai.chars import CONSONANTS, THAI_LETTER_CLASS, thai_letter_count
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


def dictionary_share(text: str) -> tuple[int, float]:
    total = known = 0
    for run in _THAI_WORD_RE.findall(text):
        for token in dictionary.tokenize(run):
            if len(token) >= 2:
                total += 1
                known += dictionary.is_word(token)
    return total, (known / total if total else 1.0)


def quality_metrics(text: str) -> ThaiQuality:
    """Violation rates by class and the dictionary share of ``text``."""
    letters = thai_letter_count(text)
    counts = {name: _count(p, text) for name, p in CLASSES.items()}
    scale = 1000.0 / letters if letters else 0.0
    tokens, share = dictionary_share(text)
    return ThaiQuality(
        thai_letters=letters,
        per_1000={k: round(v * scale, 2) for k, v in counts.items()},
        counts=counts,
        dictionary_tokens=tokens,
        dictionary_share=round(share, 4),
        sara_am=text.count("\u0e33"),
        consonants=len(_CONSONANT_RE.findall(text)),
    )


# Thresholds of the damage detector.  Glyph damage the chain repairs (private-use, Latin-1 remaps) does not need
# OCR unless it is so dense that the font's mapping is broken as a whole; what the chain cannot repair does.
MIN_CONSONANTS_FOR_SARA_AM = 400  # d2md's rule: no ำ in >= 400 Thai consonants means SARA AM is lost
MAX_RAW_GLYPH_DAMAGE_PER_1000 = 50.0  # private-use + Latin-1 + replacement characters, before repair
MAX_RESIDUAL_VIOLATIONS_PER_1000 = 2.0  # after repair_text
MIN_DICTIONARY_SHARE = 0.80  # after repair_text
MIN_TOKENS_FOR_SHARE = 50


def is_text_layer_damaged(text: str) -> tuple[bool, str]:
    """Whether a page's text layer is too damaged to trust (send the page to OCR), with the reason."""
    from extractor.thai.chain import repair_text

    raw = quality_metrics(text)
    if raw.thai_letters == 0:
        return False, "no Thai text"
    if raw.consonants >= MIN_CONSONANTS_FOR_SARA_AM and raw.sara_am == 0 and raw.counts["decomposed_sara_am"] == 0:
        return True, f"no SARA AM in {raw.consonants} Thai consonants"
    glyph = sum(raw.per_1000[k] for k in ("private_use", "latin1_in_thai", "replacement_char", "stray_glyph"))
    if glyph > MAX_RAW_GLYPH_DAMAGE_PER_1000:
        return True, f"{glyph:.1f} private-use/Latin-1/replacement glyphs per 1,000 Thai letters"
    repaired = quality_metrics(repair_text(text)[0])
    if repaired.violations_per_1000 > MAX_RESIDUAL_VIOLATIONS_PER_1000:
        return True, f"{repaired.violations_per_1000:.1f} Thai violations per 1,000 letters left after repair"
    if repaired.dictionary_tokens >= MIN_TOKENS_FOR_SHARE and repaired.dictionary_share < MIN_DICTIONARY_SHARE:
        return True, f"only {repaired.dictionary_share:.0%} of Thai tokens are dictionary words after repair"
    return False, f"ok ({glyph:.1f} repairable glyph faults per 1,000 letters)"
