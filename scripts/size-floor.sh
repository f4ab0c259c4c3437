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
# What does each part of the interface cost? --panels builds a copy of the app once as it is and
# once without each panel (its line taken out of the page in src/app.rs, so that the compiler
# drops whatever only that panel uses), and prints how much smaller the wasm is each time. The
# panel's text stays in the wasm (the string tables of crates/text/src/i18n/ are kept whole):
#
#   bash scripts/size-floor.sh --panels [NAME...]   (the names below; default: all)
#
# Needs what scripts/setup.sh installs (the wasm32 target, wasm-bindgen-cli, binaryen in
# .tools/). Takes a few minutes (--panels: about 2 minutes a build); builds in a temporary
# folder, changes nothing in the repo.
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

# The panels --panels takes out, each with the lines of src/app.rs that place it on the page.
PANELS=(
  "library|Saved scenarios, presets, scenario files|<Library "
  "editor|The scenario editor|<Editor "
  "network|The partner network|<Network "
  "share|Share button and the address kept in step|<ShareButton |<UrlSync "
  "futures|Many futures (the batch)|<BatchPanel "
  "variants|Compare fairly (scenario variants)|<VariantsPanel "
  "compare|This run against another seed|{ compare_start(&state) }|{ compare_view(&state) }"
  "sweep|Sweep a parameter|SweepPanel "
  "experiments|futures, variants, compare and sweep together|<BatchPanel |<VariantsPanel |SweepPanel |{ compare_start(&state) }|{ compare_view(&state) }"
  "lessons|Lessons panel|{ lessons_panel(&state) }"
  "about|About the model|<About "
  "summary|Run summary (how it ended, and why)|{ run_summary(&state) }"
  "charts|Month-by-month charts|{ run_charts(&state) }"
  "classroom|Shortcuts, their help, decision prompts|<Shortcuts |{ shortcut_help(&state) }|<DecisionPrompt "
)

if [ "${1:-}" = "--panels" ]; then
  shift
  known="$(printf '%s\n' "${PANELS[@]}" | cut -d'|' -f1)"
  for name in "$@"; do
    grep -qx -- "$name" <<<"$known" ||
      { echo "error: no panel '$name'; the panels are: $(echo $known)" >&2; exit 2; }
  done
  app="$work/app"
  mkdir -p "$app"
  # The working tree as it is, new files too, but nothing git ignores (target/, dist/, .tools/).
  (cd "$ALIANSI_ROOT" && git ls-files -z --cached --others --exclude-standard |
    tar -cf - --null -T - --ignore-failed-read 2>/dev/null) | tar -xf - -C "$app"
  cp "$app/src/app.rs" "$work/app.rs"
  build_app() {
    # Quiet: the copy without a panel warns of unused imports.
    CARGO_TARGET_DIR="$work/app-target" cargo build --quiet --release --target wasm32-unknown-unknown \
      --manifest-path "$app/Cargo.toml" --bin aliansi-app 2>"$work/build.log" ||
      { cat "$work/build.log" >&2; exit 1; }
    measure "$work/app-target/wasm32-unknown-unknown/release/aliansi-app.wasm"
  }
  gz() { sed 's/^ *\([0-9.]*\) KB gzipped.*/\1/' <<<"$1"; }
  whole="$(build_app)"
  echo "the app's wasm after wasm-bindgen, wasm-opt -O3 and gzip -9 (1 KB = 1,000 bytes):"
  echo "  as it is: $whole"
  echo "without each panel: what its code alone costs (code it shares goes only with all its users;"
  echo "its text stays, as the string tables are kept whole):"
  printf '  %-12s %-50s %10s %s\n' panel what saves "wasm without it"
  for entry in "${PANELS[@]}"; do
    IFS='|' read -r name what lines <<<"$entry"
    if [ $# -gt 0 ] && ! printf '%s\n' "$@" | grep -qx "$name"; then continue; fi
    cp "$work/app.rs" "$app/src/app.rs"
    IFS='|' read -ra pats <<<"$lines"
    for pat in "${pats[@]}"; do
      grep -qF -- "$pat" "$app/src/app.rs" || { echo "error: '$pat' ($name) is not in src/app.rs any more: update PANELS in $0" >&2; exit 1; }
      grep -vF -- "$pat" "$app/src/app.rs" >"$work/app.next" && mv "$work/app.next" "$app/src/app.rs"
    done
    without="$(build_app)"
    printf '  %-12s %-50s %7.1f KB %s\n' "$name" "$what" "$(echo "$(gz "$whole") $(gz "$without")" | awk '{ print $1 - $2 }')" "$without"
  done
  exit 0
fi

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
