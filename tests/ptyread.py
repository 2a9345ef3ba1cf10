"""Reading everything a child wrote to a pseudo-terminal, for tests of terminal output."""

from __future__ import annotations

import os


def read_all(master: int) -> bytes:
    """All bytes from ``master`` until the child closes the terminal (EIO on Linux) or EOF."""
    chunks: list[bytes] = []
    while True:
        try:
            chunk = os.read(master, 65536)
        except OSError:  # EIO: the child closed the terminal (Linux)
            break
        if not chunk:
            break
        chunks.append(chunk)
    return b"".join(chunks)
