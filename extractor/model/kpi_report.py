"""A KPI report page (รายละเอียดตัวชี้วัด): one KPI of a unit with its scores and quarterly results.

The page is a web view of the BMA KPI reporting system: labelled values (target and achieved score, KPI type and
level), the assessor's notes, a quarterly table (result, score and an evaluation pair per quarter), one narrative
report per quarter, the KPI's definition, calculation and data collection texts, the BMA strategy path it supports
and the projects that support it.  Values are kept as printed beside what was read from them; nothing is derived
from another value here (the checks in ``extractor.validate.kpi_report`` compare them).
"""

from __future__ import annotations

from pydantic import Field

from extractor.model.base import Model, Number, Record


class EvaluationPair(Model):
    """ผลประเมินตัวชี้วัด, a pair written ``2.1 / 2.2`` ('95 / 100'); what the two members mean is not stated."""

    raw: str
    first: Number | None = Field(None, description="Member 2.1 of the pair")
    second: Number | None = Field(None, description="Member 2.2 of the pair")


class QuarterResult(Record):
    """One row of the quarterly table (ผลงานเทียบกับเป้าหมายรายไตรมาส)."""

    quarter: int = Field(description="ไตรมาสที่ (1-4)")
    quarter_raw: str | None = None
    result: Number | None = Field(None, description="ผลงาน: the result reported for the quarter")
    score: Number | None = Field(None, description="คะแนน: the score given for the quarter")
    evaluation: EvaluationPair | None = Field(None, description="ผลประเมินตัวชี้วัด (2.1 / 2.2)")


class QuarterReport(Record):
    """รายงานผลฯ ไตรมาสที่ n: the unit's narrative report for one quarter."""

    quarter: int
    text: str
    raw: str | None = None


class QuarterScore(Model):
    quarter: int
    score: Number


class AssessorNote(Record):
    """``*** สยป. ตรวจประเมินตัวชี้วัด : ไตรมาสที่ 1: 95``: scores the assessing unit gave, by quarter."""

    assessor: str = Field(description="The assessing unit's abbreviation (สยป.)")
    text: str = Field(description="The note after the label, as written")
    scores: list[QuarterScore] = Field(default_factory=list)


class TextSection(Record):
    """A labelled text of the page (definition, calculation, data collection, summary), its lines joined."""

    heading: str
    text: str
    raw: str | None = None


class ManualReference(Model):
    """The evaluation-manual item a definition cites: ``(องค์ประกอบที่ ๕ ตัวชี้วัดที่ ๕.๒)``."""

    raw: str
    component: int | None = Field(None, description="องค์ประกอบที่")
    indicator: str | None = Field(None, description="ตัวชี้วัดที่, digits normalised")


class StrategyLink(Record):
    """One level of the BMA strategy path the KPI supports (สนับสนุนยุทธศาสตร์กรุงเทพมหานครฯ)."""

    level: int = Field(description="1 = ด้าน (strategy), 2 = sub-strategy, ... (the number of code parts)")
    code: str = Field(description="The code with Arabic digits ('7.3.1')")
    code_raw: str | None = None
    label: str | None = Field(None, description="The word before the code, e.g. ด้านที่")
    name: str
    name_raw: str | None = None
    truncated: bool = Field(False, description="The page cut the name off (it ends in '%')")


class SupportingProject(Record):
    """โครงการ/กิจกรรมที่สนับสนุนตัวชี้วัด: one line of the supporting projects."""

    name: str
    name_raw: str | None = None


class PageText(Record):
    """A line of the page kept outside the KPI's content: web-page furniture (navigation, a print link, a stray
    counter) or text no section of the page took; kept so nothing is lost."""

    text: str
    raw: str | None = None


class KpiReport(Record):
    number: str | None = Field(None, description="The KPI's number on the page, e.g. '5.2'")
    name: str | None = Field(None, description="The KPI's name; None when the page has no KPI heading (a finding)")
    name_raw: str | None = None
    system_code: str | None = Field(None, description="The reporting system's KPI code, e.g. '0409-0968'")
    kpi_type: str | None = Field(None, description="ประเภทตัวชี้วัด, e.g. ตัวชี้วัดงานประจำ")
    level: str | None = Field(None, description="The KPI level in English when given ('output')")
    level_th: str | None = Field(None, description="ตัวชี้วัดระดับ…, the level in Thai ('ผลผลิต')")
    level_raw: str | None = None
    target_score: Number | None = Field(None, description="ค่าเป้าหมาย คะแนน")
    achieved_score: Number | None = Field(None, description="ผลงานที่ทำได้ คะแนน")
    assessor_notes: list[AssessorNote] = Field(default_factory=list)
    quarter_columns_raw: list[str] = Field(
        default_factory=list, description="The quarterly table's header as written (one line per header fragment)"
    )
    quarters: list[QuarterResult] = Field(default_factory=list)
    quarter_reports: list[QuarterReport] = Field(default_factory=list)
    summary: TextSection | None = Field(None, description="สรุปผลการดำเนินงาน (None when its body is empty)")
    definition: TextSection | None = Field(None, description="นิยาม หรือความหมายของตัวชี้วัด")
    manual_reference: ManualReference | None = None
    calculation: TextSection | None = Field(None, description="วิธีการคำนวณ หรือ เกณฑ์การประเมิน")
    data_collection: TextSection | None = Field(None, description="วิธีการเก็บข้อมูล/แหล่งข้อมูล")
    strategy_links: list[StrategyLink] = Field(default_factory=list)
    supporting_projects: list[SupportingProject] = Field(default_factory=list)
    page_furniture: list[PageText] = Field(default_factory=list, description="Navigation and UI text of the page")
    other_text: list[PageText] = Field(
        default_factory=list, description="Text no section took (each line is also reported as a finding)"
    )
