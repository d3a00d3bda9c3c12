"""Derive the private-use-area (U+F700–U+F71A) → Thai table from the TLWG fonts, by evidence.

Why: public PUA tables for Thai disagree with each other, so the table in ``extractor/thai/data/pua.tsv`` is
measured, not copied.  Two independent measurements, per font of the fonts-thai-tlwg package:

1. *Shaping evidence.*  Known Thai syllables are typeset with PyMuPDF's HarfBuzz-shaped ``insert_htmlbox`` in the
   font, and the page's raw text layer is read back (``get_text("rawdict")``).  The output is aligned with the input
   (difflib); where the text layer gives a private-use code point in place of an input character, that character
   is what the glyph stands for.  This is exactly the damage seen in real PDFs, so it is the primary evidence.
2. *Shape evidence.*  Every private-use code point present in the font's cmap is rendered on its own and its ink
   bitmap is compared with the bitmaps of all Thai characters of the same font (position ignored, since the
   variants are the same shapes shifted down or left).  The best match and its similarity are recorded.

A code point goes into the table when the shaping evidence names it, or when the shape evidence is unambiguous
(similarity >= 0.8 in at least two fonts, and no font matching another character that well).  Run:  ``python -m extractor.thai.tools.derive_pua [--out PATH]``.
"""

from __future__ import annotations

import argparse
import collections
import difflib
import glob
import os
import sys

import pymupdf

FONT_DIR = "/usr/share/fonts/truetype/tlwg"
PUA = range(0xF700, 0xF71B)
CONSONANTS = [chr(c) for c in range(0x0E01, 0x0E2F)]
UPPER = ["", "ั", "ิ", "ี", "ึ", "ื", "็"]
LOWER = ["", "ุ", "ู", "ฺ"]
TONES = ["", "่", "้", "๊", "๋", "์"]
OUT_DEFAULT = os.path.join(os.path.dirname(__file__), "..", "data", "pua.tsv")


def test_syllables() -> list[str]:
    """Consonant + (upper vowel | lower vowel) + tone, plus SARA AM forms: every stacking context a font shapes."""
    out = []
    for c in CONSONANTS:
        for up in UPPER:
            for tone in TONES:
                if up == "็" and tone:
                    continue
                out.append(c + up + tone)
        for low in LOWER[1:]:
            for tone in TONES[:3]:
                out.append(c + low + tone)
        out.append(c + "่ำ")
        out.append(c + "้ำ")
    return out


def regular_fonts() -> list[str]:
    paths = sorted(glob.glob(os.path.join(FONT_DIR, "*.ttf")))
    return [p for p in paths if "-" not in os.path.basename(p)]


def shaped_text_layer(font_path: str, words: list[str]) -> str:
    """Typeset ``words`` with HarfBuzz shaping and return the raw text layer, chars in content order."""
    doc = pymupdf.open()
    out = []
    css = "@font-face {font-family: F; src: url(%s);} body {font-family: F; font-size: 14px;}" % font_path
    for start in range(0, len(words), 300):
        page = doc.new_page(width=595, height=3000)
        page.insert_htmlbox(pymupdf.Rect(10, 10, 585, 2990), " ".join(words[start : start + 300]), css=css)
        raw = page.get_text("rawdict")
        for block in raw["blocks"]:
            for line in block.get("lines", []):
                for span in line["spans"]:
                    out.extend(ch["c"] for ch in span["chars"])
                out.append(" ")  # a line break also separates two test words
    return "".join(out)


def word_pairs(expected: str, got: str) -> tuple[list[str], list[str]]:
    """The private-use code points of one shaped word, and the input characters missing from its output."""
    puas = [c for c in got if ord(c) in PUA]
    missing = collections.Counter(expected)
    missing.subtract(c for c in got if ord(c) not in PUA)
    return puas, sorted(missing.elements())


def shaping_evidence(font_path: str, words: list[str]) -> collections.Counter:
    """Count (private-use code point, input character) pairs, word by word.

    A shaped word whose output has one private-use code point and lacks one input character names that pair
    directly; words with several are resolved by eliminating pairs already known (glyphs may come out in a
    different order than the input, e.g. ``ฐู่`` gives U+F700 U+F70A ู, so position alone cannot be trusted).
    """
    outputs = shaped_text_layer(font_path, words).split()
    if len(outputs) != len(words):  # the layout split or merged words: no reliable alignment for this font
        print(f"  skipped shaping evidence: {len(outputs)} shaped words for {len(words)} inputs", file=sys.stderr)
        return collections.Counter()
    pending = [word_pairs(w, g) for w, g in zip(words, outputs)]
    pending = [(p, m) for p, m in pending if p]
    known: dict[str, str] = {}
    pairs: collections.Counter = collections.Counter()
    progress = True
    while pending and progress:
        progress = False
        rest = []
        for puas, missing in pending:
            puas, missing = list(puas), list(missing)
            for pua in [p for p in puas if p in known and known[p] in missing]:
                puas.remove(pua)
                missing.remove(known[pua])
                pairs[(pua, known[pua])] += 1
            if len(puas) == 1 and len(missing) == 1:
                known.setdefault(puas[0], missing[0])
                pairs[(puas[0], missing[0])] += 1
                progress = True
            elif puas:
                rest.append((puas, missing))
        pending = rest
    return pairs


