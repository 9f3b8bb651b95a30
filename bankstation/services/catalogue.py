"""Occupations and trades: the shipped 2022 catalogue plus those an admin added by notice."""

from __future__ import annotations

from functools import lru_cache

from bankstation.domain.errors import Conflict, NotFound, ValidationError
from bankstation.domain.occupations import (
    TRADE_CODE_RE,
    Occupation,
    Trade,
    check_occupation_code,
    check_reference,
)
from bankstation.domain.roles import Role
from bankstation.formats.catalogue import read_catalogue
from bankstation.services.resources import resource
from bankstation.services.session import Session
from bankstation.store import bank_repo


@lru_cache(maxsize=1)
def shipped() -> dict[str, Occupation]:
    return read_catalogue(resource("catalogue", "csco22.csv"))


def all_occupations(session: Session) -> dict[str, Occupation]:
    merged = dict(shipped())
    merged.update({o.code: o for o in bank_repo.extra_occupations(session.vault)})
    return merged


def occupation(session: Session, code: str) -> Occupation:
    found = all_occupations(session).get(code.strip())
    if found is None:
        raise NotFound(f"职业编码「{code}」不在 2022 年版职业分类大典中，也未由管理员按通知新增。")
    return found


def search(session: Session, text: str, bank_only: bool = True, limit: int = 50
           ) -> list[Occupation]:
    """Occupations whose code or name contains ``text`` (names are never free-typed)."""
    needle = text.strip()
    found = [o for o in all_occupations(session).values()
             if (not bank_only or o.may_carry_bank) and (needle in o.code or needle in o.name)]
    return sorted(found, key=lambda o: o.code)[:limit]


def add_occupation(session: Session, code: str, name: str, reference: str,
                   definition: str = "") -> Occupation:
    """An occupation published after the catalogue, with the notice that published it."""
    session.require(Role.ADMIN)
    check_occupation_code(code)
    if code in all_occupations(session):
        raise Conflict(f"职业编码「{code}」已存在。")
    if not name.strip():
        raise ValidationError("请填写职业名称。")
    made = Occupation(code, name.strip(), definition.strip(),
                      reference=check_reference(reference, "职业"))
    with session.transaction():
        bank_repo.add_occupation(session.vault, made, session.account.name, session.now())
        session.record("occupation.add", f"occupation:{code}",
                       {"name": made.name, "reference": made.reference})
    return made


def add_trade(session: Session, occupation_code: str, code: str, name: str, reference: str
              ) -> Trade:
    session.require(Role.ADMIN)
    parent = occupation(session, occupation_code)
    if not TRADE_CODE_RE.match(code) or not code.startswith(parent.code + "-"):
        raise ValidationError(f"工种编码「{code}」应为职业编码加两位序号，如 {parent.code}-01。")
    if any(t.code == code for t in bank_repo.trades(session.vault)):
        raise Conflict(f"工种编码「{code}」已存在。")
    if not name.strip():
        raise ValidationError("请填写工种名称。")
    trade = Trade(code, name.strip(), parent.code, check_reference(reference, "工种"))
    with session.transaction():
        bank_repo.add_trade(session.vault, trade, session.account.name, session.now())
        session.record("trade.add", f"trade:{code}",
                       {"name": trade.name, "occupation": parent.code,
                        "reference": trade.reference})
    return trade


def trades(session: Session, occupation_code: str | None = None) -> list[Trade]:
    return bank_repo.trades(session.vault, occupation_code)
