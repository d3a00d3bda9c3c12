"""Flat exports across many documents: JSONL of whole documents, and CSV/XLSX tables an analyst opens directly.

Tables (one row per record, over every document of a batch):
- ``projects``: every ``Project`` wherever it sits (Part 1 sub-strategies, Part 2 issues and their sub-projects,
  Part 3 routine groups, the 2563 template's measure blocks), with budget, strategy code, units and policy codes;
- ``kpis``: every KPI-like record (plan KPIs with their targets, monitored KPIs, the 2563 catalogue, KPI reports);
- ``rubric_rows``: scoring rubric rows (level → criterion → score) with the rubric they belong to;
- ``findings``: every finding.

The model is walked generically: records are recognised by their class (``TABLES`` is data), columns come from the
records' own fields (nested models flattened as ``budget.amount``, lists of scalars joined with ``; ``, other lists
summarised as ``key=value`` items, mappings spread as ``fields.<key>``), so a field added to a model later shows up
as a column without a change here.  Each row says where its record sits: the JSON pointer (``location``), the part
(``part``) and the labels of its ancestors (``context``: "5 ยุทธศาสตร์… > 5.1 … ").

CSV files are UTF-8 with a byte order mark and CRLF line ends, so Excel shows Thai without an import dialog.  Every
file is written to a temporary name and renamed: a reader never sees half a table.
"""

from __future__ import annotations

import csv
import json
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from extractor.emit.atomic import atomic_output
from extractor.model.base import Finding
from extractor.model.document import PlanDocument
from extractor.model.kpi_report import KpiReport
from extractor.model.monitoring import MonitoredKPI, RubricRow
from extractor.model.plan2563 import CatalogueKPI
from extractor.model.strategy import KPI, Project, Strategy

Row = dict[str, Any]


@dataclass(frozen=True)
class TableSpec:
    name: str
    types: tuple[type[BaseModel], ...]
    description: str


TABLES: tuple[TableSpec, ...] = (
    TableSpec("projects", (Project,), "projects and activities (โครงการ/กิจกรรม) with budgets, codes and units"),
    TableSpec("kpis", (KPI, MonitoredKPI, CatalogueKPI, KpiReport), "KPIs (ตัวชี้วัด) with targets"),
    TableSpec("rubric_rows", (RubricRow,), "scoring rubric rows (เกณฑ์การให้คะแนน)"),
    TableSpec("findings", (Finding,), "findings of the checks"),
)

# What the batch catalogue counts per document (findings are counted from ``document.findings``).
COUNTED: dict[str, tuple[type[BaseModel], ...]] = {
    "strategies": (Strategy,),
    "kpis": TABLES[1].types,
    "projects": TABLES[0].types,
}

BASE_COLUMNS = ("path", "sha256", "unit_name", "fiscal_year_be")
PLACE_COLUMNS = ("record_type", "part", "location", "context")  # where a record sits in its document
ID_FIELDS = ("code", "number", "kpi_code")
LABEL_FIELDS = ("name", "title", "text", "label")
CONTEXT_LABEL_CHARS = 40
EXCEL_CELL_LIMIT = 32_767
EXCEL_ROW_LIMIT = 1_048_576
FORMATS = ("jsonl", "csv", "xlsx")


# --- walking the model -------------------------------------------------------------------------------------------


def iter_records(
    model: BaseModel, pointer: str = "", ancestors: tuple[BaseModel, ...] = ()
) -> Iterator[tuple[str, tuple[BaseModel, ...], BaseModel]]:
    """Every model nested in ``model`` (depth first, document order) with its JSON pointer and its ancestors (the
    chain from the root down to its parent)."""
    for name in type(model).model_fields:
        for child_pointer, child in _children(getattr(model, name), f"{pointer}/{name}"):
            yield child_pointer, (*ancestors, model), child
            yield from iter_records(child, child_pointer, (*ancestors, model))


def _children(value: Any, pointer: str) -> Iterator[tuple[str, BaseModel]]:
    """The models a field holds: itself, the items of a list or tuple, the values of a mapping."""
    if isinstance(value, BaseModel):
        yield pointer, value
    elif isinstance(value, (list, tuple)):
        yield from ((f"{pointer}/{i}", v) for i, v in enumerate(value) if isinstance(v, BaseModel))
    elif isinstance(value, dict):
        yield from ((f"{pointer}/{k}", v) for k, v in value.items() if isinstance(v, BaseModel))


def count_records(document: PlanDocument) -> dict[str, int]:
    """Counts of strategies, KPIs, projects and findings in one document (for the batch catalogue)."""
    counts = dict.fromkeys(COUNTED, 0)
    for _, _, record in iter_records(document):
        for name, types in COUNTED.items():
            if isinstance(record, types):
                counts[name] += 1
    counts["findings"] = len(document.findings)
    return counts


