"""Totals and counts checks on summary tables built by hand and on the seeds' summaries."""

from extractor.grammar.values import parse_budget
from extractor.model.document import DocumentInfo, PlanDocument
from extractor.model.strategy import ProjectSummary, SummaryRow
from extractor.validate.totals import summary_counts, summary_totals


def document(rows, stated=None, count=None, sentence=None) -> PlanDocument:
    from extractor.grammar.builders.summaries import computed_total

    summary_rows = [SummaryRow(number=n, label=f"โครงการ {n}", budget=parse_budget(b)) for n, b in rows]
    summary = ProjectSummary(
        part="part2", rows=summary_rows, stated_count=count, computed_count=len(summary_rows),
        stated_total=parse_budget(stated) if stated else None,
        stated_total_text=parse_budget(sentence) if sentence else None,
        computed_total=computed_total([r.budget for r in summary_rows]),
    )
    return PlanDocument(document=DocumentInfo(), project_summaries=[summary])


ROWS = [("1", "1,000"), ("2", "500 *ไม่ได้รับ งบประมาณ"), ("3", "200 *อยู่ระหว่าง ขอจัดสรร งบประมาณ")]


def test_total_reconciling_by_the_rule_is_reported_as_info_only():
    findings = summary_totals(document(ROWS, stated="1,200"))
    assert [(f.code, f.severity) for f in findings] == [("total.rule_applied", "info")]


def test_total_mismatch_says_which_rule_would_reconcile():
    (finding,) = summary_totals(document(ROWS, stated="1,700"))
    assert finding.code == "total.mismatch" and "'all'" in finding.message
    assert (finding.expected, finding.actual) == ("1200", "1700")


def test_total_mismatch_no_rule():
    findings = summary_totals(document(ROWS, stated="1,240", sentence="1,240"))
    assert [f.code for f in findings] == ["total.mismatch", "total.mismatch"]
    assert "no totals rule" in findings[0].message


def test_count_mismatch_duplicate_and_gap():
    rows = [("1", "1"), ("2", "1"), ("2", "1"), ("5", "1")]
    codes = sorted(f.code for f in summary_counts(document(rows, count=3)))
    assert codes == ["count.mismatch", "numbering.duplicate", "numbering.gap"]


def test_consistent_summary_has_no_findings():
    rows = [("1", "1,000"), ("2", "ไม่ใช้ งบประมาณ")]
    doc = document(rows, stated="1,000", count=2, sentence="1,000")
    assert summary_totals(doc) == [] and summary_counts(doc) == []


def test_routine_form_total_checked_by_the_same_rule():
    from extractor.model.issues import IssueProject, RoutineGroup

    projects = [IssueProject(number=n, name=f"โครงการ {n}", budget=parse_budget(b)) for n, b in ROWS]
    form = RoutineGroup(kind="form", name="แบบที่ 1", projects=projects, stated_total=parse_budget("1,200"),
                        stated_count=4)
    from extractor.validate.totals import routine_totals

    codes = [f.code for f in routine_totals(PlanDocument(document=DocumentInfo(), routine_projects=[form]))]
    assert codes == ["total.rule_applied", "count.mismatch"]
