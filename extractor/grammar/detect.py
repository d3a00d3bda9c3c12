"""Which template family a document belongs to, scored from the grammars' ``detect`` phrases."""

from __future__ import annotations

from dataclasses import dataclass

from extractor.blocks import Block
from extractor.grammar.spec import Grammar

# Template phrases sit on the cover, the foreword and the table of contents, and in the first table headers.
_DETECT_WINDOW = 400


@dataclass(frozen=True, slots=True)
class Detection:
    grammar: Grammar | None
    score: float
    scores: dict[str, float]  # every grammar's score, for the finding when none wins


def detect_template(blocks: list[Block], grammars: list[Grammar]) -> Detection:
    """The best-scoring grammar whose score reaches its own threshold (ties: file order, deterministic)."""
    text = "\n".join(_block_text(b) for b in blocks[:_DETECT_WINDOW])
    scores = {g.id: _score(text, g) for g in grammars}
    best = None
    for grammar in grammars:
        if scores[grammar.id] >= grammar.min_score and (best is None or scores[grammar.id] > scores[best.id]):
            best = grammar
    return Detection(grammar=best, score=scores[best.id] if best else 0.0, scores=scores)


def _score(text: str, grammar: Grammar) -> float:
    return sum(rule.weight for rule in grammar.detect if rule.regex.search(text))


def _block_text(block: Block) -> str:
    if block.is_table:
        return "\n".join(" | ".join(r.texts) for r in block.rows)
    return block.text
