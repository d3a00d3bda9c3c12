"""Lost SARA AM (``ำ`` read as ``า``): ``สาคัญ`` = ``สำคัญ``, ``ดาเนินการ`` = ``ดำเนินการ`` (seed 004, web scrapes).

Legacy fonts draw ``ำ`` as NIKHAHIT + SARA AA; an extractor that drops the NIKHAHIT leaves ``า``.  Both letters are
common, so ``า`` → ``ำ`` is never guessed from one word: it is made only on a page whose text shows the loss.

Some PDFs draw ``ำ`` as a space and ``า`` (``จ าแนก``, ``งบด าเนินงาน`` in the real 14.pdf): the same repair.

A *site* is a ``า`` after a consonant (and optional tone mark, optional space) where ``ำ`` makes a dictionary word of at least
``MIN_WORD`` letters at that place, and either

- ``strong``: the text as written has letters outside dictionary words there, and ``ำ`` strictly reduces them
  (``สาคัญ``, ``กาหนด``); or
- ``weak``: it has none, but ``ำ`` reads the same letters in fewer words (``ดา|เนิน|การ`` → ``ดำเนินการ``,
  ``สา|นัก`` → ``สำนัก``).

A page shows the loss (``page_condition``) when it has many Thai consonants and almost no ``ำ`` (the whole font
lost it), or at least ``MIN_STRONG_SITES`` strong sites (one copied block lost it: seed 004 keeps 45 correct ``ำ``
next to its 10 lost ones).  On such a page every site is repaired and reported; on the other pages of a document
that has such a page, only the strong sites; elsewhere nothing is touched.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from extractor.blocks import Repair
from extractor.thai import dictionary
from extractor.thai.chars import CONSONANTS, SARA_AM, WORD_LETTER_CLASS

# Thai letters, also across a space before า (no Thai word starts with า: ``จ าแนก`` is ``จำแนก`` drawn apart)
_RUN_RE = re.compile(f"[{WORD_LETTER_CLASS}]+(?: (?=\u0e32)[{WORD_LETTER_CLASS}]+)*")
_SITE_RE = re.compile(f"(?<=[{CONSONANTS}])[\u0e48-\u0e4b]? ?\u0e32")
_CONSONANT_RE = re.compile(f"[{CONSONANTS}]")
_WINDOW = 12  # letters of context on each side of a site
MIN_WORD = 3
MIN_STRONG_SITES = 2
MIN_CONSONANTS = 400  # "many Thai consonants" (d2md's rule, as in quality.is_text_layer_damaged)
MAX_SARA_AM_RATE = 1 / 400  # "almost no ำ": correct Thai has one per 40-65 consonants (seeds 000-004)
CODE = "thai.sara_am_restored"


@dataclass(frozen=True, slots=True)
class LostSaraAm:
    position: int  # of the word in the text
    written: str  # the dictionary word's letters as written (with า)
    restored: str  # the dictionary word (with ำ)
    strong: bool


def _tokens_with_offsets(text: str) -> list[tuple[int, str]]:
    out, at = [], 0
    for token in dictionary.tokenize(text):
        out.append((at, token))
        at += len(token)
    return out


def _covering(tokens: list[tuple[int, str]], index: int) -> tuple[int, str]:
    for start, token in tokens:
        if start <= index < start + len(token):
            return start, token
    return index, ""


def _unknown(tokens: list[tuple[int, str]]) -> int:
    return sum(len(t) for _, t in tokens if not t.isspace() and not dictionary.is_word(t))


def _site(run: str, aa: int) -> LostSaraAm | None:
    """The site at ``run[aa]`` (a ``า``, or a space and ``า``), if ``ำ`` makes a dictionary word there."""
    gap = 1 if run[aa - 1] == " " else 0
    lo, hi = max(0, aa - gap - _WINDOW), min(len(run), aa + _WINDOW + 1)
    window, i = run[lo:hi], aa - gap - lo
    candidate = window[:i] + SARA_AM + window[i + gap + 1 :]
    before, after = _tokens_with_offsets(window), _tokens_with_offsets(candidate)
    start, word = _covering(after, i)
    if len(word) < MIN_WORD or not dictionary.is_word(word):
        return None
    lost_before, lost_after = _unknown(before), _unknown(after)
    strong = lost_after < lost_before
    if not strong and not (lost_after == lost_before and len(after) < len(before)):
        return None
    written = window[start : start + len(word) + gap]
    return LostSaraAm(lo + start, written, word, strong)


def _may_be_site(tokens: list[tuple[int, str]], index: int, strong_only: bool) -> bool:
    """Cheap filters before the window check (most ``า`` of any text sit inside long dictionary words).

    A strong site needs a non-word within its window; any site needs a short or non-word token where the ``า`` is.
    """
    if strong_only:
        near = (t for start, t in tokens if start < index + _WINDOW and start + len(t) > index - _WINDOW)
        return any(not dictionary.is_word(t) for t in near)
    token = _covering(tokens, index)[1]
    return not dictionary.is_word(token) or len(token) <= MIN_WORD


def find_lost_sara_am(text: str, strong_only: bool = False) -> list[LostSaraAm]:
    """Every site of ``text`` (positions in ``text``); whether to repair them is the page's decision."""
    sites = []
    for run in _RUN_RE.finditer(text):
        if "\u0e32" not in run.group(0):
            continue
        tokens = _tokens_with_offsets(run.group(0))
        if strong_only and all(dictionary.is_word(t) for _, t in tokens):
            continue
        for m in _SITE_RE.finditer(run.group(0)):
            aa = m.end() - 1
            if not _may_be_site(tokens, aa, strong_only):
                continue
            site = _site(run.group(0), aa)
            if site and (site.strong or not strong_only):
                sites.append(LostSaraAm(run.start() + site.position, site.written, site.restored, site.strong))
    return sites


