"""Heading keywords restored on OCR text: the numbered headings of the plans (``มิติที่ 1``, ``ยุทธศาสตร์ย่อยที่
4.1``, ``ส่วนที่ 2``) open the grammar's sections, and Tesseract loses the stacked marks of bold text first
(``มิติที่ 1`` read ``มตท 1``): one lost heading drops a whole section.

The keywords are the grammars' own: the Thai literal that opens an entity pattern and is followed by a number
(``grammars/**/*.toml``).  A text (a block or a cell) that opens with a keyword's *skeleton* (its letters without
combining marks: ``มตท`` for ``มิติที่``), maybe with spaces OCR put inside it, followed by a number, gets the keyword
back.  Only at the start of a text and only before a number, where the grammar would read a heading: a skeleton
alone says nothing of which marks a word had.
"""

from __future__ import annotations

import functools
import itertools
from collections.abc import Iterator
import tomllib
from dataclasses import dataclass
from pathlib import Path

import regex as re

from extractor.thai import chars
from extractor.thai.dictionary import LEXICON_DIR, read_word_list
from extractor.thai.digits import arabic_to_thai_digits, thai_digits_to_arabic

GRAMMAR_DIR = Path(__file__).resolve().parents[2] / "grammars"
COMBINING = frozenset(chars.COMBINING)
# a pattern that opens with Thai letters, then optional spaces and a number (a named group or a digit class)
_NUMBERED = re.compile(r"^\^?(?:\\s\*)?([\u0e01-\u0e4e]+)(?:\\s[*+])?(?:\(\?P<\w+>)?(?:\[0-9|\\d)")
_NUMBER = re.compile(r"\s*[0-9๐-๙]")
# a pattern that opens with spellings of one word, then Thai letters and a number: ``^(?P<label>มิติ|มติ)ที่\s*(?P<n>``
_SPELLINGS = re.compile(r"^\^?(?:\\s\*)?\((?:\?P<\w+>)?([\u0e01-\u0e4e|]+)\)([\u0e01-\u0e4e]*)(?:\\s[*+])?(?:\(\?P<\w+>)?(?:\[0-9|\\d)")
# a pattern that is one Thai word, maybe its last mark optional, alone on its line: ``^วิสัยทัศน์?\s*$``
_WHOLE_LINE = re.compile(r"^\^([\u0e01-\u0e4e]+)\??\\s\*\$$")


@dataclass(frozen=True, slots=True)
class KeywordFix:
    before: str
    after: str


def skeleton(text: str) -> str:
    """``text`` without combining marks and spaces."""
    return "".join(ch for ch in text if ch not in COMBINING and not ch.isspace())


@functools.lru_cache(maxsize=4)
def grammar_files(directory: Path = GRAMMAR_DIR) -> tuple[dict, ...]:
    """The grammars' TOML files, parsed once: the OCR restorers take their headings and keywords from them."""
    return tuple(tomllib.loads(path.read_text(encoding="utf-8")) for path in sorted(directory.rglob("*.toml")))


def strings_in(value: object) -> Iterator[str]:
    """Every string inside a parsed TOML or JSON value (dict values and list items, nested), in order."""
    if isinstance(value, dict):
        for v in value.values():
            yield from strings_in(v)
    elif isinstance(value, list):
        for v in value:
            yield from strings_in(v)
    elif isinstance(value, str):
        yield value


def grammar_strings(directory: Path = GRAMMAR_DIR) -> Iterator[str]:
    """Every string value of the grammars (patterns, header keywords, names), nested tables and lists included."""
    for document in grammar_files(directory):
        yield from strings_in(document)


def _grammar_literals(pattern: re.Pattern[str], directory: Path) -> set[str]:
    """The Thai literals (group 1 of ``pattern``) that open the grammars' patterns and carry marks (a literal with no
    mark has nothing OCR could lose)."""
    matches = (pattern.match(value) for value in grammar_strings(directory))
    return {m.group(1) for m in matches if m and skeleton(m.group(1)) != m.group(1)}


def _spelled_keywords(directory: Path) -> set[str]:
    """The keywords of the grammars' patterns that open with an alternation of spellings (``(?P<label>มิติ|มติ)ที่``,
    the plan's misspelling accepted): each spelling with the letters after it, when it carries marks."""
    matches = (_SPELLINGS.match(value) for value in grammar_strings(directory))
    words = {alt + m.group(2) for m in matches if m for alt in m.group(1).split("|")}
    return {w for w in words if skeleton(w) != w}


