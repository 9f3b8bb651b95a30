"""Disc images: building and reading ISO 9660 / Joliet / UDF (the only importer of pycdlib)."""