def ink(font_path: str, ch: str) -> tuple[int, int, frozenset] | None:
    """Binary ink bitmap of one character, cropped to its ink box: (width, height, set of (x, y))."""
    doc = pymupdf.open()
    page = doc.new_page(width=120, height=160)
    page.insert_font(fontname="F", fontfile=font_path)
    page.insert_text((40, 100), ch, fontname="F", fontsize=80)
    pix = page.get_pixmap(colorspace=pymupdf.csGRAY, alpha=False)
    w, h, data = pix.width, pix.height, pix.samples
    pts = {(x, y) for y in range(h) for x in range(w) if data[y * w + x] < 128}
    if not pts:
        return None
    x0 = min(p[0] for p in pts)
    y0 = min(p[1] for p in pts)
    norm = frozenset((x - x0, y - y0) for x, y in pts)
    return (max(p[0] for p in norm) + 1, max(p[1] for p in norm) + 1, norm)


def similarity(a: tuple, b: tuple) -> float:
    """Best intersection over union of two cropped ink bitmaps over +-1 px shifts (0 if sizes differ by > 3 px)."""
    if abs(a[0] - b[0]) > 3 or abs(a[1] - b[1]) > 3:
        return 0.0
    best = 0.0
    for dx in (-1, 0, 1):
        for dy in (-1, 0, 1):
            moved = {(x + dx, y + dy) for x, y in b[2]}
            best = max(best, len(a[2] & moved) / len(a[2] | moved))
    return best


def shape_evidence(font_path: str) -> dict[str, tuple[str, float]]:
    font = pymupdf.Font(fontfile=font_path)
    thai = {chr(c): ink(font_path, chr(c)) for c in range(0x0E01, 0x0E5C) if font.has_glyph(c)}
    thai = {k: v for k, v in thai.items() if v}
    result = {}
    for cp in PUA:
        if not font.has_glyph(cp):
            continue
        glyph = ink(font_path, chr(cp))
        if glyph is None:
            continue
        best = max(thai.items(), key=lambda kv: similarity(glyph, kv[1]))
        result[chr(cp)] = (best[0], round(similarity(glyph, best[1]), 3))
    return result


def derive(fonts: list[str]) -> list[tuple[str, str, str]]:
    """Rows (pua, thai, evidence) for the table."""
    words = test_syllables()
    shaped: dict[str, collections.Counter] = collections.defaultdict(collections.Counter)
    shapes: dict[str, list[tuple[str, float, str]]] = collections.defaultdict(list)
    for path in fonts:
        name = os.path.basename(path)[:-4]
        print(f"  {name}", file=sys.stderr)
        for (pua, thai), n in shaping_evidence(path, words).items():
            shaped[pua][thai] += n
        for pua, (thai, sim) in shape_evidence(path).items():
            shapes[pua].append((thai, sim, name))
    rows = []
    for cp in PUA:
        pua = chr(cp)
        shape_votes = collections.Counter(t for t, sim, _ in shapes[pua] if sim >= 0.8)
        shape_txt = ",".join(f"{t}:{n}" for t, n in shape_votes.most_common()) or "-"
        if shaped[pua]:
            thai, n = shaped[pua].most_common(1)[0]
            conflict = len(shaped[pua]) > 1
            rows.append((pua, thai, f"shaped={n}{'(conflict:' + str(dict(shaped[pua])) + ')' if conflict else ''} shape={shape_txt}"))
        elif len(shape_votes) == 1 and sum(shape_votes.values()) >= 2:
            rows.append((pua, next(iter(shape_votes)), f"shaped=0 shape={shape_txt}"))
        else:
            print(f"  U+{cp:04X}: no unambiguous evidence ({shape_txt})", file=sys.stderr)
    return rows


def write_table(rows: list[tuple[str, str, str]], fonts: list[str], out: str) -> None:
    with open(out, "w", encoding="utf-8") as fh:
        fh.write("# Private-use positional Thai glyphs -> Thai characters.\n")
        fh.write("# Derived by extractor/thai/tools/derive_pua.py from the fonts-thai-tlwg fonts:\n")
        fh.write("#   " + ", ".join(os.path.basename(f)[:-4] for f in fonts) + "\n")
        fh.write("# shaped=N: N times the shaped text layer gave this code point where the input had the character;\n")
        fh.write("# shape=C:N: N fonts whose rendered glyph matches character C (ink IoU >= 0.8, position ignored).\n")
        fh.write("# columns: code point (hex) <TAB> Thai character (hex) <TAB> evidence\n")
        for pua, thai, evidence in rows:
            fh.write(f"{ord(pua):04X}\t{ord(thai):04X}\t{evidence}  # {thai}\n")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default=OUT_DEFAULT)
    args = parser.parse_args(argv)
    fonts = regular_fonts()
    if not fonts:
        print(f"no TLWG fonts in {FONT_DIR}", file=sys.stderr)
        return 1
    rows = derive(fonts)
    write_table(rows, fonts, args.out)
    print(f"{len(rows)} rows -> {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
