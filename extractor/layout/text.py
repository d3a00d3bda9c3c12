"""Text of lines and cells: raw text as the document says it, and the repaired text beside it.

The repair rules themselves live in ``extractor.thai``; this module decides what text goes in (one line, or the
lines of a wrapped cell or paragraph) and what ``raw`` holds.

``raw`` is the text as the document says it, not as the text layer encodes it: encoding artefacts of the PDF are
undone before it (private-use positional glyphs, legacy font codes and fake-bold duplicates by ``repair_glyphs``
in the reader; hyphen variants by the page reader; marks of one base in drawing order by the line builder; NFC and
SARA AM that shaping split into NIKHAHIT + SARA AA here), and a
wrap becomes what it stood for (nothing between two Thai letters with no space glyph at the end of the line, a
space otherwise); a line break the author wrote inside a table cell stays a newline (``paragraphs.broke_early``).
Everything that interprets the text — mark order, spaces cutting a Thai word (``join_wrapped``),
dictionary evidence — goes into ``text`` only, with its repairs.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable

from extractor.blocks import Repair
from extractor.layout.types import TextLine
from extractor.thai import join_wrapped, repair_text
from extractor.thai.edits import EditLog
from extractor.thai.marks import compose_sara_am

_NIKHAHIT = "\u0e4d"
_SARA_AM = "\u0e33"
_SARA_AM_TAIL = re.compile("\u0e33([\u0e48-\u0e4b]?)\u0e32")  # ำ mapped from the NIKHAHIT glyph, then SARA AA


def as_written(text: str) -> tuple[str, tuple[Repair, ...]]:
    """A line read from the text layer → as written: NFC, and SARA AM drawn as two glyphs is ``ำ``.

    A font draws ``ำ`` as NIKHAHIT + SARA AA; the text layer maps the first glyph to ``ํ`` (``ํา``) or, in fonts
    whose ToUnicode gives it the whole vowel, to ``ำ`` itself (``ำา``, never Thai spelling).
    """
    repairs: tuple[Repair, ...] = ()
    if not unicodedata.is_normalized("NFC", text):
        normalized = unicodedata.normalize("NFC", text)
        repairs, text = (Repair("text.nfc", 0, text, normalized),), normalized
    if _NIKHAHIT not in text and _SARA_AM not in text:
        return text, repairs
    log = EditLog(text)
    compose_sara_am(log)
    log.sub(_SARA_AM_TAIL, "thai.sara_am_composed", "\\1\u0e33")
    return log.text, repairs + tuple(log.repairs)


def line_text(raw: str) -> tuple[str, tuple[Repair, ...]]:
    """One visual line (already as written), repaired."""
    text, repairs = repair_text(raw)
    return text, tuple(repairs)


def joined_text(
    lines: list[TextLine], hard_break: Callable[[TextLine, TextLine], bool] | None = None
) -> tuple[str, str, tuple[Repair, ...]]:
    """(text, raw, repairs) of lines that wrap inside one cell or paragraph.

    A line break between two Thai letters with no space glyph at the end of the line is a wrap at a word boundary
    (Thai typesetting breaks lines between words without a space), so the lines are joined directly; any other
    wrap becomes a space.  A break ``hard_break(line, next_line)`` says the author wrote (a new paragraph inside a
    table cell) stays a newline.  That is ``raw``; the text is then repaired, and ``join_wrapped`` removes the
    spaces that cut a Thai word.
    """
    kept = [ln for ln in lines if ln.text]
    if not kept:
        return "", "", ()
    repairs: list[Repair] = []
    written: list[str] = []
    for ln in kept:
        line, line_repairs = as_written(ln.text)
        repairs.extend(line_repairs)
        written.append(line)
    if len(kept) == 1:
        text, text_repairs = line_text(written[0])
        return text, written[0], tuple(repairs) + text_repairs
    raw_parts: list[str] = []
    parts: list[str] = []
    for index, (ln, line) in enumerate(zip(kept, written)):
        text, line_repairs = repair_text(line)
        repairs.extend(line_repairs)
        if parts:
            before = kept[index - 1]
            if hard_break is not None and hard_break(before, ln):
                raw_parts.append("\n")
                parts.append("\n")
            else:
                raw_parts.append(wrap_glue(raw_parts[-1], line, before.ends_with_space))
                parts.append(wrap_glue(parts[-1], text, before.ends_with_space))
        raw_parts.append(line)
        parts.append(text)
    joined, wrap_repairs = _join_wrapped_within_lines("".join(parts))
    repairs.extend(wrap_repairs)
    return joined, "".join(raw_parts), tuple(repairs)


def _join_wrapped_within_lines(text: str) -> tuple[str, list[Repair]]:
    """``join_wrapped`` on each written line: a line break the author wrote is no wrap to undo."""
    if "\n" not in text:
        return join_wrapped(text)
    out: list[str] = []
    repairs: list[Repair] = []
    offset = 0
    for line in text.split("\n"):
        joined, line_repairs = join_wrapped(line)
        repairs += [Repair(r.code, r.position + offset, r.before, r.after) for r in line_repairs]
        out.append(joined)
        offset += len(line) + 1
    return "\n".join(out), repairs


def wrap_glue(before: str, after: str, space_seen: bool = False) -> str:
    """What a wrap between ``before`` and ``after`` stood for: nothing inside Thai text, else a space."""
    return "" if not space_seen and thai_letter(before[-1:]) and thai_letter(after[:1]) else " "


def thai_letter(ch: str) -> bool:
    """A Thai letter or mark (a word can continue across it), not a digit or the paiyannoi/mai yamok signs."""
    return bool(ch) and "\u0e01" <= ch <= "\u0e4e" and ch not in "\u0e2f\u0e46"
