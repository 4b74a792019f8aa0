#!/usr/bin/env bash
# Webhook benchmark (not a test): 100 concurrent signed GitHub pushes against a real daemon on loopback HTTPS,
# prints the 202 latency p50/p99, then the number of deploys a 20-push burst causes. No Docker needed.
# Usage: scripts/bench-webhook.sh [deliveries]
set -euo pipefail
cd "$(dirname "$0")/.."
cp_file=inertia-daemon/target/bench.classpath
mvn -B -q -pl inertia-common,inertia-daemon test-compile dependency:build-classpath \
  -Dmdep.outputFile="$PWD/$cp_file" -Dmdep.includeScope=test >/dev/null
exec java -cp "inertia-daemon/target/test-classes:inertia-daemon/target/classes:inertia-common/target/classes:$(cat "$cp_file")" \
  -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
  io.inertia.daemon.bench.WebhookLatencyBench "$@"
