"""The repair chain on a few pages of the real PDFs (../shared/real-pdfs): raw damage is measured, none is left."""

from __future__ import annotations

from pathlib import Path

import pytest

from extractor.thai import is_text_layer_damaged, quality_metrics, repair_text

REAL = Path(__file__).resolve().parents[3] / "shared" / "real-pdfs"
PAGES = {"31.pdf": range(8, 14), "14.pdf": range(10, 14)}


@pytest.fixture(scope="module", params=sorted(PAGES))
def raw_text(request):
    pymupdf = pytest.importorskip("pymupdf")
    path = REAL / request.param
    if not path.exists():
        pytest.skip(f"{path} not available")
    with pymupdf.open(path) as doc:
        return "\n".join(doc[i].get_text() for i in PAGES[request.param])


def test_raw_text_layer_has_the_documented_damage(raw_text):
    q = quality_metrics(raw_text)
    assert q.counts["latin1_in_thai"] > 0
    assert q.counts["decomposed_sara_am"] > 0


def test_repaired_text_has_no_violations(raw_text):
    repaired, repairs = repair_text(raw_text)
    q = quality_metrics(repaired)
    assert q.violations_per_1000 == 0, q.per_1000
    assert q.dictionary_share >= 0.995
    assert not [r for r in repairs if r.code.endswith(("unresolved", "unmapped"))]


def test_real_pages_are_not_sent_to_ocr(raw_text):
    damaged, reason = is_text_layer_damaged(raw_text)
    assert damaged is False and reason.startswith("ok")