@functools.lru_cache(maxsize=1)
def numbered_keywords(directory: Path = GRAMMAR_DIR) -> tuple[str, ...]:
    """The keywords that open numbered headings in the grammars, longest first (of spellings with the same letters,
    the one with the most marks first)."""
    found = _grammar_literals(_NUMBERED, directory) | _spelled_keywords(directory)
    return tuple(sorted(found, key=lambda k: (-len(k), k)))


@functools.lru_cache(maxsize=1)
def line_headings(directory: Path = GRAMMAR_DIR) -> tuple[str, ...]:
    """The section headings the grammars read as one word on a line of its own (``^พันธกิจ\\s*$``), sorted."""
    return tuple(sorted(_grammar_literals(_WHOLE_LINE, directory)))


def restore_line_heading(text: str, headings: tuple[str, ...] | None = None) -> tuple[str, KeywordFix | None]:
    """``text`` that is a section heading read with marks off (``พ้นธกจ`` for ``พันธกิจ``) as that heading (and the
    fix), else unchanged and None.  The whole text must have the heading's skeleton: a line holding nothing else
    is where the grammar reads the heading, and no other word of the plans is those letters alone."""
    headings = line_headings() if headings is None else headings
    read = text.strip()
    for heading in headings:
        if read != heading and skeleton(read) == skeleton(heading):
            return heading, KeywordFix(read, heading)
    return text, None


def restore_keyword(text: str, keywords: tuple[str, ...] | None = None) -> tuple[str, KeywordFix | None]:
    """``text`` with the heading keyword it opens with restored (and the fix), or unchanged and None."""
    keywords = numbered_keywords() if keywords is None else keywords
    lead = len(text) - len(text.lstrip())
    for keyword in keywords:
        end = _skeleton_prefix_end(text, lead, skeleton(keyword))
        if end is None or not _NUMBER.match(text, end):
            continue
        before = text[lead:end]
        spellings = [k for k in keywords if skeleton(k) == skeleton(keyword)]
        if before in spellings:
            return text, None
        keyword = _closest_spelling(before, spellings)
        return text[:lead] + keyword + text[end:], KeywordFix(before, keyword)
    return text, None


def _marks(text: str) -> list[set[str]]:
    """The marks on each letter of ``text`` (spaces aside), in order: ``[{ิ}, {ิ}, {ี, ่}]`` for ``มิติที่``."""
    found: list[set[str]] = []
    for ch in text:
        if ch in COMBINING and found:
            found[-1].add(ch)
        elif not ch.isspace():
            found.append(set())
    return found


def _closest_spelling(read: str, spellings: list[str]) -> str:
    """Of the grammars' spellings of one keyword (the same letters, ``มิติที่`` and ``มติที่``), the one OCR read
    with marks lost: when the reading kept some marks, a letter it shows bare among them had none, so the spelling
    that holds every mark read, letter by letter, and adds the fewest (``มติที`` is ``มติที่``); a reading with no
    mark says nothing of any letter and gets the first spelling (the one with the most marks: ``มตท`` is
    ``มิติที่``)."""
    marks = _marks(read)
    if len(spellings) == 1 or not any(marks):
        return spellings[0]
    fits = [(sum(map(len, _marks(s))), s) for s in spellings
            if all(got <= want for got, want in zip(marks, _marks(s), strict=True))]
    return min(fits, key=lambda fit: fit[0])[1] if fits else spellings[0]


def _skeleton_prefix_end(text: str, start: int, target: str, *, bare: bool = False) -> int | None:
    """The end of the shortest stretch of ``text`` from ``start`` whose skeleton is ``target`` (marks after the last
    letter included), or None.  ``bare``: the ``_bare`` form instead (SARA AM as SARA AA, spaces kept)."""
    i, matched = start, 0
    while i < len(text) and matched < len(target):
        ch = "\u0e32" if bare and text[i] == "\u0e33" else text[i]
        if ch in COMBINING or ch == " " and not bare:
            i += 1
            continue
        if ch != target[matched]:
            return None
        matched += 1
        i += 1
    if matched < len(target):
        return None
    while i < len(text) and text[i] in COMBINING:
        i += 1
    return i


