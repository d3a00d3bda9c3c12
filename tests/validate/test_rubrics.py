"""Part 4 consistency checks on small hand-built documents."""

from __future__ import annotations

from extractor.model.base import Number
from extractor.model.document import DocumentInfo, PlanDocument
from extractor.model.monitoring import MonitoredKPI, Monitoring, Rubric, RubricRow, WorkStep, WorkStepSheet
from extractor.model.strategy import KPI, StrategicAlignment, SubStrategy, Strategy, Tactic
from extractor.model.strategy import Dimension
from extractor.validate.rubrics import (
    monitoring_kpi_codes,
    rubric_levels,
    rubric_links,
    rubric_scores,
    work_step_progress,
)


def negotiated(code: str, weight: int) -> MonitoredKPI:
    return MonitoredKPI(table_role="negotiated_kpis", code=code, name=f"KPI {code}", weight=Number(raw=str(weight), value=weight))


def rubric(code: str, scores: list[int], levels: list[int] = [5, 4, 3, 2, 1], parts: int = 1) -> Rubric:  # noqa: B006
    rows = [RubricRow(level=lv, criterion=f"ร้อยละ {lv * 20}", score=Number(raw=str(s), value=s)) for lv, s in zip(levels, scores)]
    return Rubric(title=f"KPI {code}", kpi_code=code, part_count=parts, rows=rows)


def document(**monitoring) -> PlanDocument:
    return PlanDocument(document=DocumentInfo(), monitoring=Monitoring(**monitoring))


def test_scores_follow_weight_times_level_over_five():
    doc = document(kpis=[negotiated("1", 20)], rubrics=[rubric("1", [20, 16, 12, 8, 4])])
    assert rubric_scores(doc) == []
    doc = document(kpis=[negotiated("1", 20)], rubrics=[rubric("1", [20, 16, 12, 9, 4])])
    (finding,) = rubric_scores(doc)
    assert (finding.code, finding.expected, finding.actual) == ("rubric.score_mismatch", "8", "9")


def test_split_rubric_shares_the_weight_between_its_parts():
    parts = [rubric("5", [5, 4, 3, 2, 1], parts=2), rubric("5", [5, 4, 3, 2, 1], parts=2)]
    assert rubric_scores(document(kpis=[negotiated("5", 10)], rubrics=parts)) == []
    whole = [rubric("5", [5, 4, 3, 2, 1])]
    assert len(rubric_scores(document(kpis=[negotiated("5", 10)], rubrics=whole))) == 5


def test_levels_must_be_one_to_five_once_and_in_order():
    assert rubric_levels(document(rubrics=[rubric("1", [1, 2, 3, 4, 5], [1, 2, 3, 4, 5])])) == []
    codes = [f.code for r in ([5, 4, 3, 2, 6], [5, 4, 3, 2], [5, 3, 4, 2, 1]) for f in
             rubric_levels(document(rubrics=[rubric("1", [1] * len(r), r)]))]
    assert codes == ["rubric.level_invalid", "rubric.level_missing", "rubric.level_order"]


def test_every_negotiated_kpi_needs_a_rubric():
    (finding,) = rubric_links(document(kpis=[negotiated("1", 10), negotiated("2", 10)], rubrics=[rubric("1", [10] * 5)]))
    assert (finding.code, finding.subject) == ("rubric.missing", "2")


def test_monitoring_kpi_codes_must_exist_in_part_1():
    tactic = Tactic(code="4.1.4", name="t", kpis=[KPI(code="4.1.4.1", name="k")])
    alignment = StrategicAlignment(dimensions=[Dimension(number="1", name="d", strategies=[
        Strategy(number="4", name="s", sub_strategies=[SubStrategy(number="4.1", name="ss", tactics=[tactic])])])])
    kpis = [MonitoredKPI(table_role="bma_kpi_definitions", code=c, name="k") for c in ("4.1.4.1", "4.1.4.9", "3")]
    doc = PlanDocument(document=DocumentInfo(), strategic_alignment=alignment, monitoring=Monitoring(kpis=kpis))
    assert [f.subject for f in monitoring_kpi_codes(doc)] == ["4.1.4.9"]
    assert monitoring_kpi_codes(document(kpis=kpis)) == []  # nothing in Parts 1-2 to check against


def test_step_cumulative_is_the_running_sum():
    def step(number: str, share: int, cumulative: int) -> WorkStep:
        return WorkStep(number=number, text="s", share=Number(raw=str(share), value=share),
                        cumulative=Number(raw=str(cumulative), value=cumulative))

    good = WorkStepSheet(steps=[step("1", 20, 20), step("2", 30, 50)])
    assert work_step_progress(document(work_steps=[good])) == []
    lost_start = WorkStepSheet(steps=[step("5", 7, 29), step("6", 7, 36), step("7", 7, 45)])
    (finding,) = work_step_progress(document(work_steps=[lost_start]))
    assert (finding.code, finding.expected, finding.actual) == ("steps.cumulative_mismatch", "43", "45")
