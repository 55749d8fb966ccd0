#!/usr/bin/env bash
# Runs a command (CI's test run) so that the Neo4j tests run for real: installs a JDK and Maven from
# Debian if they are missing (the tests start their own throwaway bundled server with them, see
# tests/storekit.py) and exports PARKGRAPH_REQUIRE_NEO4J=1, so the Neo4j tests fail instead of skipping.
# Usage: scripts/neo4j-ci.sh pytest -q
set -euo pipefail

if ! command -v java >/dev/null || ! command -v javac >/dev/null || ! command -v mvn >/dev/null; then
    sudo=""
    if [ "$(id -u)" != 0 ]; then sudo="sudo"; fi
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends \
        default-jdk-headless maven >/dev/null
fi

export PARKGRAPH_REQUIRE_NEO4J=1
"$@"
