#!/usr/bin/env bash
# Installs what the project needs on a fresh machine: npm packages (from the lock file) and,
# for browser tests, Debian's Chromium. Safe to run repeatedly; does nothing when all is there.
set -euo pipefail
cd "$(dirname "$0")/.."

stamp=node_modules/.lock-stamp
if [ ! -d node_modules ] || [ ! -f "$stamp" ] || ! cmp -s package-lock.json "$stamp"; then
  echo "[setup] installing npm packages (npm ci)"
  npm ci --no-audit --no-fund
  cp package-lock.json "$stamp"
fi

if [ "${1:-}" = "--browser" ]; then
  if [ -n "${CHROMIUM_PATH:-}" ] && [ -x "${CHROMIUM_PATH}" ]; then
    :
  elif [ -x /usr/bin/chromium ]; then
    :
  elif [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
    echo "[setup] installing Debian's chromium"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  else
    echo "[setup] no Chromium found: set CHROMIUM_PATH, install chromium, or run 'npx playwright install chromium'" >&2
  fi
fi