# ---- headings checked against their neighbours -----------------------------------------------------------------
# Tesseract reads the dot of a bold number as a digit or drops it (``มิติที่ 7.5`` read ``715`` or ``7.15``), and the
# marks of a heading that is a name alone (``๖. เรียนดี`` read ``๖. เรยนด``).  A heading's number is checked
# against the next heading's: a number whose child (``เป้าประสงค์ที่ 7.5.1.2``) does not extend it, while one
# look-alike or dropped dot makes it a prefix of that child, is that prefix.  Names come from a list (template
# knowledge: ``lexicon/ocr/heading_names.txt``), restored when the letters without marks are the same.

DOT_LOOKALIKES = "1,:;·'l|"  # what OCR makes of the dot of a bold number (``7.5`` read ``715``)
CHILD_WINDOW = 3  # texts after a heading searched for its child's number
_DIGITS = "0-9๐-๙"
_HEAD_NUMBER = re.compile(rf"^\s*([\u0e01-\u0e4e]+)\s*([{_DIGITS}][{_DIGITS}.{re.escape(DOT_LOOKALIKES)}]*[{_DIGITS}])(?=\s)")
_CHILD_NUMBER = re.compile(rf"^\s*[\u0e01-\u0e4e]+\s*([{_DIGITS}]+(?:\.[{_DIGITS}]+)+)(?=\s|$)")
_DOTTED = re.compile(rf"^[{_DIGITS}]+(?:\.[{_DIGITS}]+)*$")
_NAMED_HEADING = re.compile(r"^(\s*\S{1,3}\.\s*)([\u0e01-\u0e4e]+)\s*$")


@dataclass(frozen=True, slots=True)
class HeadingFix:
    index: int  # which text of the sequence
    before: str
    after: str
    evidence: str


@functools.lru_cache(maxsize=1)
def heading_names() -> tuple[str, ...]:
    """Names that are a whole numbered heading (the nine ดี issues), ``lexicon/ocr/heading_names.txt``."""
    return tuple(read_word_list(LEXICON_DIR / "ocr" / "heading_names.txt"))


def check_headings(texts: list[str]) -> tuple[list[str], list[HeadingFix]]:
    """``texts`` (block texts in reading order) with heading names and numbers restored, and the fixes."""
    texts = list(texts)
    fixes: list[HeadingFix] = []
    for i, text in enumerate(texts):
        for fix in (_restore_name(text, i), _restore_number(texts, i)):
            if fix is not None:
                texts[i] = texts[i].replace(fix.before, fix.after, 1)
                fixes.append(fix)
    for i in range(len(texts)):
        fix = _restore_item_number(texts, i)
        if fix is not None:
            texts[i] = texts[i].replace(fix.before, fix.after, 1)
            fixes.append(fix)
    return texts, fixes


def _listed_number(text: str) -> str | None:
    """The number token of a heading that is a listed name (``๗`` of ``๗. เศรษฐกิจดี``), or None."""
    m = _NAMED_HEADING.match(text)
    return m.group(1).strip().rstrip(".").strip() if m and m.group(2) in heading_names() else None


def _restore_item_number(texts: list[str], index: int) -> HeadingFix | None:
    """The number of a listed-name heading read as no number (``a. เศรษฐกิจดี``), from the listed-name headings
    before and after it: one more than the one before and one less than the one after, or whichever of the two
    the reading holds (``อ๑อ`` after ``๘.`` and before ``๒.`` is ``๑``)."""
    token = _listed_number(texts[index])
    if token is None or _DOTTED.match(token) and "." not in token:
        return None
    before = next((n for n in map(_listed_number, reversed(texts[:index])) if n and n.isdigit()), None)
    after = next((n for n in map(_listed_number, texts[index + 1 :]) if n and n.isdigit()), None)
    expected = {int(thai_digits_to_arabic(before)) + 1} if before else set()
    if after:
        expected = {e for e in expected if e == int(thai_digits_to_arabic(after)) - 1} or (expected | {int(thai_digits_to_arabic(after)) - 1})
    script = before or after or ""
    found = [n for n in expected if n > 0 and (len(expected) == 1 and before and after or _digits(n, script) in token)]
    if len(found) != 1:
        return None
    number = _digits(found[0], script)
    evidence = f"the listed-name headings around it are numbered {before!r} and {after!r}"
    return HeadingFix(index, token, number, evidence)


