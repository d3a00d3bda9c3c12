"""Document-level checks: the fiscal year the headings name, the parts the template requires, the parts the table of
contents announces, masked text left in the content, and truncation."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterator

import regex as re

from extractor.grammar.values import arabic_digits
from extractor.model.base import Finding, Severity
from extractor.model.document import PlanDocument
from extractor.validate import check

# Years a heading gives as the plan's or budget's year (ประจำปี พ.ศ. 2567, ปีงบประมาณ พ.ศ. ๒๕๖๗).
_FISCAL_YEAR = re.compile(r"(?:ประจำปี|ปีงบประมาณ)\s*(?:งบประมาณ)?\s*(?:พ\.ศ\.)?\s*(?P<year>25\d\d)(?!\d)")
_TOC_PART = re.compile(r"^ส่วนที่\s*(?P<number>\d)")
_MASK = re.compile(r"(?<![A-Za-z])x{2,}(?![A-Za-z])")

# The parts every plan of a template family has, and how to tell the document has them.
PartTest = Callable[[PlanDocument], bool]
MANDATORY_PARTS: dict[str, dict[str, tuple[str, PartTest]]] = {
    "bma-2567": {
        "front": (
            "front matter (วิสัยทัศน์, พันธกิจ)",
            lambda d: bool(d.front_matter.vision or d.front_matter.missions),
        ),
        "1": ("Part 1 (ส่วนที่ 1): BMA plan strategies", lambda d: bool(d.strategic_alignment.dimensions)),
        "2": ("Part 2 (ส่วนที่ 2): development issues", lambda d: bool(d.development_issues)),
        "3": ("Part 3 (ส่วนที่ 3): routine projects", lambda d: bool(d.routine_projects)),
        "4": ("Part 4 (ส่วนที่ 4): monitoring tables", lambda d: bool(d.monitoring.kpis or d.monitoring.rubrics)),
    },
}


def _family(document: PlanDocument) -> str | None:
    template = document.document.template_id or ""
    return next((f for f in MANDATORY_PARTS if template.startswith(f)), None)


@check
def fiscal_year_consistency(document: PlanDocument) -> list[Finding]:
    """Every heading that names the plan's year (title, table of contents, Part and summary titles) names the
    document's fiscal year."""
    year = document.document.fiscal_year_be
    if year is None:
        return []
    findings = []
    for subject, text, source in _year_headings(document):
        for m in _FISCAL_YEAR.finditer(arabic_digits(text)):
            if int(m.group("year")) != year:
                findings.append(
                    Finding(
                        code="document.fiscal_year_mismatch",
                        severity=Severity.ERROR,
                        message=f"{subject} names fiscal year {m.group('year')}, the document is for {year}",
                        subject=subject,
                        expected=str(year),
                        actual=m.group("year"),
                        source=source,
                    )
                )
    return findings


def _year_headings(document: PlanDocument) -> Iterator[tuple[str, str, object]]:
    info = document.document
    if info.title:
        yield "title", info.title, info.source
    for entry in document.front_matter.table_of_contents:
        yield "table of contents", entry.title, entry.source
    if document.strategic_alignment.title:
        yield "Part 1 title", document.strategic_alignment.title, document.strategic_alignment.source
    for summary in document.project_summaries:
        if summary.title:
            yield f"{summary.part} summary title", summary.title, summary.source


@check
def mandatory_parts(document: PlanDocument) -> list[Finding]:
    """The parts the template requires are present; on a truncated document the message says they may be lost."""
    family = _family(document)
    if family is None:
        return []
    missing = [label for label, present in MANDATORY_PARTS[family].values() if not present(document)]
    reason = " (the document is truncated: it may have been cut off)" if document.document.truncated else ""
    return [
        Finding(
            code="document.part_missing",
            severity=Severity.WARNING,
            message=f"{label} is missing or empty{reason}",
            subject=label,
        )
        for label in missing
    ]


