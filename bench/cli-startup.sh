#!/usr/bin/env bash
# CLI cold start (goals P1a, P1b in docs/performance.md): `inertia --version`, `inertia remote ls` and `inertia <remote> status` (a daemon command:
# TLS handshake, HTTP, JSON) through bin/inertia, against `java -version` measured in the same run. Prints
# the ratios. Not a test; never asserts. The status figure needs the packaged daemon
# (inertia-daemon/target/inertiad.jar), started here on a free loopback port and stopped at the end.
# (hyperfine runs one command after the other; under a drifting load that biases ratios, so this interleaves.)
# Usage: bench/cli-startup.sh [runs]   (needs the jar built; builds the AppCDS archive if it is stale)
set -euo pipefail
root=$(cd "$(dirname "$(readlink -f "$0")")/.." && pwd)
runs=${1:-20}
jar=$root/inertia-cli/target/inertia.jar
[ -f "$jar" ] || { echo "error: $jar missing - perhaps you should run 'mvn -pl inertia-cli -am package -DskipTests'" >&2; exit 1; }
if [ ! -f "${jar%.jar}.jsa" ] || [ "$jar" -nt "${jar%.jar}.jsa" ]; then "$root/bin/inertia-cds"; fi
work=$(mktemp -d)
daemon_pid=
trap '{ [ -n "$daemon_pid" ] && kill "$daemon_pid" 2>/dev/null; } || true; rm -rf "$work"' EXIT
mkdir -p "$work/global"
for n in staging prod dev; do
  cat >> "$work/global/inertia.remotes" <<TOML
[[remote]]
  version = "v0.8.0"
  name = "$n"
  ip = "10.0.0.1"
  [remote.ssh]
    user = "root"
    identityfile = "/home/me/.ssh/id_rsa"
    ssh-port = "22"
  [remote.daemon]
    port = "4303"
    token = "t"
    webhook-secret = "s"
    verify-ssl = false
  [remote.profiles]
    "my_project" = "default"
TOML
done
export INERTIA_PATH=$work/global
java=java
if [ -n "${JAVA_HOME:-}" ]; then java=$JAVA_HOME/bin/java; fi
daemon_jar=$root/inertia-daemon/target/inertiad.jar
status_remote=
if [ -f "$daemon_jar" ]; then
  d=$work/daemon
  mkdir -p "$d"
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  daemon_env=(INERTIA_PROJECT_DIR="$d/project" INERTIA_DATA_DIR="$d/data" INERTIA_PERSIST_DIR="$d/persist"
    INERTIA_SECRETS_DIR="$d/secrets" INERTIA_GH_KEY_PATH="$d/ssh/key" SSH_KNOWN_HOSTS="$d/ssh/known_hosts" HOME="$d")
  env "${daemon_env[@]}" "$java" -jar "$daemon_jar" run 127.0.0.1 --port "$port" > "$d/log" 2>&1 &
  daemon_pid=$!
  for _ in $(seq 1 1800); do grep -q "Serving daemon on port" "$d/log" 2>/dev/null && break; sleep 0.1; done
  token=$(env "${daemon_env[@]}" "$java" -jar "$daemon_jar" token 2>/dev/null | tail -1) || token=
  pin=$(grep -o 'SHA256:[0-9A-F:]*' "$d/log" | head -1) || pin=
  if [ -n "$token" ] && [ -n "$pin" ]; then
    cat >> "$work/global/inertia.remotes" <<TOML
[[remote]]
  version = "v0.8.0"
  name = "bench"
  ip = "127.0.0.1"
  [remote.daemon]
    port = "$port"
    token = "$token"
    webhook-secret = "s"
    verify-ssl = false
    cert-fingerprint = "$pin"
TOML
    status_remote=bench
    "$root/bin/inertia" bench status > /dev/null || { echo "error: 'inertia bench status' failed" >&2; exit 1; }
  else
    echo "warning: the daemon did not start (see $d/log); no status figure" >&2
  fi
else
  echo "note: $daemon_jar missing - no status figure (build it with 'mvn -pl inertia-daemon -am package')" >&2
fi
# Prove the archive is used (the JVM silently ignores a mismatched one unless -Xshare:on).
if ! INERTIA_JAVA_OPTS=-Xshare:on "$root/bin/inertia" remote ls >/dev/null; then
  echo "error: the AppCDS archive does not match the jar - perhaps you should run bin/inertia-cds" >&2
  exit 1
fi
# Interleaved runs (java, --version, remote ls, java, ...) and medians: on a shared, noisy machine the
# three commands then see the same load. Output is discarded; a failing command aborts the run.
python3 - "$runs" "$java" "$root/bin/inertia" "$status_remote" <<'PY'
import statistics, subprocess, sys, time
runs, java, inertia, remote = int(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4]
cmds = {"java -version": [java, "-version"], "inertia --version": [inertia, "--version"],
        "inertia remote ls": [inertia, "remote", "ls"]}
if remote:
    cmds["inertia <remote> status"] = [inertia, remote, "status"]
times = {k: [] for k in cmds}
for i in range(runs + 3):
    for name, cmd in cmds.items():
        t0 = time.perf_counter()
        subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
        if i >= 3:  # warm-up rounds (file cache) are not counted
            times[name].append(time.perf_counter() - t0)
med = {k: statistics.median(v) for k, v in times.items()}
b = med["java -version"]
print(f"{runs} interleaved runs, medians")
print(f"java -version        {b*1000:7.1f} ms")
print(f"inertia --version    {med['inertia --version']*1000:7.1f} ms   P1a ratio {med['inertia --version']/b:.2f}x (goal <= 1.25x)")
print(f"inertia remote ls    {med['inertia remote ls']*1000:7.1f} ms   P1b ratio {med['inertia remote ls']/b:.2f}x (goal <= 1.4x)")
if remote:
    s = med["inertia <remote> status"]
    print(f"inertia <remote> status {s*1000:7.1f} ms   ratio {s/b:.2f}x (goal <= 4x)")
PY