def document_tables(document: BaseModel, base: Row) -> dict[str, list[Row]]:
    """The rows one document (a ``PlanDocument``, or any model) contributes to each table of ``TABLES``; ``base``
    starts every row (path, sha256…)."""
    exported = tuple(t for spec in TABLES for t in spec.types)
    tables: dict[str, list[Row]] = {spec.name: [] for spec in TABLES}
    for pointer, ancestors, record in iter_records(document):
        for spec in TABLES:
            if isinstance(record, spec.types):
                place = {
                    "record_type": type(record).__name__,
                    "part": pointer.split("/")[1],
                    "location": pointer,
                    "context": context_label(ancestors[1:]),
                }
                fields = {_free_name(k, base, place): v for k, v in flatten(record, exported).items()}
                parent = parent_fields(ancestors[1:])
                tables[spec.name].append({**base, **place, **fields, **parent})
                break
    return tables


def flatten(record: BaseModel, skip: tuple[type, ...] = (), prefix: str = "") -> Row:
    """The record's fields as flat columns.  Records of the ``skip`` types inside it are left out (they are rows of
    their own, e.g. a project's sub-projects)."""
    row: Row = {}
    for name in type(record).model_fields:
        value, key = getattr(record, name), prefix + name
        if value is None or value == [] or value == {}:
            continue
        if isinstance(value, BaseModel):
            if not isinstance(value, skip):  # a record of an exported type is a row of its own
                row.update(flatten(value, skip, key + "."))
        elif isinstance(value, dict):
            row.update({f"{key}.{k}": _mapped_cell(v, skip) for k, v in sorted(value.items(), key=_str_key)})
        elif isinstance(value, (list, tuple)):
            joined = _join_list(value, skip)
            if joined:
                row[key] = joined
        else:
            row[key] = _cell(value)
    return row


def parent_fields(ancestors: tuple[BaseModel, ...]) -> Row:
    """The plain fields of the record's parent (a rubric's title and KPI code for its rows, the sub-strategy of a
    project) as ``parent.<field>`` columns; none for records directly under the document."""
    if not ancestors:
        return {}
    parent = ancestors[-1]
    return {
        f"parent.{name}": _cell(value)
        for name in type(parent).model_fields
        if (value := getattr(parent, name)) is not None and not isinstance(value, (BaseModel, list, tuple, dict))
    }


def _free_name(key: str, *taken: Row) -> str:
    """A record field named like a base or place column (``part``, ``context``…) becomes ``record.<name>``."""
    return f"record.{key}" if any(key in row for row in taken) else key


def context_label(ancestors: Iterable[BaseModel]) -> str:
    """Labels of the records around a record, outermost first ("5 ยุทธศาสตร์ที่ 5 … > 5.1 …")."""
    labels = [label for model in ancestors if (label := record_label(model))]
    return " > ".join(labels)


def record_label(model: BaseModel) -> str:
    ident = next((str(v) for f in ID_FIELDS if (v := getattr(model, f, None)) not in (None, "")), "")
    text = next((str(v) for f in LABEL_FIELDS if isinstance(v := getattr(model, f, None), str) and v), "")
    if len(text) > CONTEXT_LABEL_CHARS:
        text = text[:CONTEXT_LABEL_CHARS].rstrip() + "…"
    return _nfc(f"{ident} {text}".strip())


def _join_list(values: list | tuple, skip: tuple[type, ...]) -> str:
    if all(not isinstance(v, (BaseModel, dict, list, tuple)) for v in values):
        return ("; " if isinstance(values, list) else " ").join(str(_cell(v)) for v in values)
    items = [v for v in values if not isinstance(v, skip)]
    return " | ".join(_item_summary(v) for v in items)


def _mapped_cell(value: Any, skip: tuple[type, ...]) -> Any:
    if isinstance(value, BaseModel):
        return "" if isinstance(value, skip) else _item_summary(value)
    if isinstance(value, (list, tuple)):
        return _join_list(value, skip)
    return _cell(value)


def _str_key(item: tuple[Any, Any]) -> str:
    return str(item[0])


def _item_summary(value: Any) -> str:
    if isinstance(value, BaseModel):
        fields = flatten(value)
        return "; ".join(f"{k}={v}" for k, v in fields.items() if not k.startswith("source."))
    return _nfc(json.dumps(value, ensure_ascii=False))


def _cell(value: Any) -> Any:
    if isinstance(value, str):
        return _nfc(value)
    if isinstance(value, (bool, int)) or value is None:
        return value
    if isinstance(value, (list, tuple, dict)):
        return _nfc(json.dumps(value, ensure_ascii=False))
    return _nfc(str(value))


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


# --- collecting a batch ------------------------------------------------------------------------------------------