def page_condition(texts: Sequence[str]) -> str | None:
    """Why this page's text shows lost SARA AM, or None when it does not."""
    consonants = sum(len(_CONSONANT_RE.findall(t)) for t in texts)
    sara_am = sum(t.count(SARA_AM) for t in texts)
    if consonants >= MIN_CONSONANTS and sara_am <= consonants * MAX_SARA_AM_RATE:
        return f"{sara_am} SARA AM in {consonants} Thai consonants"
    strong = [s for t in texts for s in find_lost_sara_am(t, strong_only=True)]
    if len(strong) >= MIN_STRONG_SITES:
        words = ", ".join(sorted({s.written for s in strong}))
        return f"{len(strong)} words are not Thai with า and are with ำ ({words})"
    return None


def restore_sara_am(
    texts: Sequence[str], document_reason: str | None = None
) -> tuple[list[tuple[str, list[Repair]]], str | None]:
    """The texts of one page with lost SARA AM restored where the page shows the loss; and the page's reason.

    ``document_reason``: another page of the same document shows the loss (the same font or copied block lost it
    there).  A page without evidence of its own then gets its strong sites repaired only (words that are no Thai
    with ``า`` and are with ``ำ``: one such word is no proof on its own, but it is in a document that lost ``ำ``).
    """
    reason = page_condition(texts)
    if reason is not None:
        return [_apply(t, find_lost_sara_am(t)) for t in texts], reason
    if document_reason is None:
        return [(t, []) for t in texts], None
    strong = [find_lost_sara_am(t, strong_only=True) for t in texts]
    if not any(strong):
        return [(t, []) for t in texts], None
    return [_apply(t, sites) for t, sites in zip(texts, strong)], f"another page: {document_reason}"


def _apply(text: str, sites: list[LostSaraAm]) -> tuple[str, list[Repair]]:
    out, repairs, last = [], [], 0
    for site in sorted(sites, key=lambda s: s.position):
        if site.position < last:
            continue  # two sites in one word: the first already rewrote it
        out.append(text[last : site.position])
        out.append(site.restored)
        repairs.append(Repair(CODE, site.position, site.written, site.restored))
        last = site.position + len(site.written)
    out.append(text[last:])
    return "".join(out), repairs
