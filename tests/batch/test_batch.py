"""Local batches: failures recorded with their reason while the rest succeed; resume, changed content, --force."""

import json

import pymupdf
import pytest

from extractor.batch import BatchOptions, run_batch
from extractor.limits import Limits
from tests.batch.conftest import SEEDS, catalogue_rows
from tests.batch.parsers import CRASH, HANG

PLAN_PAGE = SEEDS / "004_ca4f95fc6c9452ec.txt"  # the small KPI report page


def pdf_bytes(pages: int) -> bytes:
    doc = pymupdf.open()
    for n in range(pages):
        doc.new_page().insert_text((72, 72), f"Plan 2567 page {n + 1}")
    data = doc.tobytes()
    doc.close()
    return data


@pytest.fixture(scope="module")
def troubled_run(tmp_path_factory):
    """One batch with good inputs and every kind of bad one, two workers, an 8-second time limit (generous: the
    machine may be busy; only the hung document reaches it)."""
    folder = tmp_path_factory.mktemp("troubled")
    inputs = folder / "in"
    inputs.mkdir()
    (inputs / "good-plan.txt").write_bytes(PLAN_PAGE.read_bytes())
    (inputs / "good.pdf").write_bytes(pdf_bytes(1))
    (inputs / "corrupt.pdf").write_bytes(b"%PDF-1.7\n1 0 obj << /Type /Catalog >> garbage, no xref, no trailer")
    (inputs / "truncated.pdf").write_bytes(pdf_bytes(2)[:300])
    (inputs / "photo.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8)
    (inputs / "empty.txt").write_bytes(b"")
    (inputs / "long.pdf").write_bytes(pdf_bytes(3))
    (inputs / "hangs.txt").write_bytes(HANG)
    (inputs / "crashes.txt").write_bytes(CRASH)
    (inputs / ".hidden.txt").write_bytes(b"never read")
    options = BatchOptions(
        workers=2,
        timeout=8,
        limits=Limits(max_pages=2),
        progress=False,
        parser="tests.batch.parsers:misbehaving_parse",
    )
    out = folder / "out"
    return inputs, out, run_batch([inputs, inputs / "missing.pdf"], out, options)


def test_bad_inputs_fail_with_their_reason_while_the_rest_succeed(troubled_run):
    inputs, out, summary = troubled_run
    assert summary.succeeded == [str(inputs / "good-plan.txt"), str(inputs / "good.pdf")]
    reasons = {path.rsplit("/", 1)[-1]: reason for path, reason in summary.failed}
    assert sorted(reasons) == sorted(
        ["corrupt.pdf", "truncated.pdf", "photo.png", "empty.txt", "long.pdf", "hangs.txt", "crashes.txt",
         "missing.pdf"]
    )  # fmt: skip
    assert reasons["corrupt.pdf"].startswith("InputError: ") and "PDF" in reasons["corrupt.pdf"]
    assert reasons["truncated.pdf"].startswith("InputError: ")
    assert reasons["photo.png"].startswith("InputError: ") and "binary" in reasons["photo.png"]
    assert reasons["empty.txt"].startswith("InputError: ") and "empty" in reasons["empty.txt"]
    assert reasons["long.pdf"] == "LimitExceededError: the document has 3 pages, more than the limit of 2"
    assert reasons["hangs.txt"].startswith("LimitExceededError: time limit of 8 s exceeded")
    assert reasons["crashes.txt"] == "WorkerDied: the worker process died (signal SIGKILL)"
    assert reasons["missing.pdf"] == "no such file or folder"
    assert summary.pages_by_route == {"text": 1}
    assert not summary.ok


def test_the_catalogue_keeps_failures_and_facts_of_finished_documents(troubled_run):
    inputs, out, _ = troubled_run
    rows = dict(catalogue_rows(out, "SELECT i.path, d.status FROM inputs i JOIN documents d USING (sha256)"))
    assert rows[str(inputs / "good.pdf")] == "done" and rows[str(inputs / "hangs.txt")] == "failed"
    assert str(inputs / ".hidden.txt") not in rows
    failed = catalogue_rows(out, "SELECT error_type, error_message, output FROM documents WHERE status = 'failed'")
    assert len(failed) == 7 and all(error and message and output is None for error, message, output in failed)
    pdf = catalogue_rows(
        out,
        "SELECT d.input_format, d.page_count, d.output, r.route FROM documents d JOIN inputs i USING (sha256) "
        "JOIN page_routes r USING (sha256) WHERE i.path = ?",
        (str(inputs / "good.pdf"),),
    )
    sha = catalogue_rows(out, "SELECT sha256 FROM inputs WHERE path = ?", (str(inputs / "good.pdf"),))[0][0]
    assert pdf == [("pdf", 1, f"documents/{sha}.json", "text")]
    document = json.loads((out / "documents" / f"{sha}.json").read_text(encoding="utf-8"))
    codes = catalogue_rows(out, "SELECT code, count FROM findings_by_code WHERE sha256 = ?", (sha,))
    expected: dict[str, int] = {}
    for finding in document["findings"]:
        expected[finding["code"]] = expected.get(finding["code"], 0) + 1
    assert dict(codes) == expected and expected
    assert catalogue_rows(out, "PRAGMA journal_mode") == [("wal",)]


def test_the_documents_table_lists_every_input_with_its_status(troubled_run):
    import csv

    inputs, out, _ = troubled_run
    with open(out / "exports" / "documents.csv", encoding="utf-8-sig", newline="") as handle:
        rows = {row["path"].rsplit("/", 1)[-1]: row for row in csv.DictReader(handle)}
    assert rows["good.pdf"]["status"] == "done" and rows["good.pdf"]["pages_by_route"] == "text 1"
    assert rows["crashes.txt"]["status"] == "failed" and rows["crashes.txt"]["error_type"] == "WorkerDied"
    assert len(rows) == 9  # the missing path has no content and no row; the hidden file is not an input


def test_a_rerun_skips_finished_work_and_parses_changed_content_again(tmp_path):
    inputs = tmp_path / "in"
    inputs.mkdir()
    plan = PLAN_PAGE.read_bytes()
    (inputs / "a.txt").write_bytes(plan)
    (inputs / "b.txt").write_bytes(plan + b"\n")
    (inputs / "same-as-a.txt").write_bytes(plan)
    (inputs / "bad.pdf").write_bytes(b"%PDF-1.4 broken")
    out = tmp_path / "out"
    options = BatchOptions(workers=1, progress=False, exports=("csv",))

    first = run_batch([inputs], out, options)
    assert (first.parsed, first.skipped, len(first.succeeded), len(first.failed)) == (3, 1, 3, 1)

    again = run_batch([inputs], out, options)
    assert (again.parsed, again.skipped, len(again.succeeded)) == (0, 4, 3)

    (inputs / "b.txt").write_bytes(plan + b"\n\n")
    changed = run_batch([inputs], out, options)
    assert (changed.parsed, changed.skipped) == (1, 3)
    assert catalogue_rows(out, "SELECT count(*) FROM documents") == [(4,)]  # the old content's row stays

    retried = run_batch([inputs], out, BatchOptions(**{**options.__dict__, "retry_failed": True}))
    assert (retried.parsed, retried.skipped) == (1, 3)

    forced = run_batch([inputs], out, BatchOptions(**{**options.__dict__, "force": True}))
    assert (forced.parsed, forced.skipped) == (3, 1)  # the duplicate content is still parsed once
    runs = catalogue_rows(out, "SELECT parsed, skipped, failed FROM runs ORDER BY id")
    assert runs == [(3, 1, 1), (0, 4, 1), (1, 3, 1), (1, 3, 1), (3, 1, 1)]


def test_two_batches_cannot_write_to_the_same_folder(tmp_path):
    from extractor.batch.runner import BatchBusyError, _exclusive

    with _exclusive(tmp_path):
        with pytest.raises(BatchBusyError, match="another batch"):
            run_batch([tmp_path / "in"], tmp_path, BatchOptions(progress=False))
    assert run_batch([], tmp_path, BatchOptions(progress=False)).inputs == 0  # free again
