#!/usr/bin/env bash
# neo4j.sh: the project's own local Neo4j Community 5.26, so that a fresh
# machine needs only Go, Java 17+ and Maven.
#
#   neo4j.sh start INSTANCE   start (or reuse) the instance, wait until it
#                             answers a query, print its Bolt URI and user
#   neo4j.sh stop INSTANCE    stop it (its data stays)
#   neo4j.sh env INSTANCE     print its connection settings as shell exports
#
# INSTANCE is `dev` (what `make run` and every `lattice` command without
# NEO4J_URI use), `test` (what `make test` and `make bench` use) or `bench`
# (the synthetic graph ten times O*NET of `make bench-10x`, with a larger
# heap and page cache to hold it): each has its own folder
# under .neo4j/, its own ports and its own password, so tests never touch the
# dev data. The server jars are copied once into .neo4j/lib from Maven Central.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
base="$root/.neo4j"
version=$(sed -n 's:.*<neo4j.version>\(.*\)</neo4j.version>.*:\1:p' "$root/neo4j/pom.xml")

die() { echo "neo4j.sh: $*" >&2; exit 1; }

usage() { die "usage: neo4j.sh start|stop|env dev|test|bench"; }

[ $# -eq 2 ] || usage
cmd=$1 instance=$2
case "$instance" in
  dev)  bolt_port=17687 http_port=17474 heap=1g   pagecache=512m ;;
  test) bolt_port=17688 http_port=17475 heap=768m pagecache=256m ;;
  bench) bolt_port=17689 http_port=17476 heap=3g  pagecache=2g ;;
  *) usage ;;
esac
home="$base/$instance"
envfile="$home/lattice.env"

require_java() {
  command -v java >/dev/null 2>&1 || die "Java 17 or newer is required to run the local Neo4j, and no 'java' is on PATH."
  local major
  major=$(java -version 2>&1 | sed -n '1s/.*version "\([0-9]*\).*/\1/p')
  [ -n "$major" ] && [ "$major" -ge 17 ] || die "Java 17 or newer is required to run the local Neo4j; found: $(java -version 2>&1 | head -1)."
}

install_jars() {
  local marker="$base/lib/.neo4j-$version"
  [ -f "$marker" ] && return 0
  command -v mvn >/dev/null 2>&1 || die "Maven (mvn) is required once to fetch Neo4j $version from Maven Central, and no 'mvn' is on PATH."
  echo "neo4j.sh: fetching Neo4j Community $version from Maven Central into .neo4j/lib ..." >&2
  rm -rf "$base/lib"
  mkdir -p "$base/lib"
  mvn -q -B -f "$root/neo4j/pom.xml" package -Dneo4j.lib="$base/lib" >&2 ||
    die "Maven could not fetch Neo4j $version (see the output above)."
  touch "$marker"
}

write_conf() {
  mkdir -p "$home/conf" "$home/plugins"
  ln -sfn ../lib "$home/lib"
  cat >"$home/conf/neo4j.conf" <<CONF
# Written by neo4j/neo4j.sh for the '$instance' instance; edits are overwritten.
server.default_listen_address=127.0.0.1
server.default_advertised_address=127.0.0.1
server.bolt.listen_address=127.0.0.1:$bolt_port
server.bolt.advertised_address=127.0.0.1:$bolt_port
server.http.listen_address=127.0.0.1:$http_port
server.http.advertised_address=127.0.0.1:$http_port
server.https.enabled=false
server.memory.heap.initial_size=$heap
server.memory.heap.max_size=$heap
server.memory.pagecache.size=$pagecache
db.logs.query.enabled=OFF
# Imports write hundreds of MB of transactions; these instances have no
# backups to replay them into, so keep only the newest (the default keeps
# two days: 16 GB after one test run).
db.tx_log.rotation.retention_policy=2 files
CONF
}

write_env() {
  [ -f "$envfile" ] && return 0
  local password
  password=$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')
  umask 077
  cat >"$envfile" <<ENV
NEO4J_URI=bolt://127.0.0.1:$bolt_port
NEO4J_USERNAME=neo4j
NEO4J_PASSWORD=$password
NEO4J_DATABASE=neo4j
ENV
}

# The bootloader reads NEO4J_HOME and NEO4J_CONF.
neo4j_cmd() {
  NEO4J_HOME="$home" NEO4J_CONF="$home/conf" java -cp "$base/lib/*" "$@"
}

is_running() { neo4j_cmd org.neo4j.server.startup.Neo4jCommand status >/dev/null 2>&1; }

# answers_query runs a real query over the HTTP API: an open port is not enough.
answers_query() {
  local password
  password=$(sed -n 's/^NEO4J_PASSWORD=//p' "$envfile")
  curl -fsS -m 5 -u "neo4j:$password" -H 'Content-Type: application/json' \
    -d '{"statements":[{"statement":"RETURN 1 AS ok"}]}' \
    "http://127.0.0.1:$http_port/db/neo4j/tx/commit" 2>/dev/null | grep -q '"errors":\[\]'
}

start() {
  require_java
  install_jars
  write_conf
  write_env
  if ! is_running; then
    if [ ! -d "$home/data/databases" ]; then
      local password
      password=$(sed -n 's/^NEO4J_PASSWORD=//p' "$envfile")
      neo4j_cmd org.neo4j.server.startup.Neo4jAdminCommand dbms set-initial-password "$password" >/dev/null ||
        die "could not set the initial password of the '$instance' instance."
    fi
    neo4j_cmd org.neo4j.server.startup.Neo4jCommand start >"$home/start.log" 2>&1 || {
      cat "$home/start.log" >&2
      die "Neo4j ($instance) did not start; its logs are in $home/logs."
    }
  fi
  local waited=0
  until answers_query; do
    [ $waited -lt 180 ] || {
      tail -n 20 "$home/logs/neo4j.log" >&2 2>/dev/null || true
      die "Neo4j ($instance) did not answer a query within 180 s; its logs are in $home/logs."
    }
    sleep 1
    waited=$((waited + 1))
  done
  echo "Neo4j $version ($instance) is up: bolt://127.0.0.1:$bolt_port, user neo4j (password in ${envfile#"$root"/})" >&2
}

stop() {
  [ -d "$base/lib" ] || return 0
  if is_running; then
    neo4j_cmd org.neo4j.server.startup.Neo4jCommand stop >/dev/null
    echo "Neo4j ($instance) stopped." >&2
  else
    echo "Neo4j ($instance) is not running." >&2
  fi
}

case "$cmd" in
  start) start ;;
  stop) stop ;;
  env)
    [ -f "$envfile" ] || die "the '$instance' instance has never been started: run 'neo4j.sh start $instance'."
    sed 's/^/export /' "$envfile"
    ;;
  *) usage ;;
esac
