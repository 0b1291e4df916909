# WildFly for run.sh and run-two.sh: start instances, deploy, and where their logs are.
# Each instance is a copy of the server's standalone/ directory (its own configuration, data and
# logs) run from the one unpacked distribution, so several can run side by side with port offsets.
# Source it from examples/bookstore (after common.sh, which reads the options).

if $PREVIEW; then
  # WildFly Preview: Jakarta EE 11. Its standalone-full.xml expects a remote message broker; the
  # distribution's embedded-broker variant of the same profile runs the bookstore's queue inside.
  WILDFLY_VERSION=$(sed -n "s:.*<version.wildfly-preview>\(.*\)</version.wildfly-preview>.*:\1:p" ../../pom.xml)
  WILDFLY=$(pwd)/target/wildfly-preview-$WILDFLY_VERSION
  SERVER_CONFIG=standalone-activemq-embedded.xml
  SERVER_ID=wildfly-preview
  SERVER_NAME="WildFly Preview"
else
  WILDFLY_VERSION=$(sed -n "s:.*<version.wildfly>\(.*\)</version.wildfly>.*:\1:p" ../../pom.xml)
  WILDFLY=$(pwd)/target/wildfly-$WILDFLY_VERSION
  SERVER_CONFIG=standalone-full.xml
  SERVER_ID=wildfly
  SERVER_NAME=WildFly
fi

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

# Starts an instance and waits until it is up: start_instance <dir> <port offset>
start_instance() {
  local dir=$1 offset=$2
  require_free_ports $((8080 + offset)) $((9990 + offset))
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

# The server log of an instance: server_log <dir>
server_log() {
  echo "$1/log/server.log"
}