@check
def toc_parts(document: PlanDocument) -> list[Finding]:
    """Parts the table of contents lists against the parts the body has: a listed part the body lacks (lost, or the
    document is cut short), and a body part the table of contents leaves out."""
    family = _family(document)
    toc = document.front_matter.table_of_contents
    if family is None or not toc:
        return []
    listed = {m.group("number") for e in toc if (m := _TOC_PART.match(arabic_digits(e.title)))}
    present = {n for n, (_, test) in MANDATORY_PARTS[family].items() if n.isdigit() and test(document)}
    findings = []
    for number in sorted(listed - present):
        cut = "; the document is truncated" if document.document.truncated else ""
        findings.append(
            Finding(
                code="document.toc_part_not_found",
                severity=Severity.WARNING,
                message=f"the table of contents lists ส่วนที่ {number} but the body has no content for it{cut}",
                subject=f"part {number}",
            )
        )
    for number in sorted(present - listed):
        findings.append(
            Finding(
                code="document.toc_part_unlisted",
                severity=Severity.INFO,
                message=f"the body has Part {number} but the table of contents does not list it",
                subject=f"part {number}",
            )
        )
    return findings


@check
def masked_text(document: PlanDocument) -> list[Finding]:
    """A summary of the masked spans (xxxx) left in the content, by section: the text they hide is lost.  (Each span
    is reported where it occurs by the Thai stage.)"""
    counts: Counter[str] = Counter()
    points = 0
    content = document.model_dump(exclude={"findings", "input", "schema_version"})
    for section, text in _strings(content):
        for m in _MASK.finditer(text):
            counts[section] += 1
            points += len(m.group(0))
    if not counts:
        return []
    where = ", ".join(f"{section} {n}" for section, n in sorted(counts.items()))
    total = sum(counts.values())
    return [
        Finding(
            code="document.masked_spans",
            severity=Severity.WARNING,
            message=f"{total} masked spans ({points} code points) remain in the content ({where}); the hidden text "
            f"is not restored",
            subject="document",
            actual=str(total),
        )
    ]


def _strings(value: object, section: str = "", key: str = "") -> Iterator[tuple[str, str]]:
    """Every content string with the top-level section it is in (raw copies and provenance left out)."""
    if key == "source" or key.endswith("raw"):
        return
    if isinstance(value, str):
        yield section, value
    elif isinstance(value, dict):
        for k, v in value.items():
            yield from _strings(v, section or k, k)
    elif isinstance(value, list):
        for v in value:
            yield from _strings(v, section, key)


@check
def truncation(document: PlanDocument) -> list[Finding]:
    """A document not marked truncated whose table of contents announces pages beyond the last part it has."""
    if document.document.truncated or _family(document) is None:
        return []
    listed = [e for e in document.front_matter.table_of_contents if _TOC_PART.match(arabic_digits(e.title))]
    if not listed:
        return []
    last = max(int(_TOC_PART.match(arabic_digits(e.title)).group("number")) for e in listed)
    tests = MANDATORY_PARTS[_family(document)]
    if str(last) in tests and not tests[str(last)][1](document):
        return [
            Finding(
                code="document.possibly_truncated",
                severity=Severity.WARNING,
                message=f"the table of contents ends with ส่วนที่ {last}, which the body does not reach",
                subject="document",
            )
        ]
    return []


@check
def key_indicators_in_part1(document: PlanDocument) -> list[Finding]:
    """The key KR/KPI list of the front matter against Part 1: a KR or KPI the list names that Part 1 does not
    have (the list is a summary of Part 1, so either one lost it or the list names another unit's indicator)."""
    alignment = document.strategic_alignment
    if not alignment.dimensions:
        return []
    kpis: set[str] = set()
    krs: set[tuple[str, str]] = set()
    for dimension in alignment.dimensions:
        for strategy in dimension.strategies:
            for sub in strategy.sub_strategies:
                kpis.update(k.code for t in sub.tactics for k in t.kpis if k.code)
                krs.update((sub.number, kr.number) for o in sub.objectives for kr in o.key_results if kr.number)
    findings = []
    for item in document.front_matter.key_indicators:
        if item.kind == "KPI" and item.code not in kpis:
            label = f"KPI {item.code}"
        elif item.kind == "KR" and item.sub_strategy and (item.sub_strategy, item.code) not in krs:
            label = f"KR {item.code} of sub-strategy {item.sub_strategy}"
        else:
            continue
        findings.append(
            Finding(
                code="front_matter.key_indicator_not_in_part1",
                severity=Severity.INFO,
                message=f"the key KR/KPI list names {label}, which Part 1 does not have",
                subject=label,
                source=item.source,
            )
        )
    return findings
