"""OCR words restored from the document's own vocabulary (issue #5).

Tesseract loses, adds or swaps one small mark (``ขับเคลือน`` for ``ขับเคลื่อน``, ``ซื้อสัตย์`` for ``ซื่อสัตย์``)
or reads a consonant as its look-alike (``ข้อมูส`` for ``ข้อมูล``).  A word list alone cannot tell such a misreading
from a word, and a word list with a language model also "corrects" the source's own typos, which a scan shows as they
are.  The evidence used here is stronger: a stretch that is no dictionary word, one mark or one look-alike consonant
(``LOOK_ALIKES``) away from exactly one dictionary word that the same document's OCR text writes at least
``MIN_COUNT`` times, becomes that word when the stretch begins where a token of the text as read does, the word
ends up as whole tokens or inside one (``เคลื่อน`` in ``ขับเคลื่อน``), and the text reads likelier with it
(``MIN_GAIN``, ``ocr_marks.compound_reading_cost``).  A real word one edit away counts as such a stretch only when the
Thai National Corpus hardly knows it (``RARE_WORD``) and the document writes the other ``RARE_RATIO`` times as often
(``ตามที`` for ``ตามที่``).  Words of fewer than ``MIN_LETTERS`` letters are not corrected towards (``ใช้``, ``ผู้``,
``กิจ`` are reached from garbage by accident).

Pure functions; the caller (``extractor.ingest.ocr_route``) reports every change as a finding with its evidence.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from extractor.thai.chars import NIKHAHIT, SARA_AA, SARA_AM
from extractor.thai.dictionary import is_word, tokenize, unknown_chars, word_frequencies
from extractor.thai.ocr_marks import THAI_SPAN, UPPER_MARKS, Change, MarkInk, compound_reading_cost, ink_veto, restore_spans

UPPER_VOWELS = "\u0e31\u0e34\u0e35\u0e36\u0e37\u0e47"  # MAI HAN-AKAT, SARA I, II, UE, UEE, MAITAIKHU
LOWER_VOWELS = "\u0e38\u0e39"  # SARA U, UU
TONE_MARKS = "\u0e48\u0e49\u0e4a\u0e4b\u0e4c"  # MAI EK, THO, TRI, CHATTAWA, THANTHAKHAT
MARKS = frozenset(UPPER_VOWELS + LOWER_VOWELS + TONE_MARKS)
PHINTHU = "\u0e3a"
LEADING_VOWELS = frozenset("\u0e40\u0e41\u0e42\u0e43\u0e44")

MIN_COUNT = 3  # times the document writes a word before its variants are read as it
MIN_LETTERS = 3  # letters (not marks) a word needs to be corrected towards
MIN_GAIN = 3.0  # natural-log gain of the reading with the word (about 20 times likelier)
RARE_WORD = 50  # a dictionary word seen fewer times than this in the Thai National Corpus ...
RARE_RATIO = 1.5  # ... may be a misreading of a word the document writes this many times as often
FAR_MARKS = 2  # mark edits a stretch that is no word may be from a word the document writes (``พึ่นฐาน``: two)
FAR_LETTERS = 4  # letters a word needs to be corrected towards from that far
FAR_WORDS_GAIN = 6.0  # natural-log gain such a reading needs where the stretch as read segments into words


def _is_consonant(ch: str) -> bool:
    return "\u0e01" <= ch <= "\u0e2e"


def mark_variants(word: str) -> set[str]:
    """``word`` with one mark edit OCR makes: a mark lost, an upper vowel or tone mark read as another one (or a
    lower vowel as the other), a MAI EK or MAI THO added on a consonant without a tone, SARA AM after a tone mark
    read as SARA AA (``น้ำ`` → ``น้า``) or losing the tone (``น้ำ`` → ``นำ``)."""
    out: set[str] = set()
    for i, ch in enumerate(word):
        if ch in MARKS:
            out.add(word[:i] + word[i + 1 :])
            for other in LOWER_VOWELS if ch in LOWER_VOWELS else UPPER_VOWELS + TONE_MARKS:
                out.add(word[:i] + other + word[i + 1 :])
        elif ch == SARA_AM and i and word[i - 1] in TONE_MARKS:
            out.add(word[:i] + SARA_AA + word[i + 1 :])
        elif _is_consonant(ch):
            j = i + 2 if i + 1 < len(word) and word[i + 1] in UPPER_VOWELS else i + 1
            if not (j < len(word) and word[j] in TONE_MARKS):
                out.update(word[:j] + tone + word[j:] for tone in "\u0e48\u0e49")
    out.discard(word)
    return out


# consonants Tesseract reads for one another (one stroke's head, tail or notch lost or added): ข้อมูส for ข้อมูล
LOOK_ALIKES = {"ส": "ล", "ล": "ส", "ด": "ต", "ต": "ด", "ข": "ช", "ช": "ข", "บ": "ป", "ป": "บ", "ผ": "ฝ", "ฝ": "ผ", "พ": "ฟ", "ฟ": "พ", "ถ": "ภ", "ภ": "ถ"}


def letter_variants(word: str) -> set[str]:
    """``word`` with one consonant read as its look-alike (``LOOK_ALIKES``)."""
    return {word[:i] + LOOK_ALIKES[ch] + word[i + 1 :] for i, ch in enumerate(word) if ch in LOOK_ALIKES}


def letters(word: str) -> int:
    """Characters of ``word`` that are not combining marks."""
    return sum(ch not in MARKS for ch in word)


def aligned(text: str, start: int, end: int) -> bool:
    """True when ``text[start:end]`` cuts no Thai cluster: it does not start on a mark or after a leading vowel,
    and what follows it is no mark, SARA AA/AM or PHINTHU."""
    if start >= end or text[start] in MARKS or (start and text[start - 1] in LEADING_VOWELS):
        return False
    return not (end < len(text) and (text[end] in MARKS or text[end] in (SARA_AA, SARA_AM, PHINTHU)))


def document_vocabulary(texts: Iterable[str]) -> Counter[str]:
    """Dictionary words the texts write, with how often: newmm tokens that are words, two in a row that make one
    (``ตอน|ที่``: ``ตอนที่``), and the words that are whole clusters inside them (``ท้องถิ่น`` inside
    ``องค์กรปกครองส่วนท้องถิ่น``)."""
    tokens: Counter[str] = Counter()
    for text in texts:
        for span in THAI_SPAN.findall(text):
            read = tokenize(span)
            tokens.update(t for t in read if is_word(t))
            tokens.update(a + b for a, b in zip(read, read[1:]) if is_word(a + b))
    counts: Counter[str] = Counter()
    for token, n in tokens.items():
        inside = {token[i:j] for i in range(len(token)) for j in range(i + 2, len(token) + 1) if aligned(token, i, j) and is_word(token[i:j])}
        for word in inside:
            counts[word] += n
    return counts


@dataclass(frozen=True, slots=True)
class Vocabulary:
    """What the document writes, and the stretches one mark or letter away from its words that it does not."""

    counts: dict[str, int]
    targets: dict[str, frozenset[str]]  # variant -> the document's words it is one mark or letter away from
    lengths: dict[str, tuple[int, ...]]  # first two characters of variants -> their lengths, longest first
    skeletons: dict[str, tuple[str, ...]]  # letters of the frequent words without their marks (``skeleton``) -> words
    skeleton_lengths: dict[str, tuple[int, ...]]  # first two letters of skeletons -> their lengths, longest first


def build_vocabulary(texts: Iterable[str]) -> Vocabulary:
    """The vocabulary of a document's OCR texts and the variants of its frequent words."""
    counts = dict(document_vocabulary(texts))
    targets: dict[str, set[str]] = {}
    for word, n in counts.items():
        if n < MIN_COUNT or letters(word) < MIN_LETTERS:
            continue
        for variant in mark_variants(word) | letter_variants(word):
            targets.setdefault(variant, set()).add(word)
    kept = {v: frozenset(ws) for v, ws in targets.items() if _may_be_misreading(v, ws, counts)}
    skeletons: dict[str, list[str]] = {}
    for word, n in counts.items():
        if n >= MIN_COUNT and letters(word) >= FAR_LETTERS:
            skeletons.setdefault(skeleton(word), []).append(word)
    return Vocabulary(counts, kept, _lengths(kept), {k: tuple(ws) for k, ws in skeletons.items()}, _lengths(skeletons))


