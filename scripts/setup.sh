#!/usr/bin/env bash
# Installs what building and testing sourcelens needs, only what is missing (fast when all is there):
#   - the Rust target wasm32-unknown-unknown (rustup)
#   - wasm-bindgen-cli at exactly the crate's wasm-bindgen version (from Cargo.lock)
#   - the npm devDependencies (npm ci / npm install) when node_modules is missing or stale
#   - Chromium for the browser tests (Debian package `chromium`), unless skipped
#
# usage: bash scripts/setup.sh [--no-browser]
#   --no-browser or SOURCELENS_SKIP_BROWSER=1   skip Chromium (what `npm start` does)
#   CHROMIUM_PATH=/path/to/chromium             use that browser instead of /usr/bin/chromium
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

skip_browser="${SOURCELENS_SKIP_BROWSER:-0}"
for arg in "$@"; do
  case "$arg" in
    --no-browser) skip_browser=1 ;;
    -h|--help) sed -n '2,11p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "setup: unknown option $arg" >&2; exit 2 ;;
  esac
done

say() { echo "setup: $*"; }
die() { echo "setup: error: $*" >&2; exit 1; }
started=$(date +%s)

# --- Rust -------------------------------------------------------------------------------------
command -v cargo >/dev/null 2>&1 || die "cargo is missing: install Rust from https://rustup.rs (stable, >= 1.82)"
if command -v rustup >/dev/null 2>&1; then
  if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
    say "adding the Rust target wasm32-unknown-unknown"
    rustup target add wasm32-unknown-unknown
  fi
else
  sysroot="$(rustc --print sysroot)"
  [ -d "$sysroot/lib/rustlib/wasm32-unknown-unknown" ] ||
    die "the Rust target wasm32-unknown-unknown is missing and rustup is not available to add it"
fi

# --- wasm-bindgen-cli, same version as the crate's wasm-bindgen -------------------------------
wb_version="$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock 2>/dev/null || true)"
if [ -z "$wb_version" ]; then
  wb_version="$(sed -n 's/^wasm-bindgen = "=\{0,1\}\([0-9.]*\)".*/\1/p' Cargo.toml | head -n1)"
fi
[ -n "$wb_version" ] || die "cannot find the wasm-bindgen version in Cargo.lock or Cargo.toml"
have_wb="$(wasm-bindgen --version 2>/dev/null | awk '{print $2}' || true)"
if [ "$have_wb" != "$wb_version" ]; then
  say "installing wasm-bindgen-cli $wb_version (found: ${have_wb:-none}); this compiles for a few minutes"
  cargo install wasm-bindgen-cli --version "=$wb_version" --no-default-features --force
  export PATH="${CARGO_INSTALL_ROOT:-${CARGO_HOME:-$HOME/.cargo}}/bin:$PATH"
  have_wb="$(wasm-bindgen --version 2>/dev/null | awk '{print $2}' || true)"
  [ "$have_wb" = "$wb_version" ] || die "wasm-bindgen $wb_version is still not on PATH (found: ${have_wb:-none})"
fi

# --- npm devDependencies ----------------------------------------------------------------------
command -v npm >/dev/null 2>&1 || die "npm is missing: install Node.js >= 20"
stamp=node_modules/.sourcelens-setup
lock_hash="$( (cat package.json; cat package-lock.json 2>/dev/null) | sha256sum | cut -d' ' -f1)"
if [ ! -d node_modules ] || [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$lock_hash" ]; then
  if [ -f package-lock.json ] && { [ "${CI:-}" = true ] || [ ! -d node_modules ]; }; then
    say "installing npm packages (npm ci)"
    npm ci --no-audit --no-fund
  else
    say "updating npm packages (npm install)"
    npm install --no-audit --no-fund
  fi
  # npm install may rewrite the lock file: hash again.
  ( (cat package.json; cat package-lock.json 2>/dev/null) | sha256sum | cut -d' ' -f1) > "$stamp"
fi
[ -x node_modules/.bin/wasm-opt ] || die "node_modules/.bin/wasm-opt is missing (the npm package binaryen)"

# --- Chromium for the browser tests ------------------------------------------------------------
if [ "$skip_browser" != 1 ]; then
  browser="${CHROMIUM_PATH:-/usr/bin/chromium}"
  if [ ! -x "$browser" ]; then
    if [ -n "${CHROMIUM_PATH:-}" ]; then
      die "CHROMIUM_PATH=$CHROMIUM_PATH is not an executable"
    elif [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
      say "installing Chromium (apt-get install chromium)"
      export DEBIAN_FRONTEND=noninteractive
      apt-get update -qq
      apt-get install -y -qq --no-install-recommends chromium fonts-liberation >/dev/null
      [ -x /usr/bin/chromium ] || die "apt-get installed chromium but /usr/bin/chromium is missing"
    else
      die "the browser tests need Chromium: run 'sudo apt-get install chromium' (Debian/Ubuntu), or set
       CHROMIUM_PATH to a Chromium/Chrome binary, or SOURCELENS_SKIP_BROWSER=1 to skip them"
    fi
  fi
fi

say "ready in $(( $(date +%s) - started )) s (wasm-bindgen $wb_version$([ "$skip_browser" = 1 ] && echo ', browser skipped'))"
