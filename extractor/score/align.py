"""Aligning the records of two lists (prediction, gold) by their identifiers, then by their names.

1. Records whose identifier fields (``ID_FIELDS``) agree are paired; among several, the closest name wins.
2. Records left over are paired greedily by name similarity (at least ``MIN_NAME_SIMILARITY``).
3. Records still left over, typically records with neither identifier nor name (a quarter's scores, a target's
   year and value), are paired greedily by the share of leaf values they have in common (at least
   ``MIN_CONTENT_SIMILARITY``), the nearer position winning a tie.
Whatever stays unpaired counts as missed (gold) or spurious (prediction).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable

from extractor.score.entities import ID_FIELDS, IGNORED_KEYS, NAME_FIELDS
from extractor.score.text import dice, fold

MIN_NAME_SIMILARITY = 0.5
MIN_CONTENT_SIMILARITY = 0.5


def identity(record: dict) -> tuple:
    return tuple((k, fold(record[k])) for k in ID_FIELDS if record.get(k) not in (None, "", []))


def name_of(record: dict) -> str:
    for k in NAME_FIELDS:
        if isinstance(record.get(k), str) and record[k]:
            return fold(record[k])
    return ""


def leaf_values(record: object) -> Counter:
    """The multiset of a record's folded leaf values, nested records included, rendering fields left out."""
    values: Counter = Counter()
    if isinstance(record, dict):
        for key, value in record.items():
            if key not in IGNORED_KEYS:
                values += leaf_values(value)
    elif isinstance(record, list):
        for value in record:
            values += leaf_values(value)
    elif record not in (None, ""):
        values[fold(record)] += 1
    return values


def content_similarity(a: Counter, b: Counter) -> float:
    """Dice coefficient of two multisets of leaf values."""
    total = sum(a.values()) + sum(b.values())
    return 2.0 * sum((a & b).values()) / total if total else 0.0


def _pair_greedily(
    similarity: Callable[[int, int], float],
    floor: float,
    free_p: set[int],
    free_g: set[int],
    pairs: list[tuple[int, int]],
) -> None:
    """Pair the most similar free records first, the nearer position winning a tie, down to ``floor``."""
    scored = sorted(((similarity(p, g), -abs(p - g), p, g) for p in free_p for g in free_g), reverse=True)
    for sim, _, p, g in scored:
        if sim < floor:
            break
        if p in free_p and g in free_g:
            pairs.append((p, g))
            free_p.discard(p)
            free_g.discard(g)


def align(pred: list[dict], gold: list[dict]) -> tuple[list[tuple[int, int]], list[int], list[int]]:
    """(pairs of indexes, unpaired prediction indexes, unpaired gold indexes)."""
    pairs: list[tuple[int, int]] = []
    free_p, free_g = set(range(len(pred))), set(range(len(gold)))
    by_id: dict[tuple, list[int]] = {}
    for g in range(len(gold)):
        key = identity(gold[g])
        if key:
            by_id.setdefault(key, []).append(g)
    for p in range(len(pred)):
        key = identity(pred[p])
        options = [g for g in by_id.get(key, ()) if g in free_g]
        if key and options:
            name = name_of(pred[p])
            g = max(options, key=lambda g: (dice(name, name_of(gold[g])), -g))
            pairs.append((p, g))
            free_p.discard(p)
            free_g.discard(g)
    names_p = {p: name_of(pred[p]) for p in free_p}
    names_g = {g: name_of(gold[g]) for g in free_g}
    _pair_greedily(
        lambda p, g: dice(names_p[p], names_g[g]) if names_g[g] else 0.0, MIN_NAME_SIMILARITY, free_p, free_g, pairs
    )
    if free_p and free_g:
        values_p = {p: leaf_values(pred[p]) for p in free_p}
        values_g = {g: leaf_values(gold[g]) for g in free_g}
        _pair_greedily(
            lambda p, g: content_similarity(values_p[p], values_g[g]), MIN_CONTENT_SIMILARITY, free_p, free_g, pairs
        )
    return sorted(pairs, key=lambda pg: pg[1]), sorted(free_p), sorted(free_g)