def _lengths(keys: Iterable[str]) -> dict[str, tuple[int, ...]]:
    """First two characters of ``keys`` -> the lengths of the keys beginning with them, longest first."""
    lengths: dict[str, set[int]] = {}
    for key in keys:
        lengths.setdefault(key[:2], set()).add(len(key))
    return {head: tuple(sorted(ns, reverse=True)) for head, ns in lengths.items()}


def _clusters(word: str) -> list[tuple[str, str]]:
    """``word`` as (letter, the marks over or under it) pairs, SARA AM as its ring on the letter before and SARA AA."""
    out: list[tuple[str, str]] = []
    for ch in word.replace(SARA_AM, NIKHAHIT + SARA_AA):
        if _is_mark(ch) and out:
            out[-1] = (out[-1][0], out[-1][1] + ch)
        else:
            out.append((ch, ""))
    return out


def skeleton(word: str) -> str:
    """The letters of ``word`` without its marks (SARA AM as SARA AA): what a misread mark leaves alone; one per
    offset of ``_letters``."""
    return "".join(SARA_AA if word[i] == SARA_AM else word[i] for i in _letters(word))


def _is_mark(ch: str) -> bool:
    """A mark over or under a letter, SARA AM's ring among them (``กาลง`` is two marks from ``กำลัง``)."""
    return ch in MARKS or ch == NIKHAHIT


