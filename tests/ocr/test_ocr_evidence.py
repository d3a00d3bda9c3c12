"""OCR evidence checks: a total off by one misread digit, a strategy code off its section by one digit."""

from extractor.model.base import Budget, BudgetStatus
from extractor.model.document import DocumentInfo, InputInfo, PageRoute, PlanDocument
from extractor.model.strategy import ProjectSummary, SummaryRow
from extractor.validate.ocr_evidence import one_digit_variants, total_digit_misreadings


def _budget(amount: int) -> Budget:
    return Budget(raw=f"{amount:,}", status=BudgetStatus.ALLOCATED, amount=amount)


def _document(route: str, rows: list[int], stated: int) -> PlanDocument:
    summary = ProjectSummary(
        part="part1", title="สรุปโครงการ", rows=[SummaryRow(number=str(i + 1), label=f"project {i + 1}", budget=_budget(a)) for i, a in enumerate(rows)],
        stated_total=_budget(stated), total_rule="exclude_not_received",
    )
    return PlanDocument(
        document=DocumentInfo(), project_summaries=[summary],
        input=InputInfo(format="pdf", sha256="", pages=[PageRoute(page=1, route=route)]),
    )


def test_one_digit_variants():
    assert one_digit_variants(1_676_100, 2_000_000) == [(0, "1", "3")]
    assert one_digit_variants(5_000, 30) == [(2, "0", "3")]  # the tens digit: 0 → 3
    assert one_digit_variants(5_000, -30) == []  # no digit can go below 0
    assert one_digit_variants(5_000, 35) == []  # two digits would have to change
    assert one_digit_variants(5_000, 3) == [(3, "0", "3")]


def test_misread_digit_pointed_at():
    # row 2 was printed 3,676,100 and read 1,676,100 (a 3 read as 1)
    [finding] = total_digit_misreadings(_document("ocr", [5_000_000, 1_676_100], 8_676_100))
    assert finding.code == "ocr.total_digit_suspect"
    assert "row 2 amount 1,676,100: digit 1 read 1, 3 would add up" in finding.message


def test_text_layer_documents_are_not_second_guessed():
    assert total_digit_misreadings(_document("text", [5_000_000, 1_676_100], 8_676_100)) == []


def test_totals_that_add_up_or_differ_by_more_than_a_digit_are_left_to_the_totals_check():
    assert total_digit_misreadings(_document("ocr", [5_000_000, 1_676_100], 6_676_100)) == []
    assert total_digit_misreadings(_document("ocr", [5_000_000, 1_676_100], 6_676_177)) == []


def test_strategy_code_one_digit_off_its_section():
    from extractor.model.strategy import Project, StrategyCode, StrategicAlignment, Strategy, SubStrategy
    from extractor.validate.ocr_evidence import code_digit_misreadings

    code = StrategyCode(code="775013", strategy="7", sub_strategy="7.5", sequence="013")
    misread = StrategyCode(code="775013", strategy="7", sub_strategy="7.5", sequence="013")
    sub = SubStrategy(number="7.3", name="x", projects=[Project(name="p", strategy_code=misread)])
    document = PlanDocument(
        document=DocumentInfo(),
        strategic_alignment=StrategicAlignment(strategies=[Strategy(number="7", name="s", sub_strategies=[sub])]),
        input=InputInfo(format="pdf-ocr", sha256="", pages=[PageRoute(page=1, route="ocr")]),
    )
    [finding] = code_digit_misreadings(document)
    assert finding.code == "ocr.code_digit_suspect" and finding.expected == "773013" and code.code == finding.actual
