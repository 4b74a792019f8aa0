#!/usr/bin/env bash
# Webhook benchmark (not a test; goal P3 in docs/performance.md). A real daemon on loopback HTTPS with a configured deployment
# (the deploy service over its port fakes, so only the HTTP + webhook + queue path is measured).
#  1. In-JVM client: N (default 100) concurrent signed pushes, p50/p99 of the 202; then a 20-push burst while a deploy
#     holds the worker, and how many deploys it caused.
#  2. curl in its own process: a burst of 100 deliveries sent at once (--parallel, 100 connections), the 202
#     latency of each (time_total, TLS handshake included): p50/p99.
#  3. wrk (Debian package `wrk`) in its own process: 100 connections sending signed pushes for 10 s, latency
#     percentiles of the 202. The JDK HttpClient serialises 100 TLS connections on one selector thread, so round 1
#     measures the client as much as the daemon; wrk does not.
# Only loopback traffic. Usage: scripts/bench-webhook.sh [deliveries]
set -euo pipefail
cd "$(dirname "$0")/.."
cp_file=inertia-daemon/target/bench.classpath
mvn -B -q -pl inertia-common,inertia-daemon test-compile dependency:build-classpath \
  -Dmdep.outputFile="$PWD/$cp_file" -Dmdep.includeScope=test >/dev/null
cp="inertia-daemon/target/test-classes:inertia-daemon/target/classes:inertia-common/target/classes:$(cat "$cp_file")"
bench() { java -cp "$cp" -Dorg.slf4j.simpleLogger.defaultLogLevel=warn io.inertia.daemon.bench.WebhookLatencyBench "$@"; }

echo "== in-JVM client"
bench "$@"

if ! command -v wrk >/dev/null; then
  echo "== wrk not installed (apt-get install -y wrk): skipping the out-of-process round"
  exit 0
fi
out=$(mktemp)
bench --serve 25 >"$out" 2>&1 &
pid=$!
trap 'kill "$pid" 2>/dev/null || true; rm -f "$out"' EXIT
for ((i = 0; i < 200; i++)); do
  grep -q '^READY' "$out" && break
  kill -0 "$pid" 2>/dev/null || { cat "$out"; exit 1; }
  sleep 0.1
done
grep -q '^READY' "$out" || { echo "daemon did not start"; cat "$out"; exit 1; }
url=$(sed -n 's/^URL //p' "$out")
export BODY SIG
BODY=$(sed -n 's/^BODY //p' "$out")
SIG=$(sed -n 's/^SIG //p' "$out")
burst() { # $1 = delivery id prefix: a curl config of 100 transfers, sent at once, one line of timing each
  local cfg
  cfg=$(mktemp)
  for ((k = 0; k < 100; k++)); do
    ((k == 0)) || printf 'next\n'
    printf 'url = "%s"\nrequest = "POST"\ninsecure\nsilent\noutput = "/dev/null"\n' "$url"
    printf 'data-binary = "@%s"\n' "$BODY"
    printf 'header = "Content-Type: application/json"\nheader = "X-GitHub-Event: push"\n'
    printf 'header = "X-GitHub-Delivery: %s-%d"\nheader = "X-Hub-Signature-256: %s"\n' "$1" "$k" "$SIG"
    printf 'write-out = "%%{http_code} %%{time_total}\\n"\n'
  done >"$cfg"
  curl --parallel --parallel-immediate --parallel-max 100 --config "$cfg"
  rm -f "$cfg"
}
burst warm >/dev/null # warm-up (JIT), not reported
echo "== curl, burst of 100 deliveries at once (new TLS connection each)"
burst b1 | awk '$1 != 202 { bad++ } { print $2 * 1000 }' | sort -n | awk '
  { v[NR] = $1 } END { printf "p50 %.1f ms, p99 %.1f ms, max %.1f ms (%d deliveries)\n", v[int(NR*0.5+0.5)], v[int(NR*0.99+0.5)], v[NR], NR }'
echo "== wrk, 100 connections, 10 s"
wrk -t2 -c20 -d3s -s bench/webhook.lua "$url" >/dev/null # warm-up (JIT), not reported
wrk -t2 -c100 -d10s --latency -s bench/webhook.lua "$url"
wait "$pid" || true
grep '^releases' "$out" || true
