"""Wrap spaces decided over a whole document (``join_document_wraps``): the document is its own dictionary.

A table cell that wraps turns its line breaks into spaces, and most of those fall between two whole words
(``ประชาชนกลุ่มเปราะบาง เข้าถึง``), where the word dictionary (``join_wrapped``) cannot tell them from the spaces
Thai puts between phrases.  The rest of the document can: genuine spaces are written consistently, while wraps fall
at different places in different cells (a KPI name wrapped in a narrow column is written whole in a wide one).  A
space between two Thai letters is a wrap when

- ``repeated``: the letters around it (up to ``CONTEXT`` on each side, other spaces ignored, within one phrase
  segment: segments end at line breaks, tabs, bullets and phrase punctuation) occur elsewhere in the document
  with no space at that place; or
- ``lexicon``: a domain-lexicon entry (a unit name, a plan term) runs across it, from a word boundary on its left
  to a word boundary on its right.

Guards: a space next to ``ๆ``/``ฯ``, a digit, a Latin letter or punctuation is never touched (``อื่น ๆ``); the
context must have ``MIN_PHRASE`` letters (short phrases recur by chance); a space before ``และ``/``หรือ`` goes
only when the document writes the phrase together at least as often as apart (some writers set conjunctions off);
identical segment forms vote once (a header row repeated on every page is one rendering); a place where the layout
joined two lines (``blocks.WrapJoin``) is no vote that the phrase is written joined: it is the layout's reading of a
line break, and a written break or a wrap at a space read as a wrap there would otherwise spread to every copy of
the phrase in the document.  The reverse: a join where the source could not show a space (OCR) gets one where the
document writes the phrase across it apart and never together, or where the word on one side of it is one the
document sets off by a space, or the run after it a label it sets off before its figures (``งบประมาณ ๕,๐๐๐``), and
the two words are never written together (``_decide_join``).  A space a scan's
ink shows (``inked`` texts: OCR pages) is evidence too: one join misread elsewhere must not take it out of every
copy, so it goes only where the document writes the phrase joined at least ``1/INK_OUTVOTED`` as often as apart
(copies counted here, not forms: each copy on a scan is its own reading of the ink).
One pass indexes every distinct segment by its space-free form, then each gap costs one substring search.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from extractor.blocks import Repair, WrapJoin
from extractor.thai import dictionary
from extractor.thai.chars import COMBINING, WORD_LETTER_CLASS

_LETTER = WORD_LETTER_CLASS  # either side of a wrap: consonants, vowels, marks (not ๆ, ฯ, digits)
_LETTER_RE = re.compile(f"[{_LETTER}]")
_THAI_RUN_RE = re.compile(f"[{_LETTER}]+")
# a gap: spaces, or a justification hyphen with or without spaces after it (``ข้าราชการ- กรุงเทพมหานคร``)
_GAP_RE = re.compile(f"(?<=[{_LETTER}])(?:-[ \\t]*|[ \\t]+)(?=[{_LETTER}])")
_WRAP_HYPHEN_RE = re.compile(f"(?<=[{_LETTER}])-(?=[ \\t]*[{_LETTER}])")
# what ends a phrase segment: line breaks, tabs, tags, bullets, and punctuation that separates phrases
_SEGMENT_RE = re.compile(r"[^\n\t*:;/()\[\]\"“”,|<>]+")
_BULLET_RE = re.compile(r"(?:^|\s)[-–•](?=\s)")
_LAST_RUN_RE = re.compile(f"[{_LETTER}]+$")
_DIGIT_RE = re.compile("[0-9๐-๙]")
CONJUNCTIONS = ("และ", "หรือ")  # some writers set them off by a space: the document's own usage decides

CONTEXT = 12  # Thai letters of context on each side of a gap that must recur around the same place
MIN_PHRASE = 8  # at least this many letters of context in all (short phrases recur by chance)
MIN_SIDE = 2
MIN_LEXICON_ENTRY = 5

INK_OUTVOTED = 2  # a space a scan shows goes when the document writes the phrase joined at least 1/this as often
MIN_SPACED = 2  # a join the source could not show a space at is spaced when the document writes it apart this often
MIN_APART = 5  # a join where the source would show a space is a written break when the document writes it apart
MIN_SPACED_FULL = 1  # ... once, when the whole context (``CONTEXT`` letters a side) recurs apart (never together)
WRAPPED_OUTVOTED = 2  # ... and in at least 1/this as many phrases as wrap it at the same place on a scan
MIN_WORD_APART = 2  # ... or when the word on one side of it is set off by a space this often elsewhere
WORD_APART_RATIO = 3  # ... and at least this many times as often as it is written against a Thai letter
MIN_LABEL_APART = 2  # ... or when the run after it, before a number, is written so after a space this often (and
# at least as often as against a Thai letter): a label the writer sets off before its figure (งบประมาณ ๕,๐๐๐)
ABBREVIATION = 4  # at most this many letters before a full stop: an abbreviation (พ.ศ., สปสช.)
SPACED_SIDE = 4  # ... the phrase: whole words on each side of the join, at least this many letters a side

CODES = {
    "repeated": "thai.wrap_joined_repeated",
    "lexicon": "thai.wrap_joined_lexicon",
    "spaced": "thai.wrap_spaced_repeated",
    "word": "thai.wrap_spaced_word",
    "label": "thai.wrap_spaced_label",
    "written": "thai.wrap_written_break",
}
# what a rule puts at a join (the others take a wrap space out)
_PUT = {"spaced": " ", "word": " ", "label": " ", "written": "\n"}


@dataclass(frozen=True, slots=True)
class _Segment:
    text_index: int
    start: int  # offset of the segment in its text
    text: str
    key: str  # the segment with all whitespace removed
    slots: frozenset[int]  # key positions with whitespace before them
    joined: frozenset[int] = frozenset()  # key positions where the layout joined two lines (no vote)
    unseen: frozenset[int] = frozenset()  # ... of those, where the source could not show a space (WrapJoin)


def _segments(text: str, text_index: int, joins: Sequence[WrapJoin] = ()) -> list[_Segment]:
    out = []
    for m in _SEGMENT_RE.finditer(text):
        pieces = _BULLET_RE.split(m.group(0))
        offset = m.start()
        for piece in pieces:
            start = text.find(piece, offset)
            offset = start + len(piece)
            stripped = piece.strip()
            if not stripped or not _LETTER_RE.search(stripped):
                continue
            lead = len(piece) - len(piece.lstrip())
            key, slots = _key_and_slots(stripped)
            joined, unseen = _joined_at(key, slots, joins)
            out.append(_Segment(text_index, start + lead, stripped, key, slots, joined, unseen))
    return out


def _joined_at(key: str, slots: frozenset[int], joins: Sequence[WrapJoin]) -> tuple[frozenset[int], frozenset[int]]:
    """Positions in ``key`` (no whitespace before them) where one of the layout's wrap joins falls, and those of
    them where the source could not show a space (``WrapJoin.space_unseen``).  A join is found by its letters with
    the marks left out: the layout took its context before the OCR post-correction put marks back (``ที`` →
    ``ที่``), and a join not found would vote that the phrase is written joined."""
    if not joins:
        return frozenset(), frozenset()
    bare, at_key = _without_marks(key)
    found, unseen = set(), set()
    for join in joins:
        before, after = _without_marks(join.before)[0], _without_marks(join.after)[0]
        at = bare.find(before + after) if before and after else -1
        while at != -1:
            cut = at_key[at + len(before)]
            if cut not in slots:
                found.add(cut)
                if join.space_unseen:
                    unseen.add(cut)
            at = bare.find(before + after, at + 1)
    return frozenset(found), frozenset(unseen)


def _without_marks(text: str) -> tuple[str, list[int]]:
    """``text`` without its combining marks, and for each of its letters the index in ``text``."""
    kept = [i for i, ch in enumerate(text) if ch not in COMBINING]
    return "".join(text[i] for i in kept), kept


def _key_and_slots(segment: str) -> tuple[str, frozenset[int]]:
    """The segment without its spacing (whitespace and wrap hyphens), and the key positions it stood before."""
    key: list[str] = []
    slots = set()
    spacing = _spacing_at(segment)
    for i, ch in enumerate(segment):
        if i in spacing:
            slots.add(len(key))
        else:
            key.append(ch)
    return "".join(key), frozenset(slots)


def _spacing_at(segment: str) -> set[int]:
    """Offsets of whitespace and of hyphens between two Thai letters (a hyphen there may be a wrap's)."""
    spacing = {i for i, ch in enumerate(segment) if ch.isspace()}
    spacing.update(m.start() for m in _WRAP_HYPHEN_RE.finditer(segment))
    return spacing


class _Index:
    """Every distinct segment form of the document without its spaces, end to end, and where the spaces were.

    ``squeezed`` holds the segments' space-free keys joined by NUL; ``spaced`` the positions in it that had
    whitespace before them.  A phrase is looked up by ``str.find`` on ``squeezed`` (one pass to build, C-speed
    lookups), so a gap costs one search however long the document is.

    A vote is one phrase (segment key and place in it) written together or apart: two forms of one segment that
    differ only in spaces elsewhere vote once here, so a document and its own rendering (where those other spaces
    are already decided) count the same votes.  ``joined`` holds the positions where the layout joined two lines:
    no vote either way; ``unseen`` those of them where the source could not show a space (never a vote).
    """

    def __init__(self, segments: list[_Segment], copies: Sequence[int] = ()) -> None:
        keys: list[str] = []
        starts: list[int] = []
        spaced: set[int] = set()
        joined: set[int] = set()
        unseen: set[int] = set()
        offset = 0
        for seg in segments:
            keys.append(seg.key)
            starts.append(offset)
            spaced.update(offset + slot for slot in seg.slots)
            joined.update(offset + slot for slot in seg.joined)
            unseen.update(offset + slot for slot in seg.unseen)
            offset += len(seg.key) + 1
        self.squeezed = "\x00".join(keys)
        self.keys, self.starts, self.spaced, self.joined, self.unseen = keys, starts, spaced, joined, unseen
        self.copies = list(copies) + [1] * (len(keys) - len(copies))  # per form: how many texts hold it

    def written(
        self, needle: str, cut: int, whole: tuple[bool, bool] = (False, False), copies: bool = False
    ) -> tuple[int, int]:
        """How many phrases write ``needle`` without, and with, whitespace before its ``cut``-th character
        (``copies``: how many copies of them, each form counted as often as the document holds it).

        ``whole``: the needle holds the whole Thai run on its left, on its right side.  Where the layout joined two
        lines at the cut, the phrase votes only if its runs end there too: a line that opens with a run going on
        past the needle's (``ระยะ|เวลาเฉลี่ย`` for ``ระยะ 20 ปี``) may be a break the author wrote."""
        return self._votes(needle, cut, lambda at: not self._runs_on(at, len(needle), whole), copies)

    def written_elsewhere(self, needle: str, cut: int) -> tuple[int, int]:
        """As ``written``, counting only the phrases the layout did not join at the cut."""
        return self._votes(needle, cut, lambda at: False)

    def wrapped_at(self, needle: str, cut: int) -> int:
        """How many phrases write ``needle`` with a join at its ``cut``-th character where the source could not show
        a space (a scan's wraps: ``unseen``)."""
        places: set[tuple[str, int]] = set()
        at = self.squeezed.find(needle)
        while at != -1:
            if at + cut in self.unseen:
                k = bisect.bisect_right(self.starts, at) - 1
                places.add((self.keys[k], at - self.starts[k]))
            at = self.squeezed.find(needle, at + 1)
        return len(places)

    def set_off(self, word: str, after: bool = False, then: re.Pattern[str] | None = None) -> tuple[int, int]:
        """How often ``word`` is written against a Thai letter before it (``after``: after it), and how often with
        whitespace there; places the layout joined do not count (``then``: only where what follows the word,
        spaces left out, matches it)."""
        against = apart = 0
        at = self.squeezed.find(word)
        while at != -1:
            edge = at + len(word) if after else at
            if then and not then.match(self.squeezed, at + len(word)):
                pass
            elif edge in self.spaced:
                apart += 1
            elif edge not in self.joined and _LETTER_RE.match(self.squeezed[edge - (not after) : edge + after]):
                against += 1
            at = self.squeezed.find(word, at + 1)
        return against, apart

    def _votes(
        self, needle: str, cut: int, joined_votes: Callable[[int], bool], copies: bool = False
    ) -> tuple[int, int]:
        """(together, apart) over the places ``needle`` is found; a place the layout joined at the cut votes only
        when ``joined_votes(place)`` and the source could have shown a space there (a scan's join says nothing of
        how the phrase is written).  ``copies``: each vote weighs as many as the copies of its forms."""
        votes: dict[tuple[str, int, bool], int] = {}
        at = self.squeezed.find(needle)
        while at != -1:
            if at + cut not in self.joined or (at + cut not in self.unseen and joined_votes(at)):
                k = bisect.bisect_right(self.starts, at) - 1
                vote = (self.keys[k], at - self.starts[k], at + cut in self.spaced)
                votes[vote] = votes.get(vote, 0) + (self.copies[k] if copies else 1)
            at = self.squeezed.find(needle, at + 1)
        weights = votes if copies else dict.fromkeys(votes, 1)
        apart = sum(n for vote, n in weights.items() if vote[2])
        return sum(weights.values()) - apart, apart

    def _runs_on(self, at: int, length: int, whole: tuple[bool, bool]) -> bool:
        """The phrase found at ``at`` goes on in Thai letters past a side where the needle's run ended."""
        before, after = self.squeezed[at - 1 : at] if at else "", self.squeezed[at + length : at + length + 1]
        return (whole[0] and bool(_LETTER_RE.match(before))) or (whole[1] and bool(_LETTER_RE.match(after)))


def _context(seg: _Segment, slot: int) -> tuple[str, str]:
    """The Thai letters (spaces ignored) on each side of ``slot``, within the segment."""
    left = _LAST_RUN_RE.search(seg.key, 0, slot)
    right = _THAI_RUN_RE.match(seg.key, slot)
    return (left.group(0) if left else ""), (right.group(0) if right else "")


@functools.lru_cache(maxsize=1)
def _lexicon_splits() -> dict[str, tuple[str, ...]]:
    """Domain-lexicon entries cut at every place a wrap could fall: {right part: left parts}.

    Only entries long enough to be evidence (abbreviations and short words are not).  A gap then costs one dict
    lookup per prefix of its right side.
    """
    splits: dict[str, list[str]] = {}
    for entry in dictionary.domain_words():
        if len(entry) >= MIN_LEXICON_ENTRY and _THAI_RUN_RE.fullmatch(entry):
            for k in range(1, len(entry)):
                splits.setdefault(entry[k:], []).append(entry[:k])
    return {right: tuple(lefts) for right, lefts in splits.items()}


def _lexicon_spans(left: str, right: str) -> bool:
    """A lexicon entry runs across the gap, starting and ending on word boundaries of its side.

    The boundaries matter: ``ภาพรวม`` must not join ``ประสิทธิภาพ รวมทั้ง``.
    """
    splits = _lexicon_splits()
    for j in range(1, len(right) + 1):
        for head in splits.get(right[:j], ()):
            if left.endswith(head) and _on_boundaries(left, right, len(left) - len(head), j):
                return True
    return False


def _on_boundaries(left: str, right: str, start_in_left: int, end_in_right: int) -> bool:
    """``start_in_left`` is a newmm word boundary of ``left`` and ``end_in_right`` one of ``right``."""
    return start_in_left in _boundaries(left) and end_in_right in _boundaries(right)


def _boundaries(text: str) -> set[int]:
    cuts, at = {0}, 0
    for token in dictionary.tokenize(text):
        at += len(token)
        cuts.add(at)
    return cuts


def _decide(seg: _Segment, gap: re.Match, slot: int, index: _Index, inked: bool = False) -> str | None:
    """Which rule, if any, makes this gap of a segment a wrap (``inked``: the space was read from a scan's ink)."""
    return _decide_between(*_context(seg, slot), index, inked)


def _decide_between(left: str, right: str, index: _Index, inked: bool = False) -> str | None:
    """Which rule, if any, makes a gap between the Thai letters ``left`` and ``right`` (spaces removed) a wrap."""
    if len(left) < MIN_SIDE or len(right) < MIN_SIDE:
        return None
    conjunction = right.startswith(CONJUNCTIONS)
    near_left, near_right = left[-CONTEXT:], right[:CONTEXT]
    if len(near_left) + len(near_right) >= MIN_PHRASE:
        whole = (len(left) <= CONTEXT, len(right) <= CONTEXT)
        together, apart = index.written(near_left + near_right, len(near_left), whole)
        # a space before และ/หรือ may be the writer's style: it must be the exception, not the rule
        # a space read from a scan's ink is evidence too: a join misread elsewhere must not take it out of every copy;
        # each copy on a scan is its own reading of the ink (003's list ขยะ อากาศ น้ำเสีย read apart in three
        # identical cells and joined in one), so the copies vote there, not the forms
        if together and (not conjunction or together >= apart):
            if not inked or _ink_outvoted(index.written(near_left + near_right, len(near_left), whole, True)):
                return "repeated"
    if not conjunction and _lexicon_spans(left, right):
        return "lexicon"
    return None


def _ink_outvoted(copies: tuple[int, int]) -> bool:
    """(together, apart) copies of a phrase say a space a scan's ink shows in it is no writer's: the phrase is
    written joined at least ``1/INK_OUTVOTED`` as often as apart."""
    together, apart = copies
    return together * INK_OUTVOTED >= apart


def _decide_join(left: str, right: str, space_unseen: bool, index: _Index, follows: str = "") -> str | None:
    """Which rule, if any, makes a layout join between the Thai letters ``left`` and ``right`` (spaces removed)
    something other than a join, when the document writes the phrase across it apart and never together (the
    layout's other joins do not count: they are readings too).

    - ``spaced``: the source could not show a space there (``WrapJoin.space_unseen``), so the wrap stood at one
      (at least ``MIN_SPACED`` phrases apart);
    - ``written``: the source keeps a wrap's space glyph and shows none, so this was no wrap at a space but a line
      break the author wrote after a full line (at least ``MIN_APART`` phrases apart: the only other reading is a
      writer who spells the phrase both ways);
    - ``word``: the source could not show a space there, and the word on one side of it is one the document sets
      off by a space (``_spaced_words``; ``follows``: what comes after ``right`` in its segment);
    - ``label``: the source could not show a space there, and ``right`` is a label before a number that the
      document sets off by a space (``_spaced_label``)."""
    if space_unseen and _spaced_in_full(left, right, index):
        return "spaced"
    near_left, near_right = _words_from(left, reverse=True), _words_from(right)
    if len(near_left) >= SPACED_SIDE and len(near_right) >= SPACED_SIDE and len(near_left + near_right) >= MIN_PHRASE:
        together, apart = index.written_elsewhere(near_left + near_right, len(near_left))
        if not together and apart >= (MIN_SPACED if space_unseen else MIN_APART):
            return "spaced" if space_unseen else "written"
    if not space_unseen:
        return None
    if _spaced_words(left, right, follows, index):
        return "word"
    return "label" if _spaced_label(left, right, follows, index) else None


def _spaced_in_full(left: str, right: str, index: _Index) -> bool:
    """The document writes the letters around a join (up to ``CONTEXT`` a side, ``MIN_PHRASE`` in all) apart at
    least ``MIN_SPACED_FULL`` times elsewhere and never together: a whole phrase recurring that long is the
    writer's, so the join, where the source could not show a space, stood at one.  Unless the phrase is wrapped at
    the same place in more than ``WRAPPED_OUTVOTED`` times as many forms (001's อาคารสงเคราะห์|ข้าราชการ in five
    project cells, apart once in a narrow objective cell that kept a wrap's space): each of those wraps may have stood
    at no space, and the one copy apart is no habit."""
    near_left, near_right = left[-CONTEXT:], right[:CONTEXT]
    if len(near_left) < MIN_SIDE or len(near_right) < MIN_SIDE or len(near_left) + len(near_right) < MIN_PHRASE:
        return False
    together, apart = index.written_elsewhere(near_left + near_right, len(near_left))
    if together or apart < MIN_SPACED_FULL:
        return False
    return apart * WRAPPED_OUTVOTED >= index.wrapped_at(near_left + near_right, len(near_left))


def _spaced_words(left: str, right: str, follows: str, index: _Index) -> bool:
    """The word after a join (the first newmm word of ``right``; an abbreviation with its full stop, ``พ.``
    of ``พ.ศ.``) is written after a space at least ``MIN_WORD_APART`` times and ``WORD_APART_RATIO`` times as often
    as against a Thai letter, or the word before it (the last word of ``left``) likewise before a space; and the
    two words are never written together.  A word the writer sets off (``งบประมาณ`` before an amount,
    ``หมายถึง`` after a term, ``สปสช.``) is set off at a wrap too, where a scan cannot show the space."""
    before, after = dictionary.tokenize(left)[-1:], dictionary.tokenize(right)[:1]
    if not before or not after:
        return False
    word_before, word_after = before[0], after[0]
    if len(right) <= ABBREVIATION and follows == ".":
        word_after = right + "."
    together, _ = index.written_elsewhere(word_before + word_after, len(word_before))
    if together:
        return False
    return _set_off(word_after, index.set_off(word_after)) or _set_off(word_before, index.set_off(word_before, True))


def _spaced_label(left: str, right: str, follows: str, index: _Index) -> bool:
    """The run after a join is a label before a number (``follows``, spaces left out, is a digit: ``งบประมาณ ๕,๐๐๐``,
    ``ร้อยละ ๘๐``, ``ระยะที่ ๑``) that the document writes before a number after a space at least
    ``MIN_LABEL_APART`` times and at least as often as against a Thai letter, and the last word before the join and
    the label's first word are never written together.  The label's own copies before a figure are the evidence:
    the same word elsewhere runs on in compounds (ปีงบประมาณ, จัดสรรงบประมาณ) that say nothing of a label."""
    if len(right) < MIN_SIDE or not _DIGIT_RE.match(follows):
        return False
    against, apart = index.set_off(right, then=_DIGIT_RE)
    if apart < MIN_LABEL_APART or apart < against:
        return False
    before, after = dictionary.tokenize(left)[-1:], dictionary.tokenize(right)[:1]
    return bool(before and after) and not index.written_elsewhere(before[0] + after[0], len(before[0]))[0]


def _set_off(word: str, counts: tuple[int, int]) -> bool:
    """``counts`` (against a Thai letter, apart) say the document sets ``word`` off by a space."""
    against, apart = counts
    return len(word) >= MIN_SIDE and apart >= MIN_WORD_APART and apart >= WORD_APART_RATIO * against


def _words_from(run: str, reverse: bool = False) -> str:
    """Whole newmm words from the start of ``run`` (its end: ``reverse``) up to ``SPACED_SIDE`` letters or more."""
    tokens = dictionary.tokenize(run)
    if reverse:
        tokens.reverse()
    taken = ""
    for token in tokens:
        if len(taken) >= SPACED_SIDE or len(taken) + len(token) > CONTEXT:
            break
        taken = token + taken if reverse else taken + token
    return taken


def _text_offset(spacing: list[int], slot: int) -> int:
    """Offset in a segment's text of the ``slot``-th character of its key (``spacing``: the segment's sorted spacing
    offsets, which the key leaves out)."""
    offset = slot
    for space in spacing:
        if space > offset:
            break
        offset += 1
    return offset


def _gap_slot(spacing: list[int], gap: re.Match) -> int:
    """Position in the segment's key before which ``gap`` falls (``spacing``: the segment's sorted spacing offsets)."""
    return gap.start() - bisect.bisect_left(spacing, gap.start())


class WrapEvidence:
    """A document's own evidence of how it writes its phrases, to decide wraps in its texts.

    Built once from all the texts of a document (each distinct segment form votes once: a header row repeated on
    every page is one rendering); ``joins``, per text, the places the layout joined two of its lines, which vote
    neither way; ``inked``, per text, whether its spaces were read from a scan's ink (an OCR page).  ``join`` decides
    the spaces inside the texts; ``glue`` decides what stands
    between two pieces of text a later stage puts together (the rows an export cut one table cell into).
    """

    def __init__(
        self, texts: Sequence[str], joins: Sequence[Sequence[WrapJoin]] = (), inked: Sequence[bool] = ()
    ) -> None:
        self.texts = list(texts)
        self.inked = list(inked) + [False] * (len(self.texts) - len(inked))
        per_text = list(joins) + [()] * (len(self.texts) - len(joins))
        self.segments = [seg for i, text in enumerate(self.texts) for seg in _segments(text, i, per_text[i])]
        forms = {(seg.key, seg.slots, seg.joined): seg for seg in self.segments}
        copies = Counter((seg.key, seg.slots, seg.joined) for seg in self.segments)
        self.index = _Index(list(forms.values()), [copies[form] for form in forms])

    def join(self) -> list[tuple[str, list[Repair]]]:
        """For each text (in order), the text without its wrap spaces and the joins made."""
        cuts: dict[int, list[tuple[int, int, str]]] = {}
        for seg in self.segments:
            spacing = sorted(_spacing_at(seg.text))  # once per segment, not per gap
            for gap in _GAP_RE.finditer(seg.text):
                rule = _decide(seg, gap, _gap_slot(spacing, gap), self.index, self.inked[seg.text_index])
                if rule:
                    cuts.setdefault(seg.text_index, []).append((seg.start + gap.start(), seg.start + gap.end(), rule))
            for slot in seg.joined:
                left, right = _context(seg, slot)
                follows = seg.key[slot + len(right) : slot + len(right) + 1]
                rule = _decide_join(left, right, slot in seg.unseen, self.index, follows)
                if rule:
                    at = seg.start + _text_offset(spacing, slot)
                    cuts.setdefault(seg.text_index, []).append((at, at, rule))
        return [_apply(text, sorted(cuts.get(i, ()))) for i, text in enumerate(self.texts)]

    def glue(self, before: str, after: str) -> str:
        """What stood between ``before`` and ``after``, two lines of one cell an export wrote as two rows: nothing
        when they end and start in Thai letters and the document writes the phrase across them as one (a wrap
        inside a phrase), else a line break (the reader of the record decides what a line break is)."""
        left = _LAST_RUN_RE.search(_squeeze_tail(before))
        right = _THAI_RUN_RE.match(_squeeze_head(after))
        if left and right and _decide_between(left.group(0), right.group(0), self.index):
            return ""
        return "\n"


def _squeeze_tail(text: str) -> str:
    """The last phrase segment of ``text`` without its spacing (the context a gap after it would have)."""
    segments = _SEGMENT_RE.findall(text.rstrip())
    last = segments[-1] if segments and text.rstrip().endswith(segments[-1]) else ""
    return _key_and_slots(_BULLET_RE.split(last)[-1].strip())[0]


def _squeeze_head(text: str) -> str:
    """The first phrase segment of ``text`` without its spacing."""
    match = _SEGMENT_RE.match(text.lstrip())
    return _key_and_slots(_BULLET_RE.split(match.group(0))[0].strip())[0] if match else ""


def join_document_wraps(texts: Sequence[str]) -> list[tuple[str, list[Repair]]]:
    """For each text of a document (in order), the text without its wrap spaces and the joins made.

    Repairs have the codes of ``CODES`` and positions in the given text.  Pure: the texts are not changed.
    """
    return WrapEvidence(texts).join()


def _apply(text: str, cuts: list[tuple[int, int, str]]) -> tuple[str, list[Repair]]:
    if not cuts:
        return text, []
    out, repairs, last = [], [], 0
    for start, end, rule in cuts:
        out.append(text[last:start])
        put = _PUT.get(rule, "")
        out.append(put)
        repairs.append(Repair(CODES[rule], start, text[start:end], put))
        last = end
    out.append(text[last:])
    return "".join(out), repairs
