"""The review page in a real browser (headless Chromium through chromedriver): overlays are drawn, selecting a
record highlights its box or lines, clicking the page selects the record there.  Screenshots go to test-output/."""

from __future__ import annotations

import pytest

from extractor.emit.review import write_review
from tests.review.conftest import SCREENSHOTS
from tests.review.webdriver import Browser, find_browser

BROWSER = find_browser()
pytestmark = pytest.mark.skipif(
    BROWSER is None, reason="chromium and chromedriver are not installed (Debian: apt-get install chromium "
    "chromium-driver; `make test` installs them)"
)

# Where the highlight is, in PDF points of its page: from the rendered geometry, not from the data.
HIGHLIGHT_BBOX = """
const hl = document.getElementById('highlight');
if (!hl) return null;
const page = hl.closest('.page'), img = page.querySelector('img').getBoundingClientRect();
const r = hl.getBoundingClientRect();
const p = JSON.parse(document.getElementById('review-data').textContent).pages
  .find(q => String(q.number) === page.dataset.page);
const sx = p.width / img.width, sy = p.height / img.height;
return [(r.left - img.left) * sx, (r.top - img.top) * sy, (r.right - img.left) * sx, (r.bottom - img.top) * sy];
"""
COUNTS = ("return ['table', 'cell', 'cell.span', 'record', 'finding']"
          ".map(c => document.querySelectorAll('.box.' + c).length)")
DATA = "JSON.parse(document.getElementById('review-data').textContent)"
RECORD = f"return {DATA}.records.find(r => r.type === arguments[0])"
SELECTED = "const n = document.querySelector('.node.selected'); return n && n.parentElement.dataset.id"


@pytest.fixture(scope="module")
def browser():
    with Browser(*BROWSER) as b:
        yield b


def open_review(browser: Browser, source, out_dir) -> None:
    page = write_review(source, out_dir, dpi=72)
    browser.get(page.as_uri())
    assert browser.wait_for("return document.body.dataset.ready === 'true'"), "the page script did not finish"


def assert_highlight_at(browser: Browser, bbox) -> None:
    drawn = browser.execute(HIGHLIGHT_BBOX)
    assert drawn is not None, "nothing highlighted"
    assert all(abs(a - b) <= 1.5 for a, b in zip(drawn, bbox)), (drawn, bbox)


def test_pdf_review_overlays_and_selection(browser, plan_pdf, tmp_path) -> None:
    open_review(browser, plan_pdf, tmp_path)
    tables, cells, spanned, records, findings = browser.execute(COUNTS)
    assert (tables, cells, spanned) == (2, 14, 2)
    assert records >= 6 and findings >= 1
    labels = "return [...document.querySelectorAll('.box.cell.span')].map(b => getComputedStyle(b, '::after').content)"
    assert browser.execute(labels) == ['"2×1"', '"1×2"']

    project = browser.execute(RECORD, "projects")
    sub_strategy = browser.execute(RECORD, "sub_strategies")
    # Clicking inside the project row on the page selects the project (in the tree, and its box).
    page = browser.rect(browser.find('.page[data-page="1"] img'))
    scale = page["width"] / 595
    x0, y0, x1, y1 = project["source"]["bbox"]
    browser.click_at(page["x"] + (x0 + x1) / 2 * scale, page["y"] + (y0 + y1) / 2 * scale)
    assert browser.execute(SELECTED) == project["id"]
    assert_highlight_at(browser, project["source"]["bbox"])

    # Selecting another record in the tree moves the highlight; selecting the project brings it back.
    browser.click(browser.find(f'li[data-id="{sub_strategy["id"]}"] > .node'))
    assert_highlight_at(browser, sub_strategy["source"]["bbox"])
    browser.click(browser.find(f'li[data-id="{project["id"]}"] > .node'))
    assert browser.execute(SELECTED) == project["id"]
    assert_highlight_at(browser, project["source"]["bbox"])
    assert "9,950,000" in browser.execute("return document.getElementById('details').textContent")
    browser.screenshot(SCREENSHOTS / "pdf-project-selected.png")

    # A finding with a box: selecting it in the findings list highlights its box.
    located = browser.execute(
        f"return {DATA}.findings.find(f => f.source && f.source.bbox)")
    browser.click(browser.find("#tab-findings"))
    browser.click(browser.find(f'.finding-item[data-id="{located["id"]}"]'))
    assert_highlight_at(browser, located["source"]["bbox"])


def test_text_export_review_highlights_line_spans(browser, plan_dump, tmp_path) -> None:
    open_review(browser, plan_dump, tmp_path)
    lines = browser.execute("return document.querySelectorAll('.line').length")
    assert lines == len(plan_dump.read_text(encoding="utf-8").splitlines())
    table_lines = browser.execute("return [...document.querySelectorAll('.line.in-table')].map(l => +l.dataset.line)")
    assert table_lines == [6, 7]

    project = browser.execute(RECORD, "projects")
    browser.click(browser.find('.line[data-line="7"]'))  # the reverse direction: a line selects its record
    assert browser.execute(SELECTED) == project["id"]
    highlighted = "return [...document.querySelectorAll('.line.hl')].map(l => +l.dataset.line)"
    assert browser.execute(highlighted) == [7]

    strategy = browser.execute(RECORD, "strategies")
    browser.click(browser.find(f'li[data-id="{strategy["id"]}"] > .node'))
    start, end = strategy["source"]["line_start"], strategy["source"].get("line_end", strategy["source"]["line_start"])
    assert browser.execute(highlighted) == list(range(start, end + 1))
    browser.screenshot(SCREENSHOTS / "dump-strategy-selected.png")
