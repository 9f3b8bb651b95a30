"""Standards and banks: which standard a bank follows, and whether that standard is void."""

from __future__ import annotations

from datetime import date

from bankstation.domain.banks import Bank
from bankstation.domain.errors import Conflict, NotFound, ValidationError
from bankstation.domain.occupations import Level, check_bank_occupation, parse_level
from bankstation.domain.roles import Role
from bankstation.domain.standards import Standard, StandardKind, void_reason, voided_by
from bankstation.services import catalogue
from bankstation.services.session import Session
from bankstation.store import bank_repo

EXAMS = ("theory", "practical")


def add_standard(session: Session, occupation: str, kind: StandardKind, title: str,
                 reference: str = "", issued_on: date | None = None) -> Standard:
    session.require(Role.KEEPER)
    occ = catalogue.occupation(session, occupation)
    if not title.strip():
        raise ValidationError("请填写评价标准名称。")
    std = Standard(0, occ.code, kind, title.strip(), reference.strip(), issued_on)
    with session.transaction():
        sid = bank_repo.add_standard(session.vault, std, session.account.name, session.now())
        session.record("standard.add", f"standard:{sid}",
                       {"occupation": occ.code, "kind": kind.value, "title": std.title,
                        "reference": std.reference})
    return Standard(sid, occ.code, kind, std.title, std.reference, issued_on)


def standards(session: Session, occupation: str | None = None) -> list[Standard]:
    return bank_repo.standards(session.vault, occupation)


def create_bank(session: Session, occupation: str, level: int | str, exam: str,
                standard_kind: StandardKind, standard_title: str, standard_ref: str = "",
                trade: str | None = None) -> Bank:
    """A bank for (occupation or trade, level, exam, standard); the standard is found or made."""
    session.require(Role.KEEPER)
    occ = catalogue.occupation(session, occupation)
    check_bank_occupation(occ)
    lvl = parse_level(level)
    if exam not in EXAMS:
        raise ValidationError(f"考试类别「{exam}」无效：应为 theory（理论知识）或 practical（"
                              "操作技能）。")
    if trade and trade not in {t.code for t in catalogue.trades(session, occ.code)}:
        raise NotFound(f"工种「{trade}」不存在；新增工种须由系统管理员按文件登记。")
    std = _find_standard(session, occ.code, standard_kind, standard_title)
    if std is None:
        std = add_standard(session, occ.code, standard_kind, standard_title, standard_ref)
    if bank_repo.find_bank(session.vault, occ.code, trade, int(lvl), exam, std.id):
        raise Conflict("该职业、等级、考试类别和评价标准的题库已经存在。")
    draft = Bank(0, occ.code, occ.name, trade, lvl, exam, std.id, session.now())
    with session.transaction():
        bank_id = bank_repo.add_bank(session.vault, draft, session.account.name)
        session.record("bank.create", f"bank:{bank_id}",
                       {"occupation": occ.code, "trade": trade, "level": int(lvl), "exam": exam,
                        "standard": std.id})
    return get_bank(session, bank_id)


def _find_standard(session: Session, occupation: str, kind: StandardKind, title: str
                   ) -> Standard | None:
    for std in bank_repo.standards(session.vault, occupation):
        if std.kind is kind and std.title == title.strip():
            return std
    return None


def list_banks(session: Session) -> list[Bank]:
    return [_bank(session, row) for row in bank_repo.banks(session.vault)]


def get_bank(session: Session, bank_id: int) -> Bank:
    row = bank_repo.bank_row(session.vault, bank_id)
    if row is None:
        raise NotFound(f"题库 {bank_id} 不存在。")
    return _bank(session, row)


def _bank(session: Session, row: tuple[object, ...]) -> Bank:
    bank_id, occupation, trade, level, exam, standard_id, created = row
    occ = catalogue.occupation(session, str(occupation))
    std = bank_repo.standard(session.vault, int(str(standard_id)))
    reason = None
    if std is not None:
        better = voided_by(std, bank_repo.standards(session.vault, std.occupation))
        reason = void_reason(std, better) if better else None
    name = occ.name
    if trade:
        trade_name = next((t.name for t in catalogue.trades(session, occ.code) if t.code == trade),
                          "")
        name = f"{occ.name}（{trade_name}）" if trade_name else name
    return Bank(int(str(bank_id)), occ.code, name, str(trade) if trade else None,
                Level(int(str(level))), str(exam), int(str(standard_id)), str(created), reason)


def standard_of(session: Session, bank: Bank) -> Standard:
    std = bank_repo.standard(session.vault, bank.standard_id)
    if std is None:
        raise NotFound("题库的评价标准记录缺失。")
    return std
