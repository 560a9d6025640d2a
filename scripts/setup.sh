#!/usr/bin/env bash
# Installs what build-issue needs on a Debian machine with Node 20:
#   chromium       the layout engine's browser (Puppeteer cannot download one here)
#   poppler-utils  pdftoppm for proofs; pdfinfo/pdftotext/pdffonts for the tests
#   mupdf-tools    mutool, the text extractor that does not normalise Unicode
#   qpdf           PDF syntax check in preflight
#   ghostscript    --grayscale (gs pdfwrite), and the tests' ink coverage check
#   fonts-noto-cjk a CFF-outline CJK font, which Chromium turns into Type 3: the tests' bad PDF for preflight
#   strace         the test that proves a build sends nothing over the network watches its sockets with it
# then the npm packages, pinned by package-lock.json, and lib/, the compiled CLI
# (npm ci compiles it through the prepare script; scripts/build.js --if-stale
# when the packages were already there and a source changed since).
set -euo pipefail
cd "$(dirname "$0")/.."

missing=()
command -v chromium >/dev/null 2>&1 || [ -n "${PUPPETEER_EXECUTABLE_PATH:-}" ] || missing+=(chromium)
command -v pdftoppm >/dev/null 2>&1 || missing+=(poppler-utils)
command -v mutool >/dev/null 2>&1 || missing+=(mupdf-tools)
command -v qpdf >/dev/null 2>&1 || missing+=(qpdf)
command -v gs >/dev/null 2>&1 || missing+=(ghostscript)
[ -e /usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc ] || missing+=(fonts-noto-cjk)
command -v strace >/dev/null 2>&1 || missing+=(strace)
if [ "${#missing[@]}" -gt 0 ]; then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}"
fi

# --prefer-offline: a package already in npm's cache is taken from it without asking the
# registry whether its metadata changed (the lock file pins it and its checksum anyway).
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  PUPPETEER_SKIP_DOWNLOAD=1 npm ci --no-audit --no-fund --prefer-offline
fi
node scripts/build.js --if-stale
