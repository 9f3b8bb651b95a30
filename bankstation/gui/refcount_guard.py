"""Stopgap for a PySide6 6.12 refcount bug that can abort the program on Python 3.11."""

from __future__ import annotations

import ctypes
import sys

# PySide6-Essentials 6.12.0 on CPython 3.11 gives back one reference to None (and to
# True/False) more than it took on many calls of Qt methods returning nothing; 3.11's None is
# not immortal, so a long session ends in "Fatal Python error: none_dealloc" (reproduced in
# benchmarks/README.md). Python 3.12+ makes these objects immortal, so nothing is done there.
# This raises their counts far out of reach; it is a guard until the binding is fixed.
HEADROOM = 1 << 40


def pin_constants() -> None:
    if sys.version_info >= (3, 12):
        return
    for constant in (None, True, False):
        # ob_refcnt is the first field of every CPython object
        counter = ctypes.c_ssize_t.from_address(id(constant))
        counter.value += HEADROOM
