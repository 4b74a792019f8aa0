#!/usr/bin/env bash
# CLI cold start (PERFORMANCE.md P1a, P1b): `inertia --version` and `inertia remote ls` through bin/inertia,
# against `java -version` measured in the same run. Prints both ratios. Not a test; never asserts.
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
java=java
if [ -n "${JAVA_HOME:-}" ]; then java=$JAVA_HOME/bin/java; fi
mean() { # command... -> mean seconds
  if command -v hyperfine >/dev/null; then
    hyperfine -N -w 3 -r "$runs" --export-json "$work/h.json" "$*" >/dev/null 2>&1
    python3 -c "import json;print(json.load(open('$work/h.json'))['results'][0]['mean'])"
  else
    local t0 t1; "$@" >/dev/null 2>&1; t0=$(date +%s%N)
    for _ in $(seq "$runs"); do "$@" >/dev/null 2>&1; done
    t1=$(date +%s%N); python3 -c "print(($t1-$t0)/1e9/$runs)"
  fi
}
base=$(mean "$java" -version)
ver=$(mean "$root/bin/inertia" --version)
ls=$(mean "$root/bin/inertia" remote ls)
python3 - "$base" "$ver" "$ls" <<'PY'
import sys
b, v, l = map(float, sys.argv[1:])
print(f"java -version        {b*1000:7.1f} ms")
print(f"inertia --version    {v*1000:7.1f} ms   P1a ratio {v/b:.2f}x (goal <= 1.5x)")
print(f"inertia remote ls    {l*1000:7.1f} ms   P1b ratio {l/b:.2f}x (goal <= 3.0x)")
PY
