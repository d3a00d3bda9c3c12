"""Part 1-3 records: the strategy tree (มิติ → ยุทธศาสตร์ → ยุทธศาสตร์ย่อย → วัตถุประสงค์/KR → กลยุทธ์ → KPI),
projects with budgets, development issues (ประเด็นการพัฒนา), routine projects and project summary tables."""

from __future__ import annotations

from pydantic import Field

from extractor.model.base import Budget, Number, Record


class StrategyCode(Record):
    """A project's 6-digit strategy code (รหัสยุทธศาสตร์) split into its parts, laid out ``S S s nnn``:
    551002 → strategy 5, sub-strategy 5.1, sequence 002 (see ``values.code_parts``)."""

    code: str = Field(description="Six ASCII digits")
    raw: str | None = None
    strategy: str = Field(description="First digit: the strategy number")
    sub_strategy: str = Field(description="Strategy and second digit, e.g. '5.1'")
    sequence: str = Field(description="Last digits: the project's number under the sub-strategy")


class Target(Record):
    """A target value (ค่าเป้าหมาย) as written, with the year it is for when the table says."""

    raw: str
    year_be: int | None = None
    value: Number | None = None
    unit: str | None = None


class Project(Record):
    """A project or activity (โครงการ/กิจกรรม)."""

    number: str | None = Field(None, description="Row number (ลำดับ) where the table has one")
    strategy_code: StrategyCode | None = None
    added_in_year_be: int | None = Field(None, description="'เพิ่มเติมปี 2567' marker instead of a code")
    name: str
    name_raw: str | None = None
    budget: Budget | None = None
    units: list[str] = Field(default_factory=list, description="Responsible units (ส่วนราชการ/หน่วยงานรับผิดชอบ)")
    units_raw: str | None = None
    policy_codes: list[str] = Field(default_factory=list, description="Policy codes P### (รหัสนโยบาย)")
    policy_codes_raw: str | None = Field(None, description="The policy cell as written, when it holds more than codes")
    notes: list[str] = Field(
        default_factory=list, description="Remarks written in the name or unit cell ((*ไม่ได้ดำเนินโครงการนี้…), …)"
    )


class KPI(Record):
    """A key performance indicator (ตัวชี้วัด)."""

    code: str | None = Field(None, description="e.g. '4.1.4.1' (KPI 4.1.4.1), ASCII digits")
    name: str
    name_raw: str | None = None
    targets: list[Target] = Field(default_factory=list, description="Targets (ค่าเป้าหมาย) by year, as written")


class KeyResult(Record):
    """A key result (ตัววัดผลหลัก, KR) of an objective."""

    number: str | None = Field(None, description="KR number as ASCII digits ('3' for KR 3, '1.1.01' for OKR ๑.๑.๐๑)")
    text: str
    text_raw: str | None = None
    target: Target | None = None
    lead_units: list[str] = Field(default_factory=list, description="หน่วยงานรับผิดชอบหลัก")
    lead_units_raw: str | None = None
    support_units: list[str] = Field(default_factory=list, description="หน่วยงานสนับสนุน")
    support_units_raw: str | None = None
    policy_codes: list[str] = Field(default_factory=list, description="Policy codes cited in the KR text (P052)")


class Objective(Record):
    """An objective (วัตถุประสงค์หลัก) and its key results."""

    text: str
    text_raw: str | None = None
    key_results: list[KeyResult] = Field(default_factory=list)


class Tactic(Record):
    """A tactic (กลยุทธ์) with its KPIs."""

    code: str | None = Field(None, description="e.g. '4.1.4', ASCII digits")
    name: str
    name_raw: str | None = Field(None, description="The name as written, where it wraps onto the next line")
    kpis: list[KPI] = Field(default_factory=list)


class SubStrategy(Record):
    """A sub-strategy (ยุทธศาสตร์ย่อย), e.g. 4.1."""

    number: str = Field(description="e.g. '4.1', ASCII digits")
    name: str
    name_raw: str | None = Field(None, description="The name as written, where it wraps onto the next line")
    objectives: list[Objective] = Field(default_factory=list)
    tactics: list[Tactic] = Field(default_factory=list)
    kpis: list[KPI] = Field(default_factory=list, description="KPIs written outside any tactic")
    projects: list[Project] = Field(
        default_factory=list, description="Projects of the sub-strategy (the code has no tactic digit)"
    )


class Strategy(Record):
    """A strategy (ยุทธศาสตร์) of the BMA plan."""

    number: str
    name: str
    name_raw: str | None = Field(None, description="The name as written, where it wraps onto the next line")
    sub_strategies: list[SubStrategy] = Field(default_factory=list)


class Dimension(Record):
    """A dimension (มิติ) of the BMA plan grouping strategies."""

    number: str
    name: str
    note: str | None = None
    strategies: list[Strategy] = Field(default_factory=list)


class StrategicAlignment(Record):
    """Part 1 (ส่วนที่ 1): how the unit's work aligns with the BMA plan."""

    title: str | None = None
    dimensions: list[Dimension] = Field(default_factory=list)
    strategies: list[Strategy] = Field(default_factory=list, description="Strategies written outside any dimension")


class SummaryRow(Record):
    """A numbered row of a project summary table (ลำดับที่ | ชื่อโครงการ | งบประมาณ | ส่วนราชการ | รหัสนโยบาย)."""

    number: str | None = Field(None, description="Row number as ASCII digits")
    label: str = Field(description="Project name")
    label_raw: str | None = None
    budget: Budget | None = None
    units: list[str] = Field(default_factory=list)
    units_raw: str | None = None
    policy_codes: list[str] = Field(default_factory=list)
    values: dict[str, str] = Field(default_factory=dict, description="Other columns as written")


class ProjectSummary(Record):
    """A summary table of projects with its stated totals and the totals computed from its rows."""

    part: str = Field(description="Which part it summarises: 'part1', 'part2', 'part3'")
    title: str | None = None
    rows: list[SummaryRow] = Field(default_factory=list)
    stated_count: int | None = Field(None, description="Count stated in the sentence under the table (รวมจำนวน N)")
    stated_total: Budget | None = Field(None, description="The totals row (รวมงบประมาณทั้งสิ้น)")
    stated_total_text: Budget | None = Field(
        None, description="The amount stated again in the sentence under the table (จำนวนเงินทั้งสิ้น …)"
    )
    notes: list[str] = Field(
        default_factory=list,
        description="Lines written under the summary heading outside its table: subtitles (โครงการ/กิจกรรมสำคัญตาม…, "
        "(เรียงลำดับ…)), the sentences restating the count and amount, remarks (หมายเหตุ)",
    )
    computed_count: int | None = Field(None, description="Number of rows")
    computed_total: int | None = Field(None, description="Sum of counted rows, whole baht, by the document's rule")
    total_rule: str | None = Field(
        None,
        description="The rule computed_total follows: 'exclude_not_received' (amounts of rows marked ไม่ได้รับ "
        "งบประมาณ are left out, pending allocations counted) — the BMA plans' own rule",
    )


def __getattr__(name: str):
    """``DevelopmentIssue`` and ``RoutineGroup`` (Part 2 and 3) live in ``extractor.model.issues``; they are still
    importable from here.  Imported lazily: ``issues`` builds on this module's ``Project`` and ``KeyResult``."""
    if name in ("DevelopmentIssue", "RoutineGroup"):
        from extractor.model import issues

        return getattr(issues, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
