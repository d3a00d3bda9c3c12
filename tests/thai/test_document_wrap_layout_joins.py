"""The layout's wrap joins in the document's wrap evidence (``WrapEvidence`` with ``joins``; ``blocks.WrapJoin``).

A place where the layout joined two lines is its reading of a line break: a written break after a full line reads
the same.  Such a join votes that the phrase is written joined only where its runs end where the gap's do.
"""

from __future__ import annotations

from extractor.blocks import Block, BlockKind, Cell, Row, WrapJoin
from extractor.thai import WrapEvidence
from extractor.thai_stage import repair_blocks

FOREWORD = "ตามแผนพัฒนากรุงเทพมหานคร ระยะ 20 ปี"
# a definition cell whose written break after ผู้ว่าราชการกรุงเทพมหานคร the layout read as a wrap
FALSE_JOIN = "อนุมัติจากผู้ว่าราชการกรุงเทพมหานครระยะเวลาเฉลี่ยภายใน ๑๒ นาที"
AT_FALSE_JOIN = WrapJoin("ราชการกรุงเทพมหานคร"[-12:], "ระยะเวลาเฉลี่ยภายใน"[:12])


def joined(texts: list[str], joins: list[tuple[WrapJoin, ...]]) -> list[str]:
    return [text for text, _ in WrapEvidence(texts, joins).join()]


def test_a_layout_join_whose_run_goes_on_past_the_gap_is_no_vote():
    assert joined([FOREWORD, FALSE_JOIN], [(), (AT_FALSE_JOIN,)])[0] == FOREWORD
    # the same text as written (no layout join) is evidence, as before
    assert joined([FOREWORD, FALSE_JOIN], [(), ()])[0] == "ตามแผนพัฒนากรุงเทพมหานครระยะ 20 ปี"


def test_a_layout_join_with_the_gaps_whole_context_still_votes():
    texts = ["จ้างที่ปรึกษาตรวจสอบการ ปฏิบัติตามมาตรฐาน", "๑. จ้างที่ปรึกษาตรวจสอบการปฏิบัติตามมาตรฐานและคุณภาพ"]
    join = WrapJoin("ษาตรวจสอบการ", "ปฏิบัติตามมา")
    assert joined(texts, [(), (join,)])[0] == "จ้างที่ปรึกษาตรวจสอบการปฏิบัติตามมาตรฐาน"


def test_the_phrase_written_joined_within_a_line_elsewhere_still_votes():
    written = "ระยะเวลาเฉลี่ยของกรุงเทพมหานครระยะ 20 ปี"
    out = joined([FOREWORD, FALSE_JOIN, written], [(), (AT_FALSE_JOIN,), ()])
    assert out[0] == "ตามแผนพัฒนากรุงเทพมหานครระยะ 20 ปี"


def test_the_thai_stage_reads_the_joins_the_layout_left_on_cells():
    def table(joins: tuple[WrapJoin, ...]) -> list[Block]:
        cell = Cell(FALSE_JOIN, FALSE_JOIN, wrap_joins=joins)
        return [Block(BlockKind.PARAGRAPH, FOREWORD, FOREWORD), Block(BlockKind.TABLE, rows=[Row([cell])])]

    blocks = table((AT_FALSE_JOIN,))
    repair_blocks(blocks, texts_repaired=True)
    assert blocks[0].text == FOREWORD
    blocks = table(())
    repair_blocks(blocks, texts_repaired=True)
    assert blocks[0].text != FOREWORD


SATISFACTION = ["ผลการประเมินความพึงพอใจ ค่าเฉลี่ยของประชาชน", "ความพึงพอใจ ค่าเฉลี่ยของประชาชนทุกเขต"]
# a cell OCR read in two lines: the image shows no space at the end of the first, whatever stood there
OCR_JOINED = "ระดับความพึงพอใจค่าเฉลี่ยของประชาชนในเขต"
AT_OCR_JOIN = WrapJoin("ระดับความพึงพอใจ", "ค่าเฉลี่ยของประชาชนในเขต"[:12], space_unseen=True)


def test_a_join_where_no_space_could_show_gets_the_space_the_document_writes_there():
    out = WrapEvidence([*SATISFACTION, OCR_JOINED], [(), (), (AT_OCR_JOIN,)]).join()
    assert out[2][0] == "ระดับความพึงพอใจ ค่าเฉลี่ยของประชาชนในเขต"
    assert [(r.code, r.position, r.after) for r in out[2][1]] == [("thai.wrap_spaced_repeated", 16, " ")]


