from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "corpus"
GOLDEN = ROOT / "golden"
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def seed_paths() -> list[Path]:
    return sorted(CORPUS.glob("*.txt"))