class FlatExport:
    """Accumulates the tables of many documents, then writes them as CSV files, one XLSX workbook and JSONL.

    Rows are kept in memory until ``write`` because a column set is the union over every document.
    """

    def __init__(self) -> None:
        self.tables: dict[str, list[Row]] = {spec.name: [] for spec in TABLES}
        self.extra: dict[str, list[Row]] = {}
        self.jsonl: list[str] = []

    def add_document(self, document: PlanDocument, path: str, sha256: str, json_data: dict | None = None) -> None:
        """Add one document (``json_data``: its canonical JSON data, to reuse instead of dumping it again)."""
        from extractor.emit.canonical import to_json_data

        info = document.document
        base = {"path": path, "sha256": sha256, "unit_name": info.unit_name, "fiscal_year_be": info.fiscal_year_be}
        for name, rows in document_tables(document, base).items():
            self.tables[name].extend(rows)
        data = json_data if json_data is not None else to_json_data(document)
        line = {"path": path, "sha256": sha256, "document": data}
        self.jsonl.append(json.dumps(line, ensure_ascii=False, separators=(",", ":")))

    def add_rows(self, table: str, rows: Iterable[Row]) -> None:
        """Rows of a table the caller builds itself (e.g. the batch's one row per input), written first."""
        self.extra.setdefault(table, []).extend(rows)

    def all_tables(self) -> dict[str, list[Row]]:
        return {**self.extra, **self.tables}

    def write(self, out_dir: Path, formats: Iterable[str] = FORMATS, stem: str = "batch") -> list[Path]:
        """Write the chosen formats into ``out_dir``; returns the files written."""
        out_dir = Path(out_dir)
        out_dir.mkdir(parents=True, exist_ok=True)
        written: list[Path] = []
        formats = set(formats)
        if "jsonl" in formats:
            path = out_dir / f"{stem}.jsonl"
            with atomic_output(path, "w") as handle:
                handle.writelines(line + "\n" for line in self.jsonl)
            written.append(path)
        tables = self.all_tables()
        if "csv" in formats:
            for name, rows in tables.items():
                written.append(write_csv(out_dir / f"{name}.csv", rows))
        if "xlsx" in formats:
            written.append(write_xlsx(out_dir / f"{stem}.xlsx", tables))
        return written


# --- writers -----------------------------------------------------------------------------------------------------


def columns_of(rows: Iterable[Row]) -> list[str]:
    """Base and place columns first, then every other column in the order it first appears."""
    seen: dict[str, None] = {}
    for row in rows:
        seen.update(dict.fromkeys(row))
    leading = [c for c in (*BASE_COLUMNS, *PLACE_COLUMNS) if c in seen]
    return leading + [c for c in seen if c not in leading]


def write_csv(path: Path, rows: list[Row]) -> Path:
    columns = columns_of(rows)
    with atomic_output(path, "w", encoding="utf-8-sig") as handle:
        writer = csv.writer(handle, lineterminator="\r\n")
        writer.writerow(columns)
        for row in rows:
            writer.writerow([_csv_value(row.get(c)) for c in columns])
    return path


def write_xlsx(path: Path, tables: dict[str, list[Row]]) -> Path:
    """One sheet per table (split into ``name_2``… past Excel's row limit), header row frozen.  Strings are always
    text cells, never formulas, even when they start with '='."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font

    workbook = Workbook(write_only=True)
    for name, rows in tables.items():
        columns = columns_of(rows)
        for part, chunk in enumerate(_chunks(rows, EXCEL_ROW_LIMIT - 1)):
            sheet = workbook.create_sheet((name if part == 0 else f"{name}_{part + 1}")[:31])
            sheet.freeze_panes = "A2"
            header = []
            for column in columns:
                cell = WriteOnlyCell(sheet, value=column)
                cell.font = Font(bold=True)
                header.append(cell)
            sheet.append(header)
            for row in chunk:
                sheet.append([_xlsx_cell(sheet, row.get(c), WriteOnlyCell) for c in columns])
    with atomic_output(path, "wb") as handle:
        workbook.save(handle)
    return path


def _chunks(rows: list[Row], size: int) -> Iterator[list[Row]]:
    yield rows[:size]
    for start in range(size, len(rows), size):
        yield rows[start : start + size]


def _csv_value(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _xlsx_cell(sheet, value: Any, cell_type):
    if isinstance(value, str):
        value = _xlsx_text(value)
    cell = cell_type(sheet, value=value)
    if isinstance(value, str):
        cell.data_type = "s"  # never a formula
    return cell


def _xlsx_text(text: str) -> str:
    """Excel refuses control characters and cells over 32,767 characters; the JSON keeps the full text."""
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    text = ILLEGAL_CHARACTERS_RE.sub("\ufffd", text)
    if len(text) > EXCEL_CELL_LIMIT:
        note = f" …[cut: {len(text)} characters in all, see the JSON]"
        text = text[: EXCEL_CELL_LIMIT - len(note)] + note
    return text


__all__ = [
    "FlatExport",
    "TABLES",
    "TableSpec",
    "columns_of",
    "context_label",
    "count_records",
    "document_tables",
    "flatten",
    "iter_records",
    "write_csv",
    "write_xlsx",
]
