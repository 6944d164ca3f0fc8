#!/usr/bin/env bash
# Runs every test: types, unit tests (vitest), the static build (root and a sub-path),
# and the end-to-end tests in Chromium (Playwright). Installs what it needs first.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-deps.sh --browser

echo "== typecheck"
npx tsc --noEmit

echo "== unit tests (vitest)"
npx vitest run

if [ -f playwright.config.ts ]; then
  echo "== end-to-end tests (Playwright; builds the site at / and under a sub-path)"
  npx playwright test
fi
