"""A batch killed with SIGKILL midway, then started again, ends with every document done exactly once and the
same outputs as an uninterrupted run."""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from tests.batch.conftest import assert_same_outputs, catalogue_rows

ROOT = Path(__file__).resolve().parents[2]


def batch_command(corpus: Path, out: Path, workers: int) -> list[str]:
    return [sys.executable, "-m", "extractor.cli", "batch", str(corpus), "-o", str(out), "--workers", str(workers)]


def wait_for_done(out: Path, count: int, process: subprocess.Popen, limit: float = 120.0) -> None:
    """Poll the catalogue (WAL: readable while the batch writes) until ``count`` documents are done."""
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        assert process.poll() is None, "the batch ended before it could be killed"
        if (out / "catalogue.sqlite").exists():
            try:
                if catalogue_rows(out, "SELECT count(*) FROM documents WHERE status = 'done'")[0][0] >= count:
                    return
            except Exception:  # the schema is being created
                pass
        time.sleep(0.05)
    raise AssertionError(f"fewer than {count} documents done within {limit} s")


def test_sigkill_midway_then_restart_gives_every_document_once_and_the_reference_outputs(
    batch_corpus, reference_run, tmp_path
):
    out = tmp_path / "out"
    first = subprocess.Popen(
        batch_command(batch_corpus, out, workers=1), cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    wait_for_done(out, 2, first)
    first.send_signal(signal.SIGKILL)
    first.communicate()
    assert first.returncode == -signal.SIGKILL

    done_before = {sha for (sha,) in catalogue_rows(out, "SELECT sha256 FROM documents WHERE status = 'done'")}
    assert 2 <= len(done_before) < 6, "the kill did not land midway"

    second = subprocess.run(
        batch_command(batch_corpus, out, workers=2), cwd=ROOT, capture_output=True, text=True, timeout=300
    )
    assert second.returncode == 0, second.stdout + second.stderr
    assert "6 succeeded, 0 failed" in second.stdout

    # every input done, one catalogue row per content, and the documents done before the kill were not parsed again
    rows = catalogue_rows(
        out, "SELECT i.path, d.status FROM inputs i JOIN documents d ON d.sha256 = i.sha256 ORDER BY i.path"
    )
    assert [status for _, status in rows] == ["done"] * 6
    assert catalogue_rows(out, "SELECT count(*) FROM documents")[0][0] == 6
    runs = catalogue_rows(out, "SELECT parsed, skipped, finished_at FROM runs ORDER BY id")
    assert len(runs) == 2 and runs[0][2] is None  # the killed run never finished
    assert runs[1][:2] == (6 - len(done_before), len(done_before))
    assert_same_outputs(reference_run, out)
    assert not [p for p in out.rglob("*") if p.name.endswith(".tmp")]  # no half-written file left behind

    # progress went to standard error as plain lines (not a terminal): no carriage returns
    assert "documents/s" not in second.stderr and "docs/s" in second.stderr and "\r" not in second.stderr
