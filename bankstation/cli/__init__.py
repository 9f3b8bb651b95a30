"""Headless commands over the same services the GUI uses; ``main`` is the entry point."""

from bankstation.cli.main import main

__all__ = ["main"]
