#!/usr/bin/env bash
# Trunk post_build hook (see Trunk.toml): makes the service worker of the built app.
#
#   bash scripts/offline-cache.sh [DIR [PROFILE]]
#
# DIR defaults to $TRUNK_STAGING_DIR and PROFILE to $TRUNK_PROFILE (release or debug), as
# Trunk sets them. Release: writes DIR/sw.js from assets/sw.js with FILES, the list of every
# file in DIR (relative paths, "./" for the page's folder) but the PNG icons (icon-*.png:
# only installing the app uses them, and the browser keeps an installed app's icons itself;
# 31 KB less on a first visit), and VERSION, the first 16 hex
# digits of a sha256 over every file's sha256 and name and over the template itself. A build
# that changes any file is a new service worker with a new cache; an identical build gives a
# byte-identical sw.js. Release builds end with scripts/minify-js.mjs (the app's module,
# boot.js, worker.js and sw.js minified, the wasm's imports renamed, the wasm compressed by xz
# into …_bg.wasm.xz with its decoder unxz-….js; needs Node.js, the terser and xz-decompress of
# .tools/ and the xz command). Both: adds
# data-wasm-bytes (the wasm file's size) to the boot
# script's tag in index.html, for the loading screen's progress. Debug (`trunk serve`):
# sw.js caches nothing, and the Content-Security-Policy line is dropped from index.html so
# that Trunk's live-reload script (inline) can run. Needs only bash, coreutils and sed.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
dir="${1:-${TRUNK_STAGING_DIR:?run by Trunk, or give the dist folder}}"
profile="${2:-${TRUNK_PROFILE:-release}}"
template="$root/assets/sw.js"
cd "$dir"
[ -f index.html ] || { echo "offline-cache.sh: no index.html in $dir" >&2; exit 1; }

# The wasm file's size, for the loading screen's progress (assets/boot.js reads it from the
# boot script's data-wasm-bytes). Written before the version below, which hashes index.html.
wasm_files=(*_bg.wasm)
[ ${#wasm_files[@]} -eq 1 ] && [ -f "${wasm_files[0]}" ] ||
  { echo "offline-cache.sh: expected one *_bg.wasm in $dir, found: ${wasm_files[*]}" >&2; exit 1; }
wasm_bytes="$(wc -c <"${wasm_files[0]}" | tr -d ' ')"
grep -q ' data-wasm=' index.html ||
  { echo "offline-cache.sh: the boot script's data-wasm attribute is missing in index.html" >&2; exit 1; }
grep -q 'data-wasm-bytes=' index.html ||
  sed -i "s/ data-wasm=/ data-wasm-bytes=\"$wasm_bytes\" data-wasm=/" index.html

files=()
if [ "$profile" = release ]; then
  while IFS= read -r -d '' f; do files+=("${f#./}"); done \
    < <(find . -type f ! -path ./sw.js ! -name 'icon-*.png' -print0 | LC_ALL=C sort -z)
  # The worker's own code counts too: a change to assets/sw.js alone is a new version.
  version="$({ printf '%s\0' "${files[@]}" | xargs -0 sha256sum; sha256sum <"$template"; } | sha256sum | cut -c1-16)"
  list='"./"'
  for f in "${files[@]}"; do
    f="${f//\\/\\\\}"
    list+=", \"${f//\"/\\\"}\""
  done
else
  version="dev"
  list=""
  sed -i '/http-equiv="Content-Security-Policy"/d' index.html
fi

sw="$(<"$template")"
[[ "$sw" == *__ALIANSI_VERSION__* && "$sw" == *"/* __ALIANSI_FILES__ */"* ]] ||
  { echo "offline-cache.sh: placeholders missing in $template" >&2; exit 1; }
sw="${sw//__ALIANSI_VERSION__/"$version"}"
sw="${sw//"/* __ALIANSI_FILES__ */"/"$list"}"
printf '%s\n' "$sw" > sw.js
echo "offline-cache.sh: sw.js version $version, ${#files[@]} files cached ($profile)"

# Release builds: the JavaScript minified last (the version above is a hash of the files as
# Trunk wrote them; minifying is deterministic, so it still names this build).
if [ "$profile" = release ]; then
  node "$root/scripts/minify-js.mjs" "$dir"
fi
