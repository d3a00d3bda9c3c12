"""Second look at words Tesseract read as Latin inside Thai text: Thai unit abbreviations (``สนข.``) come back as
``naw.`` or ``nua.`` because ``tha+eng`` lets the English model win on short words, and so does the bold keyword
of a numbered heading (``มิติที่ 1`` read ``VAN 1``).

The suspects (lower-case Latin ending in a dot, on a line with Thai) are cropped, stacked one per line into a small
strip, and read once more with Thai alone (one Tesseract call per page, ``--psm 6``: one block of lines).  A suspect
whose second reading is Thai ending in a dot (an abbreviation) or a heading keyword (a line's first word) takes it; each change is returned for a finding.  When the strip does
not come back with one line per suspect, nothing is changed (the mapping would be a guess).
"""

from __future__ import annotations

import numpy as np
import regex as re

from extractor.blocks import Block, Cell, Provenance
from extractor.ingest.ocr_tesseract import OcrLine, OcrWord, parse_hocr, run_tesseract
from extractor.thai.ocr_headings import (
    MAX_SHORT,
    check_headings,
    check_sections,
    clean_labels,
    labelled_column,
    numbered_keywords,
    restore_header_word,
    restore_keyword,
    restore_label,
)
from extractor.thai.ocr_months import restore_month_row

SUSPECT = re.compile(r"^[a-z]{2,5}\.{1,2}$")
THAI_ABBREVIATION = re.compile(r"^[\u0E01-\u0E4E]{2,6}\.(?:[\u0E01-\u0E4E]{1,4}\.)*$")
LEAD_SUSPECT = re.compile(r"^[A-Za-z]{2,6}$")  # a line's first word, before a number, on a line with Thai
THAI_WORD = re.compile(r"^[\u0E01-\u0E4E]{2,16}$")
PAD = 6  # pixels around each crop


def _heading_keyword(text: str) -> bool:
    """A Thai reading that is a numbered heading's keyword, maybe without its marks (``KR``, ``KPI`` stay Latin)."""
    if not THAI_WORD.match(text):
        return False
    fixed, fix = restore_keyword(text + " 1")
    return fix is not None or fixed.split()[0] in numbered_keywords()


def suspects(lines: list[OcrLine]) -> list[OcrWord]:
    """Words worth a second, Thai-only reading."""
    out = []
    for line in lines:
        if any("\u0e01" <= ch <= "\u0e2e" for ch in line.text):
            out.extend(w for w in line.words if SUSPECT.match(w.text))
            words = line.words
            if len(words) > 1 and LEAD_SUSPECT.match(words[0].text) and words[1].text[:1].isdigit():
                out.append(words[0])
    return out


def strip_of(pixels: np.ndarray, words: list[OcrWord]) -> np.ndarray:
    """The words' crops stacked top to bottom on white, a crop's height apart."""
    crops = []
    for w in words:
        x0, y0, x1, y1 = w.bbox
        crops.append(pixels[max(0, y0 - PAD) : y1 + PAD, max(0, x0 - PAD) : x1 + PAD])
    width = max(c.shape[1] for c in crops) + 4 * PAD
    gap = max(c.shape[0] for c in crops)
    height = sum(c.shape[0] for c in crops) + gap * (len(crops) + 1)
    strip = np.full((height, width), 255, dtype=np.uint8)
    y = gap
    for c in crops:
        strip[y : y + c.shape[0], 2 * PAD : 2 * PAD + c.shape[1]] = c
        y += c.shape[0] + gap
    return strip


def reread_latin_words(pixels: np.ndarray, lines: list[OcrLine], dpi: int) -> list[tuple[str, str]]:
    """Re-read suspects with Thai alone; change them in place; return the (before, after) pairs changed."""
    words = suspects(lines)
    if not words:
        return []
    again = parse_hocr(run_tesseract(strip_of(pixels, words), dpi, languages="tha", psm=6))
    if len(again) != len(words):
        return []
    changed = []
    for word, line in zip(words, again):
        text = "".join(line.text.split())
        if THAI_ABBREVIATION.match(text) if word.text.endswith(".") else _heading_keyword(text):
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
