#!/usr/bin/env bash
# Sourced by test.sh: starts a throwaway PostgreSQL cluster for the storage contract tests and
# exports PA_TEST_POSTGRES, unless PA_TEST_POSTGRES is already set. The cluster listens on
# 127.0.0.1 on a free port and in a private socket folder; it is removed when the shell exits.
# Without PostgreSQL binaries it does nothing (tests that need PostgreSQL are then skipped,
# or fail when PA_REQUIRE_POSTGRES=1, as in CI).

pa_pg_bin() {
  local dir
  for dir in /usr/lib/postgresql/*/bin; do
    [[ -x "$dir/initdb" && -x "$dir/pg_ctl" ]] && { echo "$dir"; return 0; }
  done
  command -v initdb >/dev/null 2>&1 && { dirname "$(command -v initdb)"; return 0; }
  return 1
}

pa_pg_free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()' 2>/dev/null \
    || echo $(( 20000 + RANDOM % 20000 ))
}

pa_pg_start() {
  [[ -n "${PA_TEST_POSTGRES:-}" ]] && return 0
  local bin
  bin="$(pa_pg_bin)" || { echo "==> PostgreSQL binaries not found; PostgreSQL tests will be skipped"; return 0; }

  PA_PG_DIR="$(mktemp -d /tmp/pa-pg.XXXXXX)"
  local run=()
  if [[ "$(id -u)" == "0" ]]; then
    # initdb and postgres refuse to run as root.
    chown postgres "$PA_PG_DIR" 2>/dev/null || { useradd -r -M postgres && chown postgres "$PA_PG_DIR"; }
    run=(runuser -u postgres --)
  fi
  chmod 700 "$PA_PG_DIR"

  local port
  port="$(pa_pg_free_port)"
  "${run[@]}" "$bin/initdb" -D "$PA_PG_DIR/data" -U postgres --auth=trust -E UTF8 --no-locale >"$PA_PG_DIR/initdb.log" 2>&1 \
    || { cat "$PA_PG_DIR/initdb.log"; return 1; }
  "${run[@]}" "$bin/pg_ctl" -D "$PA_PG_DIR/data" -l "$PA_PG_DIR/server.log" -w -t 60 \
    -o "-c listen_addresses=127.0.0.1 -p $port -k $PA_PG_DIR -c fsync=off -c max_connections=300" start >/dev/null \
    || { cat "$PA_PG_DIR/server.log"; return 1; }
  PA_PG_CTL=("${run[@]}" "$bin/pg_ctl" -D "$PA_PG_DIR/data")
  export PA_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres;Pooling=true"
  echo "==> Throwaway PostgreSQL on 127.0.0.1:$port"
  trap pa_pg_stop EXIT
}

pa_pg_stop() {
  if [[ -n "${PA_PG_DIR:-}" ]]; then
    "${PA_PG_CTL[@]}" -m immediate stop >/dev/null 2>&1 || true
    rm -rf "$PA_PG_DIR"
    PA_PG_DIR=""
  fi
}
