"""A Bloom filter over a store table's keys: "surely not a key" without a query.

Most of the engine's point queries miss: compound splitting asks for every part at every
split point ("Verteidigungsministerium": "Erteidigungsministerium", "Rteidigungsministerium",
...) and lemmatising asks for forms the lemma table lacks, about 77,000 misses on
newstest2018.  A miss is a B-tree descent through pages all over the mapped store (several
microseconds, most of it waiting on memory); the filter answers nearly all of them from 16
bits per key held in memory (0.8 MB for the sense table).  A key the filter lets through is
queried as before, so answers never change: a false positive (about 1.4 % of misses) costs
the query it would have cost anyway.

Two bit positions per key, from CRC-32 of its UTF-8 bytes and of the reversed bytes: C
calls that are stable across processes (``hash()`` is salted per process) and cheap enough
that the check costs a fraction of the query it saves.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from zlib import crc32

BITS_PER_KEY = 16


@dataclass(frozen=True)
class KeyFilter:
    """The bits of a Bloom filter (``len(bits) * 8`` of them)."""

    bits: bytes

    def may_contain(self, key: str) -> bool:
        """False when ``key`` is surely not among the keys the filter was built from."""
        bits = self.bits
        size = len(bits) << 3
        # "surrogatepass": a token decoded with surrogateescape still hashes (and misses)
        data = key.encode("utf-8", "surrogatepass")
        p = crc32(data) % size
        if not bits[p >> 3] >> (p & 7) & 1:
            return False
        p = crc32(data[::-1]) % size
        return bool(bits[p >> 3] >> (p & 7) & 1)


def build_filter(keys: Collection[str]) -> KeyFilter:
    """The filter of ``keys``."""
    bits = bytearray(max(1, len(keys) * BITS_PER_KEY // 8))
    size = len(bits) << 3
    for key in keys:
        data = key.encode("utf-8", "surrogatepass")
        for p in (crc32(data) % size, crc32(data[::-1]) % size):
            bits[p >> 3] |= 1 << (p & 7)
    return KeyFilter(bytes(bits))
