#!/usr/bin/env bash
# Quick start 1: installs what is missing, then serves the app at http://127.0.0.1:8080
# with live rebuilds. Extra arguments go to `trunk serve` (e.g. --release).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
cd "$ALIANSI_ROOT"
echo "==> trunk serve: open http://127.0.0.1:8080 (Ctrl-C to stop)"
exec trunk serve "$@"
