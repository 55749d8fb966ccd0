#!/usr/bin/env bash
# Runs a command (CI's test run) against a fresh bundled Neo4j server, so the Neo4j tests run for real:
# installs a JDK and Maven from Debian if they are missing, starts `parkgraph neo4j start` in a new
# temporary folder with a random password, exports NEO4J_URI / NEO4J_USER / NEO4J_PASSWORD and
# PARKGRAPH_REQUIRE_NEO4J=1 (Neo4j tests then fail instead of skipping), and stops the server on exit.
# Usage: scripts/neo4j-ci.sh pytest -q     (needs `parkgraph` on PATH)
set -euo pipefail

if ! command -v java >/dev/null || ! command -v javac >/dev/null || ! command -v mvn >/dev/null; then
    sudo=""
    if [ "$(id -u)" != 0 ]; then sudo="sudo"; fi
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends \
        default-jdk-headless maven >/dev/null
fi

PARKGRAPH_NEO4J_HOME="$(mktemp -d)"
NEO4J_PASSWORD="ci-$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')"
export PARKGRAPH_NEO4J_HOME NEO4J_PASSWORD
# NEO4J_CI_BOLT_PORT and PARKGRAPH_NEO4J_HTTP_PORT move the server off 7687/7474 where those are taken.
export NEO4J_URI="bolt://127.0.0.1:${NEO4J_CI_BOLT_PORT:-7687}" NEO4J_USER=neo4j NEO4J_DATABASE=neo4j
export PARKGRAPH_REQUIRE_NEO4J=1

stop_neo4j() {
    parkgraph neo4j stop || true
    rm -rf "$PARKGRAPH_NEO4J_HOME"
}
trap stop_neo4j EXIT

began=$SECONDS
parkgraph neo4j start
echo "neo4j-ci: Neo4j answered $((SECONDS - began)) s after start"

"$@"
