"""A builder that raises on an input nobody foresaw costs its section, reported as an error finding, not the parse."""

from __future__ import annotations

import extractor
from extractor.grammar.builders import FAILED, bma2567
from tests.conftest import CORPUS

SEED = next(CORPUS.glob("001_*.txt"))


def _raise(*_args, **_kwargs):
    raise IndexError("list index out of range")


def test_a_section_whose_builder_raises_is_left_empty_and_reported(monkeypatch):
    monkeypatch.setattr(bma2567, "front_matter", _raise)
    document = extractor.parse(SEED)
    assert document.front_matter.foreword == [] and document.front_matter.key_indicators == []
    assert document.strategic_alignment.dimensions and document.monitoring.kpis  # the other sections are built
    (failure,) = [f for f in document.findings if f.code == FAILED]
    assert failure.severity == "error" and "front_matter" in failure.message and "IndexError" in failure.message


def test_a_family_builder_that_raises_gives_an_empty_document_with_the_finding(monkeypatch):
    from extractor.grammar import builders

    builders._load_builders()
    monkeypatch.setitem(builders.BUILDERS, "bma-2567", _raise)
    document = extractor.parse(SEED)
    assert document.document.title is None and not document.monitoring.kpis
    assert [f.code for f in document.findings].count(FAILED) == 1
