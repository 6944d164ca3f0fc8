#!/usr/bin/env bash
# Builds the static site and serves it on localhost (PORT, default 3000).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-deps.sh
npx next build
exec node scripts/serve.mjs out "${PORT:-3000}"
