"""Element tables (鉴定要素细目表): read, replace as a whole after checking every rule."""

from __future__ import annotations

from bankstation.domain.elements import ElementNode, ElementTable
from bankstation.domain.errors import ValidationError
from bankstation.domain.problems import Problem
from bankstation.domain.roles import Role
from bankstation.services.banks import get_bank
from bankstation.services.session import Session
from bankstation.store import bank_repo, questions_repo


class ElementTableInvalid(ValidationError):
    """The table breaks rules; ``problems`` lists each one."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        lines = "\n".join(str(p) for p in problems[:20])
        more = f"\n……另有 {len(problems) - 20} 个问题" if len(problems) > 20 else ""
        super().__init__(f"鉴定要素细目表有 {len(problems)} 个问题，未保存：\n{lines}{more}")


def table(session: Session, bank_id: int) -> ElementTable:
    return ElementTable(bank_repo.elements(session.vault, bank_id))


def check(session: Session, bank_id: int, nodes: list[ElementNode]) -> list[Problem]:
    """Every problem with a proposed table, including points that questions still use."""
    proposed = ElementTable(nodes)
    problems = proposed.problems()
    used = questions_repo.points_in_use(session.vault, bank_id)
    gone = sorted(used - {p.code for p in proposed.points()})
    if gone:
        problems.append(Problem(None, "代码", f"以下鉴定点仍有试题在用，不能删除："
                                            f"{'、'.join(gone[:10])}"
                                + ("等" if len(gone) > 10 else "") + "。"))
    return problems


def replace(session: Session, bank_id: int, nodes: list[ElementNode]) -> ElementTable:
    """Save a whole element table in one transaction, or nothing."""
    session.require(Role.KEEPER)
    get_bank(session, bank_id)
    problems = check(session, bank_id, nodes)
    if problems:
        raise ElementTableInvalid(problems)
    before = len(bank_repo.elements(session.vault, bank_id))
    with session.transaction():
        bank_repo.replace_elements(session.vault, bank_id, nodes)
        session.record("elements.replace", f"bank:{bank_id}", {
            "scopes": sum(1 for n in nodes if not n.is_point),
            "points": sum(1 for n in nodes if n.is_point), "previous_nodes": before})
    return ElementTable(nodes)
