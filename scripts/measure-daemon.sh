#!/usr/bin/env bash
# Measures the daemon image (goals P2, P6 in docs/performance.md): image size, start-up time to the first HTTPS answer, and the
# JVM's anonymous RSS (RssAnon of PID 1 in the container) 15 s after start and after 200 HTTPS requests.
# Usage: scripts/measure-daemon.sh [image]   (default ghcr.io/ubclaunchpad/inertiad:v<maven version>)
# EXTRA_DOCKER_ARGS="-e JDK_JAVA_OPTIONS=-Xmx48m" tries other JVM flags without rebuilding.
set -euo pipefail
cd "$(dirname "$0")/.."
version=$(sed -n 's:.*<version>\(.*\)</version>.*:\1:p' pom.xml | head -1)
image=${1:-ghcr.io/ubclaunchpad/inertiad:v${version}}
home=$(mktemp -d)
name="inertia-daemon-measure-$$"
cleanup() { docker rm -f -v "$name" >/dev/null 2>&1 || true; rm -rf "$home"; }
trap cleanup EXIT

echo "image: $image  size: $(docker image inspect -f '{{.Size}}' "$image" | awk '{printf "%.1f MB", $1/1000/1000}')"
start=$(date +%s%N)
docker run -d --name "$name" --label io.inertia.test=true ${EXTRA_DOCKER_ARGS:-} -v /var/run/docker.sock:/var/run/docker.sock \
  -v "$home:/app/host" -e "HOME=$home" -p 127.0.0.1::4303 "$image" 127.0.0.1 >/dev/null
addr=$(docker port "$name" 4303/tcp | head -1)
cert="$home/.inertia/ssl/daemon.cert"
for _ in $(seq 1 300); do
  if [[ -f $cert ]] && curl -fsS --cacert "$cert" "https://$addr/" -o /dev/null 2>/dev/null; then break; fi
  sleep 0.05
done
echo "start-up (docker run to first 200): $(( ($(date +%s%N) - start) / 1000000 )) ms"
pid=$(docker inspect -f '{{.State.Pid}}' "$name")
sleep 15
echo "RssAnon 15 s after start: $(awk '/RssAnon/ {printf "%.1f MiB", $2/1024}' /proc/$pid/status)"
token=$(docker run --rm --label io.inertia.test=true --entrypoint inertiad -v "$home:/app/host" -e "HOME=$home" "$image" token)
for i in $(seq 1 200); do
  if (( i % 2 )); then path=/status; else path=/user/list; fi
  curl -fsS --cacert "$cert" -H "Authorization: Bearer $token" "https://$addr$path" -o /dev/null
done
sleep 1
echo "RssAnon after 200 HTTPS requests: $(awk '/RssAnon/ {printf "%.1f MiB", $2/1024}' /proc/$pid/status)"
start=$(date +%s%N)
docker restart -t 10 "$name" >/dev/null
addr=$(docker port "$name" 4303/tcp | head -1) # a new ephemeral host port after the restart
for _ in $(seq 1 300); do
  if curl -fsS --cacert "$cert" "https://$addr/" -o /dev/null 2>/dev/null; then break; fi
  sleep 0.05
done
echo "restart (stop + start, certificate present) to first 200: $(( ($(date +%s%N) - start) / 1000000 )) ms"
