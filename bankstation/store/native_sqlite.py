"""SQLite C calls that sqlcipher3 does not offer (a connection's lookaside pool), via ctypes."""

from __future__ import annotations

import ctypes
import threading
from dataclasses import dataclass

from sqlcipher3 import _sqlite3

# With cipher_memory_security ON, SQLCipher's allocator mlocks every block SQLite allocates, and
# wipes and munlocks it when it is freed: two system calls per allocation, each dearer as the
# process's memory map fragments. The small blocks a connection allocates for statements,
# records and values come from its lookaside pool instead and never reach that allocator, but
# SQLite's default pool (123 slots in this build) is full as soon as the statement cache is
# warm: importing a question cost some 50 mlock and as many munlock calls, 40 s of a
# 100,000-question import. A pool of 1,000 slots of 1,200 bytes (1.2 MB per connection,
# allocated through SQLCipher's allocator, so locked once and wiped when the connection
# closes) takes them; slots are reused without being wiped in between, as the default pool's
# are. benchmarks/README.md (question_import.py) has the measurements.
# sqlcipher3 has no API for it, so the two C calls go through ctypes to the SQLite library
# inside sqlcipher3. If anything is missing or refused, the connection keeps the default pool:
# slower, never wrong.
LOOKASIDE_SLOT_SIZE = 1200
LOOKASIDE_SLOTS = 1000

_SQLITE_OK = 0
_SQLITE_DBCONFIG_LOOKASIDE = 1001  # https://sqlite.org/c3ref/c_dbconfig_defensive.html
_SQLITE_DBSTATUS_LOOKASIDE_USED = 0  # https://sqlite.org/c3ref/c_dbstatus_options.html
_SQLITE_DBSTATUS_LOOKASIDE_MISS_FULL = 6
# int xEntryPoint(sqlite3 *db, char **pzErrMsg, const sqlite3_api_routines *pThunk)
_AutoExtension = ctypes.CFUNCTYPE(ctypes.c_int, ctypes.c_void_p, ctypes.c_void_p,
                                  ctypes.c_void_p)


@dataclass(frozen=True)
class LookasideUse:
    """``sqlite3_db_status`` of a connection's lookaside pool."""

    used: int  # slots in use now
    highwater: int  # most slots ever in use at once
    missed_full: int  # allocations that went to the allocator because every slot was taken


class NativeSqlite:
    """The C calls sqlcipher3 does not offer, on the library inside it.

    A connection's ``sqlite3*`` is learnt from an automatic extension
    (``sqlite3_auto_extension``), which SQLite calls with the new handle inside every
    ``sqlite3_open`` — on the opening thread, so ``vault._connect`` takes the handle its own
    ``sqlcipher3.connect`` produced straight after the call.
    """

    def __init__(self, lib: ctypes.CDLL) -> None:
        # int sqlite3_db_config(sqlite3*, int op, ...): the fixed arguments typed, the rest
        # passed as ctypes objects, so platforms that pass variadic arguments differently
        # (arm64 macOS) get them right
        self._config = lib.sqlite3_db_config
        self._config.argtypes = (ctypes.c_void_p, ctypes.c_int)
        self._config.restype = ctypes.c_int
        self._status = lib.sqlite3_db_status
        self._status.restype = ctypes.c_int
        self._status.argtypes = (ctypes.c_void_p, ctypes.c_int, ctypes.POINTER(ctypes.c_int),
                                 ctypes.POINTER(ctypes.c_int), ctypes.c_int)
        self._opened = threading.local()
        self._hook = _AutoExtension(self._note_opened)  # SQLite keeps only the C pointer
        if lib.sqlite3_auto_extension(self._hook) != _SQLITE_OK:
            raise OSError("sqlite3_auto_extension failed")

    def _note_opened(self, db: int | None, _errors: int | None, _api: int | None) -> int:
        self._opened.handle = db
        return _SQLITE_OK

    def forget_opened(self) -> None:
        self._opened.handle = None

    def take_opened(self) -> int | None:
        handle: int | None = getattr(self._opened, "handle", None)
        self._opened.handle = None
        return handle

    def enlarge_lookaside(self, handle: int, slot_size: int, slots: int) -> bool:
        """A pool SQLite allocates itself; only possible while no slot is in use."""
        result = self._config(handle, _SQLITE_DBCONFIG_LOOKASIDE, ctypes.c_void_p(None),
                              ctypes.c_int(slot_size), ctypes.c_int(slots))
        return bool(result == _SQLITE_OK)

    def lookaside_use(self, handle: int) -> LookasideUse | None:
        values = []
        for op in (_SQLITE_DBSTATUS_LOOKASIDE_USED, _SQLITE_DBSTATUS_LOOKASIDE_MISS_FULL):
            current, highest = ctypes.c_int(), ctypes.c_int()
            if self._status(handle, op, ctypes.byref(current), ctypes.byref(highest), 0):
                return None
            values.append((current.value, highest.value))
        (used, highwater), (_, missed_full) = values
        return LookasideUse(used, highwater, missed_full)


def load() -> NativeSqlite | None:
    """The C calls on the SQLite library inside sqlcipher3; None if it lacks them."""
    try:
        return NativeSqlite(ctypes.CDLL(_sqlite3.__file__))
    except (OSError, AttributeError):
        return None
