# Functions that run.sh and run-two.sh share: build, start WildFly instances, deploy, stop.
# Each instance is a copy of the server's standalone/ directory (its own configuration, data and
# logs) run from the one unpacked distribution, so several can run side by side with port offsets.
# Source it from examples/bookstore; the scripts take --no-build and --preview.

BUILD=true
PREVIEW=false
for arg in "$@"; do
  case $arg in
    --no-build) BUILD=false ;;
    --preview) PREVIEW=true ;;
    *) echo "unknown option $arg (known: --no-build, --preview)" >&2; exit 2 ;;
  esac
done
if $PREVIEW; then
  # WildFly Preview: Jakarta EE 11. Its standalone-full.xml expects a remote message broker; the
  # distribution's embedded-broker variant of the same profile runs the bookstore's queue inside.
  WILDFLY_VERSION=$(sed -n "s:.*<version.wildfly-preview>\(.*\)</version.wildfly-preview>.*:\1:p" ../../pom.xml)
  WILDFLY=$(pwd)/target/wildfly-preview-$WILDFLY_VERSION
  SERVER_CONFIG=standalone-activemq-embedded.xml
  SERVER_NAME="WildFly Preview"
else
  WILDFLY_VERSION=$(sed -n "s:.*<version.wildfly>\(.*\)</version.wildfly>.*:\1:p" ../../pom.xml)
  WILDFLY=$(pwd)/target/wildfly-$WILDFLY_VERSION
  SERVER_CONFIG=standalone-full.xml
  SERVER_NAME=WildFly
fi
SERVERS=()
CLEANUPS=()

# Builds Forkscope and the WAR, unless the script was given --no-build; unpacks the server it runs
build_bookstore() {
  $BUILD || return 0
  echo "Building Forkscope and the bookstore (the first build downloads $SERVER_NAME, about 260 MB, from Maven Central)..."
  local log
  log=$(mktemp)
  if ! (cd ../.. && mvn -B -ntp package -DskipTests -pl examples/bookstore -am \
        -Dskip.wildfly=$($PREVIEW && echo true || echo false) -Dskip.wildfly-preview=$($PREVIEW && echo false || echo true)) \
        > "$log" 2>&1; then
    tail -40 "$log" >&2
    echo "The build failed; its whole output is in $log" >&2
    exit 1
  fi
  rm -f "$log"
}

# A fresh copy of the server's standalone/ directory: new_instance <dir>
new_instance() {
  [ -x "$WILDFLY/bin/standalone.sh" ] || { echo "$WILDFLY is missing: build first (run without --no-build)" >&2; exit 1; }
  rm -rf "$1" && mkdir -p "$(dirname "$1")" && cp -r "$WILDFLY/standalone" "$1"
  [ -f "$1/configuration/$SERVER_CONFIG" ] || cp "$WILDFLY/docs/examples/configs/$SERVER_CONFIG" "$1/configuration/"
}

# Offline configuration of an instance through the management CLI: configure_instance <dir> <commands file>
configure_instance() {
  "$WILDFLY/bin/jboss-cli.sh" -Djboss.server.base.dir="$(pwd)/$1" --file="$2" > "$1/cli.log" 2>&1 \
    || { echo "configuring $1 failed:" >&2; cat "$1/cli.log" >&2; exit 1; }
}

port_taken() {
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

# Starts an instance and waits until it is up: start_instance <dir> <port offset>
start_instance() {
  local dir=$1 offset=$2
  for port in $((8080 + offset)) $((9990 + offset)); do
    if port_taken $port; then
      echo "port $port is taken: stop what listens there, or set another PORT_OFFSET" >&2; exit 1
    fi
  done
  echo "Starting $SERVER_NAME $WILDFLY_VERSION in $dir (HTTP port $((8080 + offset)))..."
  : > "$dir/console.log"
  # in the background, standalone.sh hands the signals it gets on to the server's JVM
  LAUNCH_JBOSS_IN_BACKGROUND=1 "$WILDFLY/bin/standalone.sh" -c "$SERVER_CONFIG" -Djboss.server.base.dir="$(pwd)/$dir" \
    -Djboss.socket.binding.port-offset="$offset" -Djboss.node.name="$(basename "$dir")" -Djboss.tx.node.id="$(basename "$dir")" > "$dir/console.log" 2>&1 &
  SERVERS+=($!)
  for _ in $(seq 1 180); do
    grep -q "WFLYSRV0025" "$dir/console.log" && return 0
    grep -q "WFLYSRV0026" "$dir/console.log" && { echo "WildFly started with errors, see $dir/console.log" >&2; exit 1; }
    kill -0 "${SERVERS[-1]}" 2>/dev/null || { echo "WildFly stopped, see $dir/console.log" >&2; tail -20 "$dir/console.log" >&2; exit 1; }
    sleep 1
  done
  echo "WildFly did not start within 180 s, see $dir/console.log" >&2; exit 1
}

# Deploys the built WAR and waits for the result: deploy_bookstore <dir>
deploy_bookstore() {
  local deployments=$1/deployments
  cp target/bookstore.war "$deployments/"
  for _ in $(seq 1 180); do
    [ -f "$deployments/bookstore.war.deployed" ] && return 0
    if [ -f "$deployments/bookstore.war.failed" ]; then
      echo "deployment failed:" >&2; cat "$deployments/bookstore.war.failed" >&2; exit 1
    fi
    sleep 1
  done
  echo "deployment did not finish within 180 s, see $1/log/server.log" >&2; exit 1
}

# Stops the servers (standalone.sh stops its JVM and waits for it), then runs the other cleanups
stop_all() {
  trap - EXIT
  trap '' INT TERM # a second Ctrl-C must not cut the cleanup short
  for server in "${SERVERS[@]}"; do
    kill -TERM "$server" 2>/dev/null || true
  done
  for server in "${SERVERS[@]}"; do
    wait "$server" 2>/dev/null || true
  done
  for cleanup in "${CLEANUPS[@]}"; do
    eval "$cleanup"
  done
  [ ${#SERVERS[@]} -eq 0 ] || echo "Stopped."
}
trap stop_all EXIT
trap 'exit 130' INT TERM

# Returns when every server has stopped, or at Ctrl-C (the EXIT trap stops them)
wait_for_servers() {
  wait "${SERVERS[@]}"
}
