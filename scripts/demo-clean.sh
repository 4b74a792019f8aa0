#!/usr/bin/env bash
# `make demo-clean`: removes what scripts/demo.sh created: the containers demo-vps (with its nested Docker volume:
# the deployed app and the daemon go with it) and demo-git, and DEMO_DIR (keys, the demo-only INERTIA_PATH with the
# `demo` remote, the sample app's repository). Images are kept (rebuilding them is what takes time); remove them
# with `docker rmi` if you want. Idempotent.
set -euo pipefail
DEMO_DIR="${DEMO_DIR:-/tmp/inertia-demo}"
log() { printf '[demo-clean] %s\n' "$*" >&2; }
for c in demo-vps demo-git; do
  if docker container inspect "$c" >/dev/null 2>&1; then
    log "docker rm -f -v $c"
    docker rm -f -v "$c" >/dev/null
  fi
done
case "$DEMO_DIR" in
  "" | / | "$HOME") log "error: refusing to remove DEMO_DIR=$DEMO_DIR"; exit 1 ;;
esac
if [[ -e "$DEMO_DIR" ]]; then
  log "rm -rf $DEMO_DIR"
  rm -rf "$DEMO_DIR"
fi
log "clean"
