"""Cryptography: key derivation, key slots, signatures (the only importer of cryptography)."""
