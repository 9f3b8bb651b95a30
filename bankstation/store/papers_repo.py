"""Blueprints and their versions, assemblies, papers and paper items."""

from __future__ import annotations

import json
from typing import Any

from bankstation.store.vault import Vault


def insert_blueprint(vault: Vault, bank_id: int, title: str, body: str, sha: str, status: str,
                     author: str, at: str) -> int:
    bid = vault.execute(
        "INSERT INTO blueprints(bank_id, current_version, status, title, updated_at) "
        "VALUES (?, 1, ?, ?, ?)", (bank_id, status, title, at))
    vault.execute(
        "INSERT INTO blueprint_versions(blueprint_id, version, status, body, sha256, author, "
        "created_at) VALUES (?, 1, ?, ?, ?, ?, ?)", (bid, status, body, sha, author, at))
    return bid


def add_blueprint_version(vault: Vault, bid: int, version: int, title: str, body: str, sha: str,
                          status: str, author: str, at: str) -> None:
    vault.execute(
        "INSERT INTO blueprint_versions(blueprint_id, version, status, body, sha256, author, "
        "created_at) VALUES (?, ?, ?, ?, ?, ?, ?)", (bid, version, status, body, sha, author, at))
    vault.execute("UPDATE blueprints SET current_version = ?, status = ?, title = ?, "
                  "updated_at = ? WHERE id = ?", (version, status, title, at, bid))


def replace_blueprint_version(vault: Vault, bid: int, version: int, title: str, body: str,
                              sha: str, status: str, at: str) -> None:
    vault.execute("UPDATE blueprint_versions SET body = ?, sha256 = ?, status = ? "
                  "WHERE blueprint_id = ? AND version = ?", (body, sha, status, bid, version))
    vault.execute("UPDATE blueprints SET status = ?, title = ?, updated_at = ? WHERE id = ?",
                  (status, title, at, bid))


def set_blueprint_status(vault: Vault, bid: int, version: int, status: str, reviewer: str | None,
                         at: str, note: str | None) -> None:
    vault.execute(
        "UPDATE blueprint_versions SET status = ?, reviewer = coalesce(?, reviewer), "
        "reviewed_at = coalesce(?, reviewed_at), review_note = coalesce(?, review_note) "
        "WHERE blueprint_id = ? AND version = ?",
        (status, reviewer, at if reviewer else None, note, bid, version))
    vault.execute("UPDATE blueprints SET status = ?, updated_at = ? WHERE id = ? AND "
                  "current_version = ?", (status, at, bid, version))


_BP = ("SELECT b.id, b.bank_id, v.version, v.status, v.body, v.sha256, v.author, v.created_at, "
       "v.reviewer, v.reviewed_at, v.review_note FROM blueprints b JOIN blueprint_versions v "
       "ON v.blueprint_id = b.id")


def blueprint(vault: Vault, bid: int, version: int | None = None) -> tuple[Any, ...] | None:
    if version is None:
        rows = vault.query(_BP + " AND v.version = b.current_version WHERE b.id = ?", (bid,))
    else:
        rows = vault.query(_BP + " WHERE b.id = ? AND v.version = ?", (bid, version))
    return rows[0] if rows else None


def blueprints(vault: Vault, bank_id: int | None = None) -> list[tuple[Any, ...]]:
    sql = _BP + " AND v.version = b.current_version"
    if bank_id is None:
        return vault.query(sql + " ORDER BY b.id")
    return vault.query(sql + " WHERE b.bank_id = ? ORDER BY b.id", (bank_id,))


def insert_assembly(vault: Vault, bid: int, version: int, sha: str, seed: str, forms: int,
                    notes: list[str], by: str, at: str) -> int:
    return vault.execute(
        "INSERT INTO assemblies(blueprint_id, blueprint_version, blueprint_sha256, seed, forms, "
        "notes, assembled_by, assembled_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        (bid, version, sha, seed, forms, json.dumps(notes, ensure_ascii=False), by, at))


def insert_paper(vault: Vault, paper: dict[str, Any], assembly_id: int, at: str) -> None:
    vault.execute(
        "INSERT INTO papers(id, assembly_id, form, status, body, updated_at) "
        "VALUES (?, ?, ?, ?, ?, ?)",
        (paper["paper_id"], assembly_id, paper["form"], paper["status"],
         json.dumps(paper, ensure_ascii=False, sort_keys=True), at))
    for section in paper["sections"]:
        for item in section["items"]:
            vault.execute("INSERT INTO paper_items(paper_id, no, question_id, version) "
                          "VALUES (?, ?, ?, ?)",
                          (paper["paper_id"], item["no"], item["question_id"], item["version"]))


def update_paper(vault: Vault, paper: dict[str, Any], at: str, note: str | None = None) -> None:
    vault.execute(
        "UPDATE papers SET status = ?, body = ?, approved_by = ?, approved_at = ?, "
        "status_note = coalesce(?, status_note), updated_at = ? WHERE id = ?",
        (paper["status"], json.dumps(paper, ensure_ascii=False, sort_keys=True),
         paper["approved_by"], paper["approved_at"], note, at, paper["paper_id"]))


def paper(vault: Vault, paper_id: str) -> dict[str, Any] | None:
    body = vault.scalar("SELECT body FROM papers WHERE id = ?", (paper_id,))
    return json.loads(body) if body else None


def papers(vault: Vault) -> list[tuple[Any, ...]]:
    return vault.query(
        "SELECT p.id, p.form, p.status, a.id, a.blueprint_id, a.assembled_by, a.assembled_at, "
        "p.approved_by, p.status_note FROM papers p JOIN assemblies a ON a.id = p.assembly_id "
        "ORDER BY a.id DESC, p.form")


def assembly_of(vault: Vault, paper_id: str) -> tuple[Any, ...] | None:
    rows = vault.query("SELECT a.id, a.assembled_by, a.seed FROM papers p JOIN assemblies a "
                       "ON a.id = p.assembly_id WHERE p.id = ?", (paper_id,))
    return rows[0] if rows else None


def last_used(vault: Vault, bank_id: int) -> dict[int, str]:
    """Question id -> when a paper holding it was last approved (withdrawn papers excluded)."""
    rows = vault.query(
        "SELECT i.question_id, max(p.approved_at) FROM paper_items i JOIN papers p "
        "ON p.id = i.paper_id JOIN questions q ON q.id = i.question_id "
        "WHERE q.bank_id = ? AND p.approved_at IS NOT NULL AND p.status != 'withdrawn' "
        "GROUP BY i.question_id", (bank_id,))
    return {int(q): str(at) for q, at in rows}


def mark_used(vault: Vault, paper_id: str, at: str) -> None:
    vault.execute(
        "UPDATE questions SET used_count = used_count + 1, last_used_at = ? WHERE id IN "
        "(SELECT question_id FROM paper_items WHERE paper_id = ?)", (at, paper_id))