def test_a_join_gets_no_space_from_one_copy_from_a_source_that_shows_spaces_or_from_a_phrase_also_written_joined():
    seen = WrapJoin(AT_OCR_JOIN.before, AT_OCR_JOIN.after)
    assert joined([*SATISFACTION, OCR_JOINED], [(), (), (seen,)])[2] == OCR_JOINED
    assert joined([SATISFACTION[0], OCR_JOINED], [(), (AT_OCR_JOIN,)])[1] == OCR_JOINED
    together = "ความพึงพอใจค่าเฉลี่ยของประชาชนทั้งหมด"
    assert joined([*SATISFACTION, together, OCR_JOINED], [(), (), (), (AT_OCR_JOIN,)])[3] == OCR_JOINED


def test_a_join_where_the_source_would_show_a_space_is_a_written_break_if_the_phrase_is_always_written_apart():
    apart = [f"ข้าราชการระดับชำนาญการพิเศษขึ้นไป ประเภทอำนวยการ ข้อ {n}" for n in range(5)]
    joined_cell = "ระดับชำนาญการพิเศษขึ้นไปประเภทอำนวยการและประเภทบริหาร"
    join = WrapJoin("ระดับชำนาญการพิเศษขึ้นไป"[-12:], "ประเภทอำนวยการ"[:12])  # the text layer keeps spaces
    out = WrapEvidence([*apart, joined_cell], [()] * 5 + [(join,)]).join()
    assert out[5][0] == "ระดับชำนาญการพิเศษขึ้นไป\nประเภทอำนวยการและประเภทบริหาร"
    assert [(r.code, r.after) for r in out[5][1]] == [("thai.wrap_written_break", "\n")]
    # four copies apart are a writer's habit, not proof: a wrap inside the phrase stays a join
    assert joined(apart[:4] + [joined_cell], [()] * 4 + [(join,)])[4] == joined_cell


# the phrase across an OCR join, in full, written apart in two phrases; its short words also run on joined elsewhere
SAFE_APART = ["พัฒนาระบบปลอดภัยสูง ระยะที่หนึ่ง", "ระบบปลอดภัยสูง ระยะที่หนึ่งของเขต"]
SAFE_LONGER = "ปลอดภัยสูงระยะยาว"
SAFE_JOINED = "จัดทำระบบปลอดภัยสูงระยะที่หนึ่ง"
AT_SAFE_JOIN = WrapJoin("ระบบปลอดภัยสูง"[-12:], "ระยะที่หนึ่ง", space_unseen=True)


def test_a_join_gets_the_space_where_its_whole_context_is_written_apart_and_never_together():
    out = WrapEvidence([*SAFE_APART, SAFE_LONGER, SAFE_JOINED], [(), (), (), (AT_SAFE_JOIN,)]).join()
    assert out[3][0] == "จัดทำระบบปลอดภัยสูง ระยะที่หนึ่ง"
    assert [(r.code, r.position, r.after) for r in out[3][1]] == [("thai.wrap_spaced_repeated", 19, " ")]
    # one copy of the whole context (12 letters a side) is the writer's phrase: its short words alone would not be
    assert joined([SAFE_APART[0], SAFE_LONGER, SAFE_JOINED], [(), (), (AT_SAFE_JOIN,)])[2] != SAFE_JOINED


def test_one_copy_apart_gives_no_space_where_more_than_twice_as_many_phrases_wrap_at_the_same_place():
    wrapped = [SAFE_JOINED, "พัฒนาระบบปลอดภัยสูงระยะที่หนึ่งของเขต", "ระบบปลอดภัยสูงระยะที่หนึ่งแล้วเสร็จ"]
    out = joined([SAFE_APART[0], *wrapped], [(), (AT_SAFE_JOIN,), (AT_SAFE_JOIN,), (AT_SAFE_JOIN,)])
    assert out[1:] == wrapped  # three scan wraps at the place, each maybe at no space: one copy apart is no habit
    out = joined([*SAFE_APART, *wrapped], [(), (), (AT_SAFE_JOIN,), (AT_SAFE_JOIN,), (AT_SAFE_JOIN,)])
    assert all(" ระยะที่" in text for text in out[2:])  # two copies apart for three wraps


