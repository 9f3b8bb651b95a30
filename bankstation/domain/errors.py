"""The known errors: conditions from the world, each carrying a plain Chinese message.

Anything raised that is not a ``BankStationError`` is a bug and is logged with its traceback.
"""

from __future__ import annotations

import errno

# Why a file could not be read or written, in the words of the UI (the system's own text,
# ``strerror``, is English on a station whose locale is C).
_OS_REASONS = {
    errno.ENOENT: "文件或文件夹不存在",
    errno.EACCES: "没有访问权限",
    errno.EPERM: "没有访问权限",
    errno.EIO: "读写出错（光盘或磁盘可能已损坏）",
    errno.ENOSPC: "磁盘空间不足",
    errno.EROFS: "所在位置只读，不能写入",
    errno.EISDIR: "这是一个文件夹，不是文件",
    errno.ENOTDIR: "路径中有一项不是文件夹",
    errno.ENAMETOOLONG: "文件名太长",
    errno.ENODEV: "设备不存在（光盘可能已取出）",
    errno.ENXIO: "设备不存在（光盘可能已取出）",
    errno.ENOMEDIUM: "驱动器中没有光盘",
}


def os_reason(exc: OSError) -> str:
    """A short Chinese reason for an operating-system error, else the system's own words."""
    return _OS_REASONS.get(exc.errno or 0, exc.strerror or str(exc))


class BankStationError(Exception):
    """A known error: shown to the person as ``message``; nothing was changed."""

    default_message = "操作未能完成。"

    def __init__(self, message: str | None = None) -> None:
        self.message = message or self.default_message
        super().__init__(self.message)


class UsageError(BankStationError):
    """The request itself is malformed (bad option value, missing argument)."""

    default_message = "命令用法有误。"


class ValidationError(BankStationError):
    """Input that breaks a rule: a bad name, a too-short password, a missing pledge."""

    default_message = "输入不符合要求。"


class NotFound(BankStationError):
    default_message = "找不到指定的对象。"


class Conflict(BankStationError):
    default_message = "该对象已存在或与现有数据冲突。"


class PermissionDenied(BankStationError):
    default_message = "当前账户无权执行此操作。"


class AuthError(BankStationError):
    """Login failed: unknown account or wrong password (deliberately not told apart)."""

    default_message = "账户名或密码错误。"


class LoginThrottled(AuthError):
    """Too many failed logins in a row: wait before the next try."""

    def __init__(self, wait_seconds: int) -> None:
        self.wait_seconds = wait_seconds
        super().__init__(f"连续登录失败次数过多，请在 {wait_seconds} 秒后再试。")


class AccountUnusable(AuthError):
    """The account exists but may not be used (no pledge recorded, removed)."""

    default_message = "该账户当前不能使用。"


class VaultError(BankStationError):
    default_message = "题库文件无法打开。"


class VaultMissing(VaultError):
    default_message = "找不到题库文件。"


class NotAVault(VaultError):
    default_message = "该文件不是题库工作站的加密题库，或已损坏。"


class VaultTooNew(VaultError):
    default_message = "该题库由更新版本的题库工作站创建，本程序无法打开，请升级程序。"


class VaultExists(VaultError):
    default_message = "目标位置已存在题库文件，不会覆盖。"


class SidecarMissing(VaultError):
    default_message = "找不到题库的密钥槽文件（.keys），无法解锁。请从备份恢复该文件。"


class SidecarTampered(VaultError):
    default_message = "密钥槽文件（.keys）校验失败：文件被修改、替换或不属于此题库。已拒绝解锁。"


class DiskFull(VaultError):
    default_message = "磁盘空间不足，操作未保存。请清理磁盘后重试，已有数据未受影响。"


class VaultBusy(VaultError):
    default_message = "题库正被另一个程序使用，请稍后重试。"


class VaultLocked(VaultError):
    default_message = "题库已锁定，请重新输入密码。"


class LedgerTampered(BankStationError):
    default_message = "台账校验失败：记录被修改、删除或调换。"


class CheckpointMismatch(LedgerTampered):
    default_message = "台账与检查点不一致：题库可能被替换为旧副本或被篡改。"


class BadCheckpoint(BankStationError):
    default_message = "检查点文件格式错误或签名无效。"
