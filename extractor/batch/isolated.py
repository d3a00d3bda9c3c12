"""A worker process that can be killed: the way a batch enforces its per-document time limit.

A document that hangs the parser (a pathological PDF, a runaway regular expression) cannot be interrupted inside
the process running it, so every document is parsed in a child process (``extractor.batch.child``) that the batch
kills when the time limit passes; the next document gets a fresh child.  A child that crashes (a segfault in a
native library) fails its document, never the batch.  Children are started with ``subprocess`` (not ``fork``), so
this also works inside threaded hosts such as Dask workers.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from multiprocessing.connection import wait
from pathlib import Path
from typing import IO

from extractor.batch import wire
from extractor.batch.child import READY
from extractor.batch.jobs import Job, JobResult
from extractor.errors import ExtractorError

STARTUP_TIMEOUT = 180.0


class WorkerStartError(ExtractorError):
    """A worker process could not start (it exited or stayed silent before it was ready)."""


class IsolatedWorker:
    """One child process; ``submit`` a job, then collect its result with ``collect`` when ``fileno`` is readable."""

    def __init__(self, log: IO | None = None) -> None:
        self.log = log
        self.process: subprocess.Popen | None = None
        self.state = "stopped"  # stopped | starting | idle | busy
        self.job: Job | None = None
        self.since = 0.0  # when the current state began (monotonic)

    def start(self) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-m", "extractor.batch.child"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=self.log,
            bufsize=0,
            env=_child_environment(),
        )
        self._enter("starting")

    def fileno(self) -> int:
        return self.process.stdout.fileno()

    def submit(self, job: Job) -> None:
        """Hand a job to an idle worker.  Raises ``wire.WireClosed`` if the child has gone."""
        try:
            wire.send(self.process.stdin, job)
        except (BrokenPipeError, OSError) as exc:
            self.kill()
            raise wire.WireClosed(f"the worker process went away: {exc}") from exc
        self.job = job
        self._enter("busy")

    def collect(self) -> JobResult | None:
        """Read what the child sent: None after its ready signal, the job's result after a job.  If the child died,
        a busy worker answers with a failed result and a starting one raises ``WorkerStartError``."""
        try:
            message = wire.receive(self.process.stdout)
        except wire.WireClosed:
            return self._died()
        if message == READY:
            self._enter("idle")
            return None
        self.job = None
        self._enter("idle")
        return message

    def overdue(self, timeout: float | None, now: float) -> bool:
        if self.state == "starting":
            return now - self.since > STARTUP_TIMEOUT
        return self.state == "busy" and timeout is not None and now - self.since > timeout

    def time_left(self, timeout: float | None, now: float) -> float | None:
        if self.state == "starting":
            return STARTUP_TIMEOUT - (now - self.since)
        if self.state == "busy" and timeout is not None:
            return timeout - (now - self.since)
        return None

    def expire(self, timeout: float | None) -> JobResult:
        """Kill an overdue child; its job fails with the time limit as the reason."""
        if self.state == "starting":
            self.kill()
            raise WorkerStartError(f"a worker process was not ready within {STARTUP_TIMEOUT:g} s")
        job, elapsed = self.job, time.monotonic() - self.since
        self.kill()
        return JobResult.failure(
            job.sha256,
            "LimitExceededError",
            f"time limit of {timeout:g} s exceeded: the worker process was killed",
            elapsed,
        )

    def run(self, job: Job, timeout: float | None) -> JobResult:
        """Blocking: start the child if needed, parse one document within the time limit.  A child that went away
        while idle (killed by the system, say) is replaced once before the job is given up."""
        try:
            self._ready().submit(job)
        except wire.WireClosed:
            self._ready().submit(job)
        while self.state == "busy":
            if not self._wait_readable(timeout):
                return self.expire(timeout)
            result = self.collect()
            if result is not None:
                return result
        raise WorkerStartError("the worker process stopped without a result")

    def _ready(self) -> IsolatedWorker:
        if self.state == "stopped":
            self.start()
        while self.state == "starting":
            self._wait_readable(STARTUP_TIMEOUT)
            self.collect()  # the ready signal (or WorkerStartError)
        return self

    def kill(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.kill()
        self._reap()

    def close(self) -> None:
        """Stop the child: an idle one is asked (end of input), one still starting or busy is killed."""
        if self.process is None:
            return
        if self.state == "idle":
            try:
                self.process.stdin.close()
                self.process.wait(timeout=2)
            except (OSError, subprocess.TimeoutExpired):
                pass
        self.kill()

    def _wait_readable(self, timeout: float | None) -> bool:
        if wait([self], timeout):
            return True
        if self.state == "starting":
            self.kill()
            raise WorkerStartError(f"a worker process was not ready within {timeout:g} s")
        return False

    def _died(self) -> JobResult:
        was, job, elapsed = self.state, self.job, time.monotonic() - self.since
        self._reap()
        code = self.process.returncode
        how = f"signal {signal.Signals(-code).name}" if code and code < 0 else f"exit code {code}"
        if was == "starting":
            raise WorkerStartError(f"a worker process exited before it was ready ({how}); see the worker log")
        return JobResult.failure(job.sha256, "WorkerDied", f"the worker process died ({how})", elapsed)

    def _reap(self) -> None:
        if self.process is not None:
            for stream in (self.process.stdin, self.process.stdout):
                try:
                    stream.close()
                except OSError:
                    pass
            self.process.wait()
        self.job = None
        self._enter("stopped")

    def _enter(self, state: str) -> None:
        self.state, self.since = state, time.monotonic()


def _child_environment() -> dict[str, str]:
    """The parent's environment, with the directory this ``extractor`` was imported from (and the working
    directory) on the path, so the child runs the same code even when the package is not installed."""
    root = str(Path(__file__).resolve().parents[2])
    paths = [root, os.getcwd(), *filter(None, os.environ.get("PYTHONPATH", "").split(os.pathsep))]
    return {**os.environ, "PYTHONPATH": os.pathsep.join(dict.fromkeys(paths))}
