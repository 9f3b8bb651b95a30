"""Settings the front ends pass through to the services (key-derivation cost)."""

from bankstation.crypto.kdf import DEFAULT_KDF, KdfParams

__all__ = ["DEFAULT_KDF", "KdfParams"]
