"""Building blocks of the canonical document model (pydantic v2).

Principles (see DESIGN.md, "Canonical JSON principles"):
- raw beside normalised: a value that normalisation changed keeps its source text (``name_raw``, ``raw``);
- no floats for money: integer baht, or a decimal string where the source has fractions;
- provenance on every record, in a ``source`` field that the content comparison ignores, because it depends on the
  rendering (line span for dumps, page + bbox for PDFs).
"""

from __future__ import annotations

from enum import Enum

from pydantic import BaseModel, ConfigDict, Field

from extractor import blocks


class Model(BaseModel):
    """Base of every canonical model: unknown fields are errors, so the JSON Schema is exact."""

    model_config = ConfigDict(extra="forbid", use_enum_values=True)


class Source(Model):
    """Where a record came from.  Rendering-dependent: excluded from content comparisons."""

    line_start: int | None = None
    line_end: int | None = None
    page: int | None = None
    bbox: tuple[int, int, int, int] | None = Field(
        None, description="x0, y0, x1, y1 in whole PDF points (no floats in canonical JSON), top-left origin"
    )
    continued_rows: int | None = Field(
        None,
        description="Source rows merged into the record after its first (a row continued on the next page, a cell "
        "the source wrapped onto rows of its own): how the input was laid out, not what it says",
    )

    @classmethod
    def of(cls, prov: blocks.Provenance, continued_rows: int = 0) -> Source:
        bbox = tuple(round(v) for v in prov.bbox) if prov.bbox else None
        return cls(
            line_start=prov.line_start,
            line_end=prov.line_end,
            page=prov.page,
            bbox=bbox,
            continued_rows=continued_rows or None,
        )


class Record(Model):
    """A record of the document with its provenance."""

    source: Source | None = None


class Severity(str, Enum):
    ERROR = "error"  # the document contradicts itself (a total, a code, a count)
    WARNING = "warning"  # something is doubtful or was lost (truncation, masked text, ambiguity)
    INFO = "info"  # a repair the engine made that changed meaning-bearing text


class Finding(Model):
    """An inconsistency, repair or ambiguity, reported instead of hidden."""

    code: str = Field(description="Stable dotted code, e.g. 'total.mismatch', 'thai.masked_span'")
    severity: Severity
    message: str
    subject: str | None = Field(None, description="What the finding is about: a record id, KPI code, table role")
    expected: str | None = None
    actual: str | None = None
    source: Source | None = None


class Number(Model):
    """A number as printed (``raw``) and as read (``value``: int, or a decimal string when it has fractions)."""

    raw: str
    value: int | str | None = None


class BudgetStatus(str, Enum):
    """How a project is funded, from the budget cell."""

    ALLOCATED = "allocated"  # an amount
    NO_BUDGET = "no_budget"  # ไม่ใช้งบประมาณ: needs no budget
    NOT_RECEIVED = "not_received"  # *ไม่ได้รับ งบประมาณ: requested, not granted
    PENDING = "pending"  # อยู่ระหว่างขอจัดสรร: allocation requested
    OTHER_SOURCE = "other_source"  # funded elsewhere (งบกลาง, เงินนอกงบประมาณ, ...)
    UNKNOWN = "unknown"  # empty or unreadable cell


class Budget(Model):
    """A budget cell.  ``amount`` in whole baht; ``amount_decimal`` when the source has fractions (e.g. millions)."""

    raw: str
    status: BudgetStatus
    amount: int | None = None
    amount_decimal: str | None = None
    unit: str | None = Field(None, description="'baht' or 'million_baht' when the document says so")


class Text(Model):
    """A text value with its source text when repair changed it."""

    text: str
    raw: str | None = None
