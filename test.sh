#!/usr/bin/env bash
# Runs every test of the product: C# (xunit), TypeScript (vitest), and end-to-end through the
# Microsoft 365 Agents Playground and headless Chromium.
set -euo pipefail
cd "$(dirname "$0")"

# PostgreSQL for the storage contract tests (skipped locally without binaries; required in CI).
source scripts/throwaway-postgres.sh
pa_pg_start

echo "==> C# tests"
dotnet test PrivacyAssistant.sln --nologo

echo "==> Outlook add-in tests (TypeScript)"
(cd addin && npm ci --no-audit --no-fund && npm test)

# npm ci only when node_modules is missing or older than the lockfile (.ci/run installs fresh).
npm_install() {
  if [[ ! -f "$1/node_modules/.package-lock.json" || "$1/package-lock.json" -nt "$1/node_modules/.package-lock.json" ]]; then
    npm ci --prefix "$1" --no-audit --no-fund
  fi
}

echo "==> End-to-end tests (bot + Agents Playground + Chromium)"
npm_install tools/playground
npm_install tests/e2e
# dotnet test above built the bot.
(cd tests/e2e && PA_E2E_SKIP_BUILD=1 npm test)
