"""The generic walk: two canonical documents side by side, every leaf field counted for its entity type.

A gold leaf that is not null is a gold field; a prediction leaf that is not null is a predicted field; a field is
correct when both sides hold the same folded value at the same place (records aligned by ``align``).  Lists of
scalars (units, policy codes) are compared as multisets.  String fields also add to the character error rate
(edit distance over gold length) of their entity type, and of "names" for name-like keys.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from extractor.score.align import align
from extractor.score.entities import (
    ENTITY_BY_CONTEXT,
    ENTITY_BY_KEY,
    IGNORED_KEYS,
    KEY_FIELD_BY_PLACE,
    NAME_CER_FIELDS,
)
from extractor.score.text import edit_distance, fold


@dataclass(slots=True)
class Tally:
    """Counts of one entity type."""

    correct: int = 0
    predicted: int = 0
    gold: int = 0
    char_errors: int = 0
    gold_chars: int = 0

    @property
    def precision(self) -> float:
        return self.correct / self.predicted if self.predicted else (1.0 if not self.gold else 0.0)

    @property
    def recall(self) -> float:
        return self.correct / self.gold if self.gold else (1.0 if not self.predicted else 0.0)

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def cer(self) -> float | None:
        return self.char_errors / self.gold_chars if self.gold_chars else None

    def add(self, other: Tally) -> None:
        self.correct += other.correct
        self.predicted += other.predicted
        self.gold += other.gold
        self.char_errors += other.char_errors
        self.gold_chars += other.gold_chars


@dataclass(slots=True)
class Walk:
    tallies: dict[str, Tally] = field(default_factory=dict)
    names: Tally = field(default_factory=Tally)
    key_fields: dict[str, Tally] = field(default_factory=dict)

    def tally(self, entity: str) -> Tally:
        t = self.tallies.get(entity)
        if t is None:
            t = self.tallies[entity] = Tally()
        return t

    def compare(self, pred, gold, entity: str, key: str) -> None:
        if isinstance(pred, dict) or isinstance(gold, dict):
            self._dicts(pred if isinstance(pred, dict) else {}, gold if isinstance(gold, dict) else {}, entity, key)
        elif isinstance(pred, list) or isinstance(gold, list):
            self._lists(pred if isinstance(pred, list) else [], gold if isinstance(gold, list) else [], entity, key)
        else:
            self._leaf(pred, gold, entity, key)

    def _dicts(self, pred: dict, gold: dict, entity: str, parent: str) -> None:
        for key in sorted(set(pred) | set(gold)):
            if key in IGNORED_KEYS:
                continue
            sub = ENTITY_BY_CONTEXT.get((parent, key)) or ENTITY_BY_KEY.get(key) or entity or key
            self.compare(pred.get(key), gold.get(key), sub, key)
            key_field = KEY_FIELD_BY_PLACE.get((parent, key))
            if key_field is not None:
                self._count(pred.get(key), gold.get(key), self.key_fields.setdefault(key_field, Tally()))

    def _lists(self, pred: list, gold: list, entity: str, key: str) -> None:
        items = pred + gold
        if items and all(isinstance(x, dict) for x in items):
            pairs, only_p, only_g = align(pred, gold)
            for p, g in pairs:
                self.compare(pred[p], gold[g], entity, key)
            for p in only_p:
                self.compare(pred[p], None, entity, key)
            for g in only_g:
                self.compare(None, gold[g], entity, key)
        elif items and all(not isinstance(x, (dict, list)) for x in items):
            self._multiset(pred, gold, entity)
        else:  # lists of lists (table rows): by position
            for i in range(max(len(pred), len(gold))):
                self.compare(pred[i] if i < len(pred) else None, gold[i] if i < len(gold) else None, entity, key)

    def _multiset(self, pred: list, gold: list, entity: str) -> None:
        p = Counter(fold(x) for x in pred if x not in (None, ""))
        g = Counter(fold(x) for x in gold if x not in (None, ""))
        t = self.tally(entity)
        t.predicted += sum(p.values())
        t.gold += sum(g.values())
        t.correct += sum((p & g).values())

    @staticmethod
    def _count(pred, gold, t: Tally) -> tuple[bool, bool]:
        """Count one leaf into ``t``; whether the prediction and the gold hold a value."""
        has_p, has_g = pred not in (None, ""), gold not in (None, "")
        t.predicted += has_p
        t.gold += has_g
        if has_p and has_g and fold(pred) == fold(gold):
            t.correct += 1
        return has_p, has_g

    def _leaf(self, pred, gold, entity: str, key: str) -> None:
        t = self.tally(entity)
        has_p, has_g = self._count(pred, gold, t)
        if has_g and isinstance(gold, str) and not gold.isdigit():
            fg = fold(gold)
            errors = edit_distance(fold(pred) if has_p else "", fg)
            t.char_errors += errors
            t.gold_chars += len(fg)
            if key in NAME_CER_FIELDS:
                self.names.char_errors += errors
                self.names.gold_chars += len(fg)
