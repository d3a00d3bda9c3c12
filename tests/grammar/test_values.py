from extractor.grammar.values import (
    added_in_year,
    arabic_digits,
    parse_budget,
    parse_int,
    parse_number,
    parse_strategy_code,
    policy_codes,
    unit_abbreviations,
)


def test_budget_statuses_and_amounts():
    assert parse_budget("5,142,730").amount == 5142730
    assert parse_budget("๑,๒๐๐,๐๐๐").amount == 1200000
    assert parse_budget("ไม่ใช้ งบประมาณ").status == "no_budget"
    assert parse_budget("*ไม่ได้รับ งบประมาณ").status == "not_received"
    assert parse_budget("อยู่ระหว่างขอจัดสรร").status == "pending"
    fractional = parse_budget("8.8400")
    assert fractional.amount is None and fractional.amount_decimal == "8.8400"
    assert parse_budget("").status == "unknown"


def test_strategy_code_parts():
    code = parse_strategy_code("775013")
    assert (code.strategy, code.sub_strategy, code.sequence) == ("7", "7.5", "013")
    assert parse_strategy_code("๖๖๑๐๐๕").code == "661005"
    assert parse_strategy_code("เพิ่มเติมปี 2567") is None
    assert added_in_year("เพิ่มเติมปี ๒๕๖๗") == 2567


def test_codes_units_numbers():
    assert policy_codes("P045, P046 และ P๐๕๖") == ["P045", "P046", "P056"]
    assert policy_codes("P") == []
    assert unit_abbreviations("สวพ. และ ทุก หน่วยงาน สวพ.") == ["สวพ."]
    assert arabic_digits("พ.ศ. ๒๕๖๗") == "พ.ศ. 2567"
    assert parse_int("1,200") == 1200 and parse_int("12.5") is None
    assert parse_number("95.50").value == "95.50" and parse_number("100.00").value == 100
