#!/usr/bin/env bash
# Set everything up on a fresh machine, create the demo vault (once), and start the program.
set -euo pipefail
source "$(dirname "$0")/setup.sh"
cd "$ROOT"
DEMO_VAULT="${DEMO_VAULT:-$ROOT/demo/vault.bsv}"
if [ ! -e "$DEMO_VAULT" ]; then
  "$VENV/bin/bankstation" demo --vault "$DEMO_VAULT"
else
  echo "使用已有的演示题库：$DEMO_VAULT（账户与密码见 README.md；重建：bankstation demo --replace）"
fi
if [ "$(uname)" = "Linux" ] && [ -z "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ] && [ -z "${QT_QPA_PLATFORM:-}" ]; then
  echo "没有图形显示（DISPLAY 未设置）。请在桌面环境中运行，或先启动 Xvfb 并设置 DISPLAY。" >&2
  exit 1
fi
exec "$VENV/bin/bankstation" --vault "$DEMO_VAULT" gui
