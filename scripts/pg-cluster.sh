#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for the tests: initdb in a temporary folder, started as an ordinary user on a
# loopback port, password authentication over TCP (so a wrong password is a real refusal).
#
#   eval "$(scripts/pg-cluster.sh start)"   # prints export HAZE_TEST_PG=… and HAZE_TEST_PG_DIR=…
#   npm test
#   scripts/pg-cluster.sh stop "$HAZE_TEST_PG_DIR"
#
# Run as root (CI), the cluster belongs to the user haze-pg, made here when missing: PostgreSQL will not run
# as root. Nothing outside the temporary folder is touched but that user.
set -euo pipefail

pgbin() {
  local d
  d=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
  if [ -z "$d" ] && command -v initdb >/dev/null 2>&1; then d=$(dirname "$(command -v initdb)"); fi
  [ -n "$d" ] || { echo "pg-cluster: no PostgreSQL server here (Debian: apt-get install -y postgresql)" >&2; exit 1; }
  echo "$d"
}

as_owner() {
  if [ "$(id -u)" -eq 0 ]; then su -s /bin/sh haze-pg -c "$*"; else sh -c "$*"; fi
}

case "${1:-}" in
  start)
    bin=$(pgbin)
    if [ "$(id -u)" -eq 0 ] && ! id haze-pg >/dev/null 2>&1; then useradd --system --no-create-home --shell /usr/sbin/nologin haze-pg; fi
    dir=$(mktemp -d /tmp/haze-pg.XXXXXX)
    [ "$(id -u)" -eq 0 ] && chown haze-pg "$dir"
    pass=$(od -An -N12 -tx1 /dev/urandom | tr -d ' \n')
    echo "$pass" >"$dir/pw"
    [ "$(id -u)" -eq 0 ] && chown haze-pg "$dir/pw"
    as_owner "'$bin/initdb' -D '$dir/data' -U postgres --pwfile='$dir/pw' --auth-local=trust --auth-host=scram-sha-256 -E UTF8 --locale=C.UTF-8" >"$dir/initdb.log" 2>&1 \
      || { cat "$dir/initdb.log" >&2; exit 1; }
    # A free loopback port: the kernel's choice, asked through node (always here: the project runs on it).
    port=$(node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")
    as_owner "'$bin/pg_ctl' -D '$dir/data' -l '$dir/server.log' -w -o \"-p $port -k '$dir' -c listen_addresses=127.0.0.1 -c max_connections=200 -c fsync=off\" start" >/dev/null \
      || { cat "$dir/server.log" >&2; exit 1; }
    echo "export HAZE_TEST_PG='postgres://postgres:$pass@127.0.0.1:$port/postgres'"
    echo "export HAZE_TEST_PG_DIR='$dir'"
    ;;
  stop)
    dir=${2:?pg-cluster: stop needs the folder start printed}
    bin=$(pgbin)
    as_owner "'$bin/pg_ctl' -D '$dir/data' -m immediate stop" >/dev/null 2>&1 || true
    rm -rf "$dir"
    ;;
  *)
    echo "usage: scripts/pg-cluster.sh start | stop DIR" >&2
    exit 64
    ;;
esac
