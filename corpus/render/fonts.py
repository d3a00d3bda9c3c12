"""Thai fonts (TLWG) for the renderer: files, advance widths and Thai-aware line breaking.

Widths are summed glyph advances (no kerning), cached per character: MuPDF's shaped text is never wider than this in
the TLWG fonts, so a line measured here fits the box MuPDF lays it out in.  Line breaking follows Thai typesetting:
a line may break at a space (the space stays at the end of the line, as word processors draw it) or between two
Thai words with no space (words found with pythainlp's dictionary tokenizer).  A break is only chosen where a reader
can tell what it stood for: never inside a Latin word or between a Thai letter and a digit, where a reader cannot
know whether the source had a space.  A word wider than a whole line (``ศาลาว่าการกรุงเทพมหานคร`` in a narrow
column) first fills the line it would start on, cut between two Thai letters, as word processors break it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import pymupdf
from pythainlp.tokenize import word_tokenize

TLWG_DIR = Path("/usr/share/fonts/truetype/tlwg")
# Characters the TLWG fonts lack (superscript digits ⁰ ⁴-⁹ of footnote marks) are drawn with DejaVu Sans: MuPDF's
# own fallback draws them as .notdef (the text layer then says U+0000).  Debian package fonts-dejavu-core.
SYMBOL_FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")


@dataclass(frozen=True)
class FontFamily:
    """A TLWG family: its regular and bold files (in ``TLWG_DIR``)."""

    name: str
    regular: str
    bold: str


FAMILIES: dict[str, FontFamily] = {
    f.name: f
    for f in (
        FontFamily("Garuda", "Garuda.ttf", "Garuda-Bold.ttf"),
        FontFamily("Loma", "Loma.ttf", "Loma-Bold.ttf"),
        FontFamily("Kinnari", "Kinnari.ttf", "Kinnari-Bold.ttf"),
        FontFamily("Norasi", "Norasi.ttf", "Norasi-Bold.ttf"),
    )
}


@dataclass
class Metrics:
    """Advance widths and vertical extent of one font file."""

    font: pymupdf.Font
    extent: float  # ascender - descender, in em: the height of a glyph box as PDF readers report it
    _widths: dict[str, float] = field(default_factory=dict)

    def has(self, ch: str) -> bool:
        return self.font.has_glyph(ord(ch)) != 0

    def width(self, text: str, size: float) -> float:
        total = 0.0
        for ch in text:
            w = self._widths.get(ch)
            if w is None:
                w = self._widths[ch] = self.font.glyph_advance(ord(ch))
            total += w
        return total * size


@lru_cache(maxsize=None)
def metrics(family: str, bold: bool = False) -> Metrics:
    fam = family_of(family)
    font = pymupdf.Font(fontfile=str(TLWG_DIR / (fam.bold if bold else fam.regular)))
    return Metrics(font, font.ascender - font.descender)


@lru_cache(maxsize=None)
def symbol_metrics() -> Metrics | None:
    """DejaVu Sans, for the characters a TLWG font lacks; None when it is not installed."""
    if not SYMBOL_FONT.exists():
        return None
    font = pymupdf.Font(fontfile=str(SYMBOL_FONT))
    return Metrics(font, font.ascender - font.descender)


@lru_cache(maxsize=None)
def needs_symbol_font(family: str, ch: str) -> bool:
    """The TLWG family lacks ``ch`` and DejaVu Sans has it (other missing symbols keep MuPDF's own fallback)."""
    symbols = symbol_metrics()
    return symbols is not None and not metrics(family).has(ch) and symbols.has(ch)


def family_of(name: str) -> FontFamily:
    try:
        return FAMILIES[name]
    except KeyError:
        raise ValueError(f"unknown font family {name!r}; known: {', '.join(sorted(FAMILIES))}") from None


def thai_letter(ch: str) -> bool:
    """A Thai letter or mark a word continues across (the same class a PDF reader joins wrapped lines on)."""
    return bool(ch) and "\u0e01" <= ch <= "\u0e4e" and ch not in "\u0e2f\u0e46"


def _starts_cluster(ch: str) -> bool:
    """A character that may open a line: not a combining mark or a following vowel (ะ ั า ำ ิ-ฺ ็-๎)."""
    return not ("\u0e30" <= ch <= "\u0e3a" or "\u0e47" <= ch <= "\u0e4e")


@lru_cache(maxsize=4096)
def _thai_breaks(run: str) -> tuple[int, ...]:
    """Offsets inside a space-free run where a line may break: word boundaries with Thai letters on both sides."""
    offsets, pos = [], 0
    for word in word_tokenize(run, engine="newmm", keep_whitespace=True):
        pos += len(word)
        if 0 < pos < len(run) and thai_letter(run[pos - 1]) and thai_letter(run[pos]) and _starts_cluster(run[pos]):
            offsets.append(pos)
    return tuple(offsets)


def _pieces(text: str) -> list[str]:
    """The text cut at every allowed break; a piece keeps the space that follows it."""
    pieces: list[str] = []
    for token in text.split(" "):
        if pieces and not token:  # a run of spaces: keep them on the previous piece
            pieces[-1] += " "
            continue
        start = 0
        for offset in _thai_breaks(token):
            pieces.append(token[start:offset])
            start = offset
        pieces.append(token[start:] + " ")
    if pieces:
        pieces[-1] = pieces[-1][:-1]
    return [p for p in pieces if p]


def break_lines(text: str, width: float, measure) -> list[str]:
    """Lines of ``text`` no wider than ``width`` (``measure(s) -> points``); a piece wider than a line is cut by
    cluster.  Lines broken at a space keep the space at their end (a reader sees it there)."""
    lines: list[str] = []
    for paragraph in text.split("\n"):
        current = ""
        for piece in _pieces(paragraph):
            if current and measure((current + piece).rstrip(" ")) > width:
                if measure(piece.rstrip(" ")) > width:  # wider than a line: fill this one first, as word processors
                    head = _cut(piece, width - measure(current), measure, fill=True)  # do (between Thai letters)
                    current += head
                    piece = piece[len(head):]
                lines.append(current)
                current = ""
            while measure(piece.rstrip(" ")) > width:
                head = _cut(piece, width, measure)
                lines.append(head)
                piece = piece[len(head):]
            current += piece
        lines.append(current)
    return lines


def _cut(piece: str, width: float, measure, fill: bool = False) -> str:
    """The longest head of an over-long piece that fits, ending at a cluster boundary (at least one cluster).  To
    ``fill`` the rest of a line the cut must fall between two Thai letters (a reader joins such a wrap for what it
    is) and may be empty."""
    best = 0 if fill else 1
    for end in range(1, len(piece)):
        if measure(piece[:end]) > width:
            break
        if _starts_cluster(piece[end]) and (not fill or (thai_letter(piece[end - 1]) and thai_letter(piece[end]))):
            best = end
    return piece[:best]
