#!/usr/bin/env bash
# Builds the daemon image ghcr.io/ubclaunchpad/inertiad:v<maven version> from the root Dockerfile.
# Usage: scripts/build-daemon-image.sh [--skip-jar] [extra docker build args...]
#   --skip-jar   use the existing inertia-daemon/target/inertiad.jar instead of running Maven first.
# Env: BASE_IMAGE (default debian:bookworm), IMAGE (override the full image name).
set -euo pipefail
cd "$(dirname "$0")/.."

build_jar=1
if [[ "${1:-}" == "--skip-jar" ]]; then
  build_jar=0
  shift
fi
if [[ $build_jar == 1 ]]; then
  mvn -B -q -pl inertia-common,inertia-daemon -am package -DskipTests
fi
[[ -f inertia-daemon/target/inertiad.jar ]] || { echo "error: inertia-daemon/target/inertiad.jar is missing; build it first" >&2; exit 1; }

version=$(sed -n 's:.*<version>\(.*\)</version>.*:\1:p' pom.xml | head -1)
image=${IMAGE:-ghcr.io/ubclaunchpad/inertiad:v${version}}
# The legacy builder works on every engine here (no buildx); never --pull, so local stand-in bases are used.
DOCKER_BUILDKIT=${DOCKER_BUILDKIT:-0} docker build \
  --build-arg "BASE_IMAGE=${BASE_IMAGE:-debian:bookworm}" \
  --label io.inertia.component=daemon-image \
  -t "$image" "$@" .
# The legacy builder keeps each build's (untagged) build stage; keep the newest as the next build's cache, drop
# the older ones (each holds a jlink-ed runtime).
old=$(docker images -q --filter dangling=true --filter label=io.inertia.build-stage=daemon-image | tail -n +2)
if [[ -n $old ]]; then
  # shellcheck disable=SC2086
  docker rmi $old >/dev/null 2>&1 || true
fi
echo "$image"