def mark_distance(a: str, b: str) -> int:
    """Mark edits (a mark lost, added or read as another) between two stretches of the same ``skeleton``: per
    letter, the more of the marks only one of them has (a letter takes three marks at most, in a fixed order)."""
    distance = 0
    for (_, x), (_, y) in zip(_clusters(a), _clusters(b), strict=True):
        only_x, only_y = Counter(x) - Counter(y), Counter(y) - Counter(x)
        distance += max(only_x.total(), only_y.total())
    return distance


def _may_be_misreading(variant: str, words: set[str], counts: dict[str, int]) -> bool:
    """A variant no dictionary word, or a word the corpus hardly knows and the document writes far less often."""
    if not is_word(variant):
        return True
    if word_frequencies().get(variant, 0) >= RARE_WORD:
        return False
    return all(counts[w] >= RARE_RATIO * max(counts.get(variant, 0), 1) for w in words)


def restore_words(text: str, vocabulary: Vocabulary, ink: MarkInk | None = None) -> tuple[str, list[Change]]:
    """``text`` with stretches one mark or letter away from the document's words restored; (offset, before, after,
    evidence) per change; no upper mark added where ``ink`` shows none missing (``ocr_marks.ink_veto``: the
    writer's own typo, ``บรการ``, which the scan shows as it is)."""
    return restore_spans(text, lambda span: _restore_both(span, vocabulary, ink))


def _restore_both(span: str, vocabulary: Vocabulary, ink: MarkInk | None) -> tuple[str, list[Change]]:
    """One mark or letter off first (``_restore_span``), then two marks (``_restore_far``)."""
    span, near = _restore_span(span, vocabulary, ink)
    span, far = _restore_far(span, vocabulary, ink)
    return span, near + far


