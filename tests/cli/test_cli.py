"""The CLI end to end, in process, over a real vault: outputs, exit codes, messages."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from bankstation.cli import main
from tests.support import FAST_KDF, FakeClock


class Cli:
    def __init__(self, tmp_path: Path, clock: FakeClock) -> None:
        self.dir = tmp_path
        self.vault = tmp_path / "v.bsv"
        self.clock = clock

    def secret(self, name: str, text: str) -> str:
        path = self.dir / f"{name}.pw"
        path.write_text(text + "\n", encoding="utf-8")
        return str(path)

    def run(self, *argv: str, user: str | None = None) -> tuple[int, str]:
        out = io.StringIO()
        args = ["--vault", str(self.vault)]
        if user:
            args += ["--user", user, "--password-file", str(self.dir / f"{user}.pw")]
        code = main([*args, *argv], clock=self.clock, kdf=FAST_KDF, out=out)
        return code, out.getvalue()


@pytest.fixture
def cli(tmp_path: Path, clock: FakeClock) -> Cli:
    c = Cli(tmp_path, clock)
    pw = c.secret("root", "root-pass-1")
    code, out = c.run("init", "--admin", "root", "--full-name", "王建国", "--pledge-date",
                      "2026-01-05", "--pledge-ref", "BM-1", "--password-file", pw)
    assert code == 0 and "已创建题库" in out
    return c


def test_account_lifecycle(cli: Cli, capsys: pytest.CaptureFixture[str]) -> None:
    cli.secret("kp", "keeper-pass-1")
    code, _ = cli.run("account", "add", "kp", "--roles", "keeper,reviewer", "--full-name", "李四",
                      "--pledge-date", "2026-02-01", "--pledge-ref", "BM-2",
                      "--new-password-file", str(cli.dir / "kp.pw"), user="root")
    assert code == 0
    code, out = cli.run("account", "list", "--json", user="root")
    listed = {a["name"]: a for a in json.loads(out)}
    assert listed["kp"]["roles"] == ["keeper", "reviewer"] and listed["kp"]["pledge_ref"] == "BM-2"
    new_pw = cli.secret("kp-new", "keeper-pass-2")
    assert cli.run("account", "passwd", "--new-password-file", new_pw, user="kp")[0] == 0
    capsys.readouterr()
    assert cli.run("account", "list", user="kp")[0] == 1  # kp.pw still holds the old one
    assert "账户名或密码错误" in capsys.readouterr().err
    cli.secret("kp", "keeper-pass-2")
    assert cli.run("account", "list", user="kp")[0] == 0  # any logged-in person may list
    assert cli.run("account", "remove", "kp", user="root")[0] == 0
    code, out = cli.run("account", "list", "--all", "--json", user="root")
    assert [a["active"] for a in json.loads(out) if a["name"] == "kp"] == [False]


def test_known_errors_exit_1_with_one_line(cli: Cli, capsys: pytest.CaptureFixture[str]) -> None:
    cli.secret("root-bad", "not-the-password")
    out = io.StringIO()
    code = main(["--vault", str(cli.vault), "--user", "root", "--password-file",
                 str(cli.dir / "root-bad.pw"), "ledger", "show"],
                clock=cli.clock, kdf=FAST_KDF, out=out)
    err = capsys.readouterr().err
    assert code == 1 and err.strip() == "错误：账户名或密码错误。"
    assert cli.run("account", "remove", "root", user="root")[0] == 1
    assert "不能删除当前登录的账户" in capsys.readouterr().err


def test_login_warns_about_a_live_network_and_unlocked_memory(
        cli: Cli, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("bankstation.cli.context.network_warning", lambda: "警告：网络（eth0）")
    monkeypatch.setattr("bankstation.cli.context.memory_warning", lambda: "警告：内存 8 MiB")
    capsys.readouterr()
    assert cli.run("account", "list", user="root")[0] == 0
    err = capsys.readouterr().err
    assert "eth0" in err and "8 MiB" in err
    monkeypatch.setattr("bankstation.cli.context.network_warning", lambda: None)
    monkeypatch.setattr("bankstation.cli.context.memory_warning", lambda: None)
    assert cli.run("account", "list", user="root")[0] == 0
    assert capsys.readouterr().err == ""


def test_usage_errors_exit_2(cli: Cli, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.run("ledger", "show")[0] == 2  # no --user
    assert "--user" in capsys.readouterr().err
    with pytest.raises(SystemExit) as exc:
        cli.run("ledger", "show", "--kind", "bogus", user="root")
    assert exc.value.code == 2


def test_ledgers_checkpoint_and_verify(cli: Cli) -> None:
    cli.secret("sup", "super-pass-1")
    cli.run("account", "add", "sup", "--roles", "supervisor", "--full-name", "刘洋",
            "--pledge-date", "2026-02-01", "--pledge-ref", "BM-3",
            "--new-password-file", str(cli.dir / "sup.pw"), user="root")
    code, _ = cli.run("room-log", "add", "--name", "赵海", "--unit", "市鉴定中心", "--purpose",
                      "保密检查", "--time-in", "2026-11-27T08:00", "--time-out",
                      "2026-11-27T08:30", "--escort", "刘洋", user="sup")
    assert code == 0
    code, out = cli.run("ledger", "show", "--kind", "room_access", "--json", user="sup")
    assert json.loads(out)[0]["purpose"] == "保密检查"
    code, out = cli.run("ledger", "show", "--kind", "room_access", user="sup")
    assert ["1", "赵海", "市鉴定中心", "保密检查", "2026-11-27", "08:00", "2026-11-27", "08:30",
            "刘洋", "sup"] in [line.split() for line in out.splitlines()]
    code, out = cli.run("ledger", "show", "--kind", "computer_use", user="sup")
    assert "登记出入 1 项" in out and "新增账户 1 项" in out
    assert "2026-11-27 09:00:00" in out and "命令行" in out  # as people read times, not ISO
    assert "+08:00" not in out and "T09:00" not in out
    code, out = cli.run("ledger", "show", user="sup")
    assert "2026-11-27 09:00:00" in out and "+08:00" not in out
    assert "出入登记 #1" in out and "姓名：赵海；单位：市鉴定中心" in out
    assert "账户 sup" in out and "角色：监督员" in out
    cp = cli.dir / "cp.txt"
    assert cli.run("ledger", "checkpoint", "--out", str(cp), user="sup")[0] == 0
    assert cp.read_text(encoding="utf-8").startswith("bankstation.ledger/")
    code, out = cli.run("ledger", "verify", "--checkpoint", str(cp), "--json", user="sup")
    report = json.loads(out)
    assert code == 0 and report["ok"] and report["external_checkpoint_size"] >= 1
    code, out = cli.run("ledger", "show", "--json", user="sup")
    actions = [e["action"] for e in json.loads(out)]
    assert actions[0] == "session.login" and "room_access.add" in actions


def test_global_options_after_the_command(cli: Cli) -> None:
    out = io.StringIO()
    code = main(["account", "list", "--vault", str(cli.vault), "--user", "root",
                 "--password-file", str(cli.dir / "root.pw"), "--purpose", "核对账户"],
                clock=cli.clock, kdf=FAST_KDF, out=out)
    assert code == 0 and "root" in out.getvalue()


def test_rekey_via_cli(cli: Cli) -> None:
    code, out = cli.run("rekey", user="root")
    assert code == 0 and "1 个账户" in out
    assert cli.run("ledger", "verify", user="root")[0] == 0


def test_demo_vault(tmp_path: Path, clock: FakeClock) -> None:
    vault = tmp_path / "demo.bsv"
    out = io.StringIO()
    assert main(["demo", "--vault", str(vault)], clock=clock, kdf=FAST_KDF, out=out) == 0
    text = out.getvalue()
    for role in ("系统管理员", "题库管理员", "审核员", "组卷员", "监督员"):
        assert role in text
    assert "supervisor-demo-2026" in text
    assert main(["demo", "--vault", str(vault)], clock=clock, kdf=FAST_KDF, out=out) == 1
    assert main(["demo", "--vault", str(vault), "--replace"], clock=clock, kdf=FAST_KDF,
                out=out) == 0


def test_module_entry_point_help() -> None:
    result = subprocess.run([sys.executable, "-m", "bankstation", "--help"],
                            capture_output=True, text=True, check=False)
    assert result.returncode == 0 and "题库工作站" in result.stdout
    bad = subprocess.run([sys.executable, "-m", "bankstation", "frobnicate"],
                         capture_output=True, text=True, check=False)
    assert bad.returncode == 2