def _digits(n: int, like: str) -> str:
    """``n`` in the digits ``like`` is written in (Thai or Arabic)."""
    text = str(n)
    return arabic_to_thai_digits(text) if any("๐" <= ch <= "๙" for ch in like) else text


def _restore_name(text: str, index: int) -> HeadingFix | None:
    """A listed heading name read without some of its marks (``เรยนด`` → ``เรียนดี``)."""
    m = _NAMED_HEADING.match(text)
    if m is None or m.group(2) in heading_names():
        return None
    bare = skeleton(m.group(2))
    found = [name for name in heading_names() if skeleton(name) == bare]
    if len(found) != 1:
        return None
    return HeadingFix(index, m.group(2), found[0], f"the letters of the listed heading name {found[0]!r} without its marks (lexicon/ocr/heading_names.txt)")


def _restore_number(texts: list[str], index: int) -> HeadingFix | None:
    """A heading's number that its child's number does not extend but would with one dot put back."""
    m = _HEAD_NUMBER.match(texts[index])
    if m is None or m.group(1) not in numbered_keywords():
        return None
    child = _child_number(texts, index)
    if child is None:
        return None
    number = m.group(2)
    folded_child = thai_digits_to_arabic(child)
    if (folded_child + ".").startswith(thai_digits_to_arabic(number) + "."):
        return None
    found = {c for c in dot_readings(number) if folded_child.startswith(thai_digits_to_arabic(c) + ".")}
    if len(found) != 1:
        return None
    [after] = found
    evidence = f"the number of the heading after it, {child!r}, extends {after!r}, not {number!r}: a dot read as a look-alike or lost"
    return HeadingFix(index, number, after, evidence)


def _child_number(texts: list[str], index: int) -> str | None:
    for text in texts[index + 1 : index + 1 + CHILD_WINDOW]:
        m = _CHILD_NUMBER.match(text)
        if m is not None:
            return m.group(1)
    return None


def dot_readings(number: str) -> set[str]:
    """Dotted numbers ``number`` may be with one dot put back: a look-alike read for it (``715`` → ``7.5``), a dot
    dropped (``75`` → ``7.5``), or a look-alike read next to it (``7.15`` → ``7.5``)."""
    out = set()
    for i in range(1, len(number)):
        if number[i] in DOT_LOOKALIKES and i < len(number) - 1:
            out.add(number[:i] + "." + number[i + 1 :])
            if "." in (number[i - 1], number[i + 1]):
                out.add(number[:i] + number[i + 1 :])
        out.add(number[:i] + "." + number[i:])
    return {c for c in out if _DOTTED.match(c) and c != number}


# ---- numbered section rows read in sequence ---------------------------------------------------------------------
# The section rows of a table (``ด้านที่ ๖ ด้านเรียนรู้`` over the rows of that policy area) are bold: Tesseract
# loses the marks of the keyword and reads its one digit as a letter (``ดานท จ ด้านเรยนรู`` for ``ด้านที่ ๖
# ด้านเรียนรู้``), and the rows fall under the area before.  Rows of one keyword are numbered in order, so a run of
# rows whose number was read as no number gets the numbers the rows around it leave for it, when they leave exactly
# as many as the run is long (``๕`` … ``๘`` around two).  The name after the number comes back as a listed heading
# name (its letters without marks).  A dotted number opening with zero under a section row (``๐.๑`` under ``ด้านที่
# ๖``) is that row's first child read with its ๖ lost to a ๐: no heading is numbered from zero.

_UNREAD_NUMBER = re.compile(r"\s+([^\s0-9๐-๙]{1,2})(?=\s|$)")  # a digit read as one or two letters (``จ`` for ๖)
_READ_NUMBER = re.compile(r"\s*([0-9๐-๙]+)(?=\s|$)")
_ZERO_CHILD = re.compile(r"^\s*([0๐])(?=\.[0-9๐-๙]{1,2}\s+[\u0e01-\u0e4eA-Za-z]{2})")


@dataclass(frozen=True, slots=True)
class _Section:
    keyword: str
    start: int  # where the keyword as read begins
    end: int  # where the number (as read) ends
    number: str | None  # the number as read, None when read as letters


