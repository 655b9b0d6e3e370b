#!/usr/bin/env bash
# Installs the integration-test tools offline: Debian's Chromium, ripgrep and a CJK font, then code-server and playwright-core
# from the npm registry (see ../shared/VSCODE-E2E.md for the three traps this works around).
set -euo pipefail
cd "$(dirname "$0")"
need=()
command -v chromium >/dev/null || need+=(chromium)
command -v rg >/dev/null || need+=(ripgrep)
dpkg -s libkrb5-dev >/dev/null 2>&1 || need+=(libkrb5-dev)
# A CJK font, so screenshots of Chinese notes show text rather than boxes.
dpkg -s fonts-wqy-microhei >/dev/null 2>&1 || need+=(fonts-wqy-microhei)
if [ ${#need[@]} -gt 0 ]; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
fi
# @vscode/ripgrep's postinstall downloads rg from GitHub unless it finds this tarball in its cache.
cache="${TMPDIR:-/tmp}/vscode-ripgrep-cache-1.15.11"
tarball="$cache/ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz"
if [ ! -f "$tarball" ]; then
  mkdir -p "$cache" "$cache/stage"
  cp "$(command -v rg)" "$cache/stage/rg"
  tar -C "$cache/stage" -czf "$tarball" rg
fi
if [ -x node_modules/.bin/code-server ] && [ node_modules/.package-lock.json -nt package-lock.json ]; then
  exit 0
fi
export npm_config_unsafe_perm=true npm_config_yes=true npm_config_dangerously_allow_all_scripts=true
if [ -f package-lock.json ]; then
  npm ci --foreground-scripts --no-audit --no-fund >install.log 2>&1 || { tail -40 install.log; exit 1; }
else
  npm install --foreground-scripts --no-audit --no-fund >install.log 2>&1 || { tail -40 install.log; exit 1; }
fi
