"""The debug command renders an annotated PNG of a page (spanned cells drawn in orange)."""

from __future__ import annotations

import pymupdf

from extractor.commands.debug_page import ORANGE, render_debug_page
from tests.layout.pdfgen import CellSpec, Drawer, draw_table


def test_debug_page_draws_spanned_cells(tmp_path) -> None:
    d = Drawer()
    d.new_page()
    cells = [CellSpec(0, 0, ["ค่าเป้าหมาย"], col_span=2), CellSpec(1, 0, ["2565"]), CellSpec(1, 1, ["2566"])]
    draw_table(d, 60, 100, [100, 100], [24, 24], cells)
    pdf = tmp_path / "t.pdf"
    pdf.write_bytes(d.bytes())
    out = tmp_path / "p.png"
    render_debug_page(pdf, 1, out, dpi=72)
    pix = pymupdf.Pixmap(str(out))
    orange = tuple(round(c * 255) for c in ORANGE)
    samples = pix.samples
    n = pix.n
    found = any(
        all(abs(samples[i + k] - orange[k]) < 40 for k in range(3)) for i in range(0, len(samples), n)
    )
    assert found
