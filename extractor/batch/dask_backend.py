"""Distributed execution on a Dask cluster (``--scheduler tcp://HOST:PORT``): the same jobs, results and time limits
as the local pool.  Dask is an optional dependency (``pip install extractor[distributed]``), imported only here and
only when a batch asks for it.

Each Dask task parses its document in a killable child process owned by the worker thread that runs it (see
``extractor.batch.isolated``), so the per-document time limit is enforced on the worker, and a hung document frees
its Dask thread.  Tasks carry the input's bytes: the workers need no access to the batch's files, only ``extractor``
installed.  Results come back to the client, which alone writes the outputs and the catalogue.
"""

from __future__ import annotations

import threading
import uuid
from collections.abc import Iterable, Iterator
from itertools import islice

from extractor.batch.isolated import IsolatedWorker
from extractor.batch.jobs import Job, JobResult
from extractor.errors import ExtractorError

_local = threading.local()
_all_workers: list[IsolatedWorker] = []
_lock = threading.Lock()


class DaskUnavailableError(ExtractorError):
    """``--scheduler`` was given but dask.distributed is not installed."""

    exit_code = 2


def run_job_isolated(job: Job, timeout: float | None) -> JobResult:
    """The Dask task: parse one document in this thread's child process, within the time limit."""
    worker = getattr(_local, "worker", None)
    if worker is None:
        worker = _local.worker = IsolatedWorker()
        with _lock:
            _all_workers.append(worker)
    return worker.run(job, timeout)


def close_workers() -> int:
    """Stop the child processes this Dask worker started (run on every worker at the end of a batch)."""
    with _lock:
        workers, _all_workers[:] = list(_all_workers), []
    for worker in workers:
        worker.close()
    return len(workers)


class DaskBackend:
    """Runs jobs on a Dask cluster, keeping at most ``2 × threads`` jobs (and their bytes) in flight."""

    def __init__(self, address: str | None = None, *, client=None, timeout: float | None = None) -> None:
        self.address = address
        self.client = client
        self.timeout = timeout

    def run(self, jobs: Iterable[Job]) -> Iterator[JobResult]:
        distributed = _import_distributed()
        client = self.client or distributed.Client(self.address)
        try:
            yield from self._run(client, distributed, iter(jobs))
        finally:
            try:
                client.run(close_workers)
            finally:
                if self.client is None:
                    client.close()

    def _run(self, client, distributed, jobs: Iterator[Job]) -> Iterator[JobResult]:
        window = max(2, 2 * sum(client.nthreads().values()))
        owners: dict[str, str] = {}
        running = distributed.as_completed()
        for job in islice(jobs, window):
            running.add(self._submit(client, job, owners))
        for future in running:
            yield self._result(future, owners)
            job = next(jobs, None)
            if job is not None:
                running.add(self._submit(client, job, owners))

    def _submit(self, client, job: Job, owners: dict[str, str]):
        key = f"extractor-parse-{job.sha256[:16]}-{uuid.uuid4().hex[:8]}"
        owners[key] = job.sha256
        return client.submit(run_job_isolated, job, self.timeout, key=key, pure=False, retries=0)

    @staticmethod
    def _result(future, owners: dict[str, str]) -> JobResult:
        sha256 = owners.pop(future.key)
        try:
            return future.result()
        except Exception as exc:  # the task itself failed (a lost worker, a worker that could not start a child)
            return JobResult.failure(sha256, type(exc).__name__, f"the Dask task failed: {exc}")
        finally:
            future.release()


def _import_distributed():
    try:
        import dask.distributed as distributed
    except ImportError as exc:
        raise DaskUnavailableError(
            "--scheduler needs dask.distributed: pip install 'extractor[distributed]'"
        ) from exc
    return distributed
