#!/usr/bin/env bash
# Webhook benchmark (not a test; goal P3 in docs/performance.md). A real daemon on loopback HTTPS with a configured deployment
# (the deploy service over its port fakes, so only the HTTP + webhook + queue path is measured).
#  1. In-JVM client: N (default 100) concurrent signed pushes, p50/p99 of the 202; then a 20-push burst while a deploy
#     holds the worker, and how many deploys it caused.
#  2. Handshake bursts, curl in its own process: 100 deliveries sent at once, each on a new TLS connection as a Git
#     host sends them (--parallel, 100 connections), the 202 latency of each (time_total, TCP connect and TLS
#     handshake included): p50/p99 of each of BURSTS (default 3) bursts after a warm-up one. Goal: p99 <= 300 ms.
#     Also the p99 of curl's TCP-connected and TLS-done times and the CPU time the daemon JVM spent on the burst
#     (the figure that does not depend on how busy the machine is: curl and the daemon share its cores).
#  3. wrk (Debian package `wrk`, optional) in its own process: 100 connections sending signed pushes for 10 s,
#     latency percentiles of the 202. The JDK HttpClient serialises 100 TLS connections on one selector thread, so
#     round 1 measures the client as much as the daemon; curl and wrk do not.
# Only loopback traffic. Usage: scripts/bench-webhook.sh [deliveries]   (BURSTS_ONLY=1: rounds 2 and 3 only)
set -euo pipefail
cd "$(dirname "$0")/.."
cp_file=inertia-daemon/target/bench.classpath
mvn -B -q -pl inertia-common,inertia-daemon test-compile dependency:build-classpath \
  -Dmdep.outputFile="$PWD/$cp_file" -Dmdep.includeScope=test >/dev/null
cp="inertia-daemon/target/test-classes:inertia-daemon/target/classes:inertia-common/target/classes:$(cat "$cp_file")"
bench() { java -cp "$cp" -Dorg.slf4j.simpleLogger.defaultLogLevel=warn io.inertia.daemon.bench.WebhookLatencyBench "$@"; }

if [[ -z ${BURSTS_ONLY:-} ]]; then
  echo "== in-JVM client"
  bench "$@"
fi

out=$(mktemp)
# java itself in the background (not through the function), so $! is the daemon JVM whose CPU time is read below.
java -cp "$cp" -Dorg.slf4j.simpleLogger.defaultLogLevel=warn io.inertia.daemon.bench.WebhookLatencyBench --serve 300 \
  >"$out" 2>&1 & # stopped by the EXIT trap once the rounds are done
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
    printf 'write-out = "%%{http_code} %%{time_total} %%{time_connect} %%{time_appconnect}\\n"\n'
  done >"$cfg"
  curl --no-progress-meter --parallel --parallel-immediate --parallel-max 100 --config "$cfg"
  rm -f "$cfg"
}
# Warm-up, not reported: the JIT compilers take most of the daemon's CPU during the first bursts (measured: after
# three bursts they still used about as much CPU as the handler threads), which a long-running daemon has done.
for ((w = 1; w <= ${WARMUP:-5}; w++)); do burst "warm$w" >/dev/null; done
echo "== handshake bursts: 100 deliveries at once, each on a new TLS connection (curl; goal p99 <= 300 ms)"
for ((b = 1; b <= ${BURSTS:-3}; b++)); do
  times=$(mktemp)
  cpu0=$(awk '{ print $14 + $15 }' "/proc/$pid/stat")
  burst "b$b" >"$times"
  cpu=$(( ($(awk '{ print $14 + $15 }' "/proc/$pid/stat") - cpu0) * 1000 / $(getconf CLK_TCK) ))
  # pct COLUMN FRACTION: that percentile of the column, in ms (column 2 total, 3 TCP connected, 4 TLS done)
  pct() { awk -v c="$1" '{ print $c * 1000 }' "$times" | sort -n | awk -v p="$2" '{ v[NR] = $1 } END {
    i = int(NR * p + 0.5); if (i < 1) i = 1; printf "%.1f", v[i] }'; }
  bad=$(awk '$1 != 202' "$times" | wc -l)
  echo "burst $b: p50 $(pct 2 0.5) ms, p99 $(pct 2 0.99) ms, max $(pct 2 1) ms ($(wc -l <"$times") deliveries, $bad not 202);" \
    "p99 TCP connected $(pct 3 0.99) ms, TLS done $(pct 4 0.99) ms; daemon CPU ${cpu} ms"
  rm -f "$times"
done
if ! command -v wrk >/dev/null; then
  echo "== wrk not installed (apt-get install -y wrk): skipping the sustained-load round"
  exit 0
fi
echo "== wrk, 100 connections, 10 s"
wrk -t2 -c20 -d3s -s bench/webhook.lua "$url" >/dev/null # warm-up (JIT), not reported
wrk -t2 -c100 -d10s --latency -s bench/webhook.lua "$url"
