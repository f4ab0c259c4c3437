#!/usr/bin/env bash
# How small could the app's wasm be? Builds throwaway programs, each with only part of what the
# app carries, with the app's release profile, then wasm-bindgen, wasm-opt -O3 and gzip -9 as
# Trunk's release build does, and prints each one's gzipped size next to the app's own:
#
#   core            the simulation core running a preset scenario (a run and a batch)
#   core+wire       the same, reading a share link or scenario JSON and writing a link
#   yew             a one-button Yew page (the framework alone)
#   core+wire+yew   both: what any Yew front end of this core must carry before its own
#                   interface, text and features
#
#   bash scripts/size-floor.sh [--app]     (--app also builds the app itself for comparison)
#
# Needs what scripts/setup.sh installs (the wasm32 target, wasm-bindgen-cli, binaryen in
# .tools/). Takes a few minutes; builds in a temporary folder, changes nothing in the repo.
set -euo pipefail
ALIANSI_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
WASM_OPT="$ALIANSI_ROOT/.tools/node_modules/.bin/wasm-opt"
[ -x "$WASM_OPT" ] || { echo "error: $WASM_OPT is missing: run 'source scripts/setup.sh' first" >&2; exit 1; }
command -v wasm-bindgen >/dev/null || { echo "error: wasm-bindgen is missing: run 'source scripts/setup.sh' first" >&2; exit 1; }

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
bindgen_version="$(sed -n 's/^wasm-bindgen = "=\(.*\)"/\1/p' "$ALIANSI_ROOT/Cargo.toml")"
yew_version="$(sed -n 's/^yew = { version = "\([^"]*\)".*/\1/p' "$ALIANSI_ROOT/Cargo.toml")"

mkdir -p "$work/floor/src"
cat >"$work/floor/Cargo.toml" <<EOF
[package]
name = "floor"
version = "0.1.0"
edition = "2021"
publish = false

[features]
core = []
wire = ["core"]
ui = []

[dependencies]
aliansi-sim = { path = "$ALIANSI_ROOT/crates/sim" }
aliansi-wire = { path = "$ALIANSI_ROOT/crates/wire" }
yew = { version = "$yew_version", features = ["csr"] }
wasm-bindgen = "=$bindgen_version"

$(sed -n '/^\[profile.release\]/,/^# ----/p' "$ALIANSI_ROOT/Cargo.toml" | grep -v '^# ----')

[workspace]
EOF
# The app's lock file, so that the crates are the versions the app builds with.
cp "$ALIANSI_ROOT/Cargo.lock" "$work/floor/Cargo.lock"
cat >"$work/floor/src/main.rs" <<'EOF'
#[cfg(feature = "core")]
use wasm_bindgen::prelude::*;

#[cfg(all(feature = "core", not(feature = "wire")))]
#[wasm_bindgen]
pub fn go(preset: u32, seed: u64) -> u64 {
    let all = aliansi_sim::presets::all();
    let s = &all[preset as usize % all.len()].scenario;
    let r = aliansi_sim::run(s, seed).map(|r| r.months as u64).unwrap_or(0);
    let b = aliansi_sim::run_batch(s, seed, 100).map(|b| b.checksum).unwrap_or(0);
    r ^ b
}

#[cfg(feature = "wire")]
#[wasm_bindgen]
pub fn go(text: &str, seed: u64) -> String {
    let s = if text.starts_with('{') {
        aliansi_wire::parse_json(text)
    } else {
        aliansi_wire::decode_link(text)
    };
    match s {
        Ok(s) => {
            let r = aliansi_sim::run(&s, seed).map(|r| r.months).unwrap_or(0);
            let b = aliansi_sim::run_batch(&s, seed, 100).map(|b| b.checksum).unwrap_or(0);
            format!("{} {r} {b}", aliansi_wire::encode_link(&s))
        }
        Err(e) => e.to_string(),
    }
}

#[cfg(feature = "ui")]
#[yew::function_component]
fn App() -> yew::Html {
    let n = yew::use_state(|| 0u32);
    let onclick = {
        let n = n.clone();
        yew::Callback::from(move |_| n.set(*n + 1))
    };
    yew::html! { <div><button {onclick}>{ "+1" }</button><p>{ *n }</p></div> }
}

fn main() {
    #[cfg(feature = "ui")]
    yew::Renderer::<App>::new().render();
}
EOF

# gzipped size (KB) of a built wasm, after wasm-bindgen and wasm-opt -O3
measure() {
  local wasm="$1" out="$work/out"
  rm -rf "$out"
  wasm-bindgen --target web --remove-name-section --out-dir "$out" "$wasm"
  "$WASM_OPT" -O3 "$out"/*_bg.wasm -o "$out/opt.wasm"
  echo "$(gzip -9c "$out/opt.wasm" | wc -c) $(stat -c %s "$out/opt.wasm")" |
    awk '{ printf "%7.1f KB gzipped (%7.1f KB raw)", $1 / 1000, $2 / 1000 }'
}

echo "wasm after wasm-bindgen, wasm-opt -O3 and gzip -9 (1 KB = 1,000 bytes):"
for features in core wire ui "wire ui"; do
  case "$features" in
    core) name="core" ;;
    wire) name="core+wire" ;;
    ui) name="yew" ;;
    *) name="core+wire+yew" ;;
  esac
  CARGO_TARGET_DIR="$work/target" cargo build --quiet --release --target wasm32-unknown-unknown \
    --manifest-path "$work/floor/Cargo.toml" --features "$features"
  printf '  %-15s %s\n' "$name" "$(measure "$work/target/wasm32-unknown-unknown/release/floor.wasm")"
done
if [ "${1:-}" = "--app" ]; then
  CARGO_TARGET_DIR="$work/app-target" cargo build --quiet --release --target wasm32-unknown-unknown \
    --manifest-path "$ALIANSI_ROOT/Cargo.toml" --bin aliansi-app
  printf '  %-15s %s\n' "the app" "$(measure "$work/app-target/wasm32-unknown-unknown/release/aliansi-app.wasm")"
fi
