"""Suite-wide fixtures: no network ever, a fake clock, fresh vaults in tmp_path."""

from __future__ import annotations

import socket
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.support import FAST_KDF, FakeClock, add_staff, make_vault

_NET_FAMILIES = {socket.AF_INET, socket.AF_INET6}
_attempts: list[str] = []
_real_socket_init = socket.socket.__init__
_real_getaddrinfo = socket.getaddrinfo


def _guarded_init(self: socket.socket, family: Any = -1, *args: Any, **kwargs: Any) -> None:
    if family in _NET_FAMILIES or family == -1:
        _attempts.append(f"socket({family!r})")
        raise OSError("network sockets are forbidden in BankStation tests")
    _real_socket_init(self, family, *args, **kwargs)


def _guarded_getaddrinfo(*args: Any, **kwargs: Any) -> Any:
    _attempts.append(f"getaddrinfo{args!r}")
    raise OSError("name resolution is forbidden in BankStation tests")


def pytest_configure(config: pytest.Config) -> None:
    # Installed before any test module is imported, so nothing can grab a socket first.
    socket.socket.__init__ = _guarded_init  # type: ignore[method-assign]
    socket.getaddrinfo = _guarded_getaddrinfo


@pytest.fixture(autouse=True)
def _no_network() -> Iterator[None]:
    """Fail the test if anything tried the network, even if the code swallowed the error."""
    start = len(_attempts)
    yield
    tried = _attempts[start:]
    if tried:
        pytest.fail(f"the program tried to use the network: {tried}")


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def vault_path(tmp_path: Path, clock: FakeClock) -> Path:
    """A new vault with one administrator ('admin' / 'admin-pass-1')."""
    return make_vault(tmp_path / "vault.bsv", clock)


@pytest.fixture
def staffed_vault(vault_path: Path, clock: FakeClock) -> Path:
    """The vault plus a keeper, reviewer, assembler and supervisor (password '<name>-pass-1')."""
    return add_staff(vault_path, clock)


__all__ = ["FAST_KDF"]
