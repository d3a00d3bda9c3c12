"""Second look at words Tesseract read as Latin inside Thai text: Thai unit abbreviations (``สนข.``, ``กม.``) come
back as ``naw.``, ``NN.`` or ``TIN.`` because ``tha+eng`` lets the English model win on short words, and so does the
bold keyword of a numbered heading (``มิติที่ 1`` read ``VAN 1``, ``- NAN 1``) or a short word opening a line
(``*** ool ตรวจประเมิน`` for ``*** สยป. ตรวจประเมิน``).

The suspects are Latin words ending in a dot (any case, maybe after an open bracket) on a line with Thai or alone
on theirs (a cell's text wrapped before ``สพส.``), the first word of a line with Thai (after bullets) when a
number or Thai follows it, and a short word with no Latin word beside it on a line with Thai (``คือ`` read ``Aa``,
``หรือ`` read ``usa``, ``คน`` read ``au``), in small letters or in capitals read with little confidence (``ตาม`` read
``MIN``: the plans' own acronyms, ``SLA``, ``HR``, ``LED``, come with confidence) or only of the capitals Thai glyphs
are read as (``LALA`` for เดินดี, ``LUA)`` for เขต), read with confidence); beside a Latin word only when read with
little confidence (``Fondue wae`` for Fondue และ, ``SLA Aa`` for SLA คือ); the codes the grammars write in
Latin (``KPI``, ``KR``, ``OKR``) are no suspects: a Thai reading of them is noise, and each page with a suspect costs
a Tesseract call.  The suspects are cropped, stacked
one per line into a small strip, and read once more with Thai alone (one call per page, ``--psm 6``: one block of
lines); each line read back goes to the crop whose band holds its middle (a crop with no line, or with two of a
height, keeps its first reading; a line of marks above a word is not a second line).

A suspect takes its second reading only when that is plainly Thai the plan could write: an abbreviation the
dictionary or the month list knows (``กม.``, ``พ.ศ.``, ``พ.ค.``) or one of Thai letters without the shapes the
Thai model makes of Thai digits (``ฒ`` for ๗, ``ญ`` for ๙: ``ov.`` is a number ``๗.``, not ``ฒญ.``); for a line's
first word or a word inside the line also a heading keyword or common words (each in the Thai National Corpus at
least ``COMMON_WORD`` times, or a dictionary compound of two such: ``อื่น``, ``ตามที่``, not ``แอ`` for ``WiFi``); a
bracket the suspect has (``Gulu)`` for ``ขึ้นไป)``), the reading keeps.  Each change is returned for a finding.
"""

from __future__ import annotations

import functools

import numpy as np
import regex as re

from extractor.blocks import Block, Cell, Provenance
from extractor.ingest.ocr_tesseract import OcrLine, OcrWord, parse_hocr, run_tesseract
from extractor.thai.dictionary import is_word, tokenize, word_frequencies
from extractor.thai.ocr_headings import (
    MAX_SHORT,
    check_headings,
    check_sections,
    clean_labels,
    grammar_strings,
    labelled_column,
    numbered_keywords,
    restore_header_word,
    restore_keyword,
    restore_label,
)
from extractor.thai.ocr_months import MONTHS, restore_month_row

SUSPECT = re.compile(r"^\(?[A-Za-z]{2,5}\.{1,2}$")  # an abbreviation read as Latin, maybe after its bracket
LEAD_SUSPECT = re.compile(r"^[A-Za-z]{2,6}$")  # a line's first word, before a number or Thai, on a line with Thai
MID_SUSPECT = re.compile(r"^\(?(?![A-Z]+\W?$)[A-Za-z]{2,4}\)?$")  # a short word in small letters among Thai ones
CAPS_SUSPECT = re.compile(r"^\(?[A-Z]{2,5}\)?$")  # ... or in capitals, read with little confidence
CAPS_CONFIDENCE = 80.0  # the plans' acronyms come at 86-96 (SLA, HR, QR, PM, LED), Thai read as capitals at 25-70
# (NINN ตามที่, MIN ตาม, WAL พ.ค.)
THAI_LOOKING_CAPS = frozenset("AHILMNUVW")  # the capitals Thai glyphs are read as (ล L, น U, พ W, ม N, ห H): Thai
# read as capitals of these alone comes at any confidence (LALA เดินดี 89, LUA) เขต) 94), the plans' acronyms have
# other letters too (KPI, OKR, BMA, OSS, SLA, HR, QR, GIS, LED, IT, PM, SQL)
NEIGHBOUR_CONFIDENCE = 80.0  # a short word read with less is a suspect even beside a Latin word (``Fondue wae`` for
# Fondue และ at 63-69, ``SLA Aa`` for SLA คือ at 69); English words beside English ones come at 85 and more
LATIN_WORD = re.compile(r"[A-Za-z]{2}")
THAI_ABBREVIATION = re.compile(r"^[\u0E01-\u0E4E]{2,6}\.(?:[\u0E01-\u0E4E]{1,4}\.)*$")
THAI_WORDS = re.compile(r"^[\u0E01-\u0E2E\u0E30-\u0E4E]{2,16}$")  # Thai letters and marks, no digits
DIGIT_SHAPES = frozenset("ฒญ")  # what the Thai model makes of ๗ and ๙ in a number read as Latin
COMMON_WORD = 5000  # Thai National Corpus count a word of a line's first word's reading needs
PAD = 6  # pixels around each crop
MARKS_LINE = 0.7  # a line this much shorter than another in the same crop's band is its marks


