"""The generic tree builder on small grammars: nesting, repeated headings, tables, continuation rows."""

from extractor.grammar.engine import build_tree
from extractor.grammar.spec import ColumnSpec, EntitySpec, Grammar, TableSpec
from extractor.ingest.dump import read_dump_text

CONTENT = {
    "code": r"^\s*\d{6}\s*$",
    "budget": r"^\s*[\d,]+\s*$|ไม่ใช้",
    "unit": r"^\s*[ก-ฮ]{2,5}\.\s*$",
}

GRAMMAR = Grammar(
    id="t",
    name="test",
    family="test",
    entities=[
        EntitySpec(kind="strategy", pattern=r"^ยุทธศาสตร์ที่\s*(?P<number>\d+)\s+(?P<name>.+)$", key="number"),
        EntitySpec(kind="sub", pattern=r"^ย่อยที่\s*(?P<number>\d+\.\d+)\s+(?P<name>.+)$", parents=["strategy"]),
    ],
    tables=[
        TableSpec(
            role="projects",
            header=["รหัส", "โครงการ", "งบประมาณ", "หน่วยงาน"],
            key="code",
            attach_to=["sub", "strategy"],
            columns=[
                ColumnSpec(name="code", content="code"),
                ColumnSpec(name="name"),
                ColumnSpec(name="budget", content="budget"),
                ColumnSpec(name="unit", content="unit"),
            ],
        )
    ],
    content_types=CONTENT,
)


def tree_of(text: str):
    return build_tree(read_dump_text(text), GRAMMAR)


def test_entities_nest_under_allowed_parents_and_paragraphs_stay():
    tree = tree_of("คำนำ\nยุทธศาสตร์ที่ 4 เมือง\nย่อยที่ 4.1 ผังเมือง\nข้อความ")
    assert [p.text for p in tree.paragraphs] == ["คำนำ"]
    (strategy,) = tree.children
    (sub,) = strategy.children
    assert sub.fields == {"number": "4.1", "name": "ผังเมือง"} and sub.paragraphs[0].text == "ข้อความ"


def test_running_heading_repeated_after_page_break_reopens_the_node():
    tree = tree_of("ยุทธศาสตร์ที่ 5 ก\nย่อยที่ 5.1 ข\nยุทธศาสตร์ที่ 5 ก\nย่อยที่ 5.2 ค")
    assert len(tree.children) == 1
    assert [c.fields["number"] for c in tree.children[0].children] == ["5.1", "5.2"]


def test_repeated_header_continues_the_logical_table():
    text = (
        "ยุทธศาสตร์ที่ 5 ก\n"
        "รหัส | โครงการ | งบประมาณ | หน่วยงาน |\n551002 | โครงการหนึ่ง | 1,000 | กยบ. |\n"
        "หมายเหตุ\n"
        "รหัส | โครงการ | งบประมาณ | หน่วยงาน |\n551003 | โครงการสอง | ไม่ใช้ | สยป. |\n"
    )
    (table,) = tree_of(text).children[0].tables
    assert table.repeated_headers == 1
    assert [r.text("code") for r in table.records] == ["551002", "551003"]


def test_cells_pushed_to_the_row_end_are_placed_by_content():
    text = "ยุทธศาสตร์ที่ 5 ก\nรหัส | โครงการ | งบประมาณ | หน่วยงาน |\nโครงการหนึ่ง | 1,000 | กยบ. | | |\n"
    (record,) = tree_of(text).children[0].tables[0].records
    assert record.text("code") == ""  # missing, not invented
    assert (record.text("name"), record.text("budget"), record.text("unit")) == ("โครงการหนึ่ง", "1,000", "กยบ.")


def test_row_without_key_continues_the_previous_record():
    text = "ยุทธศาสตร์ที่ 5 ก\nรหัส | โครงการ | งบประมาณ | หน่วยงาน |\n551002 | โครงการ | 1,000 | กยบ. |\n | (ต่อ) ระยะที่ 2 | | |\n"
    (record,) = tree_of(text).children[0].tables[0].records
    assert record.text("name") == "โครงการ\n(ต่อ) ระยะที่ 2" and record.continued == 1


def test_unrecognised_table_is_kept_raw():
    tree = tree_of("ยุทธศาสตร์ที่ 5 ก\nอะไร | อย่างอื่น |\n")
    assert tree.children[0].raw_tables[0].rows[0].texts == ["อะไร", "อย่างอื่น"]


