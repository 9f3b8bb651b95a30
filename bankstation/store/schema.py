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
        subject TEXT,
        body    BLOB NOT NULL
    ) STRICT;
    CREATE INDEX ledger_session ON ledger(session);
    CREATE INDEX ledger_action ON ledger(action, seq);
    -- One question's or paper's history without reading the whole ledger.
    CREATE INDEX ledger_subject ON ledger(subject, seq);
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
    # 2: the question bank: occupations added by notice, trades, standards, banks, element
    # tables, versioned questions with full-text search, and images.
    """
    CREATE TABLE occupations_extra (
        code       TEXT PRIMARY KEY,
        name       TEXT NOT NULL,
        definition TEXT NOT NULL DEFAULT '',
        reference  TEXT NOT NULL,
        added_by   TEXT NOT NULL,
        added_at   TEXT NOT NULL
    ) STRICT;
    CREATE TABLE trades (
        code       TEXT PRIMARY KEY,
        occupation TEXT NOT NULL,
        name       TEXT NOT NULL,
        reference  TEXT NOT NULL,
        added_by   TEXT NOT NULL,
        added_at   TEXT NOT NULL
    ) STRICT;
    CREATE TABLE standards (
        id         INTEGER PRIMARY KEY,
        occupation TEXT NOT NULL,
        kind       TEXT NOT NULL,
        title      TEXT NOT NULL,
        reference  TEXT NOT NULL,
        issued_on  TEXT,
        added_by   TEXT NOT NULL,
        added_at   TEXT NOT NULL
    ) STRICT;
    CREATE TABLE banks (
        id          INTEGER PRIMARY KEY,
        occupation  TEXT NOT NULL,
        trade       TEXT,
        level       INTEGER NOT NULL,
        exam        TEXT NOT NULL,
        standard_id INTEGER NOT NULL REFERENCES standards(id),
        created_by  TEXT NOT NULL,
        created_at  TEXT NOT NULL,
        UNIQUE (occupation, trade, level, exam, standard_id)
    ) STRICT;
    CREATE TABLE elements (
        bank_id    INTEGER NOT NULL REFERENCES banks(id),
        code       TEXT NOT NULL,
        name       TEXT NOT NULL,
        weight     REAL,
        importance TEXT,
        position   INTEGER NOT NULL,
        PRIMARY KEY (bank_id, code)
    ) STRICT;
    -- One row per question with the current version's fields the table filters and sorts on.
    CREATE TABLE questions (
        id              INTEGER PRIMARY KEY,
        bank_id         INTEGER NOT NULL REFERENCES banks(id),
        code            TEXT,
        current_version INTEGER NOT NULL,
        status          TEXT NOT NULL,
        qtype           TEXT NOT NULL,
        point           TEXT NOT NULL,
        difficulty      REAL NOT NULL,
        enemy_group     TEXT,
        author          TEXT NOT NULL,
        updated_at      TEXT NOT NULL,
        stem_preview    TEXT NOT NULL,
        used_count      INTEGER NOT NULL DEFAULT 0,
        last_used_at    TEXT,
        UNIQUE (bank_id, code)
    ) STRICT;
    CREATE INDEX questions_bank ON questions(bank_id, status, qtype);
    -- bank_id alone keeps rowid order, so a bank's ids come back sorted without a sort step
    CREATE INDEX questions_bank_id ON questions(bank_id);
    CREATE INDEX questions_bank_difficulty ON questions(bank_id, difficulty);
    CREATE INDEX questions_point ON questions(bank_id, point);
    CREATE INDEX questions_enemy ON questions(bank_id, enemy_group);
    CREATE TABLE question_versions (
        question_id INTEGER NOT NULL REFERENCES questions(id),
        version     INTEGER NOT NULL,
        status      TEXT NOT NULL,
        content     TEXT NOT NULL,
        author      TEXT NOT NULL,
        created_at  TEXT NOT NULL,
        reviewer    TEXT,
        reviewed_at TEXT,
        review_note TEXT,
        PRIMARY KEY (question_id, version)
    ) STRICT;
    CREATE INDEX question_versions_status ON question_versions(status);
    -- Trigram tokens match any 3+ character run, which is what Chinese text search needs.
    CREATE VIRTUAL TABLE question_fts USING fts5(body, tokenize = 'trigram');
    -- Words of 1-2 characters are below the trigram length: this index holds every character
    -- of the same text with its right-hand neighbour as one token (questions_repo writes it,
    -- see store/question_search.py). Contentless (the text is in question_fts) and without
    -- positions: it only says which questions hold a pair. The ascii tokenizer folds ASCII case
    -- as LIKE does, and with every ASCII punctuation character but the semicolon (migrations
    -- are split on it) as a token character it splits only on space and control characters.
    CREATE VIRTUAL TABLE question_grams USING fts5(
        grams, content = '', contentless_delete = 1, detail = none,
        tokenize = 'ascii tokenchars ''!"#$%&''''()*+,-./:<=>?@[\\]^_`{|}~'''
    );
    CREATE TABLE images (
        id       TEXT PRIMARY KEY,
        mime     TEXT NOT NULL,
        width    INTEGER NOT NULL,
        height   INTEGER NOT NULL,
        data     BLOB NOT NULL,
        added_by TEXT NOT NULL,
        added_at TEXT NOT NULL
    ) STRICT;
    """,
    # 3: blueprints with locked versions, assemblies, and papers with their items.
    """
    CREATE TABLE blueprints (
        id              INTEGER PRIMARY KEY,
        bank_id         INTEGER NOT NULL REFERENCES banks(id),
        current_version INTEGER NOT NULL,
        status          TEXT NOT NULL,
        title           TEXT NOT NULL,
        updated_at      TEXT NOT NULL
    ) STRICT;
    CREATE TABLE blueprint_versions (
        blueprint_id INTEGER NOT NULL REFERENCES blueprints(id),
        version      INTEGER NOT NULL,
        status       TEXT NOT NULL,
        body         TEXT NOT NULL,
        sha256       TEXT NOT NULL,
        author       TEXT NOT NULL,
        created_at   TEXT NOT NULL,
        reviewer     TEXT,
        reviewed_at  TEXT,
        review_note  TEXT,
        PRIMARY KEY (blueprint_id, version)
    ) STRICT;
    CREATE TABLE assemblies (
        id                INTEGER PRIMARY KEY,
        blueprint_id      INTEGER NOT NULL REFERENCES blueprints(id),
        blueprint_version INTEGER NOT NULL,
        blueprint_sha256  TEXT NOT NULL,
        seed              TEXT NOT NULL,
        forms             INTEGER NOT NULL,
        notes             TEXT NOT NULL DEFAULT '[]',
        assembled_by      TEXT NOT NULL,
        assembled_at      TEXT NOT NULL
    ) STRICT;
    CREATE TABLE papers (
        id           TEXT PRIMARY KEY,
        assembly_id  INTEGER NOT NULL REFERENCES assemblies(id),
        form         TEXT NOT NULL,
        status       TEXT NOT NULL,
        body         TEXT NOT NULL,
        approved_by  TEXT,
        approved_at  TEXT,
        status_note  TEXT,
        updated_at   TEXT NOT NULL
    ) STRICT;
    CREATE TABLE paper_items (
        paper_id    TEXT NOT NULL REFERENCES papers(id),
        no          INTEGER NOT NULL,
        question_id INTEGER NOT NULL REFERENCES questions(id),
        version     INTEGER NOT NULL,
        PRIMARY KEY (paper_id, no)
    ) STRICT;
    CREATE INDEX paper_items_question ON paper_items(question_id);
    """,
    # 4: a 32 MiB pending-term hash for both search indexes (FTS5's default is 1 MiB). FTS5
    # flushes the hash to a new segment whenever it fills, and with cipher_memory_security every
    # term it then allocates anew costs an mlock/munlock pair: a 100,000-question import wrote
    # dozens of segments and spent some 3 s on it. A write of a few questions never comes near
    # 1 MiB, so only bulk imports use the room (benchmarks/README.md, question_import.py).
    # The index on question_versions.status goes: no query reads versions by status (the
    # current status is questions.status), and every question written paid for it.
    """
    DROP INDEX question_versions_status;
    INSERT INTO question_fts(question_fts, rank) VALUES ('hashsize', 33554432);
    INSERT INTO question_grams(question_grams, rank) VALUES ('hashsize', 33554432);
    """,
)

LATEST_VERSION = len(MIGRATIONS)
