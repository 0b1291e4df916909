#!/usr/bin/env bash
# Builds Forkscope and the bookstore, starts WildFly (unpacked from Maven Central by the build)
# with the bookstore deployed on its embedded H2 database, and prints where to reach it.
# Ctrl-C stops the server.
#
#   bash examples/bookstore/run.sh [--no-build] [--preview]
#
# --preview runs it on WildFly Preview (Jakarta EE 11: Persistence 3.2, Hibernate 7, CDI 4.1).
# PORT_OFFSET (default 0) moves every port of the server: HTTP is 8080 + PORT_OFFSET.
set -euo pipefail
cd "$(dirname "$0")"
source ./wildfly.sh

build_bookstore

instance=target/instances/h2
new_instance $instance
start_instance $instance "${PORT_OFFSET:-0}"
deploy_bookstore $instance
url=http://localhost:$((8080 + ${PORT_OFFSET:-0}))/bookstore
cat <<EOF

Bookstore is running: $url/
  curl $url/api/books
  bash $(pwd)/tour.sh $url     (a guided tour)
Server log: $(pwd)/$instance/log/server.log
Press Ctrl-C to stop the server.
EOF
wait_for_servers