def test_a_join_keeps_no_space_where_the_whole_context_is_also_written_together_or_only_its_words_are_apart():
    short = ["ปลอดภัยสูง ระยะที่หนึ่ง"]  # the words around the join apart, but not the whole context: chance
    assert joined([*short, SAFE_LONGER, SAFE_JOINED], [(), (), (AT_SAFE_JOIN,)])[2] == SAFE_JOINED
    together = "บบปลอดภัยสูงระยะที่หนึ่งแล้ว"
    texts = [*SAFE_APART, SAFE_LONGER, together, SAFE_JOINED]
    assert joined(texts, [(), (), (), (), (AT_SAFE_JOIN,)])[4] == SAFE_JOINED


# an OCR join before a word the document sets off by a space (a budget line's งบประมาณ before its amount)
BUDGET_APART = ["ส่งเสริมการใช้จ่าย งบประมาณ 100,000 บาท", "จัดซื้อครุภัณฑ์สำนักงาน งบประมาณ 250,000 บาท"]
BUDGET_JOINED = "โครงการติดตามและประเมินผลงบประมาณ 899,500 บาท"
AT_BUDGET_JOIN = WrapJoin("ติดตามและประเมินผล"[-12:], "งบประมาณ", space_unseen=True)


def test_a_join_gets_a_space_before_a_word_the_document_sets_off_by_a_space():
    out = WrapEvidence([*BUDGET_APART, BUDGET_JOINED], [(), (), (AT_BUDGET_JOIN,)]).join()
    assert out[2][0] == "โครงการติดตามและประเมินผล งบประมาณ 899,500 บาท"
    assert [(r.code, r.position, r.after) for r in out[2][1]] == [("thai.wrap_spaced_word", 25, " ")]


def test_a_word_set_off_gives_no_space_where_it_is_also_written_on_letters_or_the_two_words_run_together():
    on_letters = "ประจำปีงบประมาณ พ.ศ. 2569"  # one copy against a Thai letter for two apart: no habit of the writer
    heading = "โครงการติดตามและประเมินผลงบประมาณประจำปี"  # no figure after the word: the word alone decides
    assert joined([*BUDGET_APART, on_letters, heading], [(), (), (), (AT_BUDGET_JOIN,)])[3] == heading
    apart = [*BUDGET_APART, "ค่าวัสดุ งบประมาณ 50,000 บาท"]  # three apart for one against: a habit ...
    assert joined([*apart, "ประจำปีงบประมาณ", BUDGET_JOINED], [()] * 4 + [(AT_BUDGET_JOIN,)])[4] != BUDGET_JOINED
    together = "รายงานผลการประเมินผลงบประมาณประจำปี"  # ... but not where the two words run together
    assert joined([*apart, together, BUDGET_JOINED], [()] * 4 + [(AT_BUDGET_JOIN,)])[4] == BUDGET_JOINED
    assert joined([BUDGET_APART[0], BUDGET_JOINED], [(), (AT_BUDGET_JOIN,)])[1] == BUDGET_JOINED  # once is chance
    seen = WrapJoin(AT_BUDGET_JOIN.before, AT_BUDGET_JOIN.after)  # a source that would show the space
    assert joined([*BUDGET_APART, BUDGET_JOINED], [(), (), (seen,)])[2] == BUDGET_JOINED


# an OCR join before a label the document sets off before its figures (ร้อยละ before a share), a word that runs on
# letters elsewhere (เพิ่มขึ้นร้อยละ, ปีงบประมาณ) where no figure follows it
SHARES_APART = ["ไม้ยืนต้น ร้อยละ 80", "ไม้พุ่ม ร้อยละ 15", "เพิ่มขึ้นร้อยละของพื้นที่"]
VINE_JOINED = "ไม้เถาร้อยละ 5"
AT_VINE_JOIN = WrapJoin("ไม้เถา", "ร้อยละ", space_unseen=True)


def test_a_join_gets_a_space_before_a_label_the_document_sets_off_before_its_figures():
    out = WrapEvidence([*SHARES_APART, VINE_JOINED], [(), (), (), (AT_VINE_JOIN,)]).join()
    assert out[3][0] == "ไม้เถา ร้อยละ 5"
    assert [(r.code, r.position, r.after) for r in out[3][1]] == [("thai.wrap_spaced_label", 6, " ")]


