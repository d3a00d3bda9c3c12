"""Bulk digitisation: parse many documents in parallel into an output folder with a resumable SQLite catalogue.

    >>> from extractor.batch import BatchOptions, run_batch
    >>> summary = run_batch(["archive/"], "out/", BatchOptions(workers=2, timeout=300))
    >>> summary.failed            # [(path, reason), ...]

Locally each document runs in a worker process that is killed past the time limit; with
``BatchOptions(scheduler="tcp://HOST:PORT")`` the same batch runs on a Dask cluster.  Only this process writes the
outputs and the catalogue.  See ``extractor.batch.runner`` for the output folder's layout.
"""

from extractor.batch.catalogue import Catalogue
from extractor.batch.runner import BatchOptions, engine_version, run_batch
from extractor.batch.summary import BatchSummary

__all__ = ["BatchOptions", "BatchSummary", "Catalogue", "engine_version", "run_batch"]
