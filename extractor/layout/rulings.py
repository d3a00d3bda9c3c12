"""Ruling segments → merged lines → connected groups (candidate ruled tables).

Table rules come drawn as many small pieces (one per cell edge, doubled lines under a total row, thin filled
rectangles).  Pieces on the same line are merged, then horizontal and vertical lines that touch are grouped: each
group with at least two of each is the frame of one ruled table.
"""

from __future__ import annotations

from extractor.layout.types import BBox, Ruling

POS_TOLERANCE = 1.5  # rulings closer than this (points) across their length lie on the same line
JOIN_GAP = 2.5  # pieces on one line separated by less than this are one ruling
TOUCH = 2.5  # a horizontal and a vertical ruling closer than this touch


def merge_rulings(rulings: list[Ruling]) -> list[Ruling]:
    """Merge collinear, overlapping or nearly touching pieces (per orientation)."""
    out: list[Ruling] = []
    for horizontal in (True, False):
        pieces = sorted((r for r in rulings if r.horizontal is horizontal), key=lambda r: (r.pos, r.start))
        lines: list[list[Ruling]] = []
        for r in pieces:
            if lines and r.pos - lines[-1][0].pos <= POS_TOLERANCE:
                lines[-1].append(r)
            else:
                lines.append([r])
        for group in lines:
            out.extend(_merge_line(group, horizontal))
    return out


def _merge_line(group: list[Ruling], horizontal: bool) -> list[Ruling]:
    pos = sum(r.pos for r in group) / len(group)
    merged: list[Ruling] = []
    for r in sorted(group, key=lambda r: r.start):
        if merged and r.start <= merged[-1].end + JOIN_GAP:
            merged[-1].end = max(merged[-1].end, r.end)
        else:
            merged.append(Ruling(horizontal, pos, r.start, r.end))
    return merged


def ruling_groups(rulings: list[Ruling]) -> list[tuple[list[Ruling], list[Ruling], BBox]]:
    """Groups of touching rulings with ≥ 2 horizontals and ≥ 2 verticals: (horizontals, verticals, bbox)."""
    hs = [r for r in rulings if r.horizontal]
    vs = [r for r in rulings if not r.horizontal]
    parent = list(range(len(hs) + len(vs)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, h in enumerate(hs):
        for j, v in enumerate(vs):
            if h.start - TOUCH <= v.pos <= h.end + TOUCH and v.start - TOUCH <= h.pos <= v.end + TOUCH:
                parent[find(i)] = find(len(hs) + j)
    groups: dict[int, tuple[list[Ruling], list[Ruling]]] = {}
    for i, h in enumerate(hs):
        groups.setdefault(find(i), ([], []))[0].append(h)
    for j, v in enumerate(vs):
        groups.setdefault(find(len(hs) + j), ([], []))[1].append(v)
    out = []
    for g_h, g_v in groups.values():
        if len(g_h) >= 2 and len(g_v) >= 2:
            x0 = min(min(h.start for h in g_h), min(v.pos for v in g_v))
            x1 = max(max(h.end for h in g_h), max(v.pos for v in g_v))
            y0 = min(min(v.start for v in g_v), min(h.pos for h in g_h))
            y1 = max(max(v.end for v in g_v), max(h.pos for h in g_h))
            out.append((g_h, g_v, (x0, y0, x1, y1)))
    out.sort(key=lambda g: (g[2][1], g[2][0]))
    return out


def covered(lines: list[Ruling], pos: float, a: float, b: float, tolerance: float) -> float:
    """Fraction of the interval [a, b] covered by the rulings lying at ``pos`` (± tolerance)."""
    if b <= a:
        return 1.0
    total = 0.0
    for r in lines:
        if abs(r.pos - pos) <= tolerance:
            total += max(0.0, min(b, r.end) - max(a, r.start))
    return min(1.0, total / (b - a))


def cluster_positions(values: list[float], tolerance: float) -> list[float]:
    """Sorted cluster means of ``values`` (positions closer than ``tolerance`` are one)."""
    out: list[list[float]] = []
    for v in sorted(values):
        if out and v - out[-1][-1] <= tolerance:
            out[-1].append(v)
        else:
            out.append([v])
    return [sum(c) / len(c) for c in out]
