"""RFC 9162 Merkle tree hashing (the Certificate Transparency v2 tree) over ledger entries.

Leaves hash as SHA-256(0x00 || entry), interior nodes as SHA-256(0x01 || left || right); the
tree of n leaves splits at the largest power of two below n (RFC 9162 §2.1.1). The builder
keeps only the roots of the perfect subtrees seen so far, so a million-entry ledger is folded
in one pass with O(log n) memory, and the root of any prefix is available on the way.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable

EMPTY_ROOT = hashlib.sha256(b"").digest()


def leaf_hash(entry: bytes) -> bytes:
    return hashlib.sha256(b"\x00" + entry).digest()


def node_hash(left: bytes, right: bytes) -> bytes:
    return hashlib.sha256(b"\x01" + left + right).digest()


class MerkleBuilder:
    """Incremental RFC 9162 tree: append leaf hashes, read the root at any size."""

    __slots__ = ("_hashes", "_heights", "size")

    def __init__(self) -> None:
        self._heights: list[int] = []
        self._hashes: list[bytes] = []
        self.size = 0

    def append(self, leaf: bytes) -> None:
        heights, hashes = self._heights, self._hashes
        height, digest = 0, leaf
        # Merge equal-height perfect subtrees, exactly as a binary counter carries.
        while heights and heights[-1] == height:
            heights.pop()
            digest = node_hash(hashes.pop(), digest)
            height += 1
        heights.append(height)
        hashes.append(digest)
        self.size += 1

    @classmethod
    def restore(cls, size: int, state: bytes) -> MerkleBuilder:
        """Rebuild from ``state()``: the perfect-subtree roots kept between appends."""
        builder = cls()
        for i in range(0, len(state), 33):
            builder._heights.append(state[i])
            builder._hashes.append(state[i + 1 : i + 33])
        if sum(1 << h for h in builder._heights) != size:
            raise ValueError("Merkle frontier does not match the tree size")
        builder.size = size
        return builder

    def state(self) -> bytes:
        """The frontier as bytes: one (height, hash) pair per perfect subtree, left to right."""
        return b"".join(bytes([h]) + d for h, d in zip(self._heights, self._hashes, strict=True))

    def root(self) -> bytes:
        if not self._hashes:
            return EMPTY_ROOT
        digest = self._hashes[-1]
        for left in reversed(self._hashes[:-1]):
            digest = node_hash(left, digest)
        return digest


def merkle_root(leaves: Iterable[bytes]) -> bytes:
    """Root of the tree over already-hashed leaves."""
    builder = MerkleBuilder()
    for leaf in leaves:
        builder.append(leaf)
    return builder.root()


def reference_root(entries: list[bytes]) -> bytes:
    """RFC 9162 MTH written as the recursive definition; used to cross-check the builder."""
    n = len(entries)
    if n == 0:
        return EMPTY_ROOT
    if n == 1:
        return leaf_hash(entries[0])
    k = 1
    while k * 2 < n:
        k *= 2
    return node_hash(reference_root(entries[:k]), reference_root(entries[k:]))
