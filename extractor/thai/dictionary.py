"""Thai word dictionary: pythainlp's word list plus the BMA domain lexicon (``extractor/thai/lexicon/``).

Built once per process (lazily: pythainlp's list has ~62,000 words) and shared by the wrap joiner, the quality
metrics, the keyboard-garbage detector and the legacy-remap inference.
"""

from __future__ import annotations

import functools
from pathlib import Path

LEXICON_DIR = Path(__file__).parent / "lexicon"


def read_word_list(path: Path) -> list[str]:
    """Entries of a lexicon file: one per line, ``#`` comments and blank lines ignored."""
    words = []
    for line in path.read_text(encoding="utf-8").splitlines():
        entry = line.split("#", 1)[0].strip()
        if entry:
            words.append(entry)
    return words


@functools.lru_cache(maxsize=1)
def domain_words() -> frozenset[str]:
    """The domain lexicon alone (also with abbreviation dots removed, ``สนข.`` → ``สนข``)."""
    words: set[str] = set()
    for path in sorted(LEXICON_DIR.glob("*.txt")):
        for word in read_word_list(path):
            words.add(word)
            if word.endswith("."):
                words.add(word.rstrip("."))
    return frozenset(words)


@functools.lru_cache(maxsize=1)
def words() -> frozenset[str]:
    """pythainlp's Thai word list plus the domain lexicon."""
    from pythainlp.corpus import thai_words

    return frozenset(thai_words()) | domain_words()


@functools.lru_cache(maxsize=1)
def trie():
    """The ``newmm`` dictionary trie (built once)."""
    from pythainlp.util import dict_trie

    return dict_trie(words())


def tokenize(text: str) -> list[str]:
    """``newmm`` tokens of ``text`` with the custom dictionary (whitespace kept as tokens)."""
    from pythainlp.tokenize import word_tokenize

    return word_tokenize(text, custom_dict=trie(), engine="newmm", keep_whitespace=True)


def is_word(token: str) -> bool:
    return token in words()


@functools.lru_cache(maxsize=65536)
def unknown_chars(text: str) -> int:
    """Characters of ``text`` in ``newmm`` tokens that are no dictionary word (how badly it segments)."""
    return sum(len(tok) for tok in tokenize(text) if not tok.isspace() and not is_word(tok))


@functools.lru_cache(maxsize=1)
def word_frequencies() -> dict[str, int]:
    """Thai National Corpus word frequencies (shipped with pythainlp)."""
    from pythainlp.corpus import tnc

    return dict(tnc.word_freqs())
