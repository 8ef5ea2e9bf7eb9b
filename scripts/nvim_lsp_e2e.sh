#!/usr/bin/env bash
# End to end with a real editor: Neovim (headless) as the client of `clarinet-wasm lsp`
# on a copy of examples/counter whose counter.clar gets a type error. Needs `nvim`
# (Debian: apt-get install neovim) and a built binary (cargo build, or BIN=path).
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${BIN:-$PWD/target/debug/clarinet-wasm}
command -v nvim >/dev/null || { echo "nvim is not installed (apt-get install neovim)" >&2; exit 2; }
[ -x "$BIN" ] || { echo "$BIN: build it first (cargo build)" >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp -r examples/counter "$work/project"
rm -rf "$work/project/.cache"
# A type error: a uint step added to an int.
sed -i 's/(var-set total (+ (var-get total) step))/(var-set total (+ (var-get total) 1))/' \
  "$work/project/contracts/counter.clar"
E2E_BIN=$BIN E2E_ROOT=$work/project timeout 120 \
  nvim --headless --clean -u NONE -c "luafile scripts/nvim_lsp_e2e.lua"
