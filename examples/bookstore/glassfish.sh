# GlassFish 8 and Payara Server 6 for run.sh (both are driven by their asadmin): a domain of its
# own per instance, created with a port base so that its HTTP port is 8080 + PORT_OFFSET. GlassFish
# runs on its Derby database (asadmin start-database), its default datasource jdbc/__default, and
# needs Java 21 or later in AS_JAVA; Payara's jdbc/__default is an embedded H2 database.
# Source it from examples/bookstore (after common.sh, which reads the options).

if [ "$SERVER" = payara ]; then
  GLASSFISH=$(pwd)/target/payara6
  SERVER_ID=payara
  SERVER_NAME="Payara Server $(sed -n "s:.*<version.payara>\(.*\)</version.payara>.*:\1:p" ../../pom.xml)"
  DERBY=false
else
  GLASSFISH=$(pwd)/target/glassfish8
  SERVER_ID=glassfish
  SERVER_NAME="GlassFish $(sed -n "s:.*<version.glassfish>\(.*\)</version.glassfish>.*:\1:p" ../../pom.xml)"
  DERBY=true
  export AS_JAVA=${AS_JAVA:-/usr/lib/jvm/temurin-25-jdk-amd64}
  [ -x "$AS_JAVA/bin/java" ] || { echo "GlassFish 8 needs Java 21 or later: set AS_JAVA to its home (not found: $AS_JAVA)" >&2; exit 1; }
fi

asadmin() {
  "$GLASSFISH/bin/asadmin" --interactive=false "$@"
}

# An empty directory for the instance's domain and database: new_instance <dir>
new_instance() {
  [ -x "$GLASSFISH/bin/asadmin" ] || { echo "$GLASSFISH is missing: build first (run without --no-build)" >&2; exit 1; }
  rm -rf "$1" && mkdir -p "$1"
}

# Creates the domain, starts Derby and the domain, and waits until it is up: start_instance <dir> <port offset>
start_instance() {
  local dir=$1 offset=$2 base=$((8000 + $2))
  ADMIN_PORT=$((base + 48))
  require_free_ports $((base + 80)) $ADMIN_PORT
  echo "Starting $SERVER_NAME in $dir (HTTP port $((base + 80)))..."
  asadmin create-domain --domaindir "$dir" --portbase $base --nopassword=true bookstore > "$dir/asadmin.log" 2>&1 \
    || { echo "creating the domain failed:" >&2; cat "$dir/asadmin.log" >&2; exit 1; }
  if $DERBY; then
    require_free_ports 1527
    asadmin start-database --dbhome "$(pwd)/$dir/derby" >> "$dir/asadmin.log" 2>&1 \
      || { echo "starting Derby failed, see $dir/asadmin.log" >&2; exit 1; }
    CLEANUPS+=("\"$GLASSFISH/bin/asadmin\" stop-database >> '$dir/asadmin.log' 2>&1 || true")
  fi
  # in the foreground (--verbose) the launcher stays with the server; stop-domain ends both
  asadmin start-domain --verbose --domaindir "$dir" bookstore > "$dir/console.log" 2>&1 &
  SERVERS+=($!)
  CLEANUPS=("\"$GLASSFISH/bin/asadmin\" stop-domain --domaindir '$dir' bookstore >> '$dir/asadmin.log' 2>&1 || true" "${CLEANUPS[@]}")
  for _ in $(seq 1 180); do
    asadmin --port $ADMIN_PORT list-applications > /dev/null 2>&1 && return 0
    kill -0 "${SERVERS[-1]}" 2>/dev/null || { echo "$SERVER_NAME stopped, see $dir/console.log" >&2; tail -20 "$dir/console.log" >&2; exit 1; }
    sleep 1
  done
  echo "$SERVER_NAME did not start within 180 s, see $dir/console.log" >&2; exit 1
}

# Deploys the built WAR (asadmin waits for the result): deploy_bookstore <dir>
deploy_bookstore() {
  asadmin --port $ADMIN_PORT deploy --name bookstore --contextroot bookstore target/bookstore.war >> "$1/asadmin.log" 2>&1 \
    || { echo "deployment failed, see $(server_log "$1"):" >&2; tail -20 "$1/asadmin.log" >&2; exit 1; }
}

# The server log of an instance: server_log <dir>
server_log() {
  echo "$1/bookstore/logs/server.log"
}
