#!/usr/bin/env bash
# Shared set-up for scripts/demo.sh and scripts/test.sh: system libraries Qt needs, a virtual
# environment in .venv, and the project installed into it. Safe to run again: it only does
# what is missing. Source it; it sets VENV.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV="$ROOT/.venv"

# Libraries the Qt wheels load (xcb for a real screen, EGL/GL, xkb, fontconfig, dbus), plus
# Xvfb for headless screenshots and poppler-utils to read PDFs back.
APT_PACKAGES=(
  libegl1 libgl1 libopengl0 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1 libdbus-1-3
  libglib2.0-0 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0 libxcb-render-util0
  libxcb-image0 libxcb-randr0 libxcb-xinerama0 libxcb-xkb1 libx11-xcb1 xvfb xauth poppler-utils
)

install_system_packages() {
  command -v dpkg-query >/dev/null 2>&1 || return 0   # not Debian/Ubuntu: nothing to do here
  local missing=()
  for pkg in "${APT_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "ok installed" || missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  if [ "$(id -u)" -ne 0 ]; then
    echo "需要以下系统软件包，请以 root 身份安装后重试：apt-get install ${missing[*]}" >&2
    exit 1
  fi
  echo "Installing system packages: ${missing[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

pick_python() {
  for candidate in "${PYTHON:-}" python3.11 python3.12 python3.13 python3; do
    [ -n "$candidate" ] || continue
    if command -v "$candidate" >/dev/null 2>&1 &&
       "$candidate" -c 'import sys; sys.exit(not ((3, 11) <= sys.version_info[:2] < (3, 14)))'; then
      echo "$candidate"; return 0
    fi
  done
  echo "需要 Python 3.11–3.13。" >&2
  exit 1
}

install_python_packages() {
  local python stamp want
  python="$(pick_python)"
  if [ ! -x "$VENV/bin/python" ]; then
    "$python" -m venv "$VENV" 2>/dev/null || {
      [ "$(id -u)" -eq 0 ] && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-venv >/dev/null
      "$python" -m venv "$VENV"
    }
  fi
  # Reinstall only when the dependency list changed.
  stamp="$VENV/.bankstation-installed"
  want="$(sha256sum "$ROOT/pyproject.toml" | cut -d' ' -f1)"
  if [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
    "$VENV/bin/python" -m pip install -q --upgrade pip
    "$VENV/bin/python" -m pip install -q -e "$ROOT[test]"
    echo "$want" > "$stamp"
  fi
}

install_system_packages
install_python_packages
