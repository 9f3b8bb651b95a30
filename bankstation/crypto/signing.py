"""The station's Ed25519 key: checkpoint and disc-manifest signatures."""

from __future__ import annotations

import hashlib

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

_RAW = serialization.Encoding.Raw


def new_signing_key() -> tuple[bytes, bytes]:
    """(private, public) raw 32-byte Ed25519 keys."""
    private = Ed25519PrivateKey.generate()
    public = private.public_key().public_bytes(_RAW, serialization.PublicFormat.Raw)
    raw = private.private_bytes(_RAW, serialization.PrivateFormat.Raw, serialization.NoEncryption())
    return raw, public


def sign(private_raw: bytes, message: bytes) -> bytes:
    return Ed25519PrivateKey.from_private_bytes(private_raw).sign(message)


def verify(public_raw: bytes, message: bytes, signature: bytes) -> bool:
    try:
        Ed25519PublicKey.from_public_bytes(public_raw).verify(signature, message)
    except (InvalidSignature, ValueError):
        return False
    return True


def note_key_id(key_name: str, public_raw: bytes) -> bytes:
    """C2SP signed-note key id: first 4 bytes of SHA-256(name || 0x0A || 0x01 || key)."""
    return hashlib.sha256(key_name.encode() + b"\n\x01" + public_raw).digest()[:4]


def fingerprint(public_raw: bytes) -> str:
    """Human-comparable fingerprint: SHA-256 of the key, 16 groups of 4 hex digits."""
    digest = hashlib.sha256(public_raw).hexdigest().upper()
    return " ".join(digest[i : i + 4] for i in range(0, 64, 4))