@functools.lru_cache(maxsize=1)
def grammar_latin_words() -> frozenset[str]:
    """The capitalised Latin words the grammars write (``KPI``, ``OKR``, ``KR``, ``BMA``, ``Objective``)."""
    latin = re.compile(r"(?<![\\A-Za-z-])[A-Z][A-Za-z]+")  # not in a class [A-Za-z] nor after an escape (\S)
    return frozenset(word for value in grammar_strings() for word in latin.findall(value))


def _heading_keyword(text: str) -> bool:
    """A Thai reading that is a numbered heading's keyword, maybe without its marks (``KR``, ``KPI`` stay Latin)."""
    if not THAI_WORDS.match(text):
        return False
    fixed, fix = restore_keyword(text + " 1")
    return fix is not None or fixed.split()[0] in numbered_keywords()


def _abbreviation(text: str) -> bool:
    """A Thai abbreviation the plan could write: known (``กม.``, ``พ.ค.``) or Thai letters without digit shapes."""
    if text in MONTHS or (text.endswith(".") and is_word(text)):
        return True
    return bool(THAI_ABBREVIATION.match(text)) and not DIGIT_SHAPES.intersection(text)


def _common_words(text: str) -> bool:
    """Thai that splits into at most two common words (``อื่น``, ``ตามที่``)."""
    if not THAI_WORDS.match(text):
        return False
    tokens = [t for t in tokenize(text) if not t.isspace()]
    return len(tokens) <= 2 and all(_common(t) for t in tokens)


def _common(token: str) -> bool:
    """A word seen at least ``COMMON_WORD`` times, or a dictionary compound of two such (``ตามที่``, ``ขึ้นไป``: the
    corpus counts their parts)."""
    counts = word_frequencies()
    if counts.get(token, 0) >= COMMON_WORD:
        return True
    return is_word(token) and any(counts.get(token[:i], 0) >= COMMON_WORD and counts.get(token[i:], 0) >= COMMON_WORD for i in range(1, len(token)))


def _takes(suspect: str, reading: str) -> bool:
    """Whether ``reading`` (Thai-only) replaces ``suspect`` (as read by ``tha+eng``); a bracket the suspect has, the
    reading keeps."""
    if suspect.startswith("("):
        return reading.startswith("(") and _takes(suspect[1:], reading[1:])
    if suspect.endswith(")"):
        return reading.endswith(")") and _takes(suspect[:-1], reading[:-1])
    if suspect.endswith("."):
        return _abbreviation(reading)
    return _abbreviation(reading) or _heading_keyword(reading) or _common_words(reading)


def _has_thai(text: str) -> bool:
    return any("\u0e01" <= ch <= "\u0e2e" for ch in text)


def _lead_suspect(words: list[OcrWord]) -> OcrWord | None:
    """A line's first word after bullets (``-``, ``***``), Latin and followed by a number or Thai."""
    at = next((i for i, w in enumerate(words) if any(ch.isalnum() for ch in w.text)), len(words))
    if at + 1 >= len(words):
        return None
    word, after = words[at].text, words[at + 1].text[:1]
    if not LEAD_SUSPECT.match(word) or word in grammar_latin_words() or set(word) == {"x"}:  # xxx: a mask
        return None
    return words[at] if after.isdigit() or _has_thai(after) else None


