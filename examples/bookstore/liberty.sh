# Open Liberty for run.sh: a server of its own per instance (the instance directory is its user
# directory), configured by the server.xml written below: the Jakarta EE 10 platform, the default
# datasource on an in-memory H2 (the driver the build copies to target/drivers), an embedded
# messaging engine with the order queue, and ports from 8080 + PORT_OFFSET.
# Source it from examples/bookstore (after common.sh, which reads the options).

LIBERTY_VERSION=$(sed -n "s:.*<version.liberty>\(.*\)</version.liberty>.*:\1:p" ../../pom.xml)
LIBERTY=$(pwd)/target/wlp
SERVER_ID=liberty
SERVER_NAME="Open Liberty $LIBERTY_VERSION"

# An empty user directory with the bookstore's server: new_instance <dir>
new_instance() {
  [ -x "$LIBERTY/bin/server" ] || { echo "$LIBERTY is missing: build first (run without --no-build)" >&2; exit 1; }
  [ -f target/drivers/h2.jar ] || { echo "target/drivers/h2.jar is missing: build first (run without --no-build)" >&2; exit 1; }
  rm -rf "$1" && mkdir -p "$1/servers/bookstore/dropins"
}

# Writes the server's configuration, starts it and waits until it is up: start_instance <dir> <port offset>
start_instance() {
  local dir=$1 offset=$2 server=$1/servers/bookstore
  require_free_ports $((8080 + offset)) $((8443 + offset)) $((7276 + offset)) $((7286 + offset)) $((2809 + offset)) $((9402 + offset))
  cat > "$server/server.xml" <<XML
<server description="bookstore">
  <featureManager>
    <feature>jakartaee-10.0</feature>
    <feature>mpConfig-3.1</feature>
  </featureManager>
  <logging maxFileSize="0"/>
  <httpEndpoint id="defaultHttpEndpoint" host="localhost" httpPort="$((8080 + offset))" httpsPort="$((8443 + offset))"/>
  <iiopEndpoint id="defaultIiopEndpoint" host="localhost" iiopPort="$((2809 + offset))">
    <iiopsOptions iiopsPort="$((9402 + offset))" sslRef="defaultSSLConfig"/>
  </iiopEndpoint>
  <wasJmsEndpoint id="InboundJmsCommsEndpoint" host="localhost" wasJmsPort="$((7276 + offset))" wasJmsSSLPort="$((7286 + offset))"/>
  <!-- the platform's remote enterprise beans start no application without a key store -->
  <keyStore id="defaultKeyStore" password="bookstore-example"/>
  <basicRegistry id="basic" realm="bookstore"/>
  <library id="h2"><file name="$(pwd)/target/drivers/h2.jar"/></library>
  <dataSource id="DefaultDataSource" jndiName="jdbc/bookstore">
    <jdbcDriver libraryRef="h2"/>
    <properties URL="jdbc:h2:mem:bookstore;DB_CLOSE_DELAY=-1" user="sa" password=""/>
  </dataSource>
  <!-- the persistent EJB timers' tables, which Liberty creates with BIGINT IDENTITY (H2's LEGACY mode) -->
  <databaseStore id="defaultDatabaseStore" dataSourceRef="timers" createTables="true"/>
  <dataSource id="timers" jndiName="jdbc/timers" transactional="false">
    <jdbcDriver libraryRef="h2"/>
    <properties URL="jdbc:h2:mem:timers;MODE=LEGACY;DB_CLOSE_DELAY=-1" user="sa" password=""/>
  </dataSource>
  <messagingEngine>
    <queue id="bookstoreOrders"/>
  </messagingEngine>
  <jmsConnectionFactory id="DefaultJMSConnectionFactory" jndiName="jms/bookstore">
    <properties.wasJms/>
  </jmsConnectionFactory>
  <jmsQueue id="orders" jndiName="jms/bookstoreOrders">
    <properties.wasJms queueName="bookstoreOrders"/>
  </jmsQueue>
  <!-- a message-driven bean is activated through the spec named <application>/<bean> -->
  <jmsActivationSpec id="bookstore/OrderConsumer">
    <properties.wasJms destinationRef="orders" destinationType="jakarta.jms.Queue"/>
  </jmsActivationSpec>
</server>
XML
  echo "Starting $SERVER_NAME in $dir (HTTP port $((8080 + offset)))..."
  : > "$dir/console.log"
  # in the foreground, the launcher execs the server's JVM, which stops cleanly on TERM
  WLP_USER_DIR="$(pwd)/$dir" "$LIBERTY/bin/server" run bookstore > "$dir/console.log" 2>&1 &
  SERVERS+=($!)
  for _ in $(seq 1 180); do
    grep -q "CWWKF0011I" "$dir/console.log" && return 0
    kill -0 "${SERVERS[-1]}" 2>/dev/null || { echo "Open Liberty stopped, see $dir/console.log" >&2; tail -20 "$dir/console.log" >&2; exit 1; }
    sleep 1
  done
  echo "Open Liberty did not start within 180 s, see $dir/console.log" >&2; exit 1
}

# Deploys the built WAR and waits for the result: deploy_bookstore <dir>
deploy_bookstore() {
  local log
  log=$(server_log "$1")
  cp target/bookstore.war "$1/servers/bookstore/dropins/"
  for _ in $(seq 1 180); do
    grep -q "CWWKZ0001I.*bookstore" "$log" && return 0
    if grep -q "CWWKZ0002E\|CWWKZ0004E\|CWWKZ0012I" "$log"; then
      echo "deployment failed, see $log:" >&2; grep "CWWKZ00" "$log" >&2; exit 1
    fi
    sleep 1
  done
  echo "deployment did not finish within 180 s, see $log" >&2; exit 1
}

# The server log of an instance: server_log <dir>
server_log() {
  echo "$1/servers/bookstore/logs/messages.log"
}
