"""Parsers plugged into batch workers by tests (``BatchOptions.parser``): the real parser, except for inputs whose
text asks for a hang or a crash.  They live in an importable module because worker processes import them by name."""

import os
import signal
import time

import extractor

HANG = b"TEST-HANG-FOREVER"
CRASH = b"TEST-CRASH-WORKER"


def misbehaving_parse(data: bytes, *, limits=None):
    if HANG in data:
        while True:
            time.sleep(1)
    if CRASH in data:
        os.kill(os.getpid(), signal.SIGKILL)
    return extractor.parse(data, limits=limits)
