"""Canonical spacing around Thai punctuation (``normalise_spacing``): the same phrase, one spelling of its spaces.

Writers space the marks of a plan inconsistently (``อื่น ๆ`` / ``อื่นๆ``, ``KR ๑ :`` / ``KR ๑:``,
``โครงการ/ กิจกรรม`` / ``โครงการ/กิจกรรม``), so two copies of one KPI name differ only there.  The wrap rules
(``join_wrapped``, ``join_document_wraps``) never touch a space next to a mark, on purpose: such a space is not a
word boundary question.  This pass gives each mark one canonical spacing, chosen by the Royal Institute's spacing
rules where they speak and otherwise by what the seed plans write most:

- ไม้ยมก ``ๆ`` and ไปยาลใหญ่ ``ฯลฯ``: a space before, and after ``ๆ`` when a word follows (``เล็ก ๆ น้อย ๆ``);
- a label colon (a colon followed by a space or ending the text): a space before it too (``KR ๑ : ชื่อ``; 270 of 370 label colons in
  the seeds are written so); times and addresses (``๑๐:๓๐``, ``net:๙๐``) have no space after and are left alone;
- ทับ ``/`` between two Thai words: no space on either side (``โครงการ/กิจกรรม``; 594 of 620 in the seeds);
- นขลิขิต ``(`` ``)``: a space between a bracket and a Thai letter outside it (``หลัก (Objective)``);
- an abbreviation (2-5 Thai letters and a full stop) followed by a Thai word: one space (``สนท. กำหนด``);
  two abbreviations that name one thing (``ลพว.กทม.``) are written together when the document writes that pair
  together at least as often as apart (``normalise_document_spacing``), since a list of units is spaced.

Only whitespace changes, and a space is removed only next to ``/``, from a run of spaces before a mark (the run
becomes one space), or between an abbreviation pair the document itself writes together: a space between two Thai
words is never touched.  The input keeps its spelling in the cells' ``raw``.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from extractor.blocks import Repair
from extractor.thai.chars import THAI_DIGITS, WORD_LETTER_CLASS
from extractor.thai.edits import EditLog

CODE = "thai.spacing_normalised"

_LETTER = f"[{WORD_LETTER_CLASS}]"  # a Thai letter or mark of a word (not ๆ, ฯ, digits)
_ABBREVIATED = f"[\u0e01-\u0e2e]{_LETTER}{{1,4}}\\."  # 2-5 letters and a full stop: สนท. ลพว. ผอ.
_ABBREVIATION = f"(?<![{WORD_LETTER_CLASS}.]){_ABBREVIATED}"  # a whole token (not the ค. of ม.ค.)

# (pattern, replacement): each one mark's canonical spacing; replacements keep the mark and set the spaces
_RULES: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(f"(?<={_LETTER}|ๆ)[ \\t]*ๆ"), " ๆ"),  # อื่นๆ → อื่น ๆ ; ๆๆ → ๆ ๆ
    (re.compile(f"ๆ(?={_LETTER})"), "ๆ "),  # ต่าง ๆนี้ → ต่าง ๆ นี้
    (re.compile(f"(?<={_LETTER})[ \\t]*ฯลฯ"), " ฯลฯ"),
    (re.compile(f"(?<=[{WORD_LETTER_CLASS}{THAI_DIGITS}0-9])[ \\t]*:(?=\\s|$)"), " :"),
    (re.compile(f"(?<={_LETTER})(?:[ \\t]+/[ \\t]*|/[ \\t]+)(?={_LETTER})"), "/"),
    (re.compile(f"(?<={_LETTER})\\("), " ("),
    (re.compile(f"\\)(?={_LETTER})"), ") "),
    (re.compile(f"({_ABBREVIATION})(?={_LETTER}{{2,}}(?![{WORD_LETTER_CLASS}]*\\.))"), "\\1 "),
)

_PAIR_RE = re.compile(f"({_ABBREVIATION})([ \\t]*)({_ABBREVIATED})(?![{WORD_LETTER_CLASS}])")


def normalise_spacing(text: str, together: frozenset[str] = frozenset()) -> tuple[str, list[Repair]]:
    """``text`` with canonical spaces around its marks; ``together``: abbreviation pairs (``ลพว.กทม.``) the
    document writes as one (from ``abbreviation_pairs``)."""
    log = EditLog(text)
    for pattern, replacement in _RULES:
        log.sub(pattern, CODE, replacement)
    if together:
        log.sub(_PAIR_RE, CODE, lambda m: m.group(1) + m.group(3) if m.group(1) + m.group(3) in together else None)
    return log.text, sorted(log.repairs, key=lambda r: r.position)


def abbreviation_pairs(texts: Sequence[str]) -> frozenset[str]:
    """Pairs of abbreviations (``ลพว.กทม.``) the texts write together at least as often as apart."""
    written: Counter[tuple[str, bool]] = Counter()
    for text in texts:
        for m in _PAIR_RE.finditer(text):
            written[m.group(1) + m.group(3), not m.group(2)] += 1
    return frozenset(pair for pair, joined in written if joined and written[pair, True] >= written[pair, False])


def normalise_document_spacing(texts: Sequence[str]) -> list[tuple[str, list[Repair]]]:
    """``normalise_spacing`` for every text of one document, with the document's own abbreviation pairs."""
    together = abbreviation_pairs(texts)
    return [normalise_spacing(text, together) for text in texts]