def _restore_span(span: str, vocabulary: Vocabulary, ink: MarkInk | None = None) -> tuple[str, list[Change]]:
    changes = []
    i = 0
    while i < len(span):
        found = _restoration_at(span, i, vocabulary)
        if found is not None and ink_veto(ink, span[max(0, i - 3) : i + len(found[0]) + 3], span[max(0, i - 3) : i] + found[1] + span[i + len(found[0]) : i + len(found[0]) + 3]):
            found = None
        if found is None:
            i += 1
            continue
        variant, word, gain = found
        evidence = (
            f"{word!r} is written {vocabulary.counts[word]} times in this document, {variant!r} is one {_edit(variant, word)} from it "
            f"and {_what(variant, vocabulary)}; the text reads {gain:.0f} (natural log) likelier with it"
        )
        changes.append((i, variant, word, evidence))
        span = span[:i] + word + span[i + len(variant) :]
        i += len(word)
    return span, changes


def _restore_far(span: str, vocabulary: Vocabulary, ink: MarkInk | None) -> tuple[str, list[Change]]:
    """Stretches of ``span`` that are no word and ``FAR_MARKS`` mark edits at most from one word of ``FAR_LETTERS``
    letters the document writes (the same letters: ``skeleton``), restored where the ink shows the marks added missing
    (``_far_restoration``); e.g. ``พึ่นฐาน`` (SARA UE and MAI EK for SARA UEE and MAI THO), ``ต่อนที`` (the tone over the
    wrong letter)."""
    changes: list[Change] = []
    found, bare = _letters(span), skeleton(span)
    starts: set[int] | None = None  # newmm's, asked for only where a skeleton matches (segmenting is the cost)
    k = 0
    while k < len(found):
        candidates = _far_candidates(span, found, k, bare[k:], vocabulary)
        if candidates:
            starts = _starts(span) if starts is None else starts
        restored = _far_restoration(span, found[k], candidates, vocabulary, ink) if candidates and found[k] in starts else None
        if restored is None:
            k += 1
            continue
        stretch, word, evidence = restored
        at = found[k]
        changes.append((at, stretch, word, evidence))
        span = span[:at] + word + span[at + len(stretch) :]
        found, bare, starts = _letters(span), skeleton(span), None
        k += len(skeleton(word))
    return span, changes


def _letters(span: str) -> list[int]:
    """Offsets of the letters of ``span`` (``skeleton``'s: every character but the marks)."""
    return [i for i, ch in enumerate(span) if not _is_mark(ch)]


def _far_candidates(span: str, found: list[int], k: int, bare: str, vocabulary: Vocabulary) -> list[tuple[str, tuple[str, ...]]]:
    """(stretch, the document's words of its skeleton) of the whole-cluster stretches from letter ``k`` of ``span``
    (``bare``: the skeleton from there) that read otherwise than those words and are no word, longest first."""
    out = []
    for n in vocabulary.skeleton_lengths.get(bare[:2], ()):
        words = vocabulary.skeletons.get(bare[:n]) if len(bare) >= n else None
        end = found[k + n] if k + n < len(found) else len(span)
        if words and span[found[k] : end] not in words and aligned(span, found[k], end) and not is_word(span[found[k] : end]):
            out.append((span[found[k] : end], words))
    return out


def _far_restoration(
    span: str, start: int, candidates: list[tuple[str, tuple[str, ...]]], vocabulary: Vocabulary, ink: MarkInk | None
) -> tuple[str, str, str] | None:
    """(stretch, word, evidence) of the first of ``candidates`` (``_far_candidates``, at ``span[start]``) that the
    evidence restores."""
    for stretch, words in candidates:
        near = sorted((mark_distance(stretch, word), word) for word in words)
        near = [(d, word) for d, word in near if 0 < d <= FAR_MARKS]
        if not near or (len(near) > 1 and near[1][0] == near[0][0]):
            continue  # as near to two of the document's words: ambiguous
        distance, word = near[0]
        why = _far_evidence(span, start, stretch, word, vocabulary, ink)
        if why:
            return stretch, word, f"{word!r} is written {vocabulary.counts[word]} times in this document, {stretch!r} is {distance} mark edits from it and no dictionary word; {why}"
    return None


