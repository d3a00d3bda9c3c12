"""Codes and cross-references of Parts 1-3: strategy codes against the section they sit in, KPI codes against their
tactic, KR/KPI/OKR numbers the parts give the same indicator, and the same project written with different budgets in
different places.

The parts are read from the finished document model only (Part 1, the summaries, the Part 2 and Part 3 builders'
projects, the monitoring tables' project cells), never from another builder's internals.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from difflib import SequenceMatcher

import regex as re

from extractor.grammar.values import arabic_digits, parse_budget
from extractor.model.base import Budget, Finding, Severity, Source
from extractor.model.document import PlanDocument
from extractor.model.strategy import KeyResult, Strategy
from extractor.validate import check

_LEADING_NUMBER = re.compile(r"^\s*[0-9๐-๙]+(?:\.[0-9๐-๙]+)*\.?\s*")
_NAME_PREFIXES = ("ค่าใช้จ่ายในการ", "ค่าใช้จ่าย", "โครงการ", "กิจกรรม")
_NAME_NOISE = re.compile(r"[\s\"“”'()\-–.,:/]+")
# A project named in a monitoring table's project cell with its amount: '๑. ค่าใช้จ่าย… งบประมาณ ๔๘๕,๕๐๐ บาท',
# '3. จัดหาระบบ… 48,789,000 บาท'; an item ends where the next numbered item starts.
_PROJECT_WITH_AMOUNT = re.compile(
    r"(?:^|\s)[0-9๐-๙]+\.(?![0-9๐-๙])\s*(?P<name>(?:(?!\s[0-9๐-๙]+\.(?![0-9๐-๙])|งบประมาณ)[^\n])+?)"
    r"\s*(?:งบประมาณ\s*)?(?P<amount>[0-9๐-๙][0-9๐-๙,]*(?:\.[0-9๐-๙]+)?)\s*บาท"
)
_MIN_CONTAINED = 16  # a normalised name this long contained in another one names the same project


@check
def strategy_codes_match_section(document: PlanDocument) -> list[Finding]:
    """A project's 6-digit code (S S s nnn) must name the strategy and sub-strategy it is listed under."""
    findings = []
    for strategy in _strategies(document):
        for sub in strategy.sub_strategies:
            for project in sub.projects:
                code = project.strategy_code
                if code is None:
                    continue
                if code.sub_strategy != sub.number or code.strategy != strategy.number:
                    findings.append(
                        Finding(code="code.section_mismatch", severity=Severity.ERROR, subject=code.code,
                                message=f"strategy code {code.code} belongs under sub-strategy {code.sub_strategy}, "
                                f"but is listed under {sub.number} ({project.name[:60]})",
                                expected=sub.number, actual=code.sub_strategy, source=project.source)
                    )
                if code.code[0] != code.code[1]:
                    findings.append(
                        Finding(code="code.malformed", severity=Severity.WARNING, subject=code.code,
                                message=f"strategy code {code.code}: the strategy digit is not written twice "
                                "(S S s nnn)", actual=code.code, source=project.source)
                    )
    return findings


@check
def kpi_codes_match_tactic(document: PlanDocument) -> list[Finding]:
    """A KPI code (4.1.4.1) starts with its tactic's code (4.1.4)."""
    findings = []
    for strategy in _strategies(document):
        for sub in strategy.sub_strategies:
            for tactic in sub.tactics:
                for kpi in tactic.kpis:
                    if kpi.code and tactic.code and not kpi.code.startswith(tactic.code + "."):
                        findings.append(
                            Finding(code="code.kpi_outside_tactic", severity=Severity.WARNING, subject=kpi.code,
                                    message=f"KPI {kpi.code} is listed under tactic {tactic.code}",
                                    expected=f"{tactic.code}.*", actual=kpi.code, source=kpi.source)
                        )
    return findings


