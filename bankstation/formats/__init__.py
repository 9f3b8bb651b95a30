"""Readers and writers for other people's files: catalogue, spreadsheets, text, packages."""