def _mid_suspects(words: list[OcrWord]) -> list[OcrWord]:
    """Short Latin words with no Latin word beside them (a bracket between is no joint: ``คือ (Best``), in small
    letters (``usa`` for หรือ, ``au`` for คน) or in capitals read with little confidence (``MIN`` for ตาม)."""
    out = []
    for i, word in enumerate(words):
        before = words[i - 1].text if i else ""
        after = words[i + 1].text if i + 1 < len(words) else ""
        if word.text.strip("()") in grammar_latin_words() or set(word.text) <= set("x()"):  # xxx: a mask
            continue
        beside = (LATIN_WORD.search(before) and not before.endswith(")")) or (LATIN_WORD.search(after) and not after.startswith("("))
        if beside and word.confidence >= NEIGHBOUR_CONFIDENCE:
            continue
        if MID_SUSPECT.match(word.text) or (CAPS_SUSPECT.match(word.text) and _doubtful_capitals(word)):
            out.append(word)
    return out


def _doubtful_capitals(word: OcrWord) -> bool:
    """Capitals read with little confidence, or only of the capitals Thai glyphs are read as (``LALA``, ``LUA)``)."""
    return word.confidence < CAPS_CONFIDENCE or set(word.text.strip("()")) <= THAI_LOOKING_CAPS


def suspects(lines: list[OcrLine]) -> list[OcrWord]:
    """Words worth a second, Thai-only reading."""
    out = []
    for line in lines:
        if _has_thai(line.text):
            lead = _lead_suspect(line.words)
            mid = {id(w) for w in _mid_suspects(line.words)}
            out.extend(w for w in line.words if w is lead or id(w) in mid or SUSPECT.match(w.text))
        elif len(line.words) == 1 and SUSPECT.match(line.words[0].text):  # alone: a Thai cell's wrapped last word
            out.append(line.words[0])
    return out


def strip_of(pixels: np.ndarray, words: list[OcrWord]) -> tuple[np.ndarray, list[tuple[int, int]]]:
    """The words' crops stacked top to bottom on white, a crop's height apart, and each crop's band (rows)."""
    crops = []
    for w in words:
        x0, y0, x1, y1 = w.bbox
        crops.append(pixels[max(0, y0 - PAD) : y1 + PAD, max(0, x0 - PAD) : x1 + PAD])
    width = max(c.shape[1] for c in crops) + 4 * PAD
    gap = max(c.shape[0] for c in crops)
    height = sum(c.shape[0] for c in crops) + gap * (len(crops) + 1)
    strip = np.full((height, width), 255, dtype=np.uint8)
    bands = []
    y = gap
    for c in crops:
        strip[y : y + c.shape[0], 2 * PAD : 2 * PAD + c.shape[1]] = c
        bands.append((y, y + c.shape[0]))
        y += c.shape[0] + gap
    return strip, bands


def page_offset(bbox: tuple[int, int, int, int], band_top: int) -> tuple[int, int]:
    """What to add to a position in the strip (``strip_of``) to put it on the page, for the crop of ``bbox`` whose
    band starts at row ``band_top``."""
    return max(0, bbox[0] - PAD) - 2 * PAD, max(0, bbox[1] - PAD) - band_top


def lines_in_band(lines: list[OcrLine], top: int, bottom: int) -> list[OcrLine]:
    """The lines read from a strip whose middle falls in the band of rows [``top``, ``bottom``]: one crop's."""
    return [line for line in lines if top <= (line.bbox[1] + line.bbox[3]) / 2 <= bottom]


def readings_by_band(lines: list[OcrLine], bands: list[tuple[int, int]]) -> list[str | None]:
    """The text (spaces removed) of the line whose middle falls in each band; of several, the tallest when the others
    are at most ``MARKS_LINE`` of its height (marks above a word read as a line of their own); else None."""
    out: list[str | None] = []
    for top, bottom in bands:
        inside = sorted(lines_in_band(lines, top, bottom), key=_height)
        body = inside[-1] if inside and all(_height(o) <= MARKS_LINE * _height(inside[-1]) for o in inside[:-1]) else None
        out.append("".join(body.text.split()) if body is not None else None)
    return out


def _height(line: OcrLine) -> int:
    return line.bbox[3] - line.bbox[1]


def reread_latin_words(pixels: np.ndarray, lines: list[OcrLine], dpi: int) -> list[tuple[str, str]]:
    """Re-read suspects with Thai alone; change them in place; return the (before, after) pairs changed."""
    words = suspects(lines)
    if not words:
        return []
    strip, bands = strip_of(pixels, words)
    again = parse_hocr(run_tesseract(strip, dpi, languages="tha", psm=6))
    changed = []
    for word, text in zip(words, readings_by_band(again, bands)):
        if text is not None and _takes(word.text, text):
            changed.append((word.text, text))
            word.text = text
    return changed


