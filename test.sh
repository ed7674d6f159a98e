#!/usr/bin/env bash
# Runs every test of the product: C# (xunit) and TypeScript (vitest).
set -euo pipefail
cd "$(dirname "$0")"

echo "==> C# tests"
dotnet test PrivacyAssistant.sln --nologo
