from extractor.grammar.values import (
    added_in_year,
    arabic_digits,
    dots_restored,
    number_between,
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


def test_dots_restored_from_the_numbering_around():
    # a dot read as a digit (115 for 1.5) or dropped (15), settled from the neighbour read right, also in a run
    assert dots_restored(["1.3", "1.4", "115", "116", "1.7"]) == [None, None, "1.5", "1.6", None]
    assert dots_restored(["211", "212", "2.2.1", "3.1"]) == ["2.1", "2.2", None, None]
    assert dots_restored(["1.9", "1110", "1.11"]) == [None, "1.10", None]
    assert dots_restored(["1.4", "15"]) == [None, "1.5"]


def test_dots_not_restored_without_a_single_fitting_reading():
    assert dots_restored(["15", None, "1.7"]) == [None, None, None]  # no neighbour read right
    assert dots_restored(["12", "13"]) == [None, None]
    assert dots_restored(["1.4", "199", "2.1"]) == [None, None, None]  # 1.99, 19.9: nothing follows 1.4
    assert dots_restored(["1.1", "7", "1.2"]) == [None, None, None]  # one digit is no dotted number


def test_number_between_neighbours_of_a_numbered_sequence():
    assert number_between("1.1.1", "1.1.3") == "1.1.2"
    assert number_between(None, "1.1.2") == "1.1.1"  # before the first entry: the second's predecessor
    assert number_between("1.1.3", "1.2") == "1.1.4"
    assert number_between("1.9", "2.2") == "2.1"
    assert number_between("1.1.2", "1.1.3") is None  # no sub-item is guessed between two neighbours
    assert number_between(None, "1.2.1") is None  # a first entry has no predecessor at its level
    assert number_between("3", "5") is None and number_between("1.1", None) is None  # no dotted pair
