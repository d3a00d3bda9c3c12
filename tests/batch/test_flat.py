"""Flat exports: the generic walk finds every project wherever a template puts it, new model fields become columns,
and the files open in Excel (CSV with BOM, XLSX with text cells)."""

import csv

import pytest
from openpyxl import load_workbook
from pydantic import Field

import extractor
from extractor.emit.flat import FlatExport, document_tables, write_csv, write_xlsx
from extractor.model.base import Budget, BudgetStatus, Record
from extractor.model.strategy import Project
from tests.batch.conftest import SEEDS


@pytest.fixture(scope="module")
def seed_documents():
    return {name: extractor.parse(SEEDS / name) for name in ("002_47f92473d72b9b38.txt", "003_a97a8056b9967dd5.txt")}


def projects_by_hand(document) -> int:
    """Projects counted along the paths each part documents (not by the exporter's walk)."""
    count = 0
    alignment = document.strategic_alignment
    for strategy in [s for d in alignment.dimensions for s in d.strategies] + alignment.strategies:
        count += sum(len(sub.projects) for sub in strategy.sub_strategies)

    def with_children(projects):
        return sum(1 + with_children(p.children) for p in projects)

    count += sum(with_children(issue.projects) for issue in document.development_issues)
    count += sum(with_children(group.all_projects()) for group in document.routine_projects)
    if document.plan_2563:
        goals = [g for p in document.plan_2563.pillars for d in p.dimensions for g in d.goals]
        blocks = [b for g in goals for b in g.measure_blocks]
        count += sum(len(b.strategic_projects) + len(b.routine_projects) for b in blocks)
    return count


def test_every_project_of_every_part_is_a_row(seed_documents):
    for name, document in seed_documents.items():
        rows = document_tables(document, {"path": name})["projects"]
        assert len(rows) == projects_by_hand(document) > 0, name
        assert all(row["name"] for row in rows)
    district = document_tables(seed_documents["003_a97a8056b9967dd5.txt"], {})["projects"]
    assert {"development_issues", "routine_projects"} <= {row["part"] for row in district}
    older = document_tables(seed_documents["002_47f92473d72b9b38.txt"], {})["projects"]
    assert {row["part"] for row in older} == {"plan_2563"}


def test_findings_and_kpis_are_rows_with_their_place(seed_documents):
    document = seed_documents["003_a97a8056b9967dd5.txt"]
    tables = document_tables(document, {"path": "x"})
    assert [row["code"] for row in tables["findings"]] == [f.code for f in document.findings]
    assert tables["kpis"] and all(row["location"].startswith("/") and row["record_type"] for row in tables["kpis"])


class Milestone(Record):
    month: str
    done: bool = False


class FutureProject(Project):
    """A project as a later model might describe it."""

    funding_source: str | None = None
    milestones: list[Milestone] = Field(default_factory=list)
    extras: dict[str, str] = Field(default_factory=dict)
    part: str | None = None  # clashes with the exporter's own 'part' column


class FuturePart(Record):
    title: str
    projects: list[FutureProject] = Field(default_factory=list)
    by_unit: dict[str, Project] = Field(default_factory=dict)


class FutureDocument(Record):
    new_part: FuturePart


def test_fields_added_to_the_models_later_become_columns():
    project = FutureProject(
        name="โครงการใหม่",
        budget=Budget(raw="1,000", status=BudgetStatus.ALLOCATED, amount=1000),
        units=["สยป.", "กยบ."],
        funding_source="เงินกู้",
        milestones=[Milestone(month="ต.ค.", done=True), Milestone(month="พ.ย.")],
        extras={"phase": "2"},
        part="B",
    )
    keyed = Project(name="โครงการตามหน่วยงาน")
    document = FutureDocument(new_part=FuturePart(title="ส่วนใหม่", projects=[project], by_unit={"สยป.": keyed}))
    row, keyed_row = document_tables(document, {"path": "p"})["projects"]
    assert keyed_row["name"] == "โครงการตามหน่วยงาน" and keyed_row["location"] == "/new_part/by_unit/สยป."
    assert row["part"] == "new_part" and row["record.part"] == "B"
    assert row["context"] == "ส่วนใหม่" and row["parent.title"] == "ส่วนใหม่"
    assert row["funding_source"] == "เงินกู้" and row["extras.phase"] == "2"
    assert row["budget.amount"] == 1000 and row["units"] == "สยป.; กยบ."
    assert row["milestones"] == "month=ต.ค.; done=True | month=พ.ย.; done=False"


def test_csv_has_a_bom_and_reads_back_the_same_thai(tmp_path):
    rows = [{"path": "a", "name": "กรุงเทพมหานคร", "amount": 12, "flag": True}, {"path": "b", "note": "=A1+1"}]
    path = write_csv(tmp_path / "t.csv", rows)
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and b"\r\n" in raw
    with open(path, encoding="utf-8-sig", newline="") as handle:
        back = list(csv.DictReader(handle))
    assert list(back[0]) == ["path", "name", "amount", "flag", "note"]
    assert back[0]["name"] == "กรุงเทพมหานคร" and back[0]["flag"] == "true" and back[1]["note"] == "=A1+1"


def test_xlsx_cells_are_typed_text_never_formulas_and_fit_excel(tmp_path):
    long_text = "ก" * 40_000
    rows = [{"path": "a", "formula": "=SUM(A1:A2)", "amount": 5, "long": long_text, "control": "a\x07b"}]
    path = write_xlsx(tmp_path / "t.xlsx", {"projects": rows, "findings": []})
    workbook = load_workbook(path)
    sheet = workbook["projects"]
    assert [c.value for c in sheet[1]] == ["path", "formula", "amount", "long", "control"]
    formula, amount, long_cell, control = sheet["B2"], sheet["C2"], sheet["D2"], sheet["E2"]
    assert formula.value == "=SUM(A1:A2)" and formula.data_type == "s"
    assert amount.value == 5
    assert len(long_cell.value) <= 32_767 and "40000 characters" in long_cell.value
    assert control.value == "a\ufffdb"
    assert workbook.sheetnames == ["projects", "findings"] and sheet.freeze_panes == "A2"


def test_a_batch_export_writes_every_format(tmp_path, seed_documents):
    export = FlatExport()
    for name, document in seed_documents.items():
        export.add_document(document, name, document.input.sha256)
    export.add_rows("documents", [{"path": name, "status": "done"} for name in seed_documents])
    written = sorted(p.name for p in export.write(tmp_path))
    assert written == sorted(
        ["batch.jsonl", "batch.xlsx", "documents.csv", "projects.csv", "kpis.csv", "rubric_rows.csv", "findings.csv"]
    )
    assert len((tmp_path / "batch.jsonl").read_text(encoding="utf-8").splitlines()) == 2
    assert load_workbook(tmp_path / "batch.xlsx", read_only=True).sheetnames[0] == "documents"
