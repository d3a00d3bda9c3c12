"""Text lines → heading, paragraph, list item and footnote blocks.

Lines are joined into one paragraph only when the earlier line runs to the right margin (it wrapped), the style is
the same and the next line is not a new list item; the join uses the Thai wrap rules.  A heading is only a
candidate (bold or larger text); the grammar decides what it really is.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from functools import lru_cache

import regex as re
from pythainlp.tokenize import word_tokenize

from extractor.blocks import Block, BlockKind, Provenance, Repair
from extractor.layout.lines import THAI_MARKS
from extractor.layout.text import joined_text, thai_letter, wrap_glue, wrap_joins
from extractor.layout.types import TextLine
from extractor.thai import join_wrapped, repair_text
from extractor.thai.dictionary import tokenize
from extractor.thai.document_wrap import CONJUNCTIONS
from extractor.thai.written import as_written

Margins = tuple[float, float]  # left and right edge of a page's body text

# a list item's mark: ``1.`` / ``2)`` before a space or glued to a word (``3.ส่งเสริม``), ``(112)``, bullets, ``ก.``
_LIST_MARK = re.compile(r"^(?:[\d๐-๙]{1,2}[.)](?:\s|(?=[ก-ฮเ-ไA-Za-z]))|\([\d๐-๙]{1,3}\)|[-•●▪■◦○–]\s?|[ก-ฮ][.)]\s)")
# a list item's mark opening a line (``๓.``, ``๔.๓.``, ``๓)``, ``(๑)``, a dash or bullet) before a space, and the same
# marks inside a line after a space (not dashes there: ``๑.๕๐ – ๒.๕๐`` is a range)
_ITEM_MARK = re.compile(r"^(?:[\d๐-๙]{1,2}(?:\.[\d๐-๙]{1,2})*[.)]|\([\d๐-๙]{1,3}\)|[-•●▪■◦○–])(?=\s)")
_INLINE_ITEM_MARK = re.compile(r"(?<=\s)(?:[\d๐-๙]{1,2}(?:\.[\d๐-๙]{1,2})*[.)]|\([\d๐-๙]{1,3}\))(?=\s)")
_THAI_START = re.compile("[\u0e01-\u0e2e\u0e40-\u0e44]")  # a consonant or a leading vowel opens a Thai word
WRAP_MARGIN = 0.85  # a line reaching this fraction of the text width wrapped
_INDENT_MAX = 0.15  # a line starting further right than this fraction of the text width is not body text
HEADING_SIZE = 1.15  # text this much larger than the body is a heading candidate
_SPACE_EM = 0.35  # a space's width, in em (wide for the TLWG fonts: the estimate errs towards a wrap)
_FIT_SLACK_EM = 0.15  # room a word must leave to be sure it fitted: a text layer's glyph edges are the advances
# the typesetter measured (0.3 lost 002's written break before การพัฒนา, 47.4 pt wide in 49.5 pt of room)
_INK_SLACK_EM = 1.0  # ... where widths are ink (OCR boxes): side bearings and a box's jitter make words look narrower
_MIN_WORD_EM = 0.4  # no word is narrower: less room than this was full
_INK_END_EM = 0.25  # an ink line (OCR boxes) ends short of the advance a typesetter measured by a side bearing
# a line's opening Thai run (letters and marks; not ฯ or ๆ, which never open a word)
_OPENING_RUN = re.compile("^[\u0e01-\u0e2e\u0e30-\u0e45\u0e47-\u0e4e]+")
_CLOSING_RUN = re.compile("[\u0e01-\u0e2e\u0e30-\u0e45\u0e47-\u0e4e]+$")
_MIN_OPENING = 4  # letters: a shorter run opens lines by chance
_MIN_OPENINGS = 2  # written breaks before a run that make it a line opening of the document
_MIN_PHRASE = 8  # letters on both sides of a wrap for the document's spacing of the phrase to count (as in thai)
_MIN_SPACED = 3  # lines writing a phrase across a conjunction with a space: the writer's style, not chance
_TAIL = 6  # letters of the line above that, with the run, must not be written as one phrase anywhere


def merge_segments(row: list[TextLine]) -> TextLine:
    """One full line from the segments of a row (left to right), footnote marks re-based."""
    if len(row) == 1:
        return row[0]
    text_parts: list[str] = []
    marks = []
    offset = 0
    for seg in row:
        if text_parts:
            text_parts.append(" ")
            offset += 1
        for m in seg.marks:
            m.offset += offset
            marks.append(m)
        text_parts.append(seg.text)
        offset += len(seg.text)
    sizes = max(row, key=lambda t: len(t.text)).size
    lead_x1, lead_edges = row[0].lead_x1, row[0].lead_edges
    bold = sum(len(t.text) for t in row if t.bold) * 2 > sum(len(t.text) for t in row)
    return TextLine(
        "".join(text_parts),
        min(t.x0 for t in row),
        min(t.y0 for t in row),
        max(t.x1 for t in row),
        max(t.y1 for t in row),
        sizes,
        bold,
        marks,
        ends_with_space=row[-1].ends_with_space,
        lead_x1=lead_x1,
        lead_edges=lead_edges,
    )


def text_groups(lines: list[TextLine], right: float, left: float) -> list[list[TextLine]]:
    """The lines of one page region grouped into blocks: a line joins the one above when that one wrapped."""
    groups: list[list[TextLine]] = []
    for ln in lines:
        if groups and _continues(groups[-1][-1], ln, right, left):
            groups[-1].append(ln)
        else:
            groups.append([ln])
    return groups


def continues_on_next_page(prev: Block, last: TextLine, prev_margins: Margins, nxt: Block, first: TextLine,
                           next_margins: Margins) -> bool:
    """The block opening a page continues the text block that closed the previous one.

    The next page opens with a body paragraph of the same style starting no further right than the last line did
    (not an indented new paragraph), and its first word — a dictionary word in a Thai run — would not have fitted
    in the room that line left.  A page gives no vertical gap to tell paragraphs apart, so a line merely reaching
    the margin is not enough here: a paragraph that ends the page may end close to it.
    """
    if prev.kind not in (BlockKind.PARAGRAPH, BlockKind.LIST_ITEM) or nxt.kind is not BlockKind.PARAGRAPH:
        return False
    if last.bold != first.bold or abs(last.size - first.size) > 0.6:
        return False
    left, right = prev_margins
    if first.x0 - next_margins[0] > last.x0 - left + 2:  # indented further than the line above: a new paragraph
        return False
    return _first_word_width(first, tokenize) > right - last.x1


def join_across_pages(prev: Block, nxt: Block, space_seen: bool) -> None:
    """Append ``nxt`` (the next page's opening block) to ``prev`` in place, with the Thai wrap rules."""
    glue, before = wrap_glue(prev.text, nxt.text, space_seen), prev.text
    prev.text, wrap_repairs = join_wrapped(prev.text + glue + nxt.text)
    prev.raw = prev.raw + wrap_glue(prev.raw, nxt.raw, space_seen) + nxt.raw
    prev.repairs = prev.repairs + nxt.repairs + tuple(wrap_repairs)
    prev.wrap_joins = prev.wrap_joins + wrap_joins(before, glue, nxt.text) + nxt.wrap_joins
    prev.provenance = prev.provenance.merge(nxt.provenance)


def footnote_blocks(lines: list[TextLine], page: int, spaces_kept: bool = True) -> list[Block]:
    """Footnotes: a new one starts at each line opening with a note mark; the lines after it wrap it
    (``spaces_kept``: as ``joined_text`` takes it, for the page)."""
    groups: list[list[TextLine]] = []
    for ln in lines:
        if groups and not re.match(r"^(?:[\d๐-๙]{1,2}|\*+)\s*\S", ln.text):
            groups[-1].append(ln)
        else:
            groups.append([ln])
    blocks: list[Block] = []
    for group in groups:
        text, raw, repairs, joins = joined_text(group, spaces_kept=spaces_kept)
        blocks.append(
            Block(BlockKind.FOOTNOTE, text, raw, provenance=_provenance(group, page), repairs=repairs, wrap_joins=joins)
        )
    return blocks


def _provenance(group: list[TextLine], page: int) -> Provenance:
    bbox = (min(t.x0 for t in group), min(t.y0 for t in group), max(t.x1 for t in group), max(t.y1 for t in group))
    return Provenance(page=page, bbox=bbox)


def _continues(prev: TextLine, ln: TextLine, right: float, left: float) -> bool:
    if prev.bold != ln.bold or abs(prev.size - ln.size) > 0.6:
        return False
    if ln.y0 - prev.y1 > 0.6 * prev.height or ln.y0 < prev.y1 - 0.3 * prev.height:
        return False
    if not wrapped(prev, ln, left, right) or _LIST_MARK.match(ln.text):
        return False
    return ln.x0 >= left - 2 and ln.x0 <= prev.x0 + 0.5 * (right - left)


def wrapped(prev: TextLine, ln: TextLine, left: float, right: float) -> bool:
    """``prev`` ended where it did because the text went on in ``ln``: it runs to the right margin, or the first
    word of ``ln`` (up to its first space; a Thai run has none inside) would not have fitted in the room left.

    The second case is a line cut short by a long word (masked ``xxxxx`` runs, long Thai compounds); ``ln`` must
    then start no further right than ``prev`` (an indented line opens a new paragraph), and ``prev`` must start
    near the left margin (short centred lines — a cover page, a title block — did not wrap).
    """
    width = right - left
    if prev.x1 + (_INK_END_EM * prev.size if prev.ink_widths else 0.0) >= left + WRAP_MARGIN * width:
        return True
    if ln.x0 > prev.x0 + 2 or prev.x0 > left + _INDENT_MAX * width or not ln.text:
        return False
    return _lead_width(ln) > right - prev.x1


def broke_early(prev: TextLine, ln: TextLine, left: float, right: float, spaces_kept: bool = False) -> bool:
    """``prev`` ended where no wrap would have: a line break the author wrote (a new paragraph inside a table
    cell).  Either the first word of ``ln`` (a dictionary word in a Thai run) would have fitted in the room ``prev``
    left before ``right``, or — in a text layer that keeps the space glyph at the end of a line wrapped at a space
    (``spaces_kept``) — ``prev`` ends without one where only a space could have been a break (not between two Thai
    letters: ``… ๑๕ วัน`` / ``๓) เรื่อง…``).

    Only for lines starting at the left edge: a centred line ends short on both sides, and an indented next line
    is a hanging indent's continuation.  The word must fit with a margin (its width is estimated from the line's
    advancing characters), after the space a wrap at a space would have kept.
    """
    if prev.x0 > left + 2 or ln.x0 > left + 2 or not ln.text or not prev.text:
        return False
    if spaces_kept and not prev.ends_with_space and not (thai_letter(prev.text[-1]) and thai_letter(ln.text[0])):
        return True
    slack = _INK_SLACK_EM if ln.ink_widths else _FIT_SLACK_EM
    room = right - prev.x1 - (_SPACE_EM * ln.size if prev.ends_with_space else 0.0) - slack * ln.size
    if room < _MIN_WORD_EM * ln.size:
        return False
    return _lead_width(ln) < room or _first_word_width(ln, _break_units, measured=True) < room


def opens_written_item(ln: TextLine, lines: list[TextLine], proven: Callable[[TextLine, TextLine], bool]) -> bool:
    """On a scan, where the geometry proves nothing (a wrap at a space leaves no space glyph to tell it from a
    written break), ``ln`` of a cell's ``lines`` opens a list item the author broke the line for: it opens with a
    list item's mark of a kind the cell sets at a line start — the kind opens its first line, or another line
    after a break ``proven(line, next_line)`` written — and never inside a line (an inline list, ``… ๒ ๓. ขุดลอก``,
    wraps anywhere).  A text layer (no ``ink_widths``) shows the wrap's space itself: no evidence is needed there."""
    kind = _item_kind(ln.text)
    if not ln.ink_widths or not kind:
        return False
    if any(_mark_kind(mark.group(0)) == kind for line in lines for mark in _INLINE_ITEM_MARK.finditer(line.text)):
        return False
    if lines and lines[0] is not ln and _item_kind(lines[0].text) == kind:
        return True
    return any(b is not ln and _item_kind(b.text) == kind and proven(a, b) for a, b in zip(lines, lines[1:]))


def _item_kind(text: str) -> str:
    """The kind of list item's mark ``text`` opens with (its digits as ``9``, every dash as ``-``), or ``""``."""
    match = _ITEM_MARK.match(text)
    return _mark_kind(match.group(0)) if match else ""


def _mark_kind(mark: str) -> str:
    return re.sub(r"[-•●▪■◦○–]", "-", re.sub(r"[\d๐-๙]+", "9", mark))


class LineOpenings:
    """A document's own evidence of how its table cells break lines, where the geometry proves nothing: the line
    above happens to be full, so the next word would not have fitted after a written break or a wrap alike.

    Built from every break between two lines of a cell that start at its left edge: ``broke_early`` proves some
    written (the line left room for the next word); the others are wraps or written breaks after a full line.  A
    Thai run is a line opening of the document (ค่าเป้าหมาย, วิธีคำนวณ in a definition cell) when it follows proven
    written breaks at least ``_MIN_OPENINGS`` times and at least twice as often as it follows the others (each
    distinct pair of lines counts once: a header repeated on every page is one rendering).  ``written`` and
    ``spaced`` decide one break with it; ``squeezed`` and ``spaced_lines`` hold every distinct line of the document
    (cells and text) to look phrases up in.
    """

    def __init__(self, breaks: Iterable[tuple[TextLine, TextLine, bool]], lines: Iterable[TextLine]) -> None:
        written: set[tuple[str, str]] = set()
        unproven: set[tuple[str, str]] = set()
        for prev, ln, proven in breaks:
            (written if proven else unproven).add((prev.text, ln.text))
        self.after_written = _count_openings(written)
        self.after_other = _count_openings(unproven)
        texts = {" ".join(_normalised(ln.text).split()) for ln in lines}
        self.spaced_lines = "\x00".join(texts)  # whitespace folded to one space
        self.squeezed = "\x00".join(text.replace(" ", "") for text in texts)

    def written(self, prev: TextLine, ln: TextLine, following: TextLine | None) -> bool:
        """The break between ``prev`` and ``ln`` (``following``: the line after ``ln`` in the cell, if any), where
        the geometry proves nothing, is a line break the author wrote: ``prev`` ends in a Thai letter with no space
        glyph (else the break may be a wrap at a space, which the writer may set anywhere), ``ln`` opens with a
        whole Thai run (it does not go on in the next line) of at least ``_MIN_OPENING`` letters, and either the
        line above ends with that very run (a wrap would write it twice over: Thai repeats with ๆ), or it is a line
        opening of the document and the document never writes the phrase across the break within one line."""
        text, above = _normalised(ln.text), _normalised(prev.text)
        tail = _CLOSING_RUN.search(above)
        if not tail or prev.ends_with_space:  # a break after a space or a number may be a wrap at a space
            return False
        run = _opening_run(text)
        if len(run) < _MIN_OPENING:
            return False
        if len(run) == len(text) and following is not None and _opening_run(_normalised(following.text)):
            return False  # the run may go on in the next line
        if tail.group(0).endswith(run):  # a wrap would write the phrase twice over (Thai repeats with ๆ)
            return True
        if self.after_written[run] < max(_MIN_OPENINGS, 2 * self.after_other[run]):
            return False
        return tail.group(0)[-_TAIL:] + run not in self.squeezed

    def spaced(self, prev: TextLine, ln: TextLine) -> bool:
        """A wrap between two Thai letters before a conjunction (และ, หรือ), with no space glyph left at the end of
        ``prev`` (MuPDF keeps none), stood at a space: the document writes the phrase across it with a space in at
        least ``_MIN_SPACED`` lines and never without (``การบริการ และ``).  Only before a conjunction, which some
        writers set off (as ``thai.document_wrap`` keeps it): elsewhere one phrase may be written both ways in a
        document, and which way it was at a wrap is not known."""
        above = _CLOSING_RUN.search(_normalised(prev.text))
        run = _opening_run(_normalised(ln.text))
        if prev.ends_with_space or not above or not run.startswith(CONJUNCTIONS):
            return False
        left = above.group(0)[-_TAIL:]
        if len(left) + len(run) < _MIN_PHRASE:
            return False
        if f"{left}{run}" in self.spaced_lines:
            return False
        return self.spaced_lines.count(f"{left} {run}") >= _MIN_SPACED


def _count_openings(pairs: set[tuple[str, str]]) -> Counter[str]:
    return Counter(_opening_run(_normalised(text)) for _, text in pairs)


def _opening_run(text: str) -> str:
    match = _OPENING_RUN.match(text)
    return match.group(0) if match else ""


@lru_cache(maxsize=8192)
def _normalised(text: str) -> str:
    """A line's text as written and repaired (as ``joined_text`` reads it)."""
    return repair_text(as_written(text)[0])[0]


def _lead_width(ln: TextLine) -> float:
    """Width of the line's first word (up to its first space): measured on the glyphs when the line builder did."""
    if ln.lead_x1 > ln.x0:
        return ln.lead_x1 - ln.x0
    return _width_of(ln.text.split(" ", 1)[0], ln)


def _width_of(word: str, ln: TextLine) -> float:
    """Estimated width of ``word`` set in the style of ``ln`` (its share of the line's advancing characters)."""
    return (ln.x1 - ln.x0) * _advancing(word) / max(_advancing(ln.text), 1)


def _first_word_width(ln: TextLine, words: Callable[[str], list[str]], measured: bool = False) -> float:
    """Width of the first word of a line: up to its first space, or the first word ``words`` finds in a Thai run
    (``measured``: on the glyphs' edges when the line builder kept them, else its share of the advancing characters
    of the measured lead, which errs wide).  The run is tokenized as written and repaired: a private-use positional
    glyph would cut a word in two (``ข\uf70bาราชการ``)."""
    chunk = ln.text.split(" ", 1)[0]
    if not chunk or not _THAI_START.match(chunk):
        return _lead_width(ln)
    repaired = repair_text(as_written(chunk)[0])[0]
    word = _breakable_head(words(repaired[:60]))
    if len(word) >= len(repaired):
        return _lead_width(ln)
    bases = _advancing(word)
    if measured and 0 < bases <= len(ln.lead_edges) and len(ln.lead_edges) == _advancing(repaired):
        return ln.lead_edges[bases - 1] - ln.x0  # the glyphs' own edges
    return _lead_width(ln) * bases / max(_advancing(repaired), 1)


def _breakable_head(tokens: list[str]) -> str:
    """The first tokens up to the first place a line may break without a space: between two Thai letters (a break
    before a digit or after ``ฯ`` could not be told from a space, so typesetters and readers keep them together)."""
    head = tokens[0] if tokens else ""
    for token in tokens[1:]:
        if thai_letter(head[-1:]) and thai_letter(token[:1]):
            break
        head += token
    return head


@lru_cache(maxsize=4096)
def _break_units(run: str) -> list[str]:
    """Where a typesetter may break a Thai run: words of the plain dictionary (the custom one joins compounds such
    as ``วิธีเก็บข้อมูล`` that a word processor breaks after ``วิธี``)."""
    return word_tokenize(run, engine="newmm", keep_whitespace=True)


def _advancing(text: str) -> int:
    """Characters that take width (combining marks sit on their base): the unit of a width estimate."""
    return sum(1 for ch in text if ch not in THAI_MARKS)


def text_block(group: list[TextLine], page: int, body_size: float, spaces_kept: bool = True) -> Block:
    """The block of a group of lines (``spaces_kept``: as ``joined_text`` takes it, for the page)."""
    text, raw, repairs, joins = joined_text(group, spaces_kept=spaces_kept)
    marks = [Repair("layout.footnote_ref", m.offset, m.text, "") for ln in group for m in ln.marks]
    first = group[0]
    bold = all(t.bold for t in group)
    if (bold or first.size >= HEADING_SIZE * body_size) and len(text) < 200:
        kind = BlockKind.HEADING
    elif _LIST_MARK.match(text):
        kind = BlockKind.LIST_ITEM
    else:
        kind = BlockKind.PARAGRAPH
    return Block(
        kind, text, raw, provenance=_provenance(group, page), bold=bold, repairs=tuple(marks) + repairs, wrap_joins=joins
    )
