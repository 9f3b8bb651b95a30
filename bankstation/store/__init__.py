"""Storage: the SQLCipher vault, its schema and repositories (the only importer of sqlcipher3)."""
