"""Value parsers shared by every builder: small pure functions from a cell's text to a typed value.

Each keeps the source text where it normalises (Thai digits, spaces inside numbers, wrapped abbreviations).
"""

from __future__ import annotations

import regex as re

from extractor.model.base import Budget, BudgetStatus, Number
from extractor.model.strategy import StrategyCode
from extractor.thai.ocr_months import MONTHS

_THAI_DIGITS = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")

_AMOUNT = re.compile(r"(?<![\d.])(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?(?![\d,])")
_STRATEGY_CODE = re.compile(r"(?<!\d)(\d{6})(?!\d)")
_ADDED_IN_YEAR = re.compile(r"เพิ่มเติม\s*ปี\s*(\d{4})")
_POLICY_CODE = re.compile(r"P\s*(\d{3})")
_UNIT_ABBREVIATION = re.compile(r"[ก-ฮ][ก-ฮะ-ู็-์]{0,5}\.(?:[ก-ฮ]{1,4}\.)*")
_DASH_ONLY = re.compile(r"^\s*[-–—]\s*$")
_INTEGER = re.compile(r"^\s*([-+]?\d{1,3}(?:,\d{3})+|[-+]?\d+)(?:\.(\d+))?\s*$")

# Budget words, in the order they are tested: the status a cell states overrides any amount it also shows.
_BUDGET_STATUS_WORDS: tuple[tuple[re.Pattern, BudgetStatus], ...] = (
    (re.compile(r"ไม่ได้รับ\s*(?:การจัดสรร)?\s*งบ"), BudgetStatus.NOT_RECEIVED),
    (re.compile(r"ไม่ใช้\s*งบ|ไม่ใช้เงิน"), BudgetStatus.NO_BUDGET),
    (re.compile(r"อยู่\s*ระหว่าง\s*(?:การ)?\s*ขอ|รอ\s*การ\s*(?:ยืนยัน|โอน|อนุมัติ|จัดสรร)"), BudgetStatus.PENDING),
    (re.compile(r"งบกลาง|เงินนอก\s*งบ|นอก\s*งบประมาณ|เงินอุดหนุน|เงินกู้|เงินบำรุง"), BudgetStatus.OTHER_SOURCE),
)


def arabic_digits(text: str) -> str:
    """Thai digits (๐-๙) as ASCII digits; everything else unchanged."""
    return text.translate(_THAI_DIGITS)


def dots_restored(numbers: list[str | None]) -> list[str | None]:
    """Dotted item numbers (``1.5``, ``2.2.1``) of a numbered sequence in which a scan dropped a dot or read it as a
    digit (``115``, ``15`` for ``1.5``; ``212`` for ``2.2``): for each entry written without a dot, the reading
    that fits its neighbours, else None.  Entries with a dot, and None, are left alone (None in the result).

    A reading puts the dot back in place of one inner digit or between two digits.  It fits when it follows the
    number before it (next item ``1.4 → 1.5``, first sub-item ``2.2 → 2.2.1``, next group ``1.9 → 2.1``) or the
    number after it follows it; only a single fitting reading is taken.  Numbers restored count as neighbours of
    the rest, so a run of them is settled from the side where the sequence is read right.
    """
    known: list[tuple[int, ...] | None] = [_dotted(n) for n in numbers]
    result: list[str | None] = [None] * len(numbers)
    changed = True
    while changed:
        changed = False
        for i, number in enumerate(numbers):
            if known[i] is not None or not number or not number.isdigit() or len(number) < 2:
                continue
            before = known[i - 1] if i > 0 else None
            after = known[i + 1] if i + 1 < len(numbers) else None
            fits = {c for c in _dot_readings(number)
                    if (before and c in _next_numbers(before)) or (after and after in _next_numbers(c))}
            if len(fits) == 1:
                (known[i],) = fits
                result[i] = ".".join(map(str, known[i]))
                changed = True
    return result


def number_between(before: str | None, after: str | None) -> str | None:
    """The one dotted number a numbered sequence allows between two entries (``1.1.1``, ``1.1.3`` → ``1.1.2``), or
    before its first entry where that is the second of its level (→ ``1.1.2`` gives ``1.1.1``); None when none
    or several fit (``1.1.3``, ``1.2`` allows ``1.1.4`` or nothing missing).  The number has the depth of one of
    its neighbours (no sub-item is guessed between ``1.1.2`` and ``1.1.3``)."""
    low, high = _dotted(before), _dotted(after)
    if high is None:
        return None
    if low is None:
        if before is not None or high[-1] < 2:
            return None
        return ".".join(map(str, high[:-1] + (high[-1] - 1,)))
    fits = {c for c in _next_numbers(low) if high in _next_numbers(c) and len(c) in (len(low), len(high))}
    return ".".join(map(str, fits.pop())) if len(fits) == 1 else None


