"""Private-use positional Thai glyphs (U+F700–U+F71A) → the Thai characters they draw.

Fonts that position marks with substitute glyphs (shifted-down tone marks, left-shifted vowels, ฐ/ญ without
their descender) give those glyphs private-use code points; a text layer then reads ``ยุทธศาสตร\\uf70eที่``.  The
table (``data/pua.tsv``) was measured from the TLWG fonts by ``tools/derive_pua.py``; see its header.
"""

from __future__ import annotations

import functools
import re
from pathlib import Path

from extractor.thai.edits import EditLog

TABLE_PATH = Path(__file__).parent / "data" / "pua.tsv"
PUA_RE = re.compile("[\uf700-\uf71a]")


@functools.lru_cache(maxsize=1)
def pua_table() -> dict[str, str]:
    """{private-use char: Thai char} from ``data/pua.tsv``."""
    table = {}
    for line in TABLE_PATH.read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or not line.strip():
            continue
        pua, thai = line.split("\t")[:2]
        table[chr(int(pua, 16))] = chr(int(thai, 16))
    return table


def map_pua(log: EditLog) -> None:
    """Replace every mapped private-use glyph; an unmapped one is kept and reported (``thai.pua_unmapped``)."""
    table = pua_table()

    def replace(m: re.Match) -> str | None:
        thai = table.get(m.group(0))
        if thai is None:
            log.note("thai.pua_unmapped", m.start(), m.group(0))
        return thai

    log.sub(PUA_RE, "thai.pua_glyph", replace)
