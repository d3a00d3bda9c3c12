"""Render canonical plan documents back to PDF, the way BMA plans are printed (``corpus.render``).

    >>> import extractor
    >>> from corpus.render import render_pdf
    >>> pdf = render_pdf(extractor.parse("corpus/004_ca4f95fc6c9452ec.txt"), "Loma")

The writers (``corpus.render.writers``) turn a ``PlanDocument`` into a typesetting flow in the textual conventions
the grammars recognise (heading lines, table header texts, raw values where the model keeps them); the typesetter
(``corpus.render.typeset``) lays the flow out on A4 pages with TLWG Thai fonts.  Same document and font → the same
bytes.
"""

from __future__ import annotations

from extractor.model.document import PlanDocument

from corpus.render.fonts import FAMILIES
from corpus.render.typeset import Typesetter, write_pdf
from corpus.render.writers import document_flow

FONTS: tuple[str, ...] = ("Garuda", "Loma", "Kinnari")


def render_pdf(document: PlanDocument, font: str = "Garuda") -> bytes:
    """The document typeset as a PDF in the TLWG family ``font`` (Garuda, Loma, Kinnari, Norasi)."""
    flow = document_flow(document)
    pages = Typesetter(font).run(flow.items)
    return write_pdf(pages, font, flow.title)


__all__ = ["FAMILIES", "FONTS", "render_pdf"]
