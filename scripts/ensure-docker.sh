#!/usr/bin/env bash
# Makes this machine ready for the Docker tiers and `make demo` (shared by .ci/run and scripts/demo.sh):
# installs, as root with apt, the commands that are missing (dockerd, debootstrap, ssh, git, make, JDK 17,
# Maven, flock, curl), then starts a Docker engine if none answers (no systemd here: `nohup dockerd &`,
# polled at most 60 s). Idempotent: does nothing on a machine that is ready.
# Env: DOCKERD_LOG (default /var/log/inertia-dockerd.log).
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive
log() { printf '[ensure-docker] %s\n' "$*" >&2; }

# command -> Debian package. dockerd (not docker): a preinstalled CLI may exist without an engine.
declare -A packages=(
  [dockerd]=docker.io [debootstrap]=debootstrap [ssh-keygen]=openssh-client [ssh]=openssh-client
  [git]=git [make]=make [javac]=openjdk-17-jdk-headless [mvn]=maven [flock]=util-linux [curl]=curl
)
missing=()
for cmd in "${!packages[@]}"; do
  command -v "$cmd" >/dev/null 2>&1 || missing+=("${packages[$cmd]}")
done
if ((${#missing[@]} > 0)); then
  mapfile -t missing < <(printf '%s\n' "${missing[@]}" | sort -u)
  if [[ $(id -u) != 0 ]]; then
    log "error: missing ${missing[*]}; run as root or: sudo apt-get install -y ${missing[*]}"
    exit 1
  fi
  log "apt-get install ${missing[*]}"
  apt-get update -q
  apt-get install -y -q --no-install-recommends "${missing[@]}"
fi

if ! docker info >/dev/null 2>&1; then
  dockerd_log=${DOCKERD_LOG:-/var/log/inertia-dockerd.log}
  log "starting dockerd (log: $dockerd_log)"
  nohup dockerd >"$dockerd_log" 2>&1 </dev/null &
  for ((i = 0; i < 120; i++)); do
    docker info >/dev/null 2>&1 && break
    sleep 0.5
  done
  if ! docker info >/dev/null 2>&1; then
    log "error: the Docker engine did not come up within 60 s"
    tail -n 40 "$dockerd_log" >&2 || true
    exit 1
  fi
fi
log "Docker engine $(docker version --format '{{.Server.Version}}')"
