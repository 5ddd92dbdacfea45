#!/usr/bin/env bash
# Idempotent set-up, run before `npm start` and `npm test`: on a fresh Debian machine with Node 20 it
# installs what is missing and nothing else.
#   1. npm packages, when node_modules is missing or older than package-lock.json
#   2. the compiled and bundled CLI (dist/), when any source file is newer than the last build
#   3. a browser to print with (Debian's chromium), only when none is found
#   4. with "test": poppler-utils (pdftotext, pdfinfo, pdffonts), which the tests read PDFs with, and
#      LibreOffice's Writer (libreoffice-writer-nogui), which a test opens the Word twin with, and
#      Info-ZIP's unzip, which a test checks the Word twin's zip writer against
set -euo pipefail
cd "$(dirname "$0")/.."

say() { printf 'setup: %s\n' "$*"; }

if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  say "installing npm packages"
  PUPPETEER_SKIP_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error
fi

if [ ! -f dist/.compiled ] || [ -n "$(find src scripts/bundle.mjs package.json tsconfig.json -newer dist/.compiled -print -quit)" ]; then
  say "compiling TypeScript"
  npm run --silent build
  touch dist/.compiled
fi

apt_packages=()
if ! node dist/pdf/has-browser.js; then apt_packages+=(chromium fonts-liberation); fi
if [ "${1:-}" = "test" ] && ! command -v pdftotext >/dev/null; then apt_packages+=(poppler-utils); fi
if [ "${1:-}" = "test" ] && ! command -v soffice >/dev/null; then apt_packages+=(libreoffice-writer-nogui); fi
if [ "${1:-}" = "test" ] && ! command -v unzip >/dev/null; then apt_packages+=(unzip); fi

if [ ${#apt_packages[@]} -gt 0 ]; then
  if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null; then
    say "please install: ${apt_packages[*]} (or set SCRUTINY_BROWSER to a Chrome, Chromium or Edge executable)"
    exit 2
  fi
  say "installing ${apt_packages[*]} with apt-get"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${apt_packages[@]}" >/dev/null
fi