def test_subheader_row_ignores_cells_inherited_from_a_spanning_header_cell():
    """A PDF grid repeats a two-row header's spanned first cell in the year row (``inherited``): the row is still a
    subheader (its own cells are years), not a repeated header, and its years are kept without the copy."""
    from extractor.blocks import Block, BlockKind, Cell, Row

    from extractor.grammar.builders.part1 import kpis

    grammar = Grammar(
        id="k", name="kpi", family="test",
        tables=[TableSpec(role="kpi_targets", header=["ตัวชี้วัด(KPI)"], key="kpi", ordered=True,
                          subheader=r"[0-9]{4}", columns=[ColumnSpec(name="kpi", content="kpi"),
                                                          ColumnSpec(name="target_1"), ColumnSpec(name="target_2")])],
        content_types={"kpi": r"^\s*KPI\s*[0-9]"},
    )

    def row(*cells: Cell) -> Row:
        return Row(cells=list(cells))

    header = row(Cell("ตัวชี้วัด (KPI)", "ตัวชี้วัด (KPI)", row_span=2), Cell("ค่าเป้าหมาย", "ค่าเป้าหมาย", col_span=2))
    years = row(Cell("ตัวชี้วัด (KPI)", "ตัวชี้วัด (KPI)", inherited=True), Cell("2566", "2566"), Cell("2567", "2567"))
    data = row(Cell("KPI 7.2.2.1 : รายงาน", "KPI 7.2.2.1 : รายงาน"), Cell("-", "-"), Cell("12 ครั้ง", "12 ครั้ง"))
    tree = build_tree([Block(kind=BlockKind.TABLE, rows=[header, years, data])], grammar)
    (table,) = tree.tables
    assert table.header_values == [["2566", "2567"]] and table.repeated_headers == 0
    (kpi,) = kpis(table, [])
    assert [(t.raw, t.year_be) for t in kpi.targets] == [("-", 2566), ("12 ครั้ง", 2567)]


def test_a_row_under_the_header_s_spanning_cells_is_a_subheader_whatever_its_labels_read():
    """A scan reads the month row of a work-step sheet badly (``WH.`` for พ.ย.): it still inherits the header's
    row-spanning cells, so it is part of the header, not a step; a data row inheriting a data cell stays a row."""
    from extractor.blocks import Block, BlockKind, Cell, Row

    grammar = Grammar(
        id="w", name="steps", family="test",
        tables=[TableSpec(role="work_steps", header=["ขั้นตอน", "ระยะเวลา"], positional=True,
                          subheader=r"[ก-์]{1,3}\.\s*[ก-ฮ]{1,2}\.",
                          columns=[ColumnSpec(name="step"), ColumnSpec(name="m01"), ColumnSpec(name="m02")])],
    )

    def row(*texts: str, inherited: tuple[int, ...] = ()) -> Row:
        return Row(cells=[Cell(t, t, inherited=i in inherited) for i, t in enumerate(texts)])

    header = Row(cells=[Cell("ขั้นตอน", "ขั้นตอน", row_span=2), Cell("ระยะเวลา", "ระยะเวลา", col_span=2)])
    months = row("ขั้นตอน", "ร ต.ค.", "WH.", inherited=(0,))
    step = row("ขั้นตอนที่ 1 วางแผน", "↔", "")
    spanned = row("ขั้นตอนที่ 1 วางแผน", "", "←", inherited=(0,))
    tree = build_tree([Block(kind=BlockKind.TABLE, rows=[header, months, step, spanned])], grammar)
    (table,) = tree.tables
    assert table.header_values == [["ร ต.ค.", "WH."]]
    assert [r.text("step") for r in table.records] == ["ขั้นตอนที่ 1 วางแผน", "ขั้นตอนที่ 1 วางแผน"]


def test_positional_cell_spanning_columns_takes_its_first_and_moves_the_rest():
    """A PDF grid writes a total row's label once over two columns: in a positional table the next cells keep
    their own columns (the amount under งบประมาณ, not under the name column)."""
    from extractor.blocks import Cell, Row

    from extractor.grammar.engine import assign_columns

    spec = TableSpec(role="summary", header=["ลำดับที่"], positional=True,
                     columns=[ColumnSpec(name=n) for n in ("number", "name", "budget", "source", "units")])
    row = Row(cells=[Cell("รวมงบประมาณทั้งสิ้น", "รวมงบประมาณทั้งสิ้น", col_span=2), Cell("-", "-"), Cell("", ""),
                     Cell("", ""), Cell("ส่วนเกิน", "ส่วนเกิน")])
    placed, extra = assign_columns(row, spec, GRAMMAR)
    assert {name: cell.text for name, cell in placed.items()} == {"number": "รวมงบประมาณทั้งสิ้น", "budget": "-"}
    assert [c.text for c in extra] == ["ส่วนเกิน"]
