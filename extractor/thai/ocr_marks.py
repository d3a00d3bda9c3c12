"""OCR mark restorer: one tone mark or SARA AM that Tesseract lost or misread, put back where the words say so.

Tesseract reads Thai glyph by glyph and loses the small marks stacked over a consonant or its upper vowel
(``เกี่ยวข้อง`` → ``เกียวข้อง``, ``ความเชื่อมั่น`` → ``ความเชื่อมัน``) and reads SARA AM's ring away
(``น้ำท่วม`` → ``น้าท่วม``).  The remains often segment into real but unrelated words (``มัน``, ``น้า``), so a word
list alone cannot flag them; a unigram language model over the stretch can: the reading with the mark must make the
stretch far more probable, and the stretch as read must hold a piece that is no dictionary word, which the reading
with the mark has fewer of (``MIN_GAIN`` in natural log, words weighted by the Thai National Corpus frequencies that
pythainlp ships, dictionary words absent from it at ``UNSEEN_COUNT``, anything else priced per character).

Bounded work: only the few edits below (two at most per token), each scored on the window of one newmm token and
its two neighbours; only windows holding a non-word are tried, and a reading must make the window all words.

A non-word whose mark was misread rather than lost (MAI EK for MAI THO, ``พื่น`` for ``พื้น``; SARA UE for SARA UEE,
``ฝึด`` for ``ฝืด``; SARA AA for SARA AM, ``ซ้า`` for ``ซ้ำ``) becomes the dictionary word one such swap away when
the corpus counts that word ``SWAP_RATIO`` times as often and the window then reads as words.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Callable

import regex as re

from extractor.thai.dictionary import LEXICON_DIR, is_word, read_word_list, tokenize, unknown_chars, word_frequencies

MAI_EK, MAI_THO, SARA_AA, SARA_AM = "\u0e48", "\u0e49", "\u0e32", "\u0e33"
_TONES = (MAI_EK, MAI_THO)
_UPPER_VOWELS = frozenset("\u0e31\u0e34\u0e35\u0e36\u0e37")
_ANY_TONE = frozenset("\u0e48\u0e49\u0e4a\u0e4b\u0e4c")
THAI_SPAN = re.compile(r"[\u0E01-\u0E4E]+")  # a run of Thai letters, marks and digits

MIN_GAIN = 9.0  # natural-log gain a reading needs over the text as read (about 8,000 times more probable)
UNSEEN_COUNT = 2.0  # corpus count given to a dictionary word the Thai National Corpus does not list
UNKNOWN_CHAR_COST = 12.0  # log cost per character of a stretch that is no dictionary word
SWAP_RATIO = 15.0  # a misread mark's word must be this many times as frequent as the non-word read


@functools.lru_cache(maxsize=1)
def word_model() -> tuple[dict[str, int], float]:
    """Thai National Corpus word counts and the log of their total."""
    freq = word_frequencies()
    return freq, math.log(sum(freq.values()))


@functools.lru_cache(maxsize=1)
def context_terms() -> tuple[str, ...]:
    """Plan terms a reading may restore although the text as read is real words (``lexicon/ocr/context_terms.txt``)."""
    return tuple(read_word_list(LEXICON_DIR / "ocr" / "context_terms.txt"))


@functools.lru_cache(maxsize=65536)
def reading_cost(text: str) -> float:
    """Negative log probability of ``text`` under a unigram model of its newmm segmentation."""
    freq, log_total = word_model()
    cost = 0.0
    for token in tokenize(text):
        if token in freq:
            cost += log_total - math.log(freq[token])
        elif is_word(token):
            cost += log_total - math.log(UNSEEN_COUNT)
        else:
            cost += log_total + UNKNOWN_CHAR_COST * len(token)
    return cost


def mark_edits(word: str) -> list[str]:
    """``word`` with one mark edit: a MAI EK or MAI THO added on a consonant (after its upper vowel) that has no
    tone mark, or SARA AA after a tone mark read as SARA AM (``น้า`` → ``น้ำ``)."""
    out = []
    for i, ch in enumerate(word):
        if "\u0e01" <= ch <= "\u0e2e":
            j = i + 1
            if j < len(word) and word[j] in _UPPER_VOWELS:
                j += 1
            if not (j < len(word) and word[j] in _ANY_TONE):
                out.extend(word[:j] + tone + word[j:] for tone in _TONES)
        elif ch == SARA_AA and i > 1 and word[i - 1] in _TONES:
            out.append(word[:i] + SARA_AM + word[i + 1 :])
    return out


_I_VOWELS = "\u0e34\u0e35\u0e36\u0e37"  # SARA I, II, UE, UEE: the same stroke with or without a tail or a bar
_SWAPS = {MAI_EK: (MAI_THO,), MAI_THO: (MAI_EK,)} | {v: tuple(o for o in _I_VOWELS if o != v) for v in _I_VOWELS}


def _is_mark(ch: str) -> bool:
    return ch in _UPPER_VOWELS or ch in _ANY_TONE or ch in "\u0e38\u0e39\u0e47"


def swap_edits(word: str) -> list[str]:
    """``word`` with one mark misread: MAI EK and MAI THO for each other (``พื่น`` → ``พื้น``), one of SARA I, II,
    UE, UEE for another (``ฝึด`` → ``ฝืด``)."""
    return [word[:i] + other + word[i + 1 :] for i, ch in enumerate(word) for other in _SWAPS.get(ch, ())]


Change = tuple[int, str, str, str]  # (offset, before, after, evidence)


def restore_marks(text: str) -> tuple[str, list[Change]]:
    """``text`` with lost marks restored, and (offset, before, after, evidence) per change."""
    return restore_spans(text, _restore_span)


def restore_spans(text: str, restore: Callable[[str], tuple[str, list[Change]]]) -> tuple[str, list[Change]]:
    """``text`` with each run of Thai (``THAI_SPAN``) put through ``restore``; its changes at offsets in ``text``."""
    changes: list[Change] = []
    parts: list[str] = []
    pos = 0
    for span in THAI_SPAN.finditer(text):
        fixed, found = restore(span.group(0))
        parts.append(text[pos : span.start()])
        parts.append(fixed)
        changes.extend((span.start() + at, before, after, why) for at, before, after, why in found)
        pos = span.end()
    parts.append(text[pos:])
    return "".join(parts), changes


def _restore_span(span: str) -> tuple[str, list[tuple[int, str, str, str]]]:
    tokens = tokenize(span)
    changes = []
    i = 0
    while i < len(tokens):
        lo, hi = max(0, i - 1), min(len(tokens), i + 2)
        before, token, after = "".join(tokens[lo:i]), tokens[i], "".join(tokens[i + 1 : hi])
        window = before + token + after
        if unknown_chars(window):
            best = _best_reading(before, token, after)
            gain = reading_cost(window) - reading_cost(before + best + after) if best else 0.0
            if gain <= MIN_GAIN:
                best = None
            evidence = _likelier(window, before + best + after, gain) if best else ""
            if best is None:
                best, evidence = _swap_reading(before, token, after)
        else:  # real words are left alone (a unigram model cannot tell น้า from น้ำ) unless a plan term comes back
            best, term, used = _term_reading(tokens, i)
            evidence = f"restores the plan term {term!r} (lexicon/ocr/context_terms.txt)"
            if best is not None and used == 2:  # the reading covers the next token too
                after, tokens[i + 1] = "", ""
        if best is not None:
            at = sum(map(len, tokens[:lo]))
            changes.append((at, window, before + best + after, evidence))
            tokens[i] = best
        i += 1
    return "".join(tokens), changes


def _swap_reading(before: str, token: str, after: str) -> tuple[str | None, str]:
    """A non-word ``token`` with one mark misread (``swap_edits``, or SARA AA read for SARA AM) that is a dictionary
    word ``SWAP_RATIO`` times as frequent in the Thai National Corpus as the token (a typo's count there), its window
    then all words.  The language model alone finds too little gain here: the corpus lists such typos (``พื่น`` 11
    times, ``ฝึด`` 6), so they are priced as rare words, not as garbage."""
    if is_word(token) or sum(not _is_mark(ch) for ch in token) < 2:  # a lone consonant and its vowel: a piece of a word
        return None, ""
    freq, _ = word_model()
    seen = max(freq.get(token, 0), 1)
    misread = swap_edits(token) + [w for w in mark_edits(token) if len(w) == len(token)]  # SARA AA read for SARA AM
    words = [w for w in misread if is_word(w) and freq.get(w, 0) >= SWAP_RATIO * seen and not unknown_chars(before + w + after)]
    if not words:
        return None, ""
    best = max(words, key=lambda w: freq.get(w, 0))
    return best, f"{best!r} is {freq[best]:,} times in the Thai National Corpus, {token!r} {freq.get(token, 0):,} and no dictionary word"


def _likelier(window: str, reading: str, gain: float) -> str:
    """The evidence of a reading chosen by the unigram model."""
    times = math.exp(min(gain, 700))
    return f"{reading!r} reads {times:.3g} times likelier than {window!r} (Thai National Corpus words)"


def _best_reading(before: str, token: str, after: str) -> str | None:
    """The likeliest reading of ``token`` with one mark edit, or two, after which its window is all dictionary
    words (greedy: the second edit only on the one-edit reading with the fewest unknown characters left)."""
    readings = mark_edits(token)
    if not readings:
        return None
    whole = [r for r in readings if not unknown_chars(before + r + after)]
    if not whole:
        nearest = min(readings, key=lambda r: unknown_chars(before + r + after))
        whole = [r for r in mark_edits(nearest) if not unknown_chars(before + r + after)]
    return min(whole, key=lambda r: reading_cost(before + r + after), default=None)


def _term_reading(tokens: list[str], i: int) -> tuple[str | None, str, int]:
    """A reading of ``tokens[i]`` with one mark edit, or of it and the next token with one each (``เหลือม|ลำ`` →
    ``เหลื่อมล้ำ``), that completes a context term over them and their neighbours; the term and how many tokens the
    reading replaces."""
    if not _near_term(tokens, i):  # the cheap test first
        return None, "", 1
    edited, term = _term_over(tokens, i, mark_edits(tokens[i]))
    if edited is not None or i + 1 >= len(tokens):
        return edited, term, 1
    joined = [*tokens[:i], tokens[i] + tokens[i + 1], *tokens[i + 2 :]]
    pairs = [a + b for a in mark_edits(tokens[i]) for b in mark_edits(tokens[i + 1])]
    edited, term = _term_over(joined, i, pairs)
    return edited, term, 2


def _near_term(tokens: list[str], i: int) -> bool:
    """True when a context term without its tone marks is written over ``tokens[i]`` and its neighbours."""
    window = _bare("".join(tokens[max(0, i - 2) : i + 4]))
    return any(bare in window for bare in _bare_terms())


def _term_over(tokens: list[str], i: int, readings: list[str]) -> tuple[str | None, str]:
    """The first of ``readings`` of ``tokens[i]`` that completes a context term over it and its neighbours."""
    lo, hi = max(0, i - 2), min(len(tokens), i + 3)
    before, after = "".join(tokens[lo:i]), "".join(tokens[i + 1 : hi])
    token = tokens[i]
    start = len(before)
    for edited in readings:
        text = before + edited + after
        ends = {0, start, start + len(edited)}  # the term must begin and end where the tokens do (not หน้ำท่วม)
        for k in range(lo, hi):
            ends.add(ends_at(tokens, lo, i, edited, k))
        for term in context_terms():
            at = text.find(term)
            overlaps = at >= 0 and at < start + len(edited) and at + len(term) > start
            if overlaps and {at, at + len(term)} <= ends and term not in before + token + after:
                return edited, term
    return None, ""


def ends_at(tokens: list[str], lo: int, i: int, edited: str, k: int) -> int:
    """Offset, from ``tokens[lo]``, of the end of token ``k`` with ``tokens[i]`` read as ``edited``."""
    return sum(len(edited) if j == i else len(tokens[j]) for j in range(lo, k + 1))


def _bare(text: str) -> str:
    """``text`` without tone marks and with SARA AM as SARA AA: what a term looks like with its marks read away."""
    return text.replace(MAI_EK, "").replace(MAI_THO, "").replace(SARA_AM, SARA_AA)


@functools.lru_cache(maxsize=1)
def _bare_terms() -> tuple[str, ...]:
    return tuple(_bare(term) for term in context_terms())
