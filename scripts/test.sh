#!/usr/bin/env bash
# Runs every test: types, unit tests (vitest), the static build (root and a sub-path),
# and the end-to-end tests in Chromium (Playwright). Installs what it needs first.
#
#   bash scripts/test.sh                 everything (what `npm test` and CI run)
#   bash scripts/test.sh --e2e [ARGS]    only the two builds and Playwright (ARGS go to playwright,
#                                        e.g. e2e/samples.spec.ts --project=root)
#   E2E_NO_BUILD=1 ...                   reuse out/ and out-subpath/ from an earlier run
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-deps.sh --browser

SUBPATH=/course/week3
only_e2e=0
if [ "${1:-}" = "--e2e" ]; then
  only_e2e=1
  shift
fi

if [ "$only_e2e" = 0 ]; then
  echo "== typecheck"
  npx tsc --noEmit

  echo "== unit tests (vitest)"
  npx vitest run
fi

if [ -f playwright.config.ts ]; then
  if [ "${E2E_NO_BUILD:-0}" != 1 ]; then
    # Next always exports to out/: build the sub-path site first and move it aside, then the root site.
    echo "== static build under $SUBPATH (out-subpath/)"
    rm -rf out-subpath
    BASE_PATH=$SUBPATH npx next build
    mv out out-subpath
    echo "== static build at / (out/)"
    npx next build
  fi
  # A stale or mixed-up build would make the sub-path tests meaningless: check where assets point.
  grep -q "\"$SUBPATH/_next/" out-subpath/adjoint/index.html || { echo "out-subpath/ is not a $SUBPATH build" >&2; exit 1; }
  if grep -q "\"$SUBPATH/_next/" out/adjoint/index.html; then echo "out/ is not a root build" >&2; exit 1; fi
  echo "== end-to-end tests (Playwright, Chromium; root and $SUBPATH builds)"
  npx playwright test "$@"
fi
