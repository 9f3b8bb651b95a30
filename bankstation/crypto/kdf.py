"""Password key derivation with Argon2id; parameters travel with each key slot."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from typing import Any

from cryptography.hazmat.primitives.kdf.argon2 import Argon2id

from bankstation.domain.errors import SidecarTampered


@dataclass(frozen=True)
class KdfParams:
    """Argon2id cost: memory in KiB, passes, lanes (RFC 9106 names: m, t, p)."""

    memory_kib: int
    iterations: int
    lanes: int

    def to_dict(self) -> dict[str, Any]:
        return {
            "alg": "argon2id",
            "memory_kib": self.memory_kib,
            "iterations": self.iterations,
            "lanes": self.lanes,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> KdfParams:
        if data.get("alg") != "argon2id":
            raise SidecarTampered("密钥槽使用了未知的密钥派生算法。")
        params = cls(int(data["memory_kib"]), int(data["iterations"]), int(data["lanes"]))
        # A slot edited down to trivial cost would make its password cheap to guess.
        if params.memory_kib < 8 * params.lanes or params.iterations < 1 or params.lanes < 1:
            raise SidecarTampered("密钥槽的密钥派生参数无效。")
        return params


# The program's defaults: 256 MiB and 3 passes, well over the 64 MiB floor of DESIGN.md §5 and
# the RFC 9106 "second recommended option" (64 MiB, t=3); about 0.5 s on the station.
DEFAULT_KDF = KdfParams(memory_kib=256 * 1024, iterations=3, lanes=4)

# The floor the program accepts for new slots outside tests (DESIGN.md §5: at least 64 MiB).
MIN_MEMORY_KIB = 64 * 1024


def derive_key(password: str, salt: bytes, params: KdfParams) -> bytes:
    """32-byte key from a password; NFC-normalised so the same typed text always matches."""
    secret = unicodedata.normalize("NFC", password).encode("utf-8")
    kdf = Argon2id(
        salt=salt,
        length=32,
        iterations=params.iterations,
        lanes=params.lanes,
        memory_cost=params.memory_kib,
    )
    return kdf.derive(secret)
