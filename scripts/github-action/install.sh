#!/usr/bin/env bash
# The action runs Bulkhead from its own checkout: install and build it once (npm ci runs the
# build through `prepare`); a checkout that already holds the build is used as it is.
set -euo pipefail
cd "$(dirname "$0")/../.."
if [ -f dist/cli.js ] && [ -f dist/typescript.js ]; then
  echo "bulkhead: using the build in $(pwd)/dist"
  exit 0
fi
npm ci --no-audit --no-fund
[ -f dist/cli.js ] || node scripts/build.mjs