def check_sections(texts: list[str]) -> tuple[list[str], list[HeadingFix]]:
    """``texts`` (the first cells of a table's rows, in order) with the numbers and names of numbered section rows
    restored, and the zero that opens the number of a section's child; the fixes."""
    texts = list(texts)
    fixes: list[HeadingFix] = []
    sections = {i: found for i, text in enumerate(texts) if (found := _section(text)) is not None}
    for i, number in _numbers_between(sections).items():
        fix = _renumber(texts[i], i, sections[i], number)
        texts[i] = texts[i][: sections[i].start] + fix.after + texts[i][sections[i].end :]
        sections[i] = _Section(sections[i].keyword, sections[i].start, sections[i].start + len(fix.after), number)
        fixes.append(fix)
    parent: str | None = None
    for i, text in enumerate(texts):
        fix = None
        if i in sections:
            parent = sections[i].number
            fix = _restore_section_name(text, i, sections[i])
        elif parent is not None and (zero := _ZERO_CHILD.match(text)):
            evidence = f"no heading number opens with zero; the section row above is numbered {parent!r}"
            fix = HeadingFix(i, zero.group(1), parent, evidence)
        if fix is not None:
            texts[i] = text.replace(fix.before, fix.after, 1)
            fixes.append(fix)
    return texts, fixes


def _section(text: str) -> _Section | None:
    """The numbered keyword ``text`` opens with (its marks maybe lost) and its number, read or not."""
    lead = len(text) - len(text.lstrip())
    for keyword in numbered_keywords():
        end = _skeleton_prefix_end(text, lead, skeleton(keyword))
        if end is None:
            continue
        if m := _READ_NUMBER.match(text, end):
            return _Section(keyword, lead, m.end(), m.group(1))
        if m := _UNREAD_NUMBER.match(text, end):
            return _Section(keyword, lead, m.end(), None)
    return None


def _numbers_between(sections: dict[int, _Section]) -> dict[int, str]:
    """The numbers of the sections read without one, where the read numbers of the same keyword around a run of
    them leave exactly as many numbers as the run is long."""
    found: dict[int, str] = {}
    for keyword in {s.keyword for s in sections.values()}:
        items = [(i, s.number) for i, s in sorted(sections.items()) if s.keyword == keyword]
        for at, (_, number) in enumerate(items):
            if number is None or at + 1 >= len(items) or items[at + 1][1] is not None:
                continue
            run = [i for i, _ in itertools.takewhile(lambda item: item[1] is None, items[at + 1 :])]
            after = items[at + 1 + len(run)][1] if at + 1 + len(run) < len(items) else None
            first = int(thai_digits_to_arabic(number)) + 1
            if after is not None and int(thai_digits_to_arabic(after)) == first + len(run):
                found.update({i: _digits(first + k, number) for k, i in enumerate(run)})
    return found


def _renumber(text: str, index: int, section: _Section, number: str) -> HeadingFix:
    before = text[section.start : section.end]
    evidence = f"the {section.keyword!r} rows around it leave it the number {number!r}"
    return HeadingFix(index, before, f"{section.keyword} {number}", evidence)


def _restore_section_name(text: str, index: int, section: _Section) -> HeadingFix | None:
    """The name after a section's number read without some of its marks (``ด้านเรยนรู`` → ``ด้านเรียนรู้``)."""
    name = text[section.end :].strip()
    if not name or name in heading_names():
        return None
    found = [listed for listed in heading_names() if skeleton(listed) == skeleton(name)]
    if len(found) != 1:
        return None
    evidence = f"the letters of the listed heading name {found[0]!r} without its marks (lexicon/ocr/heading_names.txt)"
    return HeadingFix(index, name, found[0], evidence)


# ---- table header words ----------------------------------------------------------------------------------------
# A table is known by its header row, which must hold every keyword of the grammar's table spec
# (``[[tables]] header``).  OCR changes one letter of a header word (``ลำดับที่`` read ``สำดับที่``) and the whole
# table goes unread.  A row holding all the keywords of a spec but one, and a stretch one letter away from that one,
# gets the keyword back.

