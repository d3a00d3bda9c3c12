"""Length-prefixed pickle frames over a pipe, between the batch and its worker processes.

Only the batch's own processes talk over these pipes (a parent and the children it started), so pickle is safe.
"""

from __future__ import annotations

import pickle
import struct
from typing import IO, Any

_HEADER = struct.Struct(">Q")


class WireClosed(EOFError):
    """The other side went away (it exited, was killed, or closed the pipe)."""


def send(stream: IO[bytes], message: Any) -> None:
    payload = pickle.dumps(message, protocol=pickle.HIGHEST_PROTOCOL)
    view = memoryview(_HEADER.pack(len(payload)) + payload)
    while view:  # an unbuffered pipe may take a large frame in several writes
        written = stream.write(view)
        view = view[written if written is not None else 0 :]
    stream.flush()


def receive(stream: IO[bytes]) -> Any:
    header = _read_exactly(stream, _HEADER.size)
    return pickle.loads(_read_exactly(stream, _HEADER.unpack(header)[0]))


def _read_exactly(stream: IO[bytes], size: int) -> bytes:
    chunks, left = [], size
    while left:
        chunk = stream.read(left)
        if not chunk:
            raise WireClosed("the pipe closed in the middle of a message" if chunks else "the pipe closed")
        chunks.append(chunk)
        left -= len(chunk)
    return b"".join(chunks)
