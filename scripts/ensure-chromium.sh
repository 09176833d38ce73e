#!/usr/bin/env bash
# Makes sure Debian's Chromium is at /usr/bin/chromium for the end-to-end tests.
# Never downloads a browser build of its own (no `npx playwright install`): only
# Debian's package reaches this kind of machine.
set -euo pipefail

CHROMIUM=/usr/bin/chromium

if [ -x "$CHROMIUM" ]; then
  echo "ensure-chromium: found $("$CHROMIUM" --version 2>/dev/null || echo "$CHROMIUM")"
  exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then
    SUDO="sudo"
  else
    echo "ensure-chromium: $CHROMIUM is missing and this user is not root and has no sudo." >&2
    echo "ensure-chromium: install it as root with: apt-get update && apt-get install -y chromium" >&2
    exit 1
  fi
fi

if ! command -v apt-get >/dev/null 2>&1; then
  echo "ensure-chromium: $CHROMIUM is missing and apt-get is not available; install Chromium at $CHROMIUM by hand." >&2
  exit 1
fi

echo "ensure-chromium: $CHROMIUM is missing; installing Debian's chromium package (about 480 MB, under a minute)..."
export DEBIAN_FRONTEND=noninteractive
if ! $SUDO apt-get update -q; then
  echo "ensure-chromium: 'apt-get update' failed; cannot install chromium." >&2
  exit 1
fi
if ! $SUDO apt-get install -y -q --no-install-recommends chromium; then
  echo "ensure-chromium: 'apt-get install chromium' failed." >&2
  exit 1
fi

if [ ! -x "$CHROMIUM" ]; then
  echo "ensure-chromium: chromium was installed but $CHROMIUM does not exist." >&2
  exit 1
fi
echo "ensure-chromium: installed $("$CHROMIUM" --version 2>/dev/null || echo "$CHROMIUM")"