MIN_HEADER_WORDS = 3  # a spec needs this many keywords (two found besides the one restored) to be evidence
MAX_SHORT = 2  # keywords a header row may lack, each read off, when two others are found as written
MIN_BARE_LETTERS = 8  # letters (marks aside) a keyword needs for its letters alone to be evidence
# SARA AM read for a tone mark and SARA AA (``ค่าเป้าหมาย`` read ``คำเป้าหมาย``): one confusion, one glyph
SARA_AM_READINGS = {"\u0e48\u0e32": "\u0e33", "\u0e49\u0e32": "\u0e33"}


@functools.lru_cache(maxsize=1)
def table_headers(directory: Path = GRAMMAR_DIR) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """(role, header keywords) of the grammars' table specs with at least ``MIN_HEADER_WORDS`` keywords."""
    found = []
    for document in grammar_files(directory):
        for spec in document.get("tables", []):
            words = tuple(spec.get("header", ()))
            if len(words) >= MIN_HEADER_WORDS:
                found.append((spec.get("role", ""), words))
    return tuple(found)


def restore_header_word(cells: list[str]) -> tuple[int, str, str, str] | None:
    """(cell index, stretch as read, keyword, evidence) for a header row that lacks one keyword of a table spec
    but holds it read off (``_read_off``), or lacks two and holds both read off besides two keywords as written;
    None when no spec is that short or the row already is a header.  One keyword per call: call again for the
    next."""
    joined = _squash(" ".join(cells))
    short = []
    for role, words in table_headers():
        missing = [w for w in words if not any(_squash(v) in joined for v in w.split("|"))]
        if not missing:
            return None  # already a header
        if len(missing) <= MAX_SHORT and len(words) - len(missing) >= MIN_HEADER_WORDS - 1:
            short.append((role, words, missing))
    for role, words, missing in short:
        found = [_read_off(cells, keyword) for keyword in missing]
        if all(found):
            index, stretch, variant, how = found[0]
            besides = f" and {len(missing) - 1} more read off" if len(missing) > 1 else ""
            evidence = (f"the row holds the other {len(words) - len(missing)} header words of the grammar's {role!r} "
                        f"table{besides}; {stretch!r} is {variant!r} {how}")
            return index, stretch, variant, evidence
    return _cell_by_letters(cells)


def _cell_by_letters(cells: list[str]) -> tuple[int, str, str, str] | None:
    """A row of exactly a spec's header cells, in its order, some as written and the others with the keyword's
    letters once marks and spaces are dropped (``ลาดบท`` | ``ตว ชวด`` | ``ค่าเป้าหมาย``), maybe after noise read
    before them (``ow a ลาดบท``, a second reading ``ทั่วชี้วัตว ชวด``): the first cell read off, whole (a header cell
    only names its column).  Short keywords are no evidence alone; a whole row of them in order, one of them as
    written, is."""
    texts = [_squash(cell) for cell in cells]
    for role, words in table_headers():
        if len(words) != len(texts):
            continue
        variants = [w.split("|") for w in words]
        written = [i for i, text in enumerate(texts) if any(_squash(v) in text for v in variants[i])]
        off = [i for i, text in enumerate(texts)
               if i not in written and any(_bare(text).endswith(_bare(v)) for v in variants[i])]
        if written and off and len(written) + len(off) == len(words):
            i = off[0]
            keyword = next(v for v in variants[i] if _bare(texts[i]).endswith(_bare(v)))
            evidence = (f"the row is the {len(words)} header cells of the grammar's {role!r} table in order, "
                        f"{len(written)} as written and {len(off)} with the letters of the keyword, marks lost")
            return i, cells[i].strip(), keyword, evidence
    return None


def _read_off(cells: list[str], keyword: str) -> tuple[int, str, str, str] | None:
    """(cell index, stretch, variant, how) of the one stretch of the cells that is a variant of ``keyword`` read off."""
    for variant in keyword.split("|"):
        hits = [(i, stretch, variant, how) for i, cell in enumerate(cells)
                for stretch, how in _one_letter_off(cell, variant)]
        if len(hits) == 1:
            return hits[0]
    return None


def _squash(text: str) -> str:
    return "".join(text.split())


def _bare(text: str) -> str:
    """``text`` without combining marks, SARA AM read as the SARA AA it is drawn with (its NIKHAHIT is a mark)."""
    return "".join("\u0e32" if ch == "\u0e33" else ch for ch in text if ch not in COMBINING)


