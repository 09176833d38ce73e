#!/usr/bin/env bash
# Makes sure the Debian tools the tests use are installed:
#   chromium      at /usr/bin/chromium, for the end-to-end tests (never a downloaded browser build:
#                 no `npx playwright install`; only Debian's package reaches this kind of machine)
#   poppler-utils pdftotext and pdftoppm, to read the generated PDF forms back in the server tests
set -euo pipefail

CHROMIUM=/usr/bin/chromium
missing=()

if [ -x "$CHROMIUM" ]; then
  echo "ensure-system-tools: found $("$CHROMIUM" --version 2>/dev/null || echo "$CHROMIUM")"
else
  missing+=(chromium)
fi
if command -v pdftotext >/dev/null 2>&1 && command -v pdftoppm >/dev/null 2>&1; then
  echo "ensure-system-tools: found $(pdftotext -v 2>&1 | head -n1)"
else
  missing+=(poppler-utils)
fi

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then
    SUDO="sudo"
  else
    echo "ensure-system-tools: ${missing[*]} missing and this user is not root and has no sudo." >&2
    echo "ensure-system-tools: install as root with: apt-get update && apt-get install -y ${missing[*]}" >&2
    exit 1
  fi
fi

if ! command -v apt-get >/dev/null 2>&1; then
  echo "ensure-system-tools: ${missing[*]} missing and apt-get is not available; install them by hand." >&2
  exit 1
fi

echo "ensure-system-tools: installing Debian's ${missing[*]} (chromium is about 480 MB, under a minute)..."
export DEBIAN_FRONTEND=noninteractive
if ! $SUDO apt-get update -q; then
  echo "ensure-system-tools: 'apt-get update' failed; cannot install ${missing[*]}." >&2
  exit 1
fi
if ! $SUDO apt-get install -y -q --no-install-recommends "${missing[@]}"; then
  echo "ensure-system-tools: 'apt-get install ${missing[*]}' failed." >&2
  exit 1
fi

if [ ! -x "$CHROMIUM" ]; then
  echo "ensure-system-tools: chromium was installed but $CHROMIUM does not exist." >&2
  exit 1
fi
if ! command -v pdftotext >/dev/null 2>&1 || ! command -v pdftoppm >/dev/null 2>&1; then
  echo "ensure-system-tools: poppler-utils was installed but pdftotext or pdftoppm is not on PATH." >&2
  exit 1
fi
echo "ensure-system-tools: installed ${missing[*]}"
