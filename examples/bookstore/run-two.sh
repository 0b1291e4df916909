#!/usr/bin/env bash
# Two WildFly instances of the bookstore on one PostgreSQL database (seed 004 of the specification).
# Starts a throwaway PostgreSQL cluster from the machine's PostgreSQL server binaries (Debian's
# postgresql package), points each instance's default datasource at it, deploys the same WAR
# to both, and prints the two URLs. Ctrl-C stops everything and deletes the cluster.
#
#   bash examples/bookstore/run-two.sh [--no-build] [--preview]
#
# PORT_OFFSET (default 100) is the first instance's port offset; the second uses PORT_OFFSET + 100.
# PG_PORT (default 15432) is the database's port; PG_BIN the directory of initdb and pg_ctl.
set -euo pipefail
cd "$(dirname "$0")"
source ./wildfly.sh

OFFSET_A=${PORT_OFFSET:-100}
OFFSET_B=$((OFFSET_A + 100))
PG_PORT=${PG_PORT:-15432}
PG_BIN=${PG_BIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)}
if [ ! -x "$PG_BIN/initdb" ]; then
  echo "PostgreSQL's server binaries are missing: install them (Debian, Ubuntu: apt-get install postgresql)" \
       "or set PG_BIN to the directory that holds initdb and pg_ctl" >&2
  exit 1
fi
port_taken "$PG_PORT" && { echo "port $PG_PORT is taken: set PG_PORT to a free port" >&2; exit 1; }

build_bookstore

# PostgreSQL refuses to run as root: as root, run it as the postgres user the package created
# (from /, a directory that user can read, whatever the caller's working directory)
as_postgres() {
  if [ "$(id -u)" = 0 ]; then (cd / && runuser -u postgres -- "$@"); else "$@"; fi
}
PGDATA=$(mktemp -d /tmp/bookstore-postgres.XXXXXX)
[ "$(id -u)" = 0 ] && chown postgres "$PGDATA"
CLEANUPS+=("as_postgres '$PG_BIN/pg_ctl' -D '$PGDATA' -m fast stop > /dev/null 2>&1; rm -rf '$PGDATA'")
echo "Starting PostgreSQL $("$PG_BIN/postgres" --version | awk '{print $3}') on port $PG_PORT (data in $PGDATA)..."
as_postgres "$PG_BIN/initdb" -D "$PGDATA" -U bookstore -A trust --no-sync > /dev/null
as_postgres "$PG_BIN/pg_ctl" -D "$PGDATA" -l "$PGDATA/server.log" -w \
  -o "-p $PG_PORT -k $PGDATA -c listen_addresses=127.0.0.1" start > /dev/null
as_postgres "$PG_BIN/createdb" -h 127.0.0.1 -p "$PG_PORT" -U bookstore bookstore

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
