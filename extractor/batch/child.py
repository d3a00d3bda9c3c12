"""A worker process of the batch: ``python -m extractor.batch.child``.

It reads ``Job`` frames on standard input and answers each with a ``JobResult`` frame.  Its standard output is
reserved for the frames: stray prints of libraries are sent to standard error instead.  It exits when its parent
goes away (standard input closes, or the parent is killed while a document is being parsed), so a batch killed with
SIGKILL leaves no worker behind.
"""

from __future__ import annotations

import os
import sys
import threading
import time

from extractor.batch import wire
from extractor.batch.jobs import DEFAULT_PARSER, Job, run_job

READY = "ready"


def main() -> int:
    channel = os.fdopen(os.dup(sys.stdout.fileno()), "wb")
    os.dup2(sys.stderr.fileno(), sys.stdout.fileno())  # library prints must not corrupt the frames
    _exit_with_parent(os.getppid())
    _warm_up()
    wire.send(channel, READY)
    requests = sys.stdin.buffer
    while True:
        try:
            job: Job = wire.receive(requests)
        except wire.WireClosed:
            return 0
        wire.send(channel, run_job(job))


def _warm_up() -> None:
    """Load the grammars, the Thai lexicon and the PDF reader once, before the first job's time limit starts: the
    limit is for the document, not for imports."""
    from extractor.batch.jobs import load_parser

    try:
        import extractor.ingest.pdf  # noqa: F401  (PyMuPDF)

        load_parser(DEFAULT_PARSER)("แผนปฏิบัติราชการ ประจำปีงบประมาณ พ.ศ. 2567\n".encode())
    except Exception:  # warming up is an optimisation: a failure here shows again, properly, on a real job
        pass


def _exit_with_parent(parent: int, interval: float = 0.5) -> None:
    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(interval)
        os._exit(1)

    threading.Thread(target=watch, name="exit-with-parent", daemon=True).start()


if __name__ == "__main__":
    sys.exit(main())
