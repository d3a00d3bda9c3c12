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
from collections.abc import Callable, Iterator
from dataclasses import dataclass

import regex as re

from extractor.thai.chars import LOWER_VOWELS, composed_sara_am
from extractor.thai.dictionary import LEXICON_DIR, is_word, read_word_list, tokenize, unknown_chars, word_frequencies

MAI_EK, MAI_THO, SARA_AA, SARA_AM, MAITAIKHU = "\u0e48", "\u0e49", "\u0e32", "\u0e33", "\u0e47"
_TONES = (MAI_EK, MAI_THO)
_VOWELS_ABOVE = "\u0e31\u0e34\u0e35\u0e36\u0e37"  # MAI HAN-AKAT, SARA I, II, UE, UEE (a string: edits in a fixed order)
_UPPER_VOWELS = frozenset(_VOWELS_ABOVE)
_ANY_TONE = frozenset("\u0e48\u0e49\u0e4a\u0e4b\u0e4c")
_TONE_MARKS = frozenset("\u0e48\u0e49\u0e4a\u0e4b")  # MAI EK, THO, TRI, CHATTAWA (not THANTHAKHAT)
THAI_SPAN = re.compile(r"[\u0E01-\u0E4E]+")  # a run of Thai letters, marks and digits
UPPER_MARKS = frozenset("\u0e31\u0e33\u0e34\u0e35\u0e36\u0e37\u0e47\u0e48\u0e49\u0e4a\u0e4b\u0e4c\u0e4d")  # the marks
# set over the letters' band (SARA AM for its ring)

MIN_GAIN = 9.0  # natural-log gain a reading needs over the text as read (about 8,000 times more probable)
UNSEEN_COUNT = 2.0  # corpus count given to a dictionary word the Thai National Corpus does not list
UNKNOWN_CHAR_COST = 12.0  # log cost per character of a stretch that is no dictionary word
SWAP_RATIO = 15.0  # a misread mark's word must be this many times as frequent as the non-word read


@dataclass(frozen=True, slots=True)
class InkWord:
    """One OCR word as read and the upper marks its scan shows (``extractor.ingest.ocr_mark_ink``): ``read`` marks
    in ``text``, ``inked`` pieces of ink in the mark zone over it."""

    text: str
    read: int
    inked: int


class MarkInk:
    """A document's OCR lines as ``InkWord``s, asked whether the scan shows no mark missing where a restorer would
    add one.  Tesseract boxes Thai a cluster or two at a time, the marks often apart (``ผู`` then ``้``), so a word
    of marks alone joins the word before it, a line's words are joined (no spaces, SARA AM composed), and a stretch
    is judged by the words over it."""

    def __init__(self, lines: list[tuple[InkWord, ...]]) -> None:
        self.kept: list[str] = []  # the restorations refused (``ink_veto``), for the caller's findings
        self._asked: dict[tuple[str, int], int] = {}
        self._lines: list[tuple[str, tuple[int, ...], tuple[int, ...]]] = []  # text, word of each character, lacking
        for line in lines:
            words: list[list] = []
            for w in line:
                if words and w.text and all(ch in UPPER_MARKS for ch in w.text):
                    words[-1] = [words[-1][0] + w.text, words[-1][1] + w.read, words[-1][2] + w.inked]
                else:
                    words.append([w.text, w.read, w.inked])
            owner = [i for i, (text, _, _) in enumerate(words) for _ in text]
            text, kept = composed_sara_am("".join(text for text, _, _ in words))
            owner = [owner[k] for k in kept]
            self._lines.append((text, tuple(owner), tuple(inked - read for _, read, inked in words)))
        self._joined = "\n".join(text for text, _, _ in self._lines)  # one search says whether any line holds a stretch

    def __bool__(self) -> bool:
        return bool(self._lines)

    def shows_no_mark(self, stretch: str, letter: int) -> int:
        """How many times the lines hold ``stretch`` (no spaces) where the word of its character ``letter`` shows
        in its ink as many upper marks as were read in it and no word over the stretch shows more; 0 when they
        never do, or when anywhere one shows more: a mark added on ``letter`` is one the scan does not show only
        when this is more than 0 (a word showing fewer, a mark touching its letter, says nothing)."""
        if (stretch, letter) not in self._asked:
            self._asked[stretch, letter] = self._times_shown(stretch, letter)
        return self._asked[stretch, letter]

    def lacking(self, stretch: str, first: int, last: int) -> int:
        """The fewest marks the ink shows more than were read over the words of characters ``first`` to ``last``
        of ``stretch`` (no spaces), over every time the lines hold it; 0 when they never do."""
        fewest = None
        for owner, lacking, at in self._occurrences(stretch):
            more = sum(max(0, n) for n in lacking[owner[at + first] : owner[at + last] + 1])
            fewest = more if fewest is None else min(fewest, more)
            if not fewest:
                return 0
        return fewest or 0

    def written(self, stretch: str) -> int:
        """How many times the lines hold ``stretch`` (no spaces) as whole clusters: what the document writes."""
        return sum(1 for _ in self._occurrences(stretch))

    def _times_shown(self, stretch: str, letter: int) -> int:
        seen = 0
        for owner, lacking, at in self._occurrences(stretch):
            if any(n > 0 for n in lacking[owner[at] : owner[at + len(stretch) - 1] + 1]):
                return 0
            seen += lacking[owner[at + letter]] == 0
        return seen

    def _occurrences(self, stretch: str) -> Iterator[tuple[tuple[int, ...], tuple[int, ...], int]]:
        """(word of each character, lacking marks per word, offset) of each line holding ``stretch`` as whole
        clusters (``_whole``), each time."""
        if not stretch or stretch not in self._joined:
            return
        for text, owner, lacking in self._lines:
            at = text.find(stretch)
            while at >= 0:
                if _whole(text, at, len(stretch)):
                    yield owner, lacking, at
                at = text.find(stretch, at + 1)


