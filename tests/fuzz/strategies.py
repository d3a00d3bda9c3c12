"""Hypothesis strategies for the fuzz tests: plan-like text recombined from the corpus and the grammars.

Random Unicode rarely reaches the grammar and table code (nothing matches a heading or a header), so the plan-like
strategies draw whole lines from the seed dumps and header rows from the grammars' own keywords, then shuffle,
cut and damage them: the shapes the engine knows, in orders and states it has never seen.
"""

from __future__ import annotations

import os
from functools import lru_cache

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

from extractor.pipeline import default_grammars
from tests.conftest import CORPUS

# Fast enough for every CI run; `EXTRACTOR_FUZZ_PROFILE=deep` (make fuzz) explores twenty times further.
settings.register_profile("ci", max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("deep", max_examples=2000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
CI = settings.get_profile(os.environ.get("EXTRACTOR_FUZZ_PROFILE", "ci"))

THAI = [chr(c) for c in range(0x0E01, 0x0E5C) if not 0x0E3B <= c <= 0x0E3E]
DAMAGE = ["\ufffd", "\uf70a", "\uf700", "É", "Ê", "\u0e4d\u0e32", "xxxx", "- ", "\t", "|", "**", "<p>", "</li>", "๒๕๖๗"]
CELL_VALUES = [
    *("", " ", "-", "775013", "๗๗๕๐๑๓", "7.5.6.1", "KR 1", "KPI 2", "P001", "P 12", "สกจ.", "สนข., สกจ."),
    *("1,250,000", "๑,๒๕๐,๐๐๐", "480,500.50", "*ไม่ได้รับ งบประมาณ", "100", "0", "99999999999999999999"),
    *("รวม", "รวมทั้งสิ้น", "ร้อยละ 80", "xxxxxxx"),
]


@lru_cache(maxsize=1)
def seed_lines() -> tuple[str, ...]:
    """Every distinct non-blank line of the seed dumps, in a stable order."""
    lines = {line for path in sorted(CORPUS.glob("*.txt")) for line in path.read_text("utf-8").splitlines()}
    return tuple(sorted(line for line in lines if line.strip()))


@lru_cache(maxsize=1)
def header_rows() -> tuple[str, ...]:
    """One pipe row per table spec of every grammar, from its header keywords (first alternative of each)."""
    rows = []
    for grammar in default_grammars():
        for table in grammar.tables:
            rows.append("| " + " | ".join(keyword.split("|")[0] for keyword in table.header) + " |")
    return tuple(rows)


thai_text = st.lists(st.one_of(st.sampled_from(THAI), st.sampled_from(DAMAGE), st.just(" ")), max_size=40).map(
    "".join
)
cell_text = st.one_of(st.sampled_from(CELL_VALUES), thai_text)
table_row = st.lists(cell_text, min_size=1, max_size=9).map(lambda cells: "| " + " | ".join(cells) + " |")
tab_row = st.lists(cell_text, min_size=2, max_size=9).map("\t".join)


@st.composite
def mutated_line(draw) -> str:
    """A seed line, maybe cut short, with a fragment spliced in, or with cells dropped or duplicated."""
    line = draw(st.sampled_from(seed_lines()))
    action = draw(st.sampled_from(["keep", "cut", "splice", "cells"]))
    if action == "cut":
        return line[: draw(st.integers(0, len(line)))]
    if action == "splice":
        at = draw(st.integers(0, len(line)))
        return line[:at] + draw(cell_text) + line[at:]
    if action == "cells" and ("|" in line or "\t" in line):
        sep = "|" if "|" in line else "\t"
        cells = line.split(sep)
        picked = draw(st.lists(st.sampled_from(range(len(cells))), max_size=len(cells) + 2))
        return sep.join(cells[i] for i in picked)
    return line


@lru_cache(maxsize=1)
def seed_heads() -> tuple[str, ...]:
    """The first lines of each seed (cover, foreword, contents): enough for template detection to pick a grammar."""
    heads = []
    for path in sorted(CORPUS.glob("*.txt")):
        lines = [line for line in path.read_text("utf-8").splitlines() if line.strip()]
        heads.append("\n".join(lines[:30]))
    return tuple(heads)


plan_line = st.one_of(
    mutated_line(), mutated_line(), mutated_line(), st.sampled_from(header_rows()), table_row, tab_row, st.just("")
)
plan_body = st.lists(plan_line, max_size=60).map("\n".join)
plan_text = st.tuples(st.one_of(st.just(""), st.sampled_from(seed_heads())), plan_body).map("\n".join)
