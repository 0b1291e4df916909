# What run.sh and run-two.sh share whatever server they run: the options, the build, the ports,
# and stopping everything at Ctrl-C. Sourced before wildfly.sh, glassfish.sh (GlassFish and Payara) or liberty.sh, which
# each define new_instance, start_instance, deploy_bookstore and server_log for their server.
# The scripts take --no-build, --preview (WildFly Preview) and --server wildfly|glassfish|payara|liberty.

BUILD=true
PREVIEW=false
SERVER=wildfly
while [ $# -gt 0 ]; do
  case $1 in
    --no-build) BUILD=false ;;
    --preview) PREVIEW=true ;;
    --server) SERVER=${2:-}; shift ;;
    *) echo "unknown option $1 (known: --no-build, --preview, --server wildfly|glassfish|payara|liberty)" >&2; exit 2 ;;
  esac
  shift
done
case $SERVER in
  wildfly|glassfish|payara|liberty) ;;
  *) echo "unknown server '$SERVER' (known: wildfly, glassfish, payara, liberty)" >&2; exit 2 ;;
esac
SERVERS=()
CLEANUPS=()

# Builds Forkscope and the WAR, unless the script was given --no-build; unpacks the server it runs
build_bookstore() {
  $BUILD || return 0
  echo "Building Forkscope and the bookstore (the first build downloads $SERVER_NAME from Maven Central)..."
  local log
  log=$(mktemp)
  if ! (cd ../.. && mvn -B -ntp package -DskipTests -pl examples/bookstore -am \
        -Dskip.wildfly=$(skip "$SERVER_ID" wildfly) -Dskip.wildfly-preview=$(skip "$SERVER_ID" wildfly-preview) \
        -Dskip.glassfish=$(skip "$SERVER_ID" glassfish) -Dskip.payara=$(skip "$SERVER_ID" payara) -Dskip.liberty=$(skip "$SERVER_ID" liberty)) \
        > "$log" 2>&1; then
    tail -40 "$log" >&2
    echo "The build failed; its whole output is in $log" >&2
    exit 1
  fi
  rm -f "$log"
}
skip() { [ "$1" = "$2" ] && echo false || echo true; }

port_taken() {
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

# Fails when one of the given ports is taken
require_free_ports() {
  for port in "$@"; do
    if port_taken "$port"; then
      echo "port $port is taken: stop what listens there, or set another PORT_OFFSET" >&2; exit 1
    fi
  done
}

# Stops the servers (each server's launcher stops its JVM and waits for it), then runs the other cleanups
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
