"""The incremental RFC 9162 builder against the recursive definition, and known vectors."""

from __future__ import annotations

import hashlib

from hypothesis import given
from hypothesis import strategies as st

from bankstation.domain.merkle import (
    EMPTY_ROOT,
    MerkleBuilder,
    leaf_hash,
    merkle_root,
    node_hash,
    reference_root,
)


def test_empty_tree_is_hash_of_nothing() -> None:
    assert MerkleBuilder().root() == EMPTY_ROOT == hashlib.sha256(b"").digest()


def test_three_leaves_by_hand() -> None:
    a, b, c = (leaf_hash(x) for x in (b"a", b"b", b"c"))
    assert merkle_root([a, b, c]) == node_hash(node_hash(a, b), c)


def test_rfc6962_test_vector() -> None:
    # Root of the 8-leaf tree from certificate-transparency-go's merkle tests (RFC 6962 data).
    leaves = [bytes.fromhex(h) for h in (
        "", "00", "10", "2021", "3031", "40414243", "5051525354555657",
        "606162636465666768696a6b6c6d6e6f")]
    root = merkle_root(leaf_hash(x) for x in leaves)
    assert root.hex() == "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328"


@given(st.lists(st.binary(max_size=40), max_size=70))
def test_builder_matches_recursive_definition(entries: list[bytes]) -> None:
    builder = MerkleBuilder()
    for i, entry in enumerate(entries):
        builder.append(leaf_hash(entry))
        assert builder.root() == reference_root(entries[: i + 1])
    assert builder.size == len(entries)


@given(st.lists(st.binary(max_size=8), min_size=2, max_size=40), st.data())
def test_any_single_change_changes_the_root(entries: list[bytes], data: st.DataObject) -> None:
    i = data.draw(st.integers(0, len(entries) - 1))
    changed = list(entries)
    changed[i] = changed[i] + b"!"
    assert reference_root(changed) != reference_root(entries)


@given(st.lists(st.binary(max_size=8), max_size=40), st.lists(st.binary(max_size=8), max_size=9))
def test_frontier_state_round_trips(first: list[bytes], more: list[bytes]) -> None:
    builder = MerkleBuilder()
    for entry in first:
        builder.append(leaf_hash(entry))
    restored = MerkleBuilder.restore(builder.size, builder.state())
    for entry in more:
        restored.append(leaf_hash(entry))
    assert restored.root() == reference_root(first + more)


def test_frontier_of_wrong_size_is_refused() -> None:
    builder = MerkleBuilder()
    for entry in (b"a", b"b", b"c"):
        builder.append(leaf_hash(entry))
    try:
        MerkleBuilder.restore(4, builder.state())
    except ValueError:
        return
    raise AssertionError("a frontier for 3 leaves was accepted as 4")