def recheck_headings(blocks: list[Block], ocr_pages: set[int]) -> list[tuple[str, str, Provenance]]:
    """Heading names and numbers of the OCR pages' text blocks checked against their neighbours
    (``ocr_headings.check_headings``) and table header rows one letter short of a grammar's header
    (``ocr_headings.restore_header_word``) and key-result labels read as noise (``ocr_headings.restore_label``),
    fixed in place; one finding per fix."""
    read = [b for b in blocks if not b.is_table and b.provenance.page in ocr_pages and b.text]
    texts, fixes = check_headings([b.text for b in read])
    findings = []
    for fix in fixes:
        block = read[fix.index]
        block.text = texts[fix.index]
        findings.append(("ocr.heading_restored", f"OCR read {fix.before!r}, corrected to {fix.after!r} ({fix.evidence})", block.provenance))
    tables = [b for b in blocks if b.is_table and b.provenance.page in ocr_pages]
    for table in tables:
        findings.extend(_restore_header_words(table))
        findings.extend(_restore_sections(table))
        findings.extend(_restore_month_rows(table))
    findings.extend(_restore_labels(tables))
    return findings


def _restore_labels(tables: list[Block]) -> list[tuple[str, str, Provenance]]:
    """Key-result labels read as noise (``6@ 1 :`` for ``KR 1 :``) restored in the cells of the column headed
    ``(Key Result : KR)`` (``ocr_headings.restore_label``), for labels the document writes cleanly elsewhere."""
    labels = clean_labels([cell.text for table in tables for row in table.rows for cell in row.cells])
    cells = [cell for table in tables for cell in _labelled_cells(table)]
    findings = []
    for cell in cells:
        fix = restore_label(cell.text, labels) if labels and cell.text else None
        if fix is not None:
            noise, label, evidence = fix
            cell.text = label + cell.text[len(noise) :]
            message = f"OCR read {noise.strip()!r}, corrected to {label.strip()!r} ({evidence}; in the key-result column)"
            findings.append(("ocr.label_restored", message, cell.provenance))
    return findings


def _restore_header_words(table: Block) -> list[tuple[str, str, Provenance]]:
    findings = []
    for row in table.rows:
        for _ in range(MAX_SHORT):  # a row two keywords short gets them back one at a time
            fix = restore_header_word([cell.text for cell in row.cells])
            if fix is None:
                break
            index, before, after, evidence = fix
            cell = row.cells[index]
            cell.text = cell.text.replace(before, after, 1)
            findings.append(("ocr.header_word_restored", f"OCR read {before!r}, corrected to {after!r} ({evidence})", cell.provenance))
    return findings


def _restore_sections(table: Block) -> list[tuple[str, str, Provenance]]:
    """Numbered section rows of a table (``ด้านที่ ๖ …``) read without their number or marks, and the zero opening
    a child's number under them (``ocr_headings.check_sections``), over the first cells of the rows."""
    cells = [row.cells[0] for row in table.rows if row.cells]
    texts, fixes = check_sections([cell.text for cell in cells])
    findings = []
    for fix in fixes:
        cell = cells[fix.index]
        cell.text = texts[fix.index]
        message = f"OCR read {fix.before!r}, corrected to {fix.after!r} ({fix.evidence})"
        findings.append(("ocr.heading_restored", message, cell.provenance))
    return findings


def _restore_month_rows(table: Block) -> list[tuple[str, str, Provenance]]:
    """Rows of month abbreviations with some months misread (``ocr_months.restore_month_row``) corrected in place;
    one finding per row."""
    findings = []
    for row in table.rows:
        fixes, evidence = restore_month_row([None if cell.inherited else cell.text for cell in row.cells])
        for fix in fixes:
            row.cells[fix.index].text = fix.after
        if fixes:
            changes = ", ".join(f"{fix.before!r} → {fix.after!r}" for fix in fixes)
            findings.append(("ocr.month_restored", f"OCR read {changes} in a row of months ({evidence})", row.provenance))
    return findings


def _labelled_cells(table: Block) -> list[Cell]:
    """The cells under the table's ``(Key Result : KR)`` header cell (same index in the rows after it)."""
    for at, row in enumerate(table.rows):
        column = labelled_column(row.texts)
        if column is not None:
            return [r.cells[column] for r in table.rows[at + 1 :] if column < len(r.cells)]
    return []