def whole_number_between(before: int | None, after: int | None) -> int | None:
    """The one whole number a plain numbering (1, 2, 3 …) allows between two entries (``n``, ``n + 2`` → ``n + 1``),
    or before its first entry (``before`` None) when that is 2; None when the two leave no single number."""
    low = 0 if before is None else before
    return low + 1 if after == low + 2 else None


def _dotted(number: str | None) -> tuple[int, ...] | None:
    parts = (number or "").split(".")
    return tuple(map(int, parts)) if len(parts) > 1 and all(p.isdigit() for p in parts) else None


def _dot_readings(digits: str) -> set[tuple[int, ...]]:
    inner = range(1, len(digits) - 1)
    readings = [digits[:i] + "." + digits[i + 1:] for i in inner] + [digits[:i] + "." + digits[i:] for i in
                                                                     range(1, len(digits))]
    return {d for r in readings if (d := _dotted(r)) is not None}


def _next_numbers(number: tuple[int, ...]) -> set[tuple[int, ...]]:
    """The numbers that may follow one in a numbered list: the next at any depth below the first, or a first sub-item."""
    following = {number[:depth] + (number[depth] + 1,) for depth in range(1, len(number))}
    return following | {number + (1,), (number[0] + 1, 1)}


def parse_int(text: str) -> int | None:
    """An integer written with optional thousands separators and Thai digits ('๑,๒๐๐' → 1200), else None."""
    m = _INTEGER.match(arabic_digits(text))
    if not m or (m.group(2) and set(m.group(2)) != {"0"}):
        return None
    return int(m.group(1).replace(",", ""))


def parse_number(text: str) -> Number | None:
    """A number as printed and as read (int, or a decimal string when it has a fractional part)."""
    m = _INTEGER.match(arabic_digits(text))
    if not m:
        return None
    whole = m.group(1).replace(",", "")
    fraction = m.group(2)
    value: int | str = int(whole) if not fraction or set(fraction) == {"0"} else f"{int(whole)}.{fraction}"
    return Number(raw=text.strip(), value=value)


def parse_budget(text: str) -> Budget:
    """A budget cell: status words first, then an amount in whole baht (a decimal string when fractional)."""
    raw = " ".join(text.split())
    if _DASH_ONLY.match(raw):
        # A lone dash in a budget column means nothing is budgeted (all templates write it that way).
        return Budget(raw=raw, status=BudgetStatus.NO_BUDGET, amount=0)
    folded = arabic_digits(raw)
    for pattern, status in _BUDGET_STATUS_WORDS:
        if pattern.search(folded):
            amount = _AMOUNT.search(folded)
            return Budget(raw=raw, status=status, **_amount_fields(amount) if amount else {})
    amount = _AMOUNT.search(folded.replace(" ", ""))
    if amount is None:
        return Budget(raw=raw, status=BudgetStatus.UNKNOWN)
    return Budget(raw=raw, status=BudgetStatus.ALLOCATED, **_amount_fields(amount))


def _amount_fields(match: re.Match) -> dict:
    whole = int(match.group(1).replace(",", ""))
    fraction = match.group(2)
    if fraction and set(fraction) != {"0"}:
        return {"amount_decimal": f"{whole}.{fraction}"}
    return {"amount": whole}


def parse_strategy_code(text: str) -> StrategyCode | None:
    """A 6-digit strategy code (รหัสยุทธศาสตร์) split into strategy, sub-strategy and sequence."""
    folded = arabic_digits(text)
    m = _STRATEGY_CODE.search(folded)
    if not m:
        return None
    code = m.group(1)
    strategy, sub_strategy, sequence = code_parts(code)
    return StrategyCode(
        code=code,
        raw=text.strip() if text.strip() != code else None,
        strategy=strategy,
        sub_strategy=sub_strategy,
        sequence=sequence,
    )


def code_parts(code: str) -> tuple[str, str, str]:
    """Strategy, sub-strategy and sequence of a 6-digit code, laid out ``S S s nnn``: the strategy digit written
    twice, the sub-strategy digit, a 3-digit sequence.  551002 → ('5', '5.1', '002'); 775013 → ('7', '7.5', '013')."""
    return code[0], f"{code[0]}.{code[2]}", code[3:]


def added_in_year(text: str) -> int | None:
    """The year of an 'added in year' marker (เพิ่มเติมปี 2567) written instead of a code."""
    m = _ADDED_IN_YEAR.search(arabic_digits(text))
    return int(m.group(1)) if m else None


