"""Join Thai words split by a line or cell wrap (``join_wrapped``), keeping the spaces Thai really uses.

Thai writes no spaces inside a phrase, but does put spaces between phrases, around numbers and abbreviations.  A
wrap turns a line break inside a word into a space (``ล้างทำความสะอาด ท่อ``, ``ฝ่าย พัฒนา ชุมชนฯ``) or leaves a
justification hyphen (``กรุงเทพ- มหานคร``).  A gap between two Thai letters is joined only on dictionary evidence:

- with all candidate gaps of a Thai run removed, ``newmm`` (pythainlp words + the BMA lexicon) finds a dictionary
  word that spans the gap, and joining does not increase the number of characters outside dictionary words; or
- joining strictly reduces the characters outside dictionary words (a word cut in two fragments).

A space between two complete words is kept: it may be a genuine phrase break, and nothing in the text alone says
otherwise.  ``match_key`` gives the spacing-insensitive key for comparing names across a document.
"""

from __future__ import annotations

import re

from extractor.blocks import Repair
from extractor.thai import dictionary
from extractor.thai.chars import THAI_LETTER_CLASS, WORD_LETTER_CLASS

_L = f"[{WORD_LETTER_CLASS}]"  # a gap next to ๆ or ฯ is never a wrap (``อื่น ๆ``, ``เร่ร่อน ฯลฯ``)
# a gap: spaces or tabs, or a justification hyphen (and spaces).  Never a line break: a reader keeps a newline only
# where the author broke the line (a paragraph inside a cell); a wrap has already become nothing or a space
GAP_RE = re.compile(f"(?<={_L})(?:-[ \\t]*|[ \\t]+)(?={_L})")
SPACE_BEFORE_PAIYANNOI_RE = re.compile(f"(?<=[{THAI_LETTER_CLASS}])[ \\t]+(?=ฯ(?!ล))")  # ``ฝ่ายสิ่งแวดล้อม ฯ``; not ``ฯลฯ``
_RUN_RE = re.compile(f"{_L}+(?:(?:-[ \\t]*|[ \\t]*){_L}+)*")
_CHUNK = 20  # characters of context on each side of a gap
_ABBREVIATION = 4  # at most this many letters before a dot: an abbreviation (พ.ศ., อ.ก.ก., สนข.)


def _spanning_gaps(joined: str, cuts: list[int]) -> set[int]:
    """Indexes of ``cuts`` (positions in ``joined``) that fall strictly inside a dictionary token."""
    spanned = set()
    start = 0
    for token in dictionary.tokenize(joined):
        end = start + len(token)
        if dictionary.is_word(token):
            spanned.update(k for k, cut in enumerate(cuts) if start < cut < end)
        start = end
    return spanned


def _decide(run: str, gaps: list[re.Match]) -> list[bool]:
    """For each gap of one Thai run, whether to join it."""
    pieces, cuts, last = [], [], 0
    for g in gaps:
        pieces.append(run[last : g.start()])
        cuts.append(sum(map(len, pieces)))
        last = g.end()
    pieces.append(run[last:])
    joined = "".join(pieces)
    spanned = _spanning_gaps(joined, cuts)
    decisions = []
    for k, g in enumerate(gaps):
        left = pieces[k][-_CHUNK:]
        right = pieces[k + 1][:_CHUNK]
        separate = dictionary.unknown_chars(left) + dictionary.unknown_chars(right)
        together = dictionary.unknown_chars(left + right)
        decisions.append(together < separate or (k in spanned and together <= separate))
    return decisions


def join_wrapped(text: str) -> tuple[str, list[Repair]]:
    """Remove wrap-inserted spaces, line breaks and hyphens inside Thai words; returns the text and the repairs."""
    repairs: list[Repair] = []
    out: list[str] = []
    last = 0
    for run_match in _RUN_RE.finditer(text):
        run = run_match.group(0)
        gaps = list(GAP_RE.finditer(run))
        if text.startswith(".", run_match.end()) and gaps and len(run) - gaps[-1].end() <= _ABBREVIATION:
            gaps.pop()  # ``ประจำปีงบประมาณ พ.ศ.``: the piece after the gap starts an abbreviation
        if not gaps:
            continue
        for g, join in zip(gaps, _decide(run, gaps)):
            if join:
                start = run_match.start() + g.start()
                out.append(text[last:start])
                repairs.append(Repair("thai.wrap_joined", start, g.group(0), ""))
                last = run_match.start() + g.end()
    out.append(text[last:])
    result = "".join(out)
    fixed = []
    for m in SPACE_BEFORE_PAIYANNOI_RE.finditer(result):
        fixed.append(Repair("thai.space_before_paiyannoi", m.start(), m.group(0), ""))
    if fixed:
        result = SPACE_BEFORE_PAIYANNOI_RE.sub("", result)
    return result, repairs + fixed


_T = f"[{THAI_LETTER_CLASS}]"  # matching is looser than joining: ``อื่น ๆ`` and ``อื่นๆ`` are the same name
_WS_BETWEEN_THAI_RE = re.compile(f"(?<={_T})[\\s\\-]*\\s[\\s\\-]*(?={_T})|(?<={_T})-(?={_T})")


def match_key(text: str) -> str:
    """Spacing-insensitive key: whitespace (and wrap hyphens) between Thai letters removed, other runs folded."""
    return re.sub(r"\s+", " ", _WS_BETWEEN_THAI_RE.sub("", text)).strip()
