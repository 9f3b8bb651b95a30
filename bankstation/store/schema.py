"""Schema under ``PRAGMA user_version``: ordered migrations, each applied in one transaction."""

from __future__ import annotations

from collections.abc import Sequence

# Append only. Migration N brings the vault from version N-1 to N; a released migration is
# never edited, because vaults in the field were made by it.
MIGRATIONS: Sequence[str] = (
    # 1: accounts, the audit ledger, its checkpoints, and the two registers.
    """
    CREATE TABLE meta (
        key   TEXT PRIMARY KEY,
        value TEXT NOT NULL
    ) STRICT;
    CREATE TABLE accounts (
        name        TEXT PRIMARY KEY,
        full_name   TEXT NOT NULL,
        roles       TEXT NOT NULL,
        pledge_date TEXT,
        pledge_ref  TEXT,
        active      INTEGER NOT NULL DEFAULT 1,
        created_at  TEXT NOT NULL,
        removed_at  TEXT
    ) STRICT;
    CREATE TABLE ledger (
        seq     INTEGER PRIMARY KEY,
        at      TEXT NOT NULL,
        actor   TEXT,
        session INTEGER,
        action  TEXT NOT NULL,
        body    BLOB NOT NULL
    ) STRICT;
    CREATE INDEX ledger_session ON ledger(session);
    CREATE INDEX ledger_action ON ledger(action);
    -- The Merkle frontier after the last entry, so appends and checkpoints cost O(log n).
    CREATE TABLE ledger_state (
        id       INTEGER PRIMARY KEY CHECK (id = 1),
        size     INTEGER NOT NULL,
        frontier BLOB NOT NULL
    ) STRICT;
    INSERT INTO ledger_state(id, size, frontier) VALUES (1, 0, x'');
    CREATE TABLE checkpoints (
        size      INTEGER PRIMARY KEY,
        root      BLOB NOT NULL,
        at        TEXT NOT NULL,
        signature BLOB NOT NULL
    ) STRICT;
    CREATE TABLE computer_use (
        id         INTEGER PRIMARY KEY,
        account    TEXT NOT NULL REFERENCES accounts(name),
        purpose    TEXT NOT NULL,
        interface  TEXT NOT NULL,
        started_at TEXT NOT NULL,
        ended_at   TEXT,
        end_reason TEXT,
        counts     TEXT NOT NULL DEFAULT '{}'
    ) STRICT;
    CREATE TABLE room_access (
        id          INTEGER PRIMARY KEY,
        name        TEXT NOT NULL,
        unit        TEXT NOT NULL,
        purpose     TEXT NOT NULL,
        time_in     TEXT NOT NULL,
        time_out    TEXT,
        escort      TEXT,
        recorded_by TEXT NOT NULL REFERENCES accounts(name),
        recorded_at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX room_access_time ON room_access(time_in);
    """,
)

LATEST_VERSION = len(MIGRATIONS)
