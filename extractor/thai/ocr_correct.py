"""OCR post-correction of text: domain-lexicon words and identifier confusables, every change with its evidence.

Only text read by OCR goes through here (the PDF reader's OCR route).  Two kinds of correction:

- *lexicon*: a stretch of Thai that the dictionary cannot segment (an OCR misreading) and that is within a small
  edit distance of a domain-lexicon entry (unit names, plan vocabulary, districts: ``extractor/thai/lexicon/``)
  becomes that entry.  A stretch that already segments into dictionary words is never touched (``งบประมาณ`` stays
  although ``ปีงบประมาณ`` is one edit away), nor is anything shorter than ``MIN_ENTRY`` characters.
- *tone mark*: Tesseract drops a tone mark stacked over an upper vowel (``ที่`` → ``ที``, ``ชื่อ`` → ``ชือ``) or
  over a consonant (``ได้`` → ``ได``).  A token that becomes a far more frequent word (``TONE_RATIO`` times, by the
  Thai National Corpus frequencies pythainlp ships) with one MAI EK or MAI THO added gets it back.
- *lost mark*: a stretch holding a non-word that reads as dictionary words, far likelier by the corpus
  frequencies, with one or two tone marks added or SARA AA read as SARA AM (``ocr_marks``).
- *identifier*: Latin letters Tesseract confuses with digits (O/o → 0, I/l/| → 1, S → 5, B → 8, Z → 2) inside tokens
  that the grammar reads as identifiers (policy codes ``P###``, 6-digit strategy codes, fiscal years 25##), where the
  token has enough real digits to be unambiguous.

Pure functions: text in, corrected text and the list of corrections out.  The caller reports each one as a finding.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

import regex as re

from extractor.thai.chain import repair_text
from extractor.thai.dictionary import domain_words, is_word, tokenize, unknown_chars, word_frequencies
from extractor.thai.ocr_headings import restore_keyword, restore_line_heading
from extractor.thai.ocr_marks import THAI_SPAN, MarkInk, ink_veto, mark_edits, restore_inked_marks, restore_marks

MIN_ENTRY = 5  # lexicon entries shorter than this are too easy to reach by accident
_THAI_RUN = re.compile(r"[\u0E01-\u0E4E]+(?: [\u0E01-\u0E4E]+)*")  # Thai, with the single spaces OCR puts in words
_THAI_WORD = re.compile(r"[\u0E01-\u0E4E]+")

# digit look-alikes Tesseract produces inside numbers (Latin letters and a bar)
CONFUSABLE_DIGITS = {"O": "0", "o": "0", "D": "0", "I": "1", "l": "1", "|": "1", "S": "5", "B": "8", "Z": "2"}
_C = re.escape("".join(CONFUSABLE_DIGITS))
# (name, pattern of a whole token, minimum real digits in it): identifier shapes of the plans' grammar
IDENTIFIER_PATTERNS = [
    ("policy code", re.compile(rf"(?<![A-Za-z0-9])P[0-9{_C}]{{3}}(?![A-Za-z0-9])"), 1),
    ("strategy code", re.compile(rf"(?<![A-Za-z0-9])[0-9{_C}]{{6}}(?![A-Za-z0-9,])"), 4),
    ("fiscal year", re.compile(rf"(?<![A-Za-z0-9])25[0-9{_C}]{{2}}(?![A-Za-z0-9])"), 3),
]


@dataclass(frozen=True, slots=True)
class Correction:
    code: str  # "ocr.lexicon_correction", "ocr.identifier_correction", "ocr.tone_mark_restored", ...
    position: int  # offset in the text given to ``correct_text`` (after the Thai repair chain)
    before: str
    after: str
    evidence: str


def correct_text(text: str, ink: MarkInk | None = None) -> tuple[str, list[Correction]]:
    """Thai-repaired, lexicon- and identifier-corrected ``text`` and the corrections made; no upper mark added
    where ``ink`` (the scan's evidence) shows none missing (``ocr_marks.ink_veto``)."""
    text, _ = repair_text(text)  # compose SARA AM, order marks: the lexicon is written that way
    text, keyword = restore_heading_keyword(text)
    text, dots = join_abbreviation_dots(text)
    text, identifiers = correct_identifiers(text)
    text, eras = correct_era_labels(text)
    text, numerals = correct_thai_numerals(text)
    text, spaces = space_digits(text)
    text, tones = restore_tone_marks(text, ink)
    text, marks = restore_lost_marks(text, ink)
    if marks:  # a restored mark changes how the stretch segments: ท้องถินที reads ท้องถิ่น|ที, whose ที lost its tone
        text, more = restore_tone_marks(text, ink)
        marks += more
    text, inked = restore_inked_marks(text, ink)
    marks += [Correction("ocr.mark_restored", at, before, after, why) for at, before, after, why in inked]
    text, words = correct_words(text, ink)
    return text, keyword + dots + identifiers + eras + numerals + spaces + tones + marks + words


def restore_lost_marks(text: str, ink: MarkInk | None = None) -> tuple[str, list[Correction]]:
    """Tone marks and SARA AM lost by OCR where a stretch that is no dictionary word reads as words with them
    (``เกียวข้อง`` → ``เกี่ยวข้อง``: ``ocr_marks``)."""
    text, changes = restore_marks(text, ink)
    return text, [Correction("ocr.mark_restored", at, before, after, why) for at, before, after, why in changes]


# Thai letters Tesseract reads for Thai digits (ฒ for ๗, อ for ๐) inside numerals: a run of Thai digits and these
# letters that has a Thai digit in it and no other letter next to it, or a dotted/comma-grouped numeral (๗.๑, ๓๑๐,๕๐๐)
CONFUSABLE_THAI_DIGITS = {"ฒ": "๗", "อ": "๐"}
_TD = "๐-๙" + "".join(CONFUSABLE_THAI_DIGITS)
_THAI_NUMERAL = re.compile(rf"(?<![\u0E01-\u0E4E])(?:[{_TD}]+(?:[.,][{_TD}]+)+|[{_TD}]*[๐-๙][{_TD}]*)(?![\u0E01-\u0E2E\u0E31-\u0E4E])|(?<![\u0E01-\u0E4E])[{_TD}]+(?:[.,][{_TD}]+)+")


def correct_thai_numerals(text: str) -> tuple[str, list[Correction]]:
    """Thai-digit look-alike letters inside Thai numerals replaced by the digits (``ฒ.๑`` → ``๗.๑``)."""
    corrections: list[Correction] = []

    def fix(m: re.Match) -> str:
        token = m.group(0)
        letters = sum(ch in CONFUSABLE_THAI_DIGITS for ch in token)
        digits = sum("๐" <= ch <= "๙" for ch in token)
        if not letters or digits < letters:
            return token
        fixed = "".join(CONFUSABLE_THAI_DIGITS.get(ch, ch) for ch in token)
        corrections.append(Correction("ocr.identifier_correction", m.start(), token, fixed, "Thai numeral: a letter among Thai digits read for the digit it resembles"))
        return fixed

    return _THAI_NUMERAL.sub(fix, text), corrections


# Arabic digits against Thai letters: the plans space them (golden files: digit → Thai spaced 678 times, never
# joined; Thai → digit spaced 946 times, joined 69, all of them list numbers glued to the text before: ``…นคร2. ``)
_DIGIT_THAI = re.compile(r"(?<=[0-9])(?=[\u0E01-\u0E2E\u0E40-\u0E44])")
_THAI_DIGIT = re.compile(r"(?<=[\u0E01-\u0E4E])(?=[0-9]+(?![0-9]*\.(?![0-9])))")


def space_digits(text: str) -> tuple[str, list[Correction]]:
    """A space between Arabic digits and Thai letters that OCR read joined (``ประจำปี2567`` → ``ประจำปี 2567``)."""
    corrections: list[Correction] = []
    for pattern in (_DIGIT_THAI, _THAI_DIGIT):
        found = [m.start() for m in pattern.finditer(text)]
        for at in reversed(found):
            before = text[max(0, at - 4) : at + 4]
            text = text[:at] + " " + text[at:]
            corrections.append(Correction("ocr.digit_spacing", at, before, text[max(0, at - 4) : at + 5], "the plans space digits from Thai letters"))
    return text, corrections


# a short Thai word, a space, a full stop: Tesseract spaces the dot of an abbreviation (สยป . → สยป.), or reads it
# twice (สนข.. / สนท .. → สนข. / สนท.; three stops are an ellipsis, and the plans end no Thai sentence with a stop)
_SPACED_DOT = re.compile(r"(?<![\u0E01-\u0E4E])([\u0E01-\u0E2E][\u0E01-\u0E4E]{0,5})(?: \.| ?\.\.)(?=\s|$|[\u0E01-\u0E2E])")


def join_abbreviation_dots(text: str) -> tuple[str, list[Correction]]:
    """The space OCR puts between a Thai abbreviation and its full stop removed, and a full stop read twice read
    once (units: ``กยบ .`` → ``กยบ.``, ``สนข..`` → ``สนข.``)."""
    corrections: list[Correction] = []

    def fix(m: re.Match) -> str:
        evidence = "a full stop after a space ends a Thai abbreviation" if m.group(0).count(".") == 1 else "a Thai abbreviation ends with one full stop: OCR read it twice"
        corrections.append(Correction("ocr.abbreviation_dot_joined", m.start(), m.group(0), m.group(1) + ".", evidence))
        return m.group(1) + "."

    return _SPACED_DOT.sub(fix, text), corrections


def restore_heading_keyword(text: str) -> tuple[str, list[Correction]]:
    """A numbered heading's keyword read without its marks (``มตท 1``) restored at the start of ``text``, or a
    section heading alone on its line (``พ้นธกจ`` for ``พันธกิจ``) restored whole."""
    fixed, fix = restore_keyword(text)
    where = "before a number"
    if fix is None:
        fixed, fix = restore_line_heading(text)
        where = "the whole line"
    if fix is None:
        return text, []
    evidence = f"letters of the grammars' heading {fix.after!r} with its marks read off, {where}"
    return fixed, [Correction("ocr.heading_keyword_restored", text.find(fix.before), fix.before, fix.after, evidence)]


def correct_identifiers(text: str) -> tuple[str, list[Correction]]:
    """Digit look-alikes inside identifier-shaped tokens replaced by the digits."""
    corrections: list[Correction] = []
    for name, pattern, min_digits in IDENTIFIER_PATTERNS:
        def fix(m: re.Match, name=name, min_digits=min_digits) -> str:
            token = m.group(0)
            body = token[1:] if name == "policy code" else token
            if not any(ch in CONFUSABLE_DIGITS for ch in body) or sum(ch.isdigit() for ch in body) < min_digits:
                return token
            fixed = token[: len(token) - len(body)] + "".join(CONFUSABLE_DIGITS.get(ch, ch) for ch in body)
            corrections.append(Correction("ocr.identifier_correction", m.start(), token, fixed, f"{name} pattern: digits only"))
            return fixed

        text = pattern.sub(fix, text)
    return text, corrections


# พ.ศ. (Buddhist Era) read as Latin capitals with its dots (``W.A. ๒๕๖๖``): before a 25xx year the corpus and the
# golden files write no other two-letter abbreviation (พ.ศ. 251 and 192 times); small ``wa.`` is left alone, it is
# also what Tesseract makes of the month พ.ค.
ERA = "พ.ศ."
_LATIN_ERA = re.compile(r"(?<![A-Za-z0-9.])W\. ?A\.?(?= ?[๒2][๕5][0-9๐-๙]{2}(?![0-9๐-๙]))")


def correct_era_labels(text: str) -> tuple[str, list[Correction]]:
    """``W.A.`` before a Buddhist-era year (``W.A. ๒๕๖๖``) read as the ``พ.ศ.`` it is (``_LATIN_ERA``)."""
    corrections: list[Correction] = []

    def fix(m: re.Match) -> str:
        why = "Buddhist-era year label: พ.ศ. read as Latin letters before a 25xx year"
        corrections.append(Correction("ocr.identifier_correction", m.start(), m.group(0), ERA, why))
        return ERA

    return _LATIN_ERA.sub(fix, text), corrections


TONE_RATIO = 30.0  # the word with the mark must be this many times more frequent ...
TONE_MIN_FREQUENCY = 1000  # ... and at least this frequent in the corpus


def _tone_candidates(token: str) -> list[str]:
    """``token`` with one MAI EK or MAI THO added on a consonant (after its upper vowel, if any) that has none."""
    return [edited for edited in mark_edits(token) if len(edited) > len(token)]  # not SARA AA read as SARA AM


def restore_tone_marks(text: str, ink: MarkInk | None = None) -> tuple[str, list[Correction]]:
    """Tokens that are rare words (or none) but common words with one tone mark added get the mark; not the letters
    of an abbreviation (``กม.`` is kilometres, not ``ก้ม`` "to bow")."""
    freq = word_frequencies()
    corrections: list[Correction] = []
    parts: list[str] = []
    pos = 0
    for span in THAI_SPAN.finditer(text):
        parts.append(text[pos : span.start()])
        offset, end = span.start(), span.start()  # where the token goes in the output, where it ends in ``text``
        for token in tokenize(span.group(0)):
            end += len(token)
            better = None if text[end : end + 1] == "." else _better_with_tone(token, freq)
            around = slice(max(span.start(), end - len(token) - 3), end), slice(end, min(span.end(), end + 3))
            if better is not None and ink_veto(ink, text[around[0]] + text[around[1]], text[around[0]][: -len(token)] + better + text[around[1]]):
                better = None
            if better is not None:
                evidence = f"{better!r} is {freq[better]:,} times in the Thai National Corpus, {token!r} {freq.get(token, 0):,}"
                corrections.append(Correction("ocr.tone_mark_restored", offset, token, better, evidence))
                token = better
            parts.append(token)
            offset += len(token)
        pos = span.end()
    parts.append(text[pos:])
    return "".join(parts), corrections


def _better_with_tone(token: str, freq: dict[str, int]) -> str | None:
    if len(token) < 2:
        return None
    base = freq.get(token, 0)
    best = max(_tone_candidates(token), key=lambda c: freq.get(c, 0), default=None)
    if best is None:
        return None
    count = freq.get(best, 0)
    return best if count >= TONE_MIN_FREQUENCY and count >= TONE_RATIO * max(base, 1) else None


@functools.lru_cache(maxsize=1)
def _entries() -> tuple[tuple[str, frozenset[str]], ...]:
    """Thai lexicon entries long enough to correct towards, with their character bigrams (for a quick filter)."""
    out = []
    for word in sorted(domain_words()):
        if len(word) >= MIN_ENTRY and _THAI_WORD.fullmatch(word):
            out.append((word, _bigrams(word)))
    return tuple(out)


def _bigrams(s: str) -> frozenset[str]:
    return frozenset(s[i : i + 2] for i in range(len(s) - 1))


def max_edits(entry: str) -> int:
    """Edits allowed towards an entry: one, two from 10 characters on."""
    return 1 if len(entry) < 10 else 2


def correct_words(text: str, ink: MarkInk | None = None) -> tuple[str, list[Correction]]:
    """Unsegmentable Thai stretches close to a domain-lexicon entry replaced by the entry."""
    chosen: list[tuple[int, int, str, int]] = []  # (start, end, entry, distance) in text offsets
    for run in _THAI_RUN.finditer(text):
        if len(run.group(0)) < MIN_ENTRY - 1:
            continue
        chosen.extend(c for c in _run_corrections(run.group(0), run.start()) if not ink_veto(ink, text[c[0] : c[1]], c[2]))
    if not chosen:
        return text, []
    corrections: list[Correction] = []
    parts, pos = [], 0
    for start, end, entry, dist in sorted(chosen):
        parts.append(text[pos:start])
        parts.append(entry)
        why = "only combining marks missing" if _only_marks_lost(text[start:end], entry) else "not dictionary words"
        corrections.append(Correction("ocr.lexicon_correction", start, text[start:end], entry, f"{dist} edit(s) from lexicon entry {entry!r}, {why}"))
        pos = end
    parts.append(text[pos:])
    return "".join(parts), corrections


def _run_corrections(run: str, offset: int) -> list[tuple[int, int, str, int]]:
    unknown = unknown_chars(run)
    grams = _bigrams(run)
    candidates = []
    for entry, entry_grams in _entries():
        k = max_edits(entry)
        if len(entry_grams & grams) < len(entry_grams) - 2 * k or entry in run:
            continue
        start, end, dist = best_substring(entry, run)
        if 0 < dist <= k and abs((end - start) - len(entry)) <= k:
            candidates.append((dist, -len(entry), start, end, entry))
    picked: list[tuple[int, int, str, int]] = []
    for dist, _, start, end, entry in sorted(candidates):
        if any(start < e and s < end for s, e, _, _ in picked):
            continue
        if not _only_marks_lost(run[start:end], entry):
            if not unknown or _segments_cleanly(run[start:end]) or unknown_chars(run[:start] + entry + run[end:]) >= unknown:
                continue
        picked.append((start, end, entry, dist))
    return [(s + offset, e + offset, entry, d) for s, e, entry, d in picked]


_COMBINING = frozenset("\u0e31\u0e34\u0e35\u0e36\u0e37\u0e38\u0e39\u0e3a\u0e47\u0e48\u0e49\u0e4a\u0e4b\u0e4c\u0e4d\u0e4e")


def _only_marks_lost(span: str, entry: str) -> bool:
    """True when ``span`` is ``entry`` with some combining marks missing (Tesseract's commonest Thai error:
    ``ตัวชีวัด`` for ``ตัวชี้วัด``), which a dictionary cannot flag when the remains happen to be words."""
    if len(span) >= len(entry):
        return False
    i = 0
    for e in entry:
        if i < len(span) and span[i] == e:
            i += 1
        elif e not in _COMBINING:
            return False
    return i == len(span)


def _segments_cleanly(span: str) -> bool:
    """True when ``span`` is already made of dictionary words (then it is not a misreading to correct)."""
    return all(is_word(tok) for tok in tokenize(span) if tok.strip())


def best_substring(pattern: str, text: str) -> tuple[int, int, int]:
    """(start, end, distance) of the substring of ``text`` with the smallest edit distance to ``pattern``."""
    n = len(text)
    prev = [0] * (n + 1)  # distance of pattern[:i] ending at text[:j]
    start = list(range(n + 1))  # where that alignment starts in text
    for i in range(1, len(pattern) + 1):
        cur, cur_start = [i] + [0] * n, [0] * (n + 1)
        p = pattern[i - 1]
        for j in range(1, n + 1):
            sub = prev[j - 1] + (p != text[j - 1])
            dele = prev[j] + 1
            ins = cur[j - 1] + 1
            if sub <= dele and sub <= ins:
                cur[j], cur_start[j] = sub, start[j - 1]
            elif dele <= ins:
                cur[j], cur_start[j] = dele, start[j]
            else:
                cur[j], cur_start[j] = ins, cur_start[j - 1]
        prev, start = cur, cur_start
    best_j = min(range(n + 1), key=lambda j: (prev[j], -j))
    return start[best_j], best_j, prev[best_j]
