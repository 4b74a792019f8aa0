#!/usr/bin/env bash
# Starts a test VPS container (sshd + key-only login, nested Docker possible) and waits for sshd.
# Settings (environment; `make testenv` passes its variables through):
#   VPS_OS=debian VERSION=bookworm|trixie  DOCKER=yes|no  SYSTEMD=no|yes
#   SSH_PORT=2222 DAEMON_PORT=4303 APP_PORT=8000   host ports, bound to 127.0.0.1 only
#   NAME=testvps                                     container name (replaced if it exists)
#   VPS_DAEMON_PORT=4303   the VPS-side port DAEMON_PORT forwards to (make demo: the same number, since the
#                          daemon runs with -p <remote's daemon.port>:4303 inside the VPS)
#   KEYS_DIR=test_env/keys  where the client key pair and known_hosts live
# The key pair is generated at run time into KEYS_DIR (test_env/keys/ is gitignored), never committed.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
VPS_OS="${VPS_OS:-debian}" VERSION="${VERSION:-bookworm}" DOCKER="${DOCKER:-yes}" SYSTEMD="${SYSTEMD:-no}"
SSH_PORT="${SSH_PORT:-2222}" DAEMON_PORT="${DAEMON_PORT:-4303}" APP_PORT="${APP_PORT:-8000}"
NAME="${NAME:-testvps}" VPS_DAEMON_PORT="${VPS_DAEMON_PORT:-4303}"
keys="${KEYS_DIR:-$here/keys}"

log() { printf '[testenv] %s\n' "$*" >&2; }
die() { log "error: $*"; exit 1; }

tag="inertia-testvps:$VPS_OS-$VERSION"
case "$SYSTEMD" in yes) tag+="-systemd" ;; no) ;; *) die "SYSTEMD must be yes or no" ;; esac
case "$DOCKER" in no) tag+="-nodocker" ;; yes) ;; *) die "DOCKER must be yes or no" ;; esac

"$here/images.sh" "$tag"

mkdir -p "$keys"
chmod 700 "$keys"
if [[ ! -f "$keys/id_ed25519" ]]; then
  ssh-keygen -q -t ed25519 -N '' -C inertia-testvps -f "$keys/id_ed25519"
fi

if docker container inspect "$NAME" >/dev/null 2>&1; then
  log "replacing the existing container $NAME"
  docker rm -f -v "$NAME" >/dev/null
fi
# A new container has new host keys: forget the old ones for this port.
rm -f "$keys/known_hosts"

# Nested Docker without --privileged (refused on hosts whose root lacks CAP_SYS_RESOURCE): all other
# capabilities, no seccomp/AppArmor confinement, a private cgroup namespace (the entrypoint remounts
# cgroups read-write), and an anonymous /var/lib/docker volume so the nested engine can use overlay2.
run_args=(
  -d --name "$NAME" --hostname "$NAME" --label io.inertia.test=true
  --cap-add ALL --cap-drop SYS_RESOURCE
  --security-opt seccomp=unconfined --security-opt apparmor=unconfined
  --cgroupns private -v /var/lib/docker
  -p "127.0.0.1:$SSH_PORT:22" -p "127.0.0.1:$DAEMON_PORT:$VPS_DAEMON_PORT" -p "127.0.0.1:$APP_PORT:8000"
  -e "SSH_AUTHORIZED_KEY=$(cat "$keys/id_ed25519.pub")"
)
if [[ "$SYSTEMD" == yes ]]; then run_args+=(--tmpfs /run --tmpfs /run/lock); fi
docker run "${run_args[@]}" "$tag" >/dev/null

ssh_opts=(-i "$keys/id_ed25519" -p "$SSH_PORT" -o BatchMode=yes -o ConnectTimeout=2
  -o StrictHostKeyChecking=accept-new -o "UserKnownHostsFile=$keys/known_hosts")
for ((i = 0; i < 100; i++)); do
  if [[ "$(docker container inspect -f '{{.State.Running}}' "$NAME")" != true ]]; then
    docker logs "$NAME" >&2 || true
    die "container $NAME stopped"
  fi
  if ssh "${ssh_opts[@]}" root@127.0.0.1 true 2>/dev/null; then break; fi
  sleep 0.2
done
((i < 100)) || { docker logs "$NAME" >&2 || true; die "sshd did not answer on 127.0.0.1:$SSH_PORT within 20 s"; }

cat <<MSG
Test VPS "$NAME" is up ($tag).
  ssh:     ssh -i $keys/id_ed25519 -o UserKnownHostsFile=$keys/known_hosts -p $SSH_PORT root@127.0.0.1
           (or deploy@127.0.0.1, NOPASSWD sudo)
  daemon:  127.0.0.1:$DAEMON_PORT -> $VPS_DAEMON_PORT    app: 127.0.0.1:$APP_PORT -> 8000
  remove:  make testenv-clean
MSG
