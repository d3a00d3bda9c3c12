"""The schema of a grammar file (``grammars/*.toml``): what a template family looks like, as data.

A grammar declares
- how to recognise the template (``detect`` phrases with weights);
- the entities whose heading lines open a node of the plan tree (``[[entities]]``: a regex with named groups, and the
  kinds of node it may nest under);
- the tables it contains (``[[tables]]``: a header fingerprint, the column roles, the content type of each column
  so cells can be placed by what they contain when the row lost its empty cells, and the node kinds a row attaches to);
- content types shared by all grammars (``grammars/common.toml``).

A new template should mostly be a new grammar file; the engine (``extractor.grammar.engine``) is generic.
"""

from __future__ import annotations

import tomllib
from functools import cached_property
from pathlib import Path

import regex as re
from pydantic import BaseModel, ConfigDict, Field, model_validator

GRAMMAR_DIR = Path(__file__).resolve().parents[2] / "grammars"


class _Spec(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class DetectRule(_Spec):
    pattern: str
    weight: float = 1.0

    @cached_property
    def regex(self) -> re.Pattern:
        return re.compile(self.pattern)


class EntitySpec(_Spec):
    """A heading line that opens a node: ``ยุทธศาสตร์ที่ 4 …`` opens a strategy under a dimension or the part."""

    kind: str
    pattern: str
    parents: list[str] = Field(default_factory=lambda: ["root"])
    block_kinds: list[str] = Field(default_factory=list, description="Restrict to these block kinds (empty: any text)")
    in_table: bool = Field(False, description="Also match the first cell of table rows (headings written in a table)")
    key: str | None = Field(
        None,
        description="Captured field identifying the entity: a heading repeated with the same key under the same "
        "parent (running headings after a page break) reopens the existing node instead of creating a new one",
    )
    strict: bool = Field(
        False,
        description="Open only under an open node of an allowed parent kind; elsewhere the line stays a paragraph "
        "(default: with no allowed parent open, the node attaches to the root)",
    )
    admits: list[str] | None = Field(
        None,
        description="While a node of this kind is open, only entities of these kinds open nodes; other heading "
        "lines are kept as its paragraphs (a table of contents or a front-matter list quoting Part headings)",
    )
    part: str | None = Field(
        None,
        description="The part (ส่วนที่ N) this heading is the title of: where it is written without its ส่วนที่ label "
        "it still stands for that part in the document's list of parts",
    )
    not_within: list[str] = Field(
        default_factory=list,
        description="Kind selectors: while one of these is open the line opens nothing and stays a paragraph (a "
        "summary's subtitle that stands for the summary heading only where the heading itself is missing)",
    )

    @cached_property
    def regex(self) -> re.Pattern:
        return re.compile(self.pattern)


class ColumnSpec(_Spec):
    name: str
    header: list[str] = Field(default_factory=list, description="Keywords of this column's header cell")
    content: str | None = Field(None, description="Content type (see common.toml) that identifies this column's cells")


class TableSpec(_Spec):
    """A table type recognised by its header row, whatever letter (ตาราง ก/ข/…) the template gives it."""

    role: str
    header: list[str] = Field(description="Keywords that must mostly appear in the header row (after folding)")
    min_score: float = 0.75
    columns: list[ColumnSpec]
    key: str | None = Field(None, description="Column that starts a record; a row without it continues the previous")
    subheader: str | None = Field(None, description="Regex: rows whose non-empty cells all match are header rows")
    attach_to: list[str] = Field(default_factory=lambda: ["root"])
    cells_per_row: int | None = Field(
        None,
        description="The table is written one cell per line (web-page scrapes): a header of a few lines, then rows "
        "of this many value lines.  Must equal the number of columns; the first column needs a content type, which "
        "marks where the header ends and each row starts (engine.read_cell_lines)",
    )
    max_header_lines: int | None = Field(
        None, description="Cell-per-line tables: at most this many header lines (default: twice cells_per_row)"
    )

    @model_validator(mode="after")
    def _cell_per_line_is_complete(self) -> TableSpec:
        if self.cells_per_row is None:
            return self
        if self.cells_per_row != len(self.columns):
            raise ValueError(f"table {self.role!r}: cells_per_row must equal the number of columns")
        if self.columns[0].content is None:
            raise ValueError(f"table {self.role!r}: a cell-per-line table needs a content type on its first column")
        return self
    positional: bool = Field(
        False,
        description="Cells are placed by position only (the source keeps its empty cells, e.g. the month columns of "
        "a work-step sheet, where which cell holds a bar is the data); cells beyond the last column go to extra",
    )
    ordered: bool = Field(
        False,
        description="Cells keep their column order, but empty cells may be dropped or pushed to the row end (pipe "
        "dumps): cells are placed by an order-preserving alignment on content types (engine.align_columns)",
    )
    total: str | None = Field(
        None, description="Regex on a row's first non-empty cell: the row states the table's totals (รวม…)"
    )
    within: list[str] = Field(
        default_factory=list,
        description="Context: the spec applies only while a node of one of these kind selectors is open (a Part 2 "
        "issue's KR table has the header of Part 1's), and then wins a tie against specs without a context",
    )
    exclude: list[str] = Field(
        default_factory=list,
        description="Keywords that must not appear in the header row (a summary's 'ชื่อโครงการ' is not an issue's "
        "project table, though it has all its words)",
    )

    record_min_cells: int | None = Field(
        None,
        description="A row with fewer non-empty cells than this never starts a record: it continues the record "
        "above (page-break and split-paragraph continuations of sheets whose key column is not typed)",
    )
    line_rows: bool = Field(
        False,
        description="The table is written one visual line per row (a pipe dump of a PDF grid, empty cells dropped): "
        "a row without its key continues the record's columns that are still written, chosen by content type, "
        "line width and order (engine.continue_open_columns)",
    )
    continuation_columns: list[str] = Field(
        default_factory=list,
        description="Where a left-packed continuation row goes: pipe dumps write the continued text from the first "
        "cell, whatever column it continues; its non-empty cells then continue these columns in order",
    )
    min_cells: int | None = Field(
        None, description="Rows with fewer cells (empty ones included) do not belong to this table"
    )
    max_cells: int | None = Field(
        None,
        description="Rows with more cells (empty ones included) do not belong to this table (a wider table that "
        "follows without a header of its own); they are kept as an unclassified table",
    )

    @cached_property
    def total_regex(self) -> re.Pattern | None:
        return re.compile(self.total) if self.total else None

    @cached_property
    def subheader_regex(self) -> re.Pattern | None:
        return re.compile(self.subheader) if self.subheader else None


class Grammar(_Spec):
    id: str
    name: str
    family: str = Field(description="Which builder turns this template's tree into the canonical document")
    detect: list[DetectRule] = Field(default_factory=list)
    min_score: float = 1.0
    entities: list[EntitySpec] = Field(default_factory=list)
    tables: list[TableSpec] = Field(default_factory=list)
    content_types: dict[str, str] = Field(default_factory=dict)
    labels: dict[str, str] = Field(
        default_factory=dict,
        description="A content type's label as the template writes it, where its pattern also takes a misread "
        "English gloss (a group named gloss): a scan's reading of the label up to the gloss is replaced by it",
    )

    @cached_property
    def content_regexes(self) -> dict[str, re.Pattern]:
        return {name: re.compile(pattern) for name, pattern in self.content_types.items()}


_LIST_KEYS = ("detect", "entities", "tables")


def load_grammar(path: Path, common: dict | None = None) -> Grammar:
    """Load one grammar: a TOML file, or a folder of TOML files merged in name order (lists concatenated,
    so each part of a template can keep its own file), plus the shared content types of ``common.toml``."""
    files = sorted(path.glob("*.toml")) if path.is_dir() else [path]
    data: dict = {}
    for file in files:
        part = tomllib.loads(file.read_text(encoding="utf-8"))
        for key, value in part.items():
            if key in _LIST_KEYS:
                data.setdefault(key, []).extend(value)
            elif key in ("content_types", "labels"):
                data.setdefault(key, {}).update(value)
            else:
                data[key] = value
    content_types = dict((common or {}).get("content_types", {}))
    content_types.update(data.get("content_types", {}))
    data["content_types"] = content_types
    return Grammar.model_validate(data)


def load_grammars(directory: Path = GRAMMAR_DIR) -> list[Grammar]:
    """Every template grammar in ``directory`` (files and folders), in name order (deterministic)."""
    common_path = directory / "common.toml"
    common = tomllib.loads(common_path.read_text(encoding="utf-8")) if common_path.exists() else {}
    entries = sorted(p for p in directory.iterdir() if (p.suffix == ".toml" or p.is_dir()) and p.name != "common.toml")
    return [load_grammar(p, common) for p in entries]
