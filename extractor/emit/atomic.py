"""Atomic file writes: a reader never sees a half-written output, even if the process is killed."""

from __future__ import annotations

import io
import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


def write_text_atomic(path: Path, text: str) -> None:
    """Write ``text`` (UTF-8, LF line ends) to ``path`` atomically."""
    with atomic_output(path, "w", newline="\n") as handle:
        handle.write(text)


@contextmanager
def atomic_output(path: Path, mode: str, encoding: str = "utf-8", newline: str = "") -> Iterator[io.IOBase]:
    """Write a file under a temporary name in the same folder, then rename it over ``path``."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        if "b" in mode:
            handle: io.IOBase = os.fdopen(fd, mode)
        else:
            handle = os.fdopen(fd, mode, encoding=encoding, newline=newline)
        with handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, file_mode())  # mkstemp makes it private (0600); outputs are for others to read
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def file_mode() -> int:
    """The mode a plain ``open()`` would give a new file (0666 less the process umask)."""
    umask = os.umask(0o022)
    os.umask(umask)
    return 0o666 & ~umask
