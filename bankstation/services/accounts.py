"""Account administration: add, list, change password, record pledge, remove."""

from __future__ import annotations

from bankstation.domain.accounts import (
    Account,
    Pledge,
    check_account_name,
    check_full_name,
    check_password,
    make_pledge,
)
from bankstation.domain.errors import (
    AuthError,
    Conflict,
    NotFound,
    PermissionDenied,
    ValidationError,
)
from bankstation.domain.roles import Role, format_roles
from bankstation.services.keyring import Keyring
from bankstation.services.session import Session
from bankstation.store import accounts_repo


def list_accounts(session: Session, include_removed: bool = False) -> list[Account]:
    return accounts_repo.list_all(session.vault, include_removed)


def pledge_from(session: Session, signed_on: str, reference: str) -> Pledge:
    return make_pledge(signed_on, reference, session.clock.now().date())


def add_account(
    session: Session,
    name: str,
    full_name: str,
    roles: frozenset[Role],
    pledge: Pledge | None,
    password: str,
) -> Account:
    """Create an account and its key slot (admin only)."""
    session.require(Role.ADMIN)
    check_account_name(name)
    full_name = check_full_name(full_name)
    check_password(password)
    _check_separation(roles)
    existing = accounts_repo.get(session.vault, name)
    if existing is not None and existing.active:
        raise Conflict(f"账户「{name}」已存在。")
    account = Account(name, full_name, roles, pledge)
    keyring = Keyring.load(session.path)
    keyring.check(session.vault_key)
    before = keyring.copy()
    # The slot goes in first: a slot without an account row cannot log in, whereas an
    # account row without a slot would be a person locked out.
    keyring.set_slot(name, password, session.vault_key, session.kdf)
    keyring.seal(session.vault_key)
    keyring.save(session.path)
    try:
        with session.transaction():
            if existing is None:
                accounts_repo.insert(session.vault, account, session.now())
            else:
                accounts_repo.reactivate(session.vault, account)
            session.record("account.add", f"account:{name}", _describe(account))
    except BaseException:
        before.save(session.path)
        raise
    return account


def _check_separation(roles: frozenset[Role]) -> None:
    # DESIGN.md §2: the admin manages people and keys but does not touch questions.
    if Role.ADMIN in roles and Role.KEEPER in roles:
        raise ValidationError("系统管理员不能兼任题库管理员（管理账户者不得编辑试题）。")


def _describe(account: Account) -> dict[str, object]:
    pledge = account.pledge
    return {
        "full_name": account.full_name,
        "roles": format_roles(account.roles),
        "pledge_date": pledge.signed_on.isoformat() if pledge else None,
        "pledge_ref": pledge.reference if pledge else None,
    }


def record_pledge(session: Session, name: str, pledge: Pledge) -> None:
    session.require(Role.ADMIN)
    _get_active(session, name)
    with session.transaction():
        accounts_repo.set_pledge(session.vault, name, pledge)
        session.record("account.pledge", f"account:{name}",
                       {"pledge_date": pledge.signed_on.isoformat(),
                        "pledge_ref": pledge.reference})


def set_roles(session: Session, name: str, roles: frozenset[Role]) -> None:
    session.require(Role.ADMIN)
    _check_separation(roles)
    account = _get_active(session, name)
    if Role.ADMIN in account.roles and Role.ADMIN not in roles:
        _refuse_last_admin(session, name)
    with session.transaction():
        accounts_repo.set_roles(session.vault, name, format_roles(roles))
        session.record("account.roles", f"account:{name}",
                       {"from": format_roles(account.roles), "to": format_roles(roles)})


def change_password(session: Session, name: str, new_password: str) -> None:
    """Own password, or anyone's as admin; the slot gets a fresh key pair and salt."""
    if name != session.account.name:
        session.require(Role.ADMIN)
    _get_active(session, name)
    check_password(new_password)
    keyring = Keyring.load(session.path)
    keyring.check(session.vault_key)
    before = keyring.copy()
    keyring.set_slot(name, new_password, session.vault_key, session.kdf)
    keyring.clear_failures(name)
    keyring.seal(session.vault_key)
    keyring.save(session.path)
    try:
        with session.transaction():
            session.record("account.passwd", f"account:{name}",
                           {"by_admin": name != session.account.name})
    except BaseException:
        before.save(session.path)
        raise


def change_own_password(session: Session, old_password: str, new_password: str) -> None:
    """A person changes their own password, proving the current one first."""
    keyring = Keyring.load(session.path)
    try:
        keyring.open(session.account.name, old_password)
    except AuthError:
        raise AuthError("当前密码不正确，密码未修改。") from None
    if old_password == new_password:
        raise ValidationError("新密码不能与当前密码相同。")
    change_password(session, session.account.name, new_password)


def remove_account(session: Session, name: str) -> None:
    """Retire an account and delete its slot; the last administrator stays."""
    session.require(Role.ADMIN)
    account = _get_active(session, name)
    if name == session.account.name:
        raise PermissionDenied("不能删除当前登录的账户。")
    if Role.ADMIN in account.roles:
        _refuse_last_admin(session, name)
    keyring = Keyring.load(session.path)
    keyring.check(session.vault_key)
    before = keyring.copy()
    keyring.slots.pop(name, None)
    keyring.clear_failures(name)
    keyring.seal(session.vault_key)
    try:
        with session.transaction():
            accounts_repo.deactivate(session.vault, name, session.now())
            session.record("account.remove", f"account:{name}",
                           {"full_name": account.full_name})
            keyring.save(session.path)  # inside: a failed write rolls the row back too
    except BaseException:
        before.save(session.path)  # the commit itself failed after the slot was dropped
        raise


def _refuse_last_admin(session: Session, name: str) -> None:
    admins = [a for a in accounts_repo.list_all(session.vault) if a.has(Role.ADMIN)]
    if [a.name for a in admins] == [name]:
        raise PermissionDenied("不能删除或降级最后一个系统管理员账户。")


def _get_active(session: Session, name: str) -> Account:
    account = accounts_repo.get(session.vault, name)
    if account is None or not account.active:
        raise NotFound(f"账户「{name}」不存在。")
    return account