def policy_codes(text: str) -> list[str]:
    """Policy codes P### in a cell ('P045, P046' → ['P045', 'P046']); a bare 'P' gives none."""
    return [f"P{m.group(1)}" for m in _POLICY_CODE.finditer(arabic_digits(text))]


def unit_abbreviations(text: str) -> list[str]:
    """Unit abbreviations (สยป., กยบ., สนข.) in a cell, in order, without repeats."""
    seen: list[str] = []
    for m in _UNIT_ABBREVIATION.finditer(text.replace(" .", ".")):
        if m.group(0) not in seen:
            seen.append(m.group(0))
    return seen


_RATIO = re.compile(r"^\s*(\S+)\s*/\s*(\S+)\s*$")


def parse_ratio(text: str) -> tuple[Number, Number] | None:
    """A pair of numbers written ``a / b`` ('95 / 100', an evaluation pair of a KPI report), else None."""
    m = _RATIO.match(text)
    if not m:
        return None
    first, second = parse_number(m.group(1)), parse_number(m.group(2))
    return (first, second) if first is not None and second is not None else None


# Thai month names (full and abbreviated) → month number.  Used to date report texts and infer fiscal years.
THAI_MONTHS: dict[str, int] = {
    **{
        name: number
        for number, name in enumerate(
            (
                "มกราคม", "กุมภาพันธ์", "มีนาคม", "เมษายน", "พฤษภาคม", "มิถุนายน",
                "กรกฎาคม", "สิงหาคม", "กันยายน", "ตุลาคม", "พฤศจิกายน", "ธันวาคม",
            ),
            start=1,
        )
    },
    **{name: number for number, name in enumerate(MONTHS, start=1)},  # the abbreviations (ม.ค. … ธ.ค.)
}  # fmt: skip
_MONTH_ALTERNATIVES = "|".join(re.escape(m) for m in sorted(THAI_MONTHS, key=len, reverse=True))
_THAI_DATE = re.compile(
    rf"(?:(?<![\d๐-๙])(?P<day>[0-9๐-๙]{{1,2}})\s*)?(?P<month>{_MONTH_ALTERNATIVES})\s*(?:พ\.ศ\.\s*)?"
    r"(?P<year>[0-9๐-๙]{4})(?![\d๐-๙])"
)


def thai_dates(text: str) -> list[tuple[int | None, int, int, str]]:
    """Dates written with a Thai month and a Buddhist Era year ('14 ธันวาคม 2563', 'มี.ค. ๒๕๖๔'), in order:
    (day or None, month, year BE, the text as written).  A month without a year is not a date here."""
    found = []
    for m in _THAI_DATE.finditer(text):
        day = int(arabic_digits(m.group("day"))) if m.group("day") else None
        found.append((day, THAI_MONTHS[m.group("month")], int(arabic_digits(m.group("year"))), m.group(0)))
    return found


def fiscal_year_of(month: int, year_be: int) -> int:
    """The Thai government fiscal year (ปีงบประมาณ: 1 October to 30 September, named by the year it ends in) that
    a month falls in: December 2563 → 2564, March 2564 → 2564."""
    return year_be + 1 if month >= 10 else year_be




_PLAN_YEAR = re.compile(r"ประจำปี\s*(?:งบประมาณ)?\s*(?:พ\.ศ\.)?\s*(?P<year>25\d\d)(?!\d)")
_BE_YEAR = re.compile(r"(?<!\d)(?P<year>25\d\d)(?!\d)")
BE_CE_OFFSET = 543


def plan_year(text: str) -> int | None:
    """The Buddhist Era year a plan title or heading names (แผนปฏิบัติราชการประจำปี พ.ศ. ๒๕๖๗ → 2567): the year
    after ประจำปี (งบประมาณ) (พ.ศ.), else a lone 25xx year in the text; None when the text names none."""
    folded = arabic_digits(text)
    m = _PLAN_YEAR.search(folded) or _BE_YEAR.search(folded)
    return int(m.group("year")) if m else None


def be_to_ce(year_be: int) -> int:
    """A Buddhist Era year in the Common Era (2567 → 2024): fiscal year 2567 is FY 2024."""
    return year_be - BE_CE_OFFSET


_PAGE_LABEL = re.compile(r"^\(?\s*(?:[0-9๐-๙]{1,4}|[ก-ฮ])\s*\)?$")


def page_label(text: str) -> tuple[str, str | None] | None:
    """A printed page label ('12', '๑๙', '(ก)') with its digits normalised, and the raw label where that changed it;
    None when the text is not a page label."""
    raw = text.strip()
    if not raw or not _PAGE_LABEL.match(raw):
        return None
    normal = arabic_digits(raw)
    return normal, (raw if raw != normal else None)