_COMBINING = UPPER_MARKS | frozenset(LOWER_VOWELS)  # and the lower vowels, PHINTHU


def _whole(text: str, at: int, length: int) -> bool:
    """Is ``text[at:at + length]`` no piece of a cluster: neither begins on a mark nor is followed by one (``ตามท`` is
    not in ``ตามที่``)?"""
    return text[at] not in _COMBINING and (at + length >= len(text) or text[at + length] not in _COMBINING)


def widened(text: str, lo: int, hi: int) -> tuple[int, int]:
    """``lo`` and ``hi`` moved out to whole clusters of ``text`` (``_whole``)."""
    while lo > 0 and text[lo] in _COMBINING:
        lo -= 1
    while hi < len(text) and text[hi] in _COMBINING:
        hi += 1
    return lo, hi


MIN_STRETCH = 4  # letters of context the ink is asked about (fewer are held by too many unrelated words)


def ink_veto(ink: MarkInk | None, before: str, after: str) -> bool:
    """True (and the refusal noted in ``ink.kept``) when ``after`` adds an upper mark to ``before`` where the scan
    shows none: every OCR line holding the letters around it shows in its ink exactly the marks read there; or adds
    more marks than the scan shows missing there (in every line holding it)."""
    found = added_mark_stretch("".join(before.split()), "".join(after.split())) if ink else None
    if found is None or len(found[0]) < MIN_STRETCH:
        return False
    stretch, letter = found
    seen = ink.shows_no_mark(stretch, letter)
    if seen:
        ink.kept.append(f"kept {before!r}, not {after!r}: the scan shows no mark missing over {stretch!r} ({seen} time(s) in the OCR lines)")
        return True
    added = sum(ch in UPPER_MARKS for ch in after) - sum(ch in UPPER_MARKS for ch in before)
    shown = ink.lacking(stretch, 0, len(stretch) - 1) if added > 1 else 0
    if 0 < shown < added:  # ทะเบยน read for ทะเบียน, whose ี the scan shows, is no ทะเบ้ย่น
        ink.kept.append(f"kept {before!r}, not {after!r}: the scan shows {shown} mark(s) missing over {stretch!r}, not {added}")
        return True
    return False


def added_mark_stretch(before: str, after: str, reach: int = 3) -> tuple[str, int] | None:
    """The letters of ``before`` around where ``after`` adds upper marks (``reach`` characters each side) and the
    index in them of the letter (or the upper vowel: ``ingest.ocr_mark_ink`` counts a tone raised over one) taking
    the mark, or None when ``after`` does not add one (a swap, a letter change)."""
    if sum(ch in UPPER_MARKS for ch in after) <= sum(ch in UPPER_MARKS for ch in before):
        return None
    start = 0
    while start < min(len(before), len(after)) and before[start] == after[start]:
        start += 1
    if not start:
        return None
    end = 0
    while end < min(len(before), len(after)) - start and before[-1 - end] == after[-1 - end]:
        end += 1
    hi = min(len(before), len(before) - end + reach)
    lo, hi = widened(before, max(0, min(start - reach, hi - MIN_STRETCH)), hi)  # at a word's end: reach back further
    return before[lo:hi], start - 1 - lo


INK_GAIN = 3.0  # natural-log gain a reading needs where the ink shows a mark Tesseract did not read (20 times)
INK_SURE_GAIN = 0.5  # ... or this, when it reads INK_GAIN likelier than with any other mark the ink may show
INK_CONTEXT = 2  # letters on either side of a token the ink is asked about with it


