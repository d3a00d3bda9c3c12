"""Derive the legacy-font Latin-1 → Thai tone-mark table from real PDFs, by dictionary evidence.

Why: legacy Thai fonts (UPC / PSL families exported through old drivers) put their shifted tone-mark glyphs at
Latin-1 code points, so a text layer reads ``ทีÉ`` for ``ที่``.  Which code point stands for which mark differs
between font families, so the table is measured: for every Latin-1 character found between Thai letters in a
PDF's raw glyph stream, each candidate Thai mark is substituted and the ``newmm`` token covering it is looked up
in the dictionary.  The candidate that turns the most occurrences into dictionary words wins, per font family.

Run:  ``python -m extractor.thai.tools.derive_legacy PDF... [--out PATH]`` (the committed table was derived from
``/work/shared/real-pdfs/31.pdf`` and ``14.pdf``).
"""

from __future__ import annotations

import argparse
import collections
import os
import sys

import pymupdf

from extractor.thai import dictionary
from extractor.thai.chars import COMBINING, is_thai_letter
from extractor.thai.glyphs import font_family

OUT_DEFAULT = os.path.join(os.path.dirname(__file__), "..", "data", "legacy_latin1.tsv")
MIN_SHARE = 0.6  # the winning mark must make at least this share of the occurrences dictionary words


def lines_with_fonts(path: str):
    """(text, per-character font family) of every raw text line of a PDF."""
    doc = pymupdf.open(path)
    for page in doc:
        for block in page.get_text("rawdict")["blocks"]:
            for line in block.get("lines", []):
                chars, fams = [], []
                for span in line["spans"]:
                    fam = font_family(span["font"])
                    for ch in span["chars"]:
                        chars.append(ch["c"])
                        fams.append(fam)
                yield "".join(chars), fams


def covering_token(text: str, pos: int) -> str:
    """The ``newmm`` token of ``text`` that contains position ``pos``."""
    start = 0
    for token in dictionary.tokenize(text):
        if start <= pos < start + len(token):
            return token
        start += len(token)
    return ""


def occurrences(paths: list[str]):
    """(family, latin1 char, Thai context window, position in window) for Latin-1 chars after a Thai letter."""
    for path in paths:
        for text, fams in lines_with_fonts(path):
            for i, ch in enumerate(text):
                if "\u0080" <= ch <= "\u00ff" and i > 0 and is_thai_letter(text[i - 1]):
                    lo, hi = max(0, i - 12), min(len(text), i + 12)
                    yield fams[i], ch, text[lo:hi], i - lo


def derive(paths: list[str]) -> list[tuple[str, str, str, int, int]]:
    votes: dict[tuple[str, str], collections.Counter] = collections.defaultdict(collections.Counter)
    totals: collections.Counter = collections.Counter()
    for fam, ch, window, pos in occurrences(paths):
        totals[(fam, ch)] += 1
        for mark in COMBINING:
            candidate = window[:pos] + mark + window[pos + 1 :]
            token = covering_token(candidate, pos)
            if len(token) >= 3 and dictionary.is_word(token):
                votes[(fam, ch)][mark] += 1
    rows = []
    for key, total in sorted(totals.items()):
        if not votes[key]:
            print(f"  {key}: no candidate makes a word ({total} occurrences)", file=sys.stderr)
            continue
        mark, n = votes[key].most_common(1)[0]
        if n < MIN_SHARE * total:
            print(f"  {key}: best {mark!r} only {n}/{total}", file=sys.stderr)
            continue
        rows.append((key[0], key[1], mark, n, total))
    return rows


def write_table(rows, paths: list[str], out: str) -> None:
    with open(out, "w", encoding="utf-8") as fh:
        fh.write("# Legacy Thai font remaps: Latin-1 code points standing for Thai marks, per font family.\n")
        fh.write("# Derived by extractor/thai/tools/derive_legacy.py from: " + ", ".join(map(os.path.basename, paths)) + "\n")
        fh.write("# For each Latin-1 char after a Thai letter, every Thai mark was substituted; the mark whose\n")
        fh.write("# newmm token became a dictionary word most often wins (words/occurrences in the last columns).\n")
        fh.write("# columns: font family <TAB> Latin-1 (hex) <TAB> Thai (hex) <TAB> words <TAB> occurrences\n")
        for fam, latin, thai, n, total in rows:
            fh.write(f"{fam}\t{ord(latin):04X}\t{ord(thai):04X}\t{n}\t{total}  # {latin} -> {thai}\n")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("pdfs", nargs="+")
    parser.add_argument("--out", default=OUT_DEFAULT)
    args = parser.parse_args(argv)
    rows = derive(args.pdfs)
    write_table(rows, args.pdfs, args.out)
    print(f"{len(rows)} rows -> {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