def test_a_label_gives_no_space_where_it_runs_on_letters_before_figures_as_often_or_no_figure_follows_it():
    # on letters before a figure three times, apart twice
    on_letters = ["เพิ่มขึ้นร้อยละ 10", "ลดลงร้อยละ 3", "คิดเป็นร้อยละ 7"]
    assert joined([*SHARES_APART, *on_letters, VINE_JOINED], [()] * 6 + [(AT_VINE_JOIN,)])[6] == VINE_JOINED
    assert joined([SHARES_APART[0], VINE_JOINED], [(), (AT_VINE_JOIN,)])[1] == VINE_JOINED  # once is chance
    words = "ไม้เถาร้อยละห้า"  # no figure after the run
    assert joined([*SHARES_APART, words], [(), (), (), (AT_VINE_JOIN,)])[3] == words
    together = "พื้นที่ไม้เถาร้อยละ 3 ของเขต"  # the two words run together elsewhere
    assert joined([*SHARES_APART, together, VINE_JOINED], [()] * 4 + [(AT_VINE_JOIN,)])[4] == VINE_JOINED
    seen = WrapJoin(AT_VINE_JOIN.before, AT_VINE_JOIN.after)  # a source that would show the space
    assert joined([*SHARES_APART, VINE_JOINED], [(), (), (), (seen,)])[3] == VINE_JOINED


def test_a_join_gets_a_space_after_a_word_the_document_sets_off_and_before_an_abbreviation_it_sets_off():
    defined = ["ข้อมูลเปิด หมายถึง ข้อมูลที่เผยแพร่", "ผู้รับบริการ หมายถึง ประชาชน"]
    term = "ความโปร่งใสหมายถึงการเปิดเผยข้อมูล"
    at_term = WrapJoin("ความโปร่งใสหมายถึง"[-12:], "การเปิดเผยข้อมูล"[:12], space_unseen=True)
    assert joined([*defined, term], [(), (), (at_term,)])[2] == "ความโปร่งใสหมายถึง การเปิดเผยข้อมูล"
    years = ["ตามแผน พ.ศ. 2566", "ในรอบปี พ.ศ. 2567", "กรุงเทพมหานครเป็นเมืองน่าอยู่"]
    plan = "แผนพัฒนากรุงเทพมหานครพ.ศ. 2570"
    at_plan = WrapJoin("พัฒนากรุงเทพมหานคร"[-12:], "พ", space_unseen=True)
    assert joined([*years, plan], [(), (), (), (at_plan,)])[3] == "แผนพัฒนากรุงเทพมหานคร พ.ศ. 2570"
    # the word before runs on elsewhere into a word of the abbreviation's letter (ไม่มีพี่เลี้ยง), not into the
    # abbreviation: the two are never written together
    none = "พ.ศ. 2564 ไม่มีพ.ศ. 2565 ไม่มี"
    at_none = WrapJoin("ไม่มี", "พ", space_unseen=True)
    spaced = "พ.ศ. 2564 ไม่มี พ.ศ. 2565 ไม่มี"
    assert joined([*years, "เนื่องจากไม่มีพี่เลี้ยง", none], [()] * 4 + [(at_none,)])[4] == spaced
    assert joined([*years, "ไม่มีพ.ศ. กำกับ", none], [()] * 4 + [(at_none,)])[4] == none


GREEN_APART = "๔.๑ เพิ่มพื้นที่สีเขียว ต้นไม้"  # a heading a scan shows with its space
GREEN_WRAPPED = "๔.๑ เพิ่มพื้นที่สีเขียวต้นไม้"  # the same heading wrapped in a narrow cell of a scan
# the layout took the join's letters before the OCR post-correction put the mark of ที่ back
AT_GREEN_JOIN = WrapJoin("ื้นทีสีเขียว", "ต้นไม้", space_unseen=True)


def test_a_join_where_no_space_could_show_is_no_vote_that_the_phrase_is_written_joined():
    texts = [GREEN_APART, GREEN_WRAPPED]
    assert [t for t, _ in WrapEvidence(texts, [(), (AT_GREEN_JOIN,)], inked=[True, True]).join()][0] == GREEN_APART
    # the same join where the source shows a wrap's space and shows none here: the phrase is written joined
    seen = WrapJoin(AT_GREEN_JOIN.before, AT_GREEN_JOIN.after)
    assert joined(texts, [(), (seen,)])[0] == GREEN_WRAPPED


def test_a_join_is_found_by_its_letters_when_a_correction_put_a_mark_back_after_the_layout():
    segments = WrapEvidence([GREEN_WRAPPED], [(AT_GREEN_JOIN,)]).segments
    assert [(seg.text, sorted(seg.joined)) for seg in segments] == [(GREEN_WRAPPED, [len("๔.๑เพิ่มพื้นที่สีเขียว")])]
