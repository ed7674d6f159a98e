#!/usr/bin/env bash
# Starts Privacy Assistant on this machine: the bot on http://127.0.0.1:3978 in local mode (no Azure,
# no authentication, loopback only) and the Microsoft 365 Agents Playground, a Teams-like chat to talk
# to it. Ctrl-C stops both.
#
#   PA_BOT_PORT=3978          port of the bot
#   PA_PLAYGROUND_PORT=56150  port of the Playground
#   TEAMSAPPTESTER_BROWSER=none  do not open a browser (the URL is printed either way)
#   PA_SKIP_BUILD=1           use the bot as last built (the end-to-end test of this script does)
set -euo pipefail
cd "$(dirname "$0")"

bot_port="${PA_BOT_PORT:-3978}"
playground_port="${PA_PLAYGROUND_PORT:-56150}"
bot_url="http://127.0.0.1:${bot_port}"
playground_url="http://127.0.0.1:${playground_port}"

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
for port in "$bot_port" "$playground_port"; do
  if port_in_use "$port"; then
    echo "Port $port on 127.0.0.1 is in use. Stop what uses it, or choose another with PA_BOT_PORT / PA_PLAYGROUND_PORT." >&2
    exit 1
  fi
done

if [[ "${PA_SKIP_BUILD:-0}" != 1 ]]; then
  echo "==> Building the bot"
  dotnet build bot/PrivacyAssistant.Bot --nologo -v quiet -clp:ErrorsOnly
fi
if [[ ! -f tools/playground/node_modules/.package-lock.json || tools/playground/package-lock.json -nt tools/playground/node_modules/.package-lock.json ]]; then
  echo "==> Installing the Agents Playground (tools/playground)"
  npm ci --prefix tools/playground --no-audit --no-fund
fi

pids=()
stop_all() {
  trap - EXIT INT TERM
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
}
trap stop_all EXIT INT TERM

echo "==> Starting the bot on ${bot_url}"
# The project folder is the content root (appsettings.json, knowledge and add-in paths).
(cd bot/PrivacyAssistant.Bot && exec dotnet bin/Debug/net10.0/PrivacyAssistant.Bot.dll --urls "$bot_url") &
pids+=($!)
for _ in $(seq 1 120); do
  port_in_use "$bot_port" && break
  if ! kill -0 "${pids[0]}" 2>/dev/null; then echo "The bot did not start (see above)." >&2; exit 1; fi
  sleep 0.5
done

echo "==> Starting the Agents Playground on ${playground_url}"
# loopback.cjs keeps the Playground on 127.0.0.1 (it would listen on every interface).
node -r ./tools/playground/loopback.cjs tools/playground/node_modules/@microsoft/m365agentsplayground/cli.js start \
  -e "${bot_url}/api/messages" -c msteams -p "$playground_port" --su "${playground_url}/_connector" --dt &
pids+=($!)
for _ in $(seq 1 120); do
  port_in_use "$playground_port" && break
  if ! kill -0 "${pids[1]}" 2>/dev/null; then echo "The Agents Playground did not start (see above)." >&2; exit 1; fi
  sleep 0.5
done

cat <<MESSAGE

  Privacy Assistant is running.
    Chat with it:  ${playground_url}
    Bot endpoint:  ${bot_url}/api/messages   (health: ${bot_url}/healthz)
  Opening the chat shows the welcome card; try "help" or a privacy question.
  Press Ctrl-C to stop.

MESSAGE

# Stop everything when either process ends.
wait -n "${pids[@]}"