def _far_evidence(span: str, start: int, stretch: str, word: str, vocabulary: Vocabulary, ink: MarkInk | None) -> str:
    """Why ``stretch`` reads as ``word`` (empty when it does not): the text reads ``MIN_GAIN`` likelier with it and
    has fewer non-words (or ``FAR_WORDS_GAIN`` likelier: ``ต่อ|นที`` are words), the document writes it
    ``RARE_RATIO`` times as often as the stretch, it takes away no upper mark, and the ink (``ink``) shows missing
    every upper mark it adds (and no mark missing over a letter it adds one on: ``ink_veto``)."""
    fixed = span[:start] + word + span[start + len(stretch) :]
    gain = compound_reading_cost(span) - compound_reading_cost(fixed)
    fewer = unknown_chars(fixed) < unknown_chars(span)
    if gain <= (MIN_GAIN if fewer else FAR_WORDS_GAIN) or not _whole(fixed, start, start + len(word)):
        return ""
    written = ink.written(stretch) if ink else 0
    if vocabulary.counts[word] < RARE_RATIO * max(written, 1):
        return ""  # the document may write the stretch so: the writer's own spelling
    added = sum(ch in UPPER_MARKS for ch in word) - sum(ch in UPPER_MARKS for ch in stretch)
    if added < 0:
        return ""  # an upper mark read is ink (the writer's own กำรบริหาร): the count tells no mark from a speck
    shown = ink.lacking(stretch, 0, len(stretch) - 1) if ink and added > 0 else 0
    if added > shown or ink_veto(ink, stretch, word):
        return ""  # (without the scan's ink no mark is added: a text layer writes ดาเนิน for ดำเนิน)
    ink_says = f"the scan shows {shown} upper mark(s) missing over it; " if added > 0 else ""
    return ink_says + f"the text reads {gain:.0f} (natural log) likelier with it"


def _edit(variant: str, word: str) -> str:
    return "look-alike letter" if len(variant) == len(word) and any(LOOK_ALIKES.get(a) == b for a, b in zip(variant, word)) else "mark"


def _what(variant: str, vocabulary: Vocabulary) -> str:
    if not is_word(variant):
        return "no dictionary word"
    seen = word_frequencies().get(variant, 0)
    return f"a word seen {seen} times in the Thai National Corpus, {vocabulary.counts.get(variant, 0)} in this document"


def _restoration_at(span: str, i: int, vocabulary: Vocabulary) -> tuple[str, str, float] | None:
    """The longest variant starting at ``span[i]``, its word and the gain, if the evidence holds."""
    for n in vocabulary.lengths.get(span[i : i + 2], ()):
        variant = span[i : i + n]
        if len(variant) < n or variant not in vocabulary.targets or not aligned(span, i, i + n):
            continue
        words = vocabulary.targets[variant]
        if len(words) != 1:
            return None  # one edit away from two of the document's words: ambiguous
        word = next(iter(words))
        fixed = span[:i] + word + span[i + n :]
        gain = compound_reading_cost(span) - compound_reading_cost(fixed)
        if i in _starts(span) and _whole(fixed, i, i + len(word)) and gain > MIN_GAIN:
            return variant, word, gain
        return None
    return None


def _whole(text: str, start: int, end: int) -> bool:
    """True when ``text[start:end]`` is whole newmm tokens of ``text`` or lies inside one (``เคลื่อน`` inside
    ``ขับเคลื่อน``): the restored word is no piece glued to a neighbour's letters."""
    starts = _starts(text)
    return {start, end} <= starts or not any(start < at < end for at in starts)


def _starts(text: str) -> set[int]:
    """Offsets where the newmm tokens of ``text`` begin, and its end."""
    starts, at = set(), 0
    for token in tokenize(text):
        starts.add(at)
        at += len(token)
    starts.add(at)
    return starts
