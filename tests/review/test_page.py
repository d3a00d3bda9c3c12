"""The review page without a browser: what it embeds, that untrusted text cannot escape, and the CLI."""

from __future__ import annotations

import base64
import hashlib
import json
import re
from importlib import resources

import pytest

from extractor.cli import main
from extractor.emit.review import build_review_data, render_html
from extractor.emit.review.page import embed_json
from extractor.errors import InputError
from extractor.commands import parse_pages

HOSTILE = '</script><script>alert(1)</script><!-- <img src=x onerror=alert(2)> & \u2028'


def review_data(title: str = "t", label: str = "x") -> dict:
    record = {"id": "r0", "parent": None, "type": "projects", "group": "projects", "path": "projects[0]",
              "label": label, "source": {"line_start": 1, "line_end": 1}, "fields": {"name": label}}
    return {"title": title, "name": "n", "format": "text-dump", "pages": [], "lines": [label], "tables": [],
            "records": [record], "findings": [{"id": "f0", "code": "c", "severity": "info", "message": label}]}


def embedded_data(page: str) -> dict:
    (block,) = re.findall(r'<script type="application/json" id="review-data">(.*?)</script>', page, re.S)
    return json.loads(block)


def test_untrusted_text_cannot_close_the_data_block_or_add_markup() -> None:
    data = review_data(title=HOSTILE, label=HOSTILE)
    page = render_html(data)
    assert page.count("<script") == 2 and page.count("</script>") == 2
    assert "<img" not in page and "alert(1)</script>" not in page
    assert embedded_data(page) == data  # the escapes are plain JSON: the page script reads the text back exactly
    assert "<title>&lt;/script&gt;&lt;script&gt;alert(1)" in page


def test_embedded_json_has_no_characters_that_end_a_script_element() -> None:
    text = embed_json({"a": HOSTILE})
    assert not set("<>&\u2028\u2029") & set(text)
    assert json.loads(text) == {"a": HOSTILE}


def test_page_script_puts_text_in_the_dom_as_text_only() -> None:
    script = resources.files("extractor.emit.review").joinpath("templates", "review.js").read_text(encoding="utf-8")
    assert not re.search(r"innerHTML|outerHTML|insertAdjacentHTML|document\.write|eval\(|new Function", script)
    assert "textContent" in script


def test_content_security_policy_allows_only_the_inline_script_and_style() -> None:
    page = render_html(review_data())
    (csp,) = re.findall(r'http-equiv="Content-Security-Policy" content="([^"]*)"', page)
    (script,) = re.findall(r"<script>(.*?)</script>", page, re.S)
    (style,) = re.findall(r"<style>(.*?)</style>", page, re.S)
    for text in (script, style):
        digest = base64.b64encode(hashlib.sha256(text.encode()).digest()).decode()
        assert f"'sha256-{digest}'" in csp
    assert "default-src 'none'" in csp and "img-src data:;" in csp


def test_the_page_loads_nothing_from_the_network() -> None:
    page = render_html(review_data())
    assert not re.search(r"(?:src|href)\s*=\s*[\"']?(?:https?:)?//", page)
    assert not re.search(r"@import|url\(\s*[\"']?(?:https?:)?//", page)


def test_text_export_review_has_its_numbered_lines_and_line_spans(plan_dump) -> None:
    data = build_review_data(plan_dump, name=plan_dump.name)
    assert data["format"] == "text-dump" and data["pages"] == []
    assert data["lines"] == plan_dump.read_text(encoding="utf-8").splitlines()
    (project,) = [r for r in data["records"] if r["type"] == "projects"]
    assert project["source"] == {"line_start": 7, "line_end": 7}
    (table,) = data["tables"]
    assert (table["line_start"], table["line_end"], len(table["cells"])) == (6, 7, 10)


def test_pdf_review_has_page_images_table_cells_and_record_boxes(plan_pdf) -> None:
    data = build_review_data(plan_pdf, name="plan.pdf", dpi=36)
    (page,) = data["pages"]
    assert page["image"].startswith("data:image/png;base64,")
    assert base64.b64decode(page["image"].split(",", 1)[1])[:8] == b"\x89PNG\r\n\x1a\n"
    spanned, table = data["tables"]
    assert [(c["row_span"], c["col_span"]) for c in spanned["cells"]] == [(2, 1), (1, 2), (1, 1), (1, 1)]
    assert len(table["cells"]) == 10 and [r["page"] for r in table["regions"]] == [1]
    (project,) = [r for r in data["records"] if r["type"] == "projects"]
    assert project["source"]["page"] == 1 and "9,950,000" in json.dumps(project["fields"])
    x0, y0, x1, y1 = table["regions"][0]["bbox"]
    px0, py0, px1, py1 = project["source"]["bbox"]
    assert x0 - 1 <= px0 and px1 <= x1 + 1 and y0 - 1 <= py0 and py1 <= y1 + 1


def test_cli_writes_one_page_per_input(tmp_path, plan_dump, capsys) -> None:
    assert main(["review", str(plan_dump), "-o", str(tmp_path / "out")]) == 0
    out = tmp_path / "out" / f"{plan_dump.stem}.html"
    assert str(out) in capsys.readouterr().out
    assert embedded_data(out.read_text(encoding="utf-8"))["name"] == plan_dump.name


def test_cli_reports_an_unreadable_input(tmp_path, capsys) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    assert main(["review", str(empty), "-o", str(tmp_path)]) == 2
    assert "empty" in capsys.readouterr().err


def test_page_lists() -> None:
    assert parse_pages("3, 1-2,2") == [1, 2, 3]
    for bad in ("0", "3-1", "a", "1-"):
        with pytest.raises(InputError):
            parse_pages(bad)
