# shellcheck shell=bash
# Sourced by scripts/serve.sh and scripts/test.sh: installs the build tools that are missing
# (and only those), at pinned versions, and puts them on PATH. Needs Rust (rustup + cargo);
# everything else comes from crates.io, npm and, for Node.js only if it is missing, apt.
#
#   wasm32-unknown-unknown   rustup target
#   rust-src                 rustup component (scripts/build.sh compiles the standard library
#                            for the release build)
#   trunk 0.21.14            cargo install (debug build: about 4.5 min on 2 cores)
#   wasm-bindgen-cli 0.2.130 cargo install (wasm-bindgen, wasm-bindgen-test-runner)
#   binaryen 132 (wasm-opt)  npm, into .tools/ (project-local)
#   terser 5.51.4            npm, into .tools/ (minifies the release build's JavaScript)
#   xz-decompress 0.2.3      npm, into .tools/ (the page's decoder of the release build's
#                            wasm.xz; the build copies it into dist/)
#   xz (xz-utils)            apt, only if missing (compresses the release build's wasm)

ALIANSI_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
ALIANSI_TOOLS="$ALIANSI_ROOT/.tools"
TRUNK_VERSION="0.21.14"
WASM_BINDGEN_VERSION="0.2.130" # must equal the `wasm-bindgen = "=…"` pin in Cargo.toml
BINARYEN_VERSION="132"
TERSER_VERSION="5.51.4"
XZ_DECOMPRESS_VERSION="0.2.3"

export PATH="$ALIANSI_TOOLS/node_modules/.bin:${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"
export TRUNK_SKIP_VERSION_CHECK=true

die() {
  echo "" >&2
  echo "ERROR: $*" >&2
  exit 1
}

# Runs a command as root (directly, or through sudo when not root).
as_root() {
  if [ "$(id -u)" = 0 ]; then
    "$@"
  elif command -v sudo >/dev/null; then
    sudo "$@"
  else
    die "need root (or sudo) to run: $*"
  fi
}

# install_step NAME COMMAND...: runs an install, reporting how long it took.
install_step() {
  local name="$1" t0=$SECONDS
  shift
  echo "==> installing $name: $*"
  "$@" || die "installing $name failed (command: $*)"
  echo "    installed $name in $((SECONDS - t0)) s"
}

apt_updated=""
apt_install() {
  if [ -z "$apt_updated" ]; then
    as_root apt-get update -qq || die "apt-get update failed"
    apt_updated=1
  fi
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq --no-install-recommends "$@"
}

# npm_tool PACKAGE VERSION WHAT: installs PACKAGE@VERSION from npm into .tools/.
npm_tool() {
  mkdir -p "$ALIANSI_TOOLS"
  install_step "$1 $2 ($3, into .tools/)" \
    npm install --prefix "$ALIANSI_TOOLS" --no-audit --no-fund --loglevel=error "$1@$2"
}

# npm_tool_version PACKAGE: the version of PACKAGE in .tools/ (empty if it is not there).
npm_tool_version() {
  node -p "require('$ALIANSI_TOOLS/node_modules/$1/package.json').version" 2>/dev/null || true
}

aliansi_setup() {
  local t0=$SECONDS
  command -v cargo >/dev/null || die "cargo not found: install Rust first (https://rustup.rs)"
  command -v rustup >/dev/null || die "rustup not found: install Rust with rustup (https://rustup.rs)"

  local targets
  targets="$(rustup target list --installed)"
  if ! grep -qx wasm32-unknown-unknown <<<"$targets"; then
    install_step "Rust target wasm32-unknown-unknown" rustup target add wasm32-unknown-unknown
  fi
  if ! rustup component list --installed | grep -q '^rust-src'; then
    install_step "Rust component rust-src" rustup component add rust-src
  fi

  if [ "$(trunk --version 2>/dev/null)" != "trunk $TRUNK_VERSION" ]; then
    install_step "trunk $TRUNK_VERSION" cargo install trunk --version "$TRUNK_VERSION" --locked --debug --force
  fi

  if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $WASM_BINDGEN_VERSION" ] ||
    ! command -v wasm-bindgen-test-runner >/dev/null; then
    # Not --locked: its lock file does not build with current toolchains.
    install_step "wasm-bindgen-cli $WASM_BINDGEN_VERSION" \
      cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --force
  fi

  if ! command -v node >/dev/null || ! command -v npm >/dev/null ||
    [ "$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)" -lt 18 ]; then
    install_step "Node.js and npm (apt)" apt_install nodejs npm
  fi

  local wasm_opt_version
  wasm_opt_version="$("$ALIANSI_TOOLS/node_modules/.bin/wasm-opt" --version 2>/dev/null || true)"
  if ! grep -q "version $BINARYEN_VERSION\b" <<<"$wasm_opt_version"; then
    npm_tool binaryen "$BINARYEN_VERSION" "wasm-opt"
  fi
  if [ "$(npm_tool_version terser)" != "$TERSER_VERSION" ]; then
    npm_tool terser "$TERSER_VERSION" "minifies the JavaScript"
  fi
  if [ "$(npm_tool_version xz-decompress)" != "$XZ_DECOMPRESS_VERSION" ]; then
    npm_tool xz-decompress "$XZ_DECOMPRESS_VERSION" "the page's xz decoder"
  fi
  if ! command -v xz >/dev/null; then
    install_step "xz (apt: xz-utils)" apt_install xz-utils
  fi

  echo "==> tools ready ($((SECONDS - t0)) s): $(trunk --version), $(wasm-bindgen --version), $(wasm-opt --version | head -n1)"
}

aliansi_setup
