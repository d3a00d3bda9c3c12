"""The killable worker process on its own: a child that dies while idle is replaced before the next job."""

import os
import signal

from extractor.batch.isolated import IsolatedWorker
from extractor.batch.jobs import Job

TEXT = "แผนปฏิบัติราชการ ประจำปีงบประมาณ พ.ศ. 2567\n".encode()


def test_a_child_killed_while_idle_is_replaced_and_the_job_still_runs():
    worker = IsolatedWorker()
    try:
        assert worker.run(Job("first", TEXT), timeout=120).ok
        dead = worker.process
        os.kill(dead.pid, signal.SIGKILL)
        dead.wait()
        result = worker.run(Job("second", TEXT), timeout=120)
        assert result.ok and result.sha256 == "second" and worker.process is not dead
    finally:
        worker.close()
    assert worker.state == "stopped" and worker.process.returncode is not None
