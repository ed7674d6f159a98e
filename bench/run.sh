#!/usr/bin/env bash
# Builds what the benchmarks need and runs them (bench/README.md). Not part of ./test.sh.
# Usage: bench/run.sh [load|floor|startup|retrieval|addin|all] [options passed to the C# benchmark]
set -euo pipefail
cd "$(dirname "$0")/.."
what="${1:-all}"
shift || true

build_bot() {
  dotnet build -c Release --nologo -v q bot/PrivacyAssistant.Bot >/dev/null
  dotnet build -c Release --nologo -v q bench/PrivacyAssistant.Bench >/dev/null
  (cd bench/peer && npm ci --no-audit --no-fund --silent)
}

bench() { dotnet bench/PrivacyAssistant.Bench/bin/Release/net10.0/PrivacyAssistant.Bench.dll "$@"; }

# The deployable form of the host: a ReadyToRun publish (the project turns it on for a runtime publish).
publish_bot() {
  dotnet publish -c Release -r linux-x64 --self-contained false --nologo -v q bot/PrivacyAssistant.Bot >/dev/null
}
published=bot/PrivacyAssistant.Bot/bin/Release/net10.0/linux-x64/publish/PrivacyAssistant.Bot.dll

case "$what" in
  load) build_bot; bench load "$@" ;;
  startup) build_bot; publish_bot; bench startup --compare "$published" --compare-name "ours (ReadyToRun publish)" "$@" ;;
  retrieval) build_bot; bench retrieval "$@" ;;
  # The HTTP floor: the same load against a Kestrel endpoint that only parses the activity (bench/floor).
  floor)
    build_bot
    dotnet build -c Release --nologo -v q bench/floor >/dev/null
    bench load --no-peer --bot bench/floor/bin/Release/net10.0/HttpFloor.dll "$@"
    ;;
  addin) (cd addin && npm ci --no-audit --no-fund --silent && npm run --silent bench) ;;
  all)
    build_bot
    publish_bot
    bench startup --compare "$published" --compare-name "ours (ReadyToRun publish)" "$@"
    bench load "$@"
    bench retrieval
    (cd addin && npm ci --no-audit --no-fund --silent && npm run --silent bench)
    ;;
  *) echo "usage: bench/run.sh [load|floor|startup|retrieval|addin|all] [options]" >&2; exit 2 ;;
esac
