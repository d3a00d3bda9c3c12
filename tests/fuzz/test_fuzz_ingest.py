"""Fuzzing the readers and the whole text route: any bytes give a SourceDocument/PlanDocument or an InputError."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

import extractor
from extractor.emit import to_canonical_json
from extractor.blocks import BlockKind
from extractor.errors import ExtractorError, InputError
from extractor.ingest import read
from extractor.ingest.dump import read_dump_text
from extractor.ingest.text_decode import decode
from tests.fuzz.strategies import CI, plan_text, thai_text

text_bytes = st.one_of(
    st.binary(max_size=2000),
    plan_text.map(lambda t: t.encode()),
    thai_text.map(lambda t: t.encode("cp874", errors="ignore")),
    st.text(max_size=300).map(lambda t: t.encode("utf-8", errors="surrogatepass")),
)


@CI
@given(text_bytes)
def test_decode_returns_text_or_input_error(data):
    try:
        decoded = decode(data)
    except InputError:
        return
    assert isinstance(decoded.text, str) and decoded.encoding in ("utf-8", "utf-16", "cp874")


@CI
@given(st.one_of(plan_text, st.text(max_size=500)))
def test_dump_reader_keeps_every_line(text):
    """Every line with content ends in a block or a table row (markdown separator rows excepted)."""
    blocks = read_dump_text(text)
    covered = set()
    for block in blocks:
        spans = [row.provenance for row in block.rows] if block.kind is BlockKind.TABLE else [block.provenance]
        for prov in spans:
            covered.update(range(prov.line_start, prov.line_end + 1))
    for number, line in enumerate(text.splitlines(), start=1):
        if line.strip() and not set(line.replace("|", "").replace("\t", "").strip()) <= set("-: "):
            assert number in covered, (number, line)


@CI
@given(text_bytes)
def test_read_gives_a_document_or_a_typed_error(data):
    try:
        document = read(data)
    except InputError:
        return
    assert document.input_format


@CI
@given(plan_text)
def test_text_route_end_to_end(text):
    """Plan-like dumps (seed lines shuffled, cut, damaged) through the grammars, builders and checks."""
    try:
        document = extractor.parse(text.encode())
    except InputError:
        assert not text.strip()
        return
    to_canonical_json(document)  # serialisable: no floats, no stray types
    # parse reports a builder that raised instead of crashing; for the fuzzer that is still a defect to find
    assert not [f.message for f in document.findings if f.code == "builder.failed"]


@CI
@given(st.binary(min_size=1, max_size=600))
def test_random_pdf_bodies_are_typed_errors(body):
    """Bytes behind a PDF header: MuPDF's parser on garbage; only ExtractorError may come out."""
    try:
        extractor.parse(b"%PDF-1.7\n" + body)
    except ExtractorError:
        pass
