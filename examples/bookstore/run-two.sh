#!/usr/bin/env bash
# Two WildFly instances of the bookstore on one PostgreSQL database (seed 004 of the specification).
# Starts a throwaway PostgreSQL server, from Maven Central like WildFly (the build copies it with
# its classpath to test-support/target), points each instance's default datasource at it, deploys
# the same WAR to both, and prints the two URLs. Ctrl-C stops everything and deletes the database.
#
#   bash examples/bookstore/run-two.sh [--no-build] [--preview]
#
# PORT_OFFSET (default 100) is the first instance's port offset; the second uses PORT_OFFSET + 100.
# PG_PORT (default 15432) is the database's port. PG_BIN, the directory of initdb and pg_ctl (such
# as /usr/lib/postgresql/15/bin), runs the machine's own PostgreSQL instead.
set -euo pipefail
cd "$(dirname "$0")"
source ./common.sh
[ "$SERVER" = wildfly ] || { echo "run-two.sh runs WildFly (or WildFly Preview) only" >&2; exit 2; }
source ./wildfly.sh

OFFSET_A=${PORT_OFFSET:-100}
OFFSET_B=$((OFFSET_A + 100))
PG_PORT=${PG_PORT:-15432}
if [ -n "${PG_BIN:-}" ] && [ ! -x "$PG_BIN/initdb" ]; then
  echo "PG_BIN=$PG_BIN does not hold PostgreSQL's initdb and pg_ctl" >&2
  exit 1
fi
port_taken "$PG_PORT" && { echo "port $PG_PORT is taken: set PG_PORT to a free port" >&2; exit 1; }

# PostgreSQL from Maven Central, which test-support's TestPostgres runs until the cleanup stops it.
# As root it runs PostgreSQL's programs in a user namespace (unshare -U), as PostgreSQL refuses root.
start_test_postgres() {
  local support log pid
  support=$(cd ../.. && pwd)/test-support/target
  log=$(pwd)/target/instances/postgres.log
  [ -d "$support/lib" ] || { echo "$support/lib is missing: build first (run without --no-build)" >&2; exit 1; }
  echo "Starting PostgreSQL from Maven Central on port $PG_PORT (log in $log)..."
  java -cp "$support/classes:$support/lib/*" io.github.forkscope.testsupport.TestPostgres "$PG_PORT" bookstore bookstore \
    > "$log" 2>&1 &
  pid=$!
  CLEANUPS+=("kill -TERM $pid 2>/dev/null; wait $pid 2>/dev/null || true")
  for _ in $(seq 1 180); do
    grep -q "^PostgreSQL ready: " "$log" && return 0
    kill -0 $pid 2>/dev/null || { echo "PostgreSQL stopped, see $log:" >&2; tail -20 "$log" >&2; exit 1; }
    sleep 1
  done
  echo "PostgreSQL did not start within 180 s, see $log" >&2; exit 1
}

# The machine's PostgreSQL, from PG_BIN, in a throwaway cluster that the cleanup deletes. It refuses
# to run as root: as root, run it as the postgres user that Debian's package creates (from /, a
# directory that user can read, whatever the caller's working directory).
as_postgres() {
  if [ "$(id -u)" = 0 ]; then (cd / && runuser -u postgres -- "$@"); else "$@"; fi
}
start_own_postgres() {
  local data
  data=$(mktemp -d /tmp/bookstore-postgres.XXXXXX)
  [ "$(id -u)" = 0 ] && chown postgres "$data"
  CLEANUPS+=("as_postgres '$PG_BIN/pg_ctl' -D '$data' -m fast stop > /dev/null 2>&1; rm -rf '$data'")
  echo "Starting PostgreSQL $("$PG_BIN/postgres" --version | awk '{print $3}') on port $PG_PORT (data in $data)..."
  as_postgres "$PG_BIN/initdb" -D "$data" -U bookstore -A trust --no-sync > /dev/null
  as_postgres "$PG_BIN/pg_ctl" -D "$data" -l "$data/server.log" -w \
    -o "-p $PG_PORT -k $data -c listen_addresses=127.0.0.1" start > /dev/null
  as_postgres "$PG_BIN/createdb" -h 127.0.0.1 -p "$PG_PORT" -U bookstore bookstore
}

build_bookstore

mkdir -p target/instances
if [ -n "${PG_BIN:-}" ]; then start_own_postgres; else start_test_postgres; fi

# the driver as a server module, installed once into the unpacked distribution
if [ ! -f "$WILDFLY/modules/org/postgresql/main/module.xml" ]; then
  rm -rf "$WILDFLY/modules/org/postgresql"
  "$WILDFLY/bin/jboss-cli.sh" "module add --name=org.postgresql --resources=$(pwd)/target/drivers/postgresql.jar --dependencies=jakarta.transaction.api"
fi
commands=$(mktemp)
CLEANUPS+=("rm -f '$commands'")
cat > "$commands" <<EOF
embed-server --server-config=standalone-full.xml --std-out=discard
/subsystem=datasources/jdbc-driver=postgresql:add(driver-name=postgresql, driver-module-name=org.postgresql, driver-xa-datasource-class-name=org.postgresql.xa.PGXADataSource)
data-source add --name=BookstoreDS --jndi-name=java:jboss/datasources/BookstoreDS --driver-name=postgresql --connection-url=jdbc:postgresql://127.0.0.1:$PG_PORT/bookstore --user-name=bookstore
/subsystem=ee/service=default-bindings:write-attribute(name=datasource, value=java:jboss/datasources/BookstoreDS)
stop-embedded-server
EOF

for instance in a b; do
  dir=target/instances/postgres-$instance
  new_instance $dir
  configure_instance $dir "$commands"
  if [ $instance = a ]; then start_instance $dir "$OFFSET_A"; else start_instance $dir "$OFFSET_B"; fi
  deploy_bookstore $dir
done

url_a=http://localhost:$((8080 + OFFSET_A))/bookstore
url_b=http://localhost:$((8080 + OFFSET_B))/bookstore
cat <<EOF

Two bookstores are running on one PostgreSQL database:
  $url_a/
  $url_b/
  bash $(pwd)/tour.sh $url_a $url_b     (the tour, ending with an update through one read through the other)
Server logs: $(pwd)/target/instances/postgres-{a,b}/log/server.log
Press Ctrl-C to stop both servers and the database.
EOF
wait_for_servers