def _one_letter_off(text: str, word: str) -> list[tuple[str, str]]:
    """(stretch, how) for each stretch of ``text`` that differs from ``word`` in exactly one letter, that is ``word``
    without one of its marks, ``word`` with its tone mark and SARA AA read as SARA AM (``SARA_AM_READINGS``), or the
    letters of ``word`` with marks lost or changed (``ผลการดำเนินงาน`` read ``ผลการดาเน้นงาน``)."""
    if len(word) < 4:
        return []
    n = len(word)
    found = {i: (text[i : i + n], "with one letter changed") for i in range(len(text) - n + 1)
             if sum(a != b for a, b in zip(text[i : i + n], word)) == 1}
    readings = [(word[:at] + word[at + 1 :], "without one of its marks")
                for at, ch in enumerate(word) if ch in COMBINING]
    for pair, am in SARA_AM_READINGS.items():
        at = word.find(pair)
        while at >= 0:
            misread = word[:at] + am + word[at + len(pair) :]
            readings.append((misread, "with SARA AM read for its tone mark and SARA AA"))
            at = word.find(pair, at + 1)
    for misread, how in readings:
        for m in re.finditer(re.escape(misread), text):
            found.setdefault(m.start(), (misread, how))
    target = _bare(word)
    if len(target) >= MIN_BARE_LETTERS:
        for i in range(len(text)):
            end = _skeleton_prefix_end(text, i, target, bare=True) if text[i] not in COMBINING else None
            if end is not None and i not in found and text[i:end] != word:
                found[i] = (text[i:end], "with its marks lost or changed")
    return [found[i] for i in sorted(found)]


# ---- labels of key-result cells --------------------------------------------------------------------------------
# The bold label of a key-result cell (``KR 1 :``, ``OKR ๖.๑.๓๑``) comes back from OCR as noise (``6@ 1 :``,
# ``06@ ๖.๑.๓๑``) and the row is no key result.  The labels and the shape of their numbers are data
# (``lexicon/ocr/cell_labels.toml``); a label is restored only in a document that writes it cleanly elsewhere.

MAX_NOISE = 6  # characters (spaces aside) of noise read for a label
_WORDLIKE = re.compile(r"[\u0e01-\u0e2e][\u0e01-\u0e4e]{2,}|[A-Za-z]{3,}")  # three letters in a row: a word, not noise


@functools.lru_cache(maxsize=1)
def _label_data() -> dict:
    return tomllib.loads((LEXICON_DIR / "ocr" / "cell_labels.toml").read_text(encoding="utf-8"))


def cell_labels() -> tuple[tuple[str, re.Pattern], ...]:
    """(label, pattern of the number after it) from ``lexicon/ocr/cell_labels.toml``."""
    return tuple((entry["label"], re.compile(entry["number"])) for entry in _label_data()["labels"])


def labelled_column(header_cells: list[str]) -> int | None:
    """The index of the header cell that heads the labelled key-result column (``(Key Result : KR)``), or None."""
    column = re.compile(_label_data()["column"])
    found = [i for i, text in enumerate(header_cells) if column.search(text)]
    return found[0] if len(found) == 1 else None


def clean_labels(texts: list[str]) -> set[str]:
    """The labels that open some of ``texts`` as written, before a number of their shape."""
    found = set()
    for text in texts:
        for label, number in cell_labels():
            m = re.match(rf"\s*{re.escape(label)}\s*", text)
            if m and number.match(text, m.end()):
                found.add(label)
    return found


def restore_label(text: str, labels: set[str]) -> tuple[str, str, str] | None:
    """(noise as read, label, evidence) for a cell that opens with noise and then a number of a label's shape."""
    if clean_labels([text]):
        return None  # opens with a label as written
    for label, number in cell_labels():
        if label not in labels:
            continue
        for m in number.finditer(text[: MAX_NOISE + 8]):
            noise = text[: m.start()]
            if noise.strip() and _is_noise(noise, label) and not re.search(rf"\(\s*{re.escape(label)}\s*$", noise):
                evidence = f"{label!r} opens the document's other cells before a number of this shape; {noise.strip()!r} is no word"
                return noise, label + " ", evidence
            break
    return None


def _is_noise(stretch: str, label: str) -> bool:
    bare = stretch.replace(label, "")
    return len("".join(bare.split())) <= MAX_NOISE and not _WORDLIKE.search(bare) and not any(ch.isdigit() for ch in stretch[-1:])
