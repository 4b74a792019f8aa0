#!/usr/bin/env bash
# CLI cold start (goals P1a, P1b in docs/performance.md): `inertia --version` and `inertia remote ls` through bin/inertia,
# against `java -version` measured in the same run. Prints both ratios. Not a test; never asserts.
# (hyperfine runs one command after the other; under a drifting load that biases ratios, so this interleaves.)
# Usage: bench/cli-startup.sh [runs]   (needs the jar built; builds the AppCDS archive if it is stale)
set -euo pipefail
root=$(cd "$(dirname "$(readlink -f "$0")")/.." && pwd)
runs=${1:-20}
jar=$root/inertia-cli/target/inertia.jar
[ -f "$jar" ] || { echo "error: $jar missing - perhaps you should run 'mvn -pl inertia-cli -am package -DskipTests'" >&2; exit 1; }
if [ ! -f "${jar%.jar}.jsa" ] || [ "$jar" -nt "${jar%.jar}.jsa" ]; then "$root/bin/inertia-cds"; fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
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
# Prove the archive is used (the JVM silently ignores a mismatched one unless -Xshare:on).
if ! INERTIA_JAVA_OPTS=-Xshare:on "$root/bin/inertia" remote ls >/dev/null; then
  echo "error: the AppCDS archive does not match the jar - perhaps you should run bin/inertia-cds" >&2
  exit 1
fi
java=java
if [ -n "${JAVA_HOME:-}" ]; then java=$JAVA_HOME/bin/java; fi
# Interleaved runs (java, --version, remote ls, java, ...) and medians: on a shared, noisy machine the
# three commands then see the same load. Output is discarded; a failing command aborts the run.
python3 - "$runs" "$java" "$root/bin/inertia" <<'PY'
import statistics, subprocess, sys, time
runs, java, inertia = int(sys.argv[1]), sys.argv[2], sys.argv[3]
cmds = {"java -version": [java, "-version"], "inertia --version": [inertia, "--version"],
        "inertia remote ls": [inertia, "remote", "ls"]}
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
PY