def restore_inked_marks(text: str, ink: MarkInk | None) -> tuple[str, list[Change]]:
    """``text`` with the upper marks restored that the scan shows and Tesseract did not read (``ink``): a token
    whose words show in every OCR line holding it (and ``INK_CONTEXT`` letters around) more marks than were read
    gets the reading with at most that many marks added (``ink_edits``) that makes its window likeliest, when
    ``INK_GAIN`` likelier than the text as read (or ``INK_SURE_GAIN``, when no other such reading comes within
    ``INK_GAIN`` of it) and no worse segmented; else the reading whose stretch the document's OCR lines write in
    full (``_written_reading``).  A real word read for another (เสียง for เสี่ยง, ตน for ต้น, บางที for บางที่) is
    mended only this way: the words alone cannot tell them apart."""
    if not ink:
        return text, []
    return restore_spans(text, functools.partial(_restore_inked, ink=ink))


def _restore_inked(span: str, ink: MarkInk) -> tuple[str, list[Change]]:
    read = tokenize(span)
    tokens = list(read)
    changes: list[Change] = []
    for i, token in enumerate(read):
        if changes and tokens[i - 1] != read[i - 1]:
            continue  # the marks the ink shows over both may be the ones just restored
        at = sum(map(len, read[:i]))  # in ``span``: the tokens before may be restored already
        lo, hi = widened(span, max(0, at - INK_CONTEXT), min(len(span), at + len(token) + INK_CONTEXT))
        if hi - lo < MIN_STRETCH or not any("\u0e01" <= ch <= "\u0e2e" for ch in token):
            continue
        more = ink.lacking(span[lo:hi], at - lo, at - lo + len(token) - 1)
        if not more:
            continue
        before, after = "".join(tokens[max(0, i - 1) : i]), "".join(tokens[i + 1 : i + 2])
        window = before + token + after
        readings = sorted(ink_edits(token, more), key=lambda r: compound_reading_cost(before + r + after))
        best = readings[0] if readings else None
        if best is None or unknown_chars(before + best + after) > unknown_chars(window):
            continue
        gain = compound_reading_cost(window) - compound_reading_cost(before + best + after)
        why = f"the scan shows {more} upper mark(s) over {token!r} that OCR did not read; "
        if gain > INK_GAIN or (gain > INK_SURE_GAIN and _margin(before, readings, after) > INK_GAIN):
            why += _likelier(window, before + best + after, gain)
        else:  # two real words (ชัน, ชั้น): the document's own lines tell which it writes there
            best, why = _written_reading(ink, span[lo:at], token, span[at + len(token) : hi], readings, why)
            if best is None or compound_reading_cost(window) - compound_reading_cost(before + best + after) < -WRITTEN_LOSS:
                continue
        changes.append((sum(map(len, tokens[:i])) - len(before), window, before + best + after, why))
        tokens[i] = best
    return "".join(tokens), changes


def _margin(before: str, readings: list[str], after: str) -> float:
    """How much (natural log) likelier the window reads with the first of ``readings`` than with the second: how
    sure the words are of which mark the ink shows (น้ำ, the one reading of น้า: sure)."""
    if len(readings) < 2:
        return math.inf
    return compound_reading_cost(before + readings[1] + after) - compound_reading_cost(before + readings[0] + after)


MIN_WRITTEN = 3  # times the OCR lines must write a reading's stretch in full for the ink to choose it
WRITTEN_LOSS = 3.0  # ... when it reads at most this much (natural log) less likely than the text as read


def _written_reading(ink: MarkInk, left: str, token: str, right: str, readings: list[str], why: str) -> tuple[str | None, str]:
    """The reading of ``token`` whose stretch (``left`` and ``right`` around it) the document's OCR lines write most,
    when at least ``MIN_WRITTEN`` times and no fewer than the stretch as read; and the evidence."""
    counts = {r: ink.written(left + r + right) for r in readings}  # (a reading written in full is all words)
    best = max(readings, key=lambda r: counts[r], default=None)
    read = ink.written(left + token + right)
    if best is None or counts[best] < max(MIN_WRITTEN, read):
        return None, why
    return best, why + f"the OCR lines write {left + best + right!r} {counts[best]} times, {left + token + right!r} {read}"


def ink_edits(token: str, marks: int) -> list[str]:
    """``token`` with one upper mark added (``mark_edits``: a tone mark, SARA AM's ring; or an upper vowel or MAI
    TAIKHU on a consonant without one: ``เหน`` → ``เห็น``; an upper vowel under a tone read alone: ``เพ่อ`` →
    ``เพื่อ``), or two when ``marks`` allows (a vowel and a tone: ``ท`` → ``ที่``)."""
    def once(word: str) -> list[str]:
        vowels = [word[: i + 1] + v + word[i + 1 :] for i, ch in enumerate(word) if "\u0e01" <= ch <= "\u0e2e" for v in _vowels_over(word[i + 1 : i + 2])]
        return mark_edits(word) + vowels

    first = once(token)
    return first + ([w for r in first for w in once(r)] if marks > 1 else [])


