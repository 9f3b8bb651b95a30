"""The suite-wide guard: any attempt at a network socket is refused and fails the test."""

from __future__ import annotations

import socket

import pytest

from tests import conftest


def test_inet_socket_is_refused_and_recorded() -> None:
    before = len(conftest._attempts)
    with pytest.raises(OSError, match="forbidden"):
        socket.create_connection(("127.0.0.1", 9))
    assert len(conftest._attempts) > before
    del conftest._attempts[before:]  # this test provoked it on purpose


def test_unix_socketpair_still_works() -> None:
    a, b = socket.socketpair(socket.AF_UNIX)
    with a, b:
        a.sendall(b"x")
        assert b.recv(1) == b"x"
