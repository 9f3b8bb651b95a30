"""The guard against PySide6 6.12's lost references to None/True/False on Python 3.11."""

from __future__ import annotations

import sys

from bankstation.gui.refcount_guard import HEADROOM, pin_constants


def test_constants_gain_headroom_on_311_and_are_untouched_later() -> None:
    before = sys.getrefcount(None)
    pin_constants()
    gained = sys.getrefcount(None) - before
    if sys.version_info < (3, 12):
        assert gained >= HEADROOM - 100
    else:
        assert gained < 100  # immortal objects: nothing to guard