def _vowels_over(after: str) -> str:
    """The upper vowels (and MAI TAIKHU) a consonant followed by ``after`` may have lost: any on a bare consonant, an
    upper vowel under a tone mark (the tone read, the vowel under it not; THANTHAKHAT silences its letter: no vowel
    under it), none where a vowel is read."""
    if not after or not _is_mark(after):
        return _VOWELS_ABOVE + MAITAIKHU
    return _VOWELS_ABOVE if after in _TONE_MARKS else ""


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


@functools.lru_cache(maxsize=65536)
def compound_reading_cost(text: str) -> float:
    """Negative log probability of ``text`` under a unigram model of its newmm tokens (``reading_cost``'s, but a
    dictionary word the Thai National Corpus does not list costs no more than the two corpus words it is made of:
    the corpus splits ``ตามที่`` into ``ตาม`` + ``ที่``, and pricing it as unseen would favour ``ตามที``)."""
    return sum(_token_cost(token) for token in tokenize(text))


@functools.lru_cache(maxsize=65536)
def _token_cost(token: str) -> float:
    freq, log_total = word_model()
    if token in freq:
        return log_total - math.log(freq[token])
    if not is_word(token):
        return log_total + UNKNOWN_CHAR_COST * len(token)
    split = min((2 * log_total - math.log(freq[token[:i]]) - math.log(freq[token[i:]]) for i in range(1, len(token)) if token[:i] in freq and token[i:] in freq), default=math.inf)
    return min(log_total - math.log(UNSEEN_COUNT), split)


def mark_edits(word: str) -> list[str]:
    """``word`` with one mark edit: a MAI EK or MAI THO added on a consonant (after its upper or lower vowel:
    ``ผู`` → ``ผู้``) that has no tone mark, or SARA AA after a tone mark read as SARA AM (``น้า`` → ``น้ำ``)."""
    out = []
    for i, ch in enumerate(word):
        if "\u0e01" <= ch <= "\u0e2e":
            j = i + 1
            if j < len(word) and (word[j] in _UPPER_VOWELS or word[j] in LOWER_VOWELS):
                j += 1
            if not (j < len(word) and word[j] in _ANY_TONE):
                out.extend(word[:j] + tone + word[j:] for tone in _TONES)
        elif ch == SARA_AA and i > 1 and word[i - 1] in _TONES:
            out.append(word[:i] + SARA_AM + word[i + 1 :])
    return out


_I_VOWELS = "\u0e34\u0e35\u0e36\u0e37"  # SARA I, II, UE, UEE: the same stroke with or without a tail or a bar
_SWAPS = {MAI_EK: (MAI_THO,), MAI_THO: (MAI_EK, MAITAIKHU), MAITAIKHU: (MAI_THO,)} | {v: tuple(o for o in _I_VOWELS if o != v) for v in _I_VOWELS}


def _is_mark(ch: str) -> bool:
    return ch in _UPPER_VOWELS or ch in _ANY_TONE or ch in "\u0e38\u0e39\u0e47"


def swap_edits(word: str) -> list[str]:
    """``word`` with one mark misread: MAI EK and MAI THO for each other (``พื่น`` → ``พื้น``), MAI TAIKHU and
    MAI THO (``เน็น`` → ``เน้น``), one of SARA I, II, UE, UEE for another (``ฝึด`` → ``ฝืด``), SARA AM for MAI EK and
    SARA AA (the tone read as the ring: ``วำ`` → ``ว่า``)."""
    swapped = [word[:i] + other + word[i + 1 :] for i, ch in enumerate(word) for other in _SWAPS.get(ch, ())]
    return swapped + [word[:i] + MAI_EK + SARA_AA + word[i + 1 :] for i, ch in enumerate(word) if ch == SARA_AM and i and word[i - 1] not in _ANY_TONE]


Change = tuple[int, str, str, str]  # (offset, before, after, evidence)


def restore_marks(text: str, ink: MarkInk | None = None) -> tuple[str, list[Change]]:
    """``text`` with lost marks restored, and (offset, before, after, evidence) per change; not where ``ink`` shows
    no mark missing (``ink_veto``)."""
    return restore_spans(text, functools.partial(_restore_span, ink=ink))


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


def _restore_span(span: str, ink: MarkInk | None = None) -> tuple[str, list[tuple[int, str, str, str]]]:
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
                best = None if ink_veto(ink, window, before + best) else best
                after, tokens[i + 1] = ("", "") if best else (after, tokens[i + 1])
        if best is not None and not ink_veto(ink, window, before + best + after):
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
