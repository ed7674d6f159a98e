#!/usr/bin/env bash
# Runs every test of the product: C# (xunit) and TypeScript (vitest).
set -euo pipefail
cd "$(dirname "$0")"

# PostgreSQL for the storage contract tests (skipped locally without binaries; required in CI).
source scripts/throwaway-postgres.sh
pa_pg_start

echo "==> C# tests"
dotnet test PrivacyAssistant.sln --nologo

echo "==> Outlook add-in tests (TypeScript)"
(cd addin && npm ci --no-audit --no-fund && npm test)
