"""Session cache of round trips: each seed is parsed from its dump once, rendered once per font, and the PDF parsed
once, whatever number of tests look at it."""

from __future__ import annotations

from functools import lru_cache

import extractor
import pytest

from corpus.render.roundtrip import CORPUS, RoundTrip, content, round_trip


@lru_cache(maxsize=None)
def dump_content(seed: str) -> dict:
    return content(extractor.parse(CORPUS / f"{seed}.txt"))


@lru_cache(maxsize=None)
def cached_round_trip(seed: str, font: str) -> RoundTrip:
    return round_trip(seed, font, dump_content(seed))


@pytest.fixture(scope="session")
def trip():
    return cached_round_trip
