"""Aligning the records of two lists (prediction, gold) by their identifiers, then by their names.

1. Records whose identifier fields (``ID_FIELDS``) agree are paired; among several, the closest name wins.
2. Records left over are paired greedily by name similarity (at least ``MIN_NAME_SIMILARITY``).
Whatever stays unpaired counts as missed (gold) or spurious (prediction).
"""

from __future__ import annotations

from extractor.score.entities import ID_FIELDS, NAME_FIELDS
from extractor.score.text import dice, fold

MIN_NAME_SIMILARITY = 0.5


def identity(record: dict) -> tuple:
    return tuple((k, fold(record[k])) for k in ID_FIELDS if record.get(k) not in (None, "", []))


def name_of(record: dict) -> str:
    for k in NAME_FIELDS:
        if isinstance(record.get(k), str) and record[k]:
            return fold(record[k])
    return ""


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
    scored = sorted(
        ((dice(name_of(pred[p]), name_of(gold[g])), -abs(p - g), p, g) for p in free_p for g in free_g if name_of(gold[g])),
        reverse=True,
    )
    for sim, _, p, g in scored:
        if sim < MIN_NAME_SIMILARITY:
            break
        if p in free_p and g in free_g:
            pairs.append((p, g))
            free_p.discard(p)
            free_g.discard(g)
    return sorted(pairs, key=lambda pg: pg[1]), sorted(free_p), sorted(free_g)
