"""Local execution: a pool of killable worker processes (``IsolatedWorker``) fed from a job iterator.

Jobs are pulled only when a worker is free, so the batch holds at most one input's bytes per worker in memory.
Results come back in completion order; the caller writes outputs and the catalogue (the parent is the only writer).
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Iterator
from multiprocessing.connection import wait
from typing import IO

from extractor.batch import wire
from extractor.batch.isolated import IsolatedWorker
from extractor.batch.jobs import Job, JobResult


class LocalPool:
    def __init__(self, workers: int, timeout: float | None, log: IO | None = None) -> None:
        self.size = max(1, workers)
        self.timeout = timeout
        self.log = log

    def run(self, jobs: Iterable[Job]) -> Iterator[JobResult]:
        pending = iter(jobs)
        queue: list[Job] = []  # at most one job pulled ahead, or one a dead child could not take
        workers = [IsolatedWorker(self.log) for _ in range(self.size)]
        exhausted = False
        try:
            while True:
                exhausted = self._feed(workers, pending, queue, exhausted)
                if exhausted and not queue and not any(w.state == "busy" for w in workers):
                    return
                yield from self._step(workers)
        finally:
            for worker in workers:
                worker.close()

    @staticmethod
    def _feed(workers: list[IsolatedWorker], pending: Iterator[Job], queue: list[Job], exhausted: bool) -> bool:
        """Give a job to every idle worker, starting a stopped one only when there is a job for it (a batch with
        nothing left to parse starts no process).  Returns: the job iterator is exhausted."""
        for worker in workers:
            if worker.state not in ("idle", "stopped"):
                continue
            if not queue and not exhausted:
                job = next(pending, None)
                exhausted = job is None
                queue.extend([job] if job else [])
            if not queue:
                continue
            if worker.state == "stopped":
                worker.start()
                continue
            job = queue.pop()
            try:
                worker.submit(job)
            except wire.WireClosed:  # the child went away before taking the job: the job is innocent
                queue.append(job)
        return exhausted

    def _step(self, workers: list[IsolatedWorker]) -> Iterator[JobResult]:
        """Wait until a worker answers or a time limit passes; yield the results that arrived."""
        active = [w for w in workers if w.state in ("starting", "busy")]
        now = time.monotonic()
        limits = [t for w in active if (t := w.time_left(self.timeout, now)) is not None]
        ready = wait(active, max(0.0, min(limits)) if limits else None) if active else []
        for worker in ready:
            result = worker.collect()
            if result is not None:
                yield result
        now = time.monotonic()
        for worker in active:
            if worker not in ready and worker.overdue(self.timeout, now):
                yield worker.expire(self.timeout)