@dataclass(frozen=True)
class ProjectMention:
    """A project named somewhere with an amount: where, its name (normalised for matching), the amount."""

    place: str
    name: str
    key: str
    amount: int
    source: Source | None


@check
def same_project_same_budget(document: PlanDocument) -> list[Finding]:
    """The same project (by normalised name, or by strategy code) written with different amounts in different
    places (Part 1 section tables, summaries, Part 2 issues, Part 3 routine projects, monitoring tables, the policy
    linkage table)."""
    mentions = project_mentions(document)
    findings = []
    reported: set[tuple[str, str]] = set()
    for i, a in enumerate(mentions):
        for b in mentions[i + 1 :]:
            if a.place == b.place or a.amount == b.amount or not same_project(a.key, b.key):
                continue
            pair = (a.key, b.key)
            if pair in reported:
                continue
            reported.add(pair)
            findings.append(
                Finding(code="project.budget_differs", severity=Severity.ERROR, subject=a.name[:80],
                        message=f"the same project has {a.amount:,} baht in {a.place} and {b.amount:,} baht in "
                        f"{b.place}: {a.name[:80]}",
                        expected=str(a.amount), actual=str(b.amount), source=b.source)
            )
    return findings


def project_mentions(document: PlanDocument) -> list[ProjectMention]:
    """Every project with a whole-baht amount, from every part of the document model (the policy linkage table,
    ตาราง ง, included: it restates the budgets of the projects supporting each KR)."""
    found: list[ProjectMention] = []

    def add(place: str, name: str, budget: Budget | None, source: Source | None) -> None:
        amount = _whole_amount(budget)
        if amount is not None and name:
            found.append(ProjectMention(place, name, normalised_name(name), amount, source))

    for strategy in _strategies(document):
        for sub in strategy.sub_strategies:
            for p in sub.projects:
                add("part1", p.name, p.budget, p.source)
    for summary in document.project_summaries:
        for row in summary.rows:
            add(f"{summary.part} summary", row.label, row.budget, row.source)
    for issue in document.development_issues:
        for p in _with_children(issue.projects):
            add("part2", p.name, p.budget, p.source)
    for group in document.routine_projects:
        for p in group.all_projects():
            add("part3", p.name, p.budget, p.source)
    for kpi in document.monitoring.kpis:
        for m in _PROJECT_WITH_AMOUNT.finditer(kpi.projects or ""):
            add("monitoring", m.group("name"), parse_budget(m.group("amount")), kpi.source)
    for link in document.monitoring.policy_links:
        add("policy linkage", link.project or "", link.budget, link.source)
    return found


def normalised_name(name: str) -> str:
    """A project name reduced for matching: no numbering, generic prefixes, spaces or punctuation."""
    text = _LEADING_NUMBER.sub("", arabic_digits(name))
    text = _NAME_NOISE.sub("", text)
    for prefix in _NAME_PREFIXES:
        if text.startswith(prefix):
            text = text[len(prefix) :]
    return text


def same_project(a: str, b: str) -> bool:
    """Whether two normalised names name the same project: equal, or a long one written inside the other (a name
    shortened in another table).  No fuzzy ratio: sibling projects differ by one word (โรงเรียนวัดโตนด / วัดโคกอน)."""
    if a == b:
        return True
    shorter, longer = sorted((a, b), key=len)
    return len(shorter) >= _MIN_CONTAINED and shorter in longer


def _with_children(projects: list) -> list:
    """Projects and their sub-projects (๗. → ๗.๑ …), in document order."""
    found = []
    for p in projects:
        found.append(p)
        found.extend(_with_children(getattr(p, "children", [])))
    return found


def _whole_amount(budget: Budget | None) -> int | None:
    if budget is None or budget.status not in {"allocated", "not_received", "pending", "other_source"}:
        return None
    return budget.amount


def _strategies(document: PlanDocument) -> list[Strategy]:
    alignment = document.strategic_alignment
    return [s for d in alignment.dimensions for s in d.strategies] + list(alignment.strategies)



