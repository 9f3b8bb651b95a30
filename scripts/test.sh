#!/usr/bin/env bash
# Set everything up on a fresh machine, then run the linters and the whole test suite.
set -euo pipefail
source "$(dirname "$0")/setup.sh"
cd "$ROOT"
export QT_QPA_PLATFORM=offscreen
"$VENV/bin/ruff" check .
"$VENV/bin/mypy"
exec "$VENV/bin/python" -m pytest "$@"
