"""The field-level scorer: how close a predicted canonical document is to a gold one.

``score(pred, gold)`` walks both JSON documents generically (``walk``), aligning records by their identifiers
(codes, numbers) and then by their names (``align``), ignoring rendering fields (``source``, ``input``).  It reports
precision, recall and F1 of fields per entity type (strategies, KPIs, targets, projects, budgets, units, policy
codes, rubric rows, findings, and the document's other sections), overall (micro-averaged), and the character error
rate of text fields with Thai and Arabic digits folded.  The fields the issue sets their own targets on (strategy
codes, budget amounts: ``entities.KEY_FIELDS``) are also reported alone.  It is the yardstick for the OCR route and
any engine change.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from extractor.score.entities import KEY_FIELDS, REPORTED
from extractor.score.walk import Tally, Walk


@dataclass(slots=True)
class ScoreReport:
    per_entity: dict[str, Tally]
    overall: Tally
    names: Tally  # character error rate of name-like fields
    key_fields: dict[str, Tally] = field(default_factory=dict)  # entities.KEY_FIELDS, each alone

    def as_dict(self) -> dict:
        def row(t: Tally) -> dict:
            return {
                "precision": round(t.precision, 4),
                "recall": round(t.recall, 4),
                "f1": round(t.f1, 4),
                "correct": t.correct,
                "predicted": t.predicted,
                "gold": t.gold,
                "cer": None if t.cer is None else round(t.cer, 4),
            }

        return {
            "overall": row(self.overall),
            "names_cer": None if self.names.cer is None else round(self.names.cer, 4),
            "entities": {k: row(v) for k, v in self.per_entity.items()},
            "key_fields": {k: row(self.key_fields.get(k, Tally())) for k in KEY_FIELDS},
        }


def score(pred: dict, gold: dict, *, include_findings: bool = True) -> ScoreReport:
    """Score a predicted canonical document (parsed JSON) against a gold one."""
    walk = Walk()
    if not include_findings:
        pred, gold = {k: v for k, v in pred.items() if k != "findings"}, {k: v for k, v in gold.items() if k != "findings"}
    walk.compare(pred, gold, "", "")
    overall = Tally()
    for t in walk.tallies.values():
        overall.add(t)
    ordered = {k: walk.tallies.get(k, Tally()) for k in REPORTED}
    ordered.update({k: v for k, v in sorted(walk.tallies.items()) if k not in ordered})
    return ScoreReport(ordered, overall, walk.names, walk.key_fields)


__all__ = ["ScoreReport", "Tally", "score"]