# -- indicator numbers across parts ----------------------------------------------------------------------------

_TEXT_NOISE = re.compile(r"[\s\"“”'()\[\]\-–.,:;/*%]+|\(?P\s*[0-9]{3}\)?")
_MASKED = re.compile(r"x{2,}")
_AGREE = 0.75  # similarity ratio of two writings of one indicator (masked code points count as matching)
_MIN_QUOTED_START = 30  # folded code points: a shorter writing that long may quote only the start of the other


@dataclass(frozen=True)
class IndicatorMention:
    """An indicator (KR, KPI, OKR) as one place names it: its scope (the sub-strategy of a KR), number and text."""

    kind: str
    scope: str
    number: str
    text: str
    place: str
    source: Source | None


@check
def indicator_numbers_agree(document: PlanDocument) -> list[Finding]:
    """The KR, KPI and OKR numbers other parts give an indicator agree with the part that defines it.

    The front matter's key KR/KPI index and the Part 2 issues quote Part 1's KRs (by sub-strategy and number) and
    KPIs (by code); the index also lists the district OKRs of the Part 2 KR tables.  A quote whose text is another
    indicator's under a different number is a number conflict; a quote whose number exists with another text is a
    text conflict; one number the index gives two different texts is reused.  A quoted number the defining part
    lacks is ``front_matter.key_indicator_not_in_part1``'s business (the district index lists more OKRs than the
    plan has tables for).  Texts are compared without spaces, punctuation, policy codes and masked spans (xxxx).
    """
    defined = _defined_indicators(document)
    findings: list[Finding] = []
    quotes = list(_quoted_indicators(document))
    findings += _reused_numbers([q for q in quotes if q.place == "the key KR/KPI index"])
    for quote in quotes:
        reference = defined.get((quote.kind, quote.scope))
        if reference:
            finding = _compare(quote, reference, quotes)
            if finding is not None:
                findings.append(finding)
    return findings


def _defined_indicators(document: PlanDocument) -> dict[tuple[str, str], dict[str, str]]:
    """(kind, scope) → number → text: Part 1's KRs by sub-strategy, Part 1's KPIs, Part 2's OKRs."""
    defined: dict[tuple[str, str], dict[str, str]] = defaultdict(dict)
    for strategy in _strategies(document):
        for sub in strategy.sub_strategies:
            for objective in sub.objectives:
                for kr in objective.key_results:
                    if kr.number:
                        defined[("KR", sub.number)].setdefault(kr.number, kr.text)
            for kpi in list(sub.kpis) + [k for t in sub.tactics for k in t.kpis]:
                if kpi.code:
                    defined[("KPI", "")].setdefault(kpi.code, kpi.name)
    for issue in document.development_issues:
        for sub_issue in issue.sub_issues:
            for kr in sub_issue.key_results:
                if kr.number:
                    defined[("OKR", "")].setdefault(kr.number, kr.text)
    return defined


def _quoted_indicators(document: PlanDocument) -> Iterator[IndicatorMention]:
    index = "the key KR/KPI index"
    for item in document.front_matter.key_indicators:
        if item.kind and item.code and (item.kind != "KR" or item.sub_strategy):
            scope = item.sub_strategy if item.kind == "KR" else ""
            yield IndicatorMention(item.kind, scope or "", item.code, item.text, index, item.source)
    for issue in document.development_issues:
        link = issue.bma_link
        sub = link.sub_strategy.code if link and link.sub_strategy else None
        place = f"Part 2 issue {issue.number or issue.name[:30]}"
        key_results: list[KeyResult] = list(issue.key_results)
        if link and link.objective:
            key_results += link.objective.key_results
        for kr in key_results:
            if sub and kr.number and "." not in kr.number:
                yield IndicatorMention("KR", sub, kr.number, kr.text, place, kr.source)
        for kpi in (link.kpis if link else []):
            if kpi.code:
                yield IndicatorMention("KPI", "", kpi.code, kpi.name, place, kpi.source)


