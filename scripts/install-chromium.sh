#!/usr/bin/env bash
# Installs Debian's chromium for the browser tests (test/browser/), which drive it through
# playwright-core: Playwright's own browser download is not available on these machines, so the
# tests point it at /usr/bin/chromium. Does nothing when chromium is there already.
set -euo pipefail
if [ -x /usr/bin/chromium ]; then
  exit 0
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "install-chromium: /usr/bin/chromium is missing and there is no apt-get; install Chromium by hand." >&2
  exit 1
fi
# Root runs apt-get directly; anyone else needs sudo (CI images usually run as root).
as_root=()
if [ "$(id -u)" -ne 0 ]; then
  as_root=(sudo)
fi
export DEBIAN_FRONTEND=noninteractive
"${as_root[@]}" apt-get update -q
"${as_root[@]}" apt-get install -y -q --no-install-recommends chromium
/usr/bin/chromium --version
