"""Front matter: cover, foreword, table of contents, general information, SWOT, vision, missions, goals, key KR/KPI
list (สาระสำคัญของแผนปฏิบัติราชการประจำปี)."""

from __future__ import annotations

from pydantic import Field

from extractor.model.base import Record


class TocEntry(Record):
    """A line of the table of contents (สารบัญ)."""

    title: str
    page: str | None = Field(None, description="Page label as printed ('12', '(ก)'); digits normalised to ASCII")
    page_raw: str | None = Field(None, description="The page label as printed, where normalisation changed it")
    level: int = Field(1, description="1: a section; 2: a sub-entry written with a leading dash")


class SwotItem(Record):
    """One SWOT factor (S1, W2, O3, T4)."""

    category: str = Field(description="strength | weakness | opportunity | threat")
    code: str | None = Field(None, description="The item's code as printed (S1, W2, …); None in numbered lists")
    number: str | None = Field(None, description="The item's number in a numbered list, digits normalised")
    factor: str | None = Field(None, description="The factor the row is about (e.g. 'บุคลากร (Staff)')")
    text: str
    domain: str | None = Field(None, description="The domain column the item sits in, where the table has several")


class NumberedText(Record):
    number: str | None = Field(None, description="The item number, digits normalised to ASCII")
    text: str


class KeyIndicator(Record):
    """One line of the key KR/KPI list (ตัววัดผล/ตัวชี้วัดความสำเร็จสำคัญ)."""

    number: str | None = Field(None, description="The item number, digits normalised to ASCII")
    kind: str | None = Field(None, description="KR | KPI | OKR, where the line names one")
    code: str | None = Field(None, description="The KR number or KPI/OKR code, digits normalised ('5.1.1.1')")
    text: str
    strategy: str | None = Field(None, description="Strategy number (ยุทธศาสตร์ที่) the item sits under")
    sub_strategy: str | None = Field(None, description="Sub-strategy number (ยุทธศาสตร์ย่อยที่), e.g. '5.1'")
    group: str | None = Field(None, description="The nearest heading line of the list above the item")
    supporting: bool = Field(False, description="Marked (สนับสนุน): the unit supports, another unit leads")


class RawTable(Record):
    """A table of the front matter kept as written (e.g. the district boundary table)."""

    rows: list[list[str]] = Field(default_factory=list)


class FrontMatter(Record):
    cover: list[str] = Field(default_factory=list, description="Cover lines (title, unit, plan code) as written")
    foreword: list[str] = Field(default_factory=list, description="คำนำ paragraphs (titled or untitled)")
    table_of_contents: list[TocEntry] = Field(default_factory=list)
    general_information: list[str] = Field(default_factory=list, description="ข้อมูลทั่วไป/สถานการณ์ paragraphs")
    general_information_tables: list[RawTable] = Field(default_factory=list)
    environment_analysis: list[str] = Field(
        default_factory=list, description="Text of the environment analysis that is not a SWOT item (introductions)"
    )
    swot: list[SwotItem] = Field(default_factory=list)
    vision: str | None = None
    missions: list[NumberedText] = Field(default_factory=list)
    goals: list[NumberedText] = Field(default_factory=list)
    key_indicators: list[KeyIndicator] = Field(default_factory=list, description="The key KR/KPI index list")
    key_indicators_open_ended: bool = Field(
        False, description="The list ends with ฯลฯ (et cetera): it does not claim to be complete"
    )