def _compare(quote: IndicatorMention, reference: dict[str, str], quotes: list[IndicatorMention]) -> Finding | None:
    own = reference.get(quote.number)
    if own is not None and texts_agree(quote.text, own):
        return None
    label = _label(quote)
    matching = [n for n, text in reference.items() if n != quote.number and texts_agree(quote.text, text)]
    defining = "Part 2" if quote.kind == "OKR" else "Part 1"
    if len(matching) == 1:
        return Finding(
            code=f"{quote.kind.lower()}.number_conflict", severity=Severity.ERROR, subject=label,
            message=f"{quote.place} numbers {label} the indicator {defining} numbers {matching[0]}: "
            f"{quote.text[:80]}",
            expected=matching[0], actual=quote.number, source=quote.source,
        )
    if own is None or _agrees_elsewhere(quote, own, quotes):
        return None
    return Finding(
        code=f"{quote.kind.lower()}.text_conflict", severity=Severity.WARNING, subject=label,
        message=f"{quote.place} gives {label} the text {quote.text[:80]!r}; {defining}'s reads {own[:80]!r}",
        expected=own, actual=quote.text, source=quote.source,
    )


def _agrees_elsewhere(quote: IndicatorMention, own: str, quotes: list[IndicatorMention]) -> bool:
    """Another quote of the same place gives this number the defining text: the number is reused in that place
    (reported once as reused), not this quote's own conflict."""
    return any(
        q is not quote and q.place == quote.place and (q.kind, q.scope, q.number) == (quote.kind, quote.scope,
        quote.number) and texts_agree(q.text, own)
        for q in quotes
    )


def _reused_numbers(quotes: list[IndicatorMention]) -> list[Finding]:
    """One number given to two indicators with different texts within one list."""
    seen: dict[tuple[str, str, str], IndicatorMention] = {}
    findings = []
    for quote in quotes:
        key = (quote.kind, quote.scope, quote.number)
        first = seen.setdefault(key, quote)
        if first is not quote and not texts_agree(first.text, quote.text):
            label = _label(quote)
            findings.append(
                Finding(code=f"{quote.kind.lower()}.number_reused", severity=Severity.ERROR, subject=label,
                        message=f"{quote.place} gives {label} to two indicators: {first.text[:60]!r} and "
                        f"{quote.text[:60]!r}", expected=first.text, actual=quote.text, source=quote.source)
            )
    return findings


def texts_agree(a: str, b: str) -> bool:
    """Whether two writings of an indicator say the same: their similarity ratio, once spaces, punctuation and policy
    codes are left out, reaches ``_AGREE``.  A masked span (xxxx: one x per hidden code point) hides text on one side
    only: its code points count as matched."""
    fa, fb = _TEXT_NOISE.sub("", arabic_digits(a)), _TEXT_NOISE.sub("", arabic_digits(b))
    if not fa or not fb:
        return True
    masked = sum(len(m) for m in _MASKED.findall(fa)) + sum(len(m) for m in _MASKED.findall(fb))
    ca, cb = _MASKED.sub("", fa), _MASKED.sub("", fb)
    matched = sum(block.size for block in SequenceMatcher(None, ca, cb, autojunk=False).get_matching_blocks())
    if 2 * (matched + masked) / (len(fa) + len(fb)) >= _AGREE:
        return True
    shorter, longer = sorted((ca, cb), key=len)  # a long enough writing cut short: the index quotes a name's start
    head = SequenceMatcher(None, shorter, longer[: len(shorter)], autojunk=False).ratio()
    return len(shorter) >= _MIN_QUOTED_START and head >= _AGREE


def _label(quote: IndicatorMention) -> str:
    scope = f" of sub-strategy {quote.scope}" if quote.scope else ""
    return f"{quote.kind} {quote.number}{scope}"
