"""Every corpus input parses to exactly its reviewed golden file.

Goldens are the truth: they change only when a person has checked the change against the source document (and
says so in the commit message).  Regenerate with ``make goldens`` (EXTRACTOR_REGENERATE_GOLDENS=1), never in CI.
"""

import difflib
import os

import pytest

from extractor import parse
from extractor.emit import to_canonical_json
from tests.conftest import CORPUS, GOLDEN

REGENERATE = os.environ.get("EXTRACTOR_REGENERATE_GOLDENS") == "1"
INPUTS = sorted(p for p in CORPUS.iterdir() if p.suffix in {".txt", ".pdf"})


def test_regeneration_is_never_switched_on_in_ci():
    assert not (REGENERATE and os.environ.get("CI")), "golden regeneration must not run in CI"


@pytest.mark.parametrize("path", INPUTS, ids=[p.name for p in INPUTS])
def test_corpus_input_matches_its_golden(path):
    actual = to_canonical_json(parse(path))
    golden = GOLDEN / f"{path.stem}.json"
    if REGENERATE:
        golden.parent.mkdir(exist_ok=True)
        golden.write_text(actual, encoding="utf-8")
        pytest.skip("golden regenerated: review the diff before committing")
    assert golden.exists(), f"no golden for {path.name}: run `make goldens` and review it"
    expected = golden.read_text(encoding="utf-8")
    if actual != expected:
        diff = difflib.unified_diff(expected.splitlines(), actual.splitlines(), "golden", "actual", lineterm="", n=2)
        pytest.fail("output differs from the golden file:\n" + "\n".join(list(diff)[:80]))
