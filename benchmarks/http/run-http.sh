#!/usr/bin/env bash
# P4: wrk against WildFly, serving the same read endpoint from two builds of one application, one
# through Forkscope and one through a container @PersistenceContext, deployed one after the other
# on the same server (a warm-up round, then four rounds; every other round runs the
# builds in reverse order, A B, B A, A B, B A, so that neither is favoured by a server still warming).
# Prints "P4 <build> <round> <requests/s> <p99 ms>".
# P4_BUILDS and P4_PATH pick other builds and another endpoint: P4_BUILDS="forkscope ghost-flush-off"
# P4_PATH=book/write measures the ghost-flush guard on a @Transactional write against the same build with it off.
set -euo pipefail
cd "$(dirname "$0")/.."

DURATION=${P4_DURATION:-30}
WARMUP=${P4_WARMUP:-10}
CONNECTIONS=${P4_CONNECTIONS:-16}
OFFSET=300
HTTP_PORT=$((8080 + OFFSET))
WILDFLY_VERSION=$(sed -n "s:.*<version.wildfly>\(.*\)</version.wildfly>.*:\1:p" ../pom.xml)
WILDFLY=target/wildfly-$WILDFLY_VERSION

if ! command -v wrk >/dev/null 2>&1; then
  apt-get update -qq >&2 && apt-get install -y -qq wrk >&2
fi
if [ ! -x "$WILDFLY/bin/standalone.sh" ]; then
  mvn -q -B dependency:unpack -Dartifact=org.wildfly:wildfly-dist:$WILDFLY_VERSION:zip -DoutputDirectory=target >&2
fi

# the two WARs, assembled from the compiled classes exactly as a build would
build_war() { # name, package of the endpoint, with Forkscope's jars (yes/no), a configuration line (optional)
  local dir=target/wars/$1
  rm -rf "$dir" && mkdir -p "$dir/WEB-INF/classes/META-INF" "$dir/WEB-INF/lib"
  (cd target/classes && cp --parents io/github/forkscope/benchmarks/Book.class \
      io/github/forkscope/benchmarks/http/*.class io/github/forkscope/benchmarks/http/$2/*.class \
      "../../$dir/WEB-INF/classes/")
  cp http/persistence.xml "$dir/WEB-INF/classes/META-INF/"
  if [ -n "${4:-}" ]; then
    echo "$4" > "$dir/WEB-INF/classes/META-INF/microprofile-config.properties"
  fi
  if [ "$3" = yes ]; then
    for module in api cdi-extension servlet-listener; do
      cp ../$module/target/forkscope-$module-*[0-9T].jar "$dir/WEB-INF/lib/" # not the sources and javadoc jars
    done
  fi
  (cd "$dir" && jar cf ../$1.war .)
}
build_war forkscope forkscope yes
build_war container container no
build_war ghost-flush-off forkscope yes forkscope.guards.ghost-flush=off
BUILDS=${P4_BUILDS:-forkscope container}
ENDPOINT=${P4_PATH:-book/1}

LOG=target/wildfly-p4.log
if curl -s -o /dev/null "http://127.0.0.1:$HTTP_PORT/"; then
  echo "port $HTTP_PORT is taken: stop the server that listens there first" >&2; exit 1
fi
"$WILDFLY/bin/standalone.sh" -c standalone.xml -Djboss.socket.binding.port-offset=$OFFSET ${P4_SERVER_OPTS:-} > $LOG 2>&1 &
SERVER=$!
# standalone.sh runs the server as its child: stop both
trap 'pkill -TERM -P $SERVER 2>/dev/null; kill $SERVER 2>/dev/null; wait $SERVER 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do
  grep -q "WFLYSRV0025" $LOG && break
  sleep 1
done

deploy() { # name
  cp target/wars/$1.war "$WILDFLY/standalone/deployments/"
  for _ in $(seq 1 120); do
    [ -f "$WILDFLY/standalone/deployments/$1.war.deployed" ] && return 0
    [ -f "$WILDFLY/standalone/deployments/$1.war.failed" ] && { echo "deployment of $1 failed" >&2; exit 1; }
    sleep 1
  done
  echo "deployment of $1 timed out" >&2; exit 1
}
undeploy() { # name
  rm -f "$WILDFLY/standalone/deployments/$1.war"
  for _ in $(seq 1 120); do
    [ -f "$WILDFLY/standalone/deployments/$1.war.undeployed" ] && { rm -f "$WILDFLY/standalone/deployments/$1.war.undeployed"; return 0; }
    sleep 1
  done
}

# round 0 warms the freshly started server for both builds and is not reported
REVERSED=$(echo $BUILDS | tr ' ' '\n' | tac | tr '\n' ' ')
for round in $(seq 0 ${P4_ROUNDS:-4}); do
  order=$BUILDS
  [ $((round % 2)) = 0 ] && order=$REVERSED
  for build in $order; do
    deploy $build
    url=http://127.0.0.1:$HTTP_PORT/$build/api/$ENDPOINT
    [ "$(curl -s -o /dev/null -w '%{http_code}' $url)" = 200 ] || { echo "$build does not answer: $(curl -s $url)" >&2; exit 1; }
    wrk -t2 -c$CONNECTIONS -d${WARMUP}s $url > /dev/null
    out=$(wrk -t2 -c$CONNECTIONS -d${DURATION}s --latency $url)
    rps=$(echo "$out" | awk '/Requests\/sec/ {print $2}')
    p99=$(echo "$out" | awk '$1 == "99%" {v=$2; if (v ~ /us$/) {sub(/us$/,"",v); v=v/1000} else if (v ~ /ms$/) {sub(/ms$/,"",v)} else if (v ~ /s$/) {sub(/s$/,"",v); v=v*1000}; print v}')
    [ "$round" = 0 ] || echo "P4 $build $round $rps $p99"
    undeploy $build
  done
done
