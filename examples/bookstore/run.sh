#!/usr/bin/env bash
# Builds Forkscope and the bookstore, starts a server (unpacked from Maven Central by the build)
# with the bookstore deployed on its default datasource, and prints where to reach it.
# Ctrl-C stops the server.
#
#   bash examples/bookstore/run.sh [--no-build] [--preview] [--server wildfly|glassfish|payara|liberty]
#
# WildFly by default (Hibernate, its embedded H2); --preview runs WildFly Preview (Jakarta EE 11:
# Persistence 3.2, Hibernate 7, CDI 4.1); --server glassfish runs GlassFish 8 (Jakarta EE 11,
# EclipseLink 5, its Derby database; needs the JDK 21+ in AS_JAVA, default Temurin 25 at
# /usr/lib/jvm/temurin-25-jdk-amd64), --server payara Payara Server 6 (Jakarta EE 10, EclipseLink 4,
# its embedded H2), --server liberty Open Liberty (Jakarta EE 10, EclipseLink 4,
# an H2 database). PORT_OFFSET (default 0) moves every port of the server: HTTP is 8080 + PORT_OFFSET.
set -euo pipefail
cd "$(dirname "$0")"
source ./common.sh
source "./$([ "$SERVER" = payara ] && echo glassfish || echo "$SERVER").sh"

build_bookstore

instance=target/instances/$SERVER_ID
new_instance "$instance"
start_instance "$instance" "${PORT_OFFSET:-0}"
deploy_bookstore "$instance"
url=http://localhost:$((8080 + ${PORT_OFFSET:-0}))/bookstore
cat <<EOT

Bookstore is running on $SERVER_NAME: $url/
  curl $url/api/books
  bash $(pwd)/tour.sh $url     (a guided tour)
Server log: $(pwd)/$(server_log "$instance")
Press Ctrl-C to stop the server.
EOT
wait_for_servers
