"""Key slots: the vault key sealed per account, as LUKS does rather than one shared password.

Each account owns an X25519 key pair. Its private key is sealed with AES-256-GCM under a key
derived from the account's password (Argon2id); the vault key is sealed to its public key
(ephemeral X25519 + HKDF-SHA256 + AES-256-GCM). Opening a slot needs the password; resealing
the vault key for an account needs only its public key — which is how a rekey gives every
remaining account a slot for the new vault key without knowing their passwords.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import os
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from bankstation.crypto.kdf import KdfParams, derive_key
from bankstation.domain.errors import AuthError, SidecarTampered

_RAW = serialization.Encoding.Raw
_RAW_PRIV = serialization.PrivateFormat.Raw
_RAW_PUB = serialization.PublicFormat.Raw
_NO_ENC = serialization.NoEncryption()


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def unb64(text: str) -> bytes:
    try:
        return base64.b64decode(text, validate=True)
    except (ValueError, TypeError):
        raise SidecarTampered() from None


def new_vault_key() -> bytes:
    return os.urandom(32)


def _hkdf(secret: bytes, salt: bytes, info: bytes) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=salt, info=info).derive(secret)


def _aad(kind: str, vault_id: str, account: str) -> bytes:
    return f"bankstation/{kind}/{vault_id}/{account}".encode()


def _seal_to(public_raw: bytes, vault_key: bytes, aad: bytes) -> bytes:
    ephemeral = X25519PrivateKey.generate()
    eph_pub = ephemeral.public_key().public_bytes(_RAW, _RAW_PUB)
    shared = ephemeral.exchange(X25519PublicKey.from_public_bytes(public_raw))
    key = _hkdf(shared, eph_pub + public_raw, aad)
    nonce = os.urandom(12)
    return eph_pub + nonce + AESGCM(key).encrypt(nonce, vault_key, aad)


def _open_sealed(private: X25519PrivateKey, blob: bytes, aad: bytes) -> bytes:
    eph_pub, nonce, ciphertext = blob[:32], blob[32:44], blob[44:]
    public_raw = private.public_key().public_bytes(_RAW, _RAW_PUB)
    shared = private.exchange(X25519PublicKey.from_public_bytes(eph_pub))
    key = _hkdf(shared, eph_pub + public_raw, aad)
    return AESGCM(key).decrypt(nonce, ciphertext, aad)


def create_slot(
    account: str, password: str, vault_key: bytes, vault_id: str, params: KdfParams
) -> dict[str, Any]:
    """A fresh slot: new key pair and salt, so an old password never opens the new slot."""
    private = X25519PrivateKey.generate()
    public_raw = private.public_key().public_bytes(_RAW, _RAW_PUB)
    salt = os.urandom(16)
    kek = derive_key(password, salt, params)
    nonce = os.urandom(12)
    sealed_private = nonce + AESGCM(kek).encrypt(
        nonce, private.private_bytes(_RAW, _RAW_PRIV, _NO_ENC), _aad("slot", vault_id, account)
    )
    return {
        "account": account,
        "kdf": {**params.to_dict(), "salt": b64(salt)},
        "public_key": b64(public_raw),
        "sealed_private_key": b64(sealed_private),
        "sealed_vault_key": b64(_seal_to(public_raw, vault_key, _aad("vk", vault_id, account))),
    }


def open_slot(slot: dict[str, Any], password: str, vault_id: str) -> bytes:
    """The vault key from a slot; AuthError on a wrong password."""
    account = slot["account"]
    kdf = slot["kdf"]
    kek = derive_key(password, unb64(kdf["salt"]), KdfParams.from_dict(kdf))
    sealed = unb64(slot["sealed_private_key"])
    try:
        raw = AESGCM(kek).decrypt(sealed[:12], sealed[12:], _aad("slot", vault_id, account))
    except InvalidTag:
        raise AuthError() from None
    private = X25519PrivateKey.from_private_bytes(raw)
    if private.public_key().public_bytes(_RAW, _RAW_PUB) != unb64(slot["public_key"]):
        raise SidecarTampered()
    try:
        return _open_sealed(
            private, unb64(slot["sealed_vault_key"]), _aad("vk", vault_id, account)
        )
    except (InvalidTag, ValueError):
        # The password was right, so the slot itself was altered or swapped.
        raise SidecarTampered() from None


def reseal_slot(slot: dict[str, Any], vault_key: bytes, vault_id: str) -> dict[str, Any]:
    """The same slot with a new vault key sealed to its public key (used by rekey)."""
    public_raw = unb64(slot["public_key"])
    sealed = _seal_to(public_raw, vault_key, _aad("vk", vault_id, slot["account"]))
    return {**slot, "sealed_vault_key": b64(sealed)}


def mac_key(vault_key: bytes) -> bytes:
    return _hkdf(vault_key, b"", b"bankstation/sidecar-mac")


def sidecar_mac(vault_key: bytes, canonical_payload: bytes) -> str:
    return b64(hmac.new(mac_key(vault_key), canonical_payload, hashlib.sha256).digest())


def check_sidecar_mac(vault_key: bytes, canonical_payload: bytes, mac: str) -> None:
    if not hmac.compare_digest(sidecar_mac(vault_key, canonical_payload), mac):
        raise SidecarTampered()
