#!/usr/bin/env bash
# `make demo`: the whole product on this machine, with no registry and no cloud account.
#   1. machine: missing packages and a Docker engine (scripts/ensure-docker.sh, as .ci/run does)
#   2. build: the jars (mvn package), the stand-in and test VPS images (test_env/images.sh), the daemon image
#      (scripts/build-daemon-image.sh), the sample app's base image and the git server image
#   3. a test VPS container `demo-vps` (sshd, Docker inside) and a git server container `demo-git` holding the
#      sample app of test_env/demo/app
#   4. with bin/inertia and a demo-only INERTIA_PATH: init, remote add demo, demo init (bootstrap over SSH),
#      send-image (the app's base image and the compose runner), demo up, demo status; curls the app
# Idempotent: a second run starts over from `scripts/demo-clean.sh`. Remove everything with `make demo-clean`.
# Env: DEMO_DIR (default /tmp/inertia-demo), DEMO_VPS_IMAGE (default inertia-testvps:debian-bookworm;
#      e.g. inertia-testvps:debian-trixie-nodocker, where the bootstrap installs Docker),
#      DEMO_SSH_PORT 2422, DEMO_DAEMON_PORT 4403, DEMO_APP_PORT 8400 (all on 127.0.0.1).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
DEMO_DIR="${DEMO_DIR:-/tmp/inertia-demo}"
DEMO_VPS_IMAGE="${DEMO_VPS_IMAGE:-inertia-testvps:debian-bookworm}"
DEMO_SSH_PORT="${DEMO_SSH_PORT:-2422}" DEMO_DAEMON_PORT="${DEMO_DAEMON_PORT:-4403}" DEMO_APP_PORT="${DEMO_APP_PORT:-8400}"
export DOCKER_BUILDKIT=0
start=$SECONDS
step() { printf '\n[demo %4ds] == %s\n' "$((SECONDS - start))" "$*" >&2; }
log() { printf '[demo %4ds] %s\n' "$((SECONDS - start))" "$*" >&2; }
die() { log "error: $*"; exit 1; }
# Bounded wait: until <tries> <sleep> <what> <command...>
until_ok() {
  local tries=$1 pause=$2 what=$3
  shift 3
  for ((i = 0; i < tries; i++)); do
    if "$@" >/dev/null 2>&1; then return 0; fi
    sleep "$pause"
  done
  die "timed out waiting for $what"
}

step "1/6 machine: packages and Docker engine"
scripts/ensure-docker.sh

step "2/6 build: jars, images, daemon image"
mvn -B -q package -DskipTests
log "jars: inertia-cli/target/inertia.jar, inertia-daemon/target/inertiad.jar"
case "$DEMO_VPS_IMAGE" in
  inertia-testvps:*) vps_images=("$DEMO_VPS_IMAGE") ;;
  *) die "DEMO_VPS_IMAGE must be one of the inertia-testvps:* images (test_env/README.md)" ;;
esac
test_env/images.sh debian:bookworm docker:26-cli "${vps_images[@]}"
scripts/build-daemon-image.sh --skip-jar >/dev/null
log "daemon image ghcr.io/ubclaunchpad/inertiad:v$(sed -n 's:.*<version>\(.*\)</version>.*:\1:p' pom.xml | head -1)"
for pair in inertia-fixture-base:1=inertia-daemon/src/test/resources/fixtures/base \
            inertia-test-gitserver:1=inertia-daemon/src/test/resources/gitserver; do
  image=${pair%%=*} context=${pair#*=}
  if docker image inspect "$image" >/dev/null 2>&1; then
    log "skip $image (exists)"
  else
    log "docker build $image"
    docker build -q --label io.inertia.test=true -t "$image" "$context" >/dev/null
  fi
done

step "3/6 fresh demo state (scripts/demo-clean.sh), git server demo-git, test VPS demo-vps"
scripts/demo-clean.sh
mkdir -p "$DEMO_DIR"/{keys,global}
chmod 700 "$DEMO_DIR/keys"
ssh-keygen -q -t ed25519 -N '' -C inertia-demo-pusher -f "$DEMO_DIR/keys/pusher"
docker run -d --name demo-git --label io.inertia.test=true --label io.inertia.demo=true \
  -e "AUTHORIZED_KEY=$(cat "$DEMO_DIR/keys/pusher.pub")" inertia-test-gitserver:1 >/dev/null
git_ip=$(docker inspect -f '{{.NetworkSettings.IPAddress}}' demo-git)
[[ -n "$git_ip" ]] || die "demo-git has no IP on the default bridge"
until_ok 100 0.2 "sshd of demo-git" bash -c "ssh-keyscan -T 2 $git_ip 2>/dev/null | grep -q ssh-ed25519"
ssh-keyscan -T 2 "$git_ip" 2>/dev/null >"$DEMO_DIR/keys/git_known_hosts"
git_url="ssh://git@$git_ip:22/srv/app.git"
export GIT_SSH_COMMAND="ssh -i $DEMO_DIR/keys/pusher -o IdentitiesOnly=yes -o BatchMode=yes -o StrictHostKeyChecking=yes -o UserKnownHostsFile=$DEMO_DIR/keys/git_known_hosts"
export GIT_AUTHOR_NAME=demo GIT_AUTHOR_EMAIL=demo@example.com GIT_COMMITTER_NAME=demo GIT_COMMITTER_EMAIL=demo@example.com
app="$DEMO_DIR/demo-app"
mkdir -p "$app"
cp test_env/demo/app/{Dockerfile,docker-compose.yml,server.py} "$app/"
git -C "$app" init -q -b main
git -C "$app" remote add origin "$git_url"
git -C "$app" add -A
git -C "$app" commit -q -m "demo app"
git -C "$app" push -q origin main
commit=$(git -C "$app" rev-parse HEAD)
log "git server demo-git: $git_url (commit $commit)"

vps_os=${DEMO_VPS_IMAGE#inertia-testvps:}
version=${vps_os#debian-}
version=${version%%-*}
docker_flag=yes; [[ "$vps_os" == *-nodocker ]] && docker_flag=no
systemd_flag=no; [[ "$vps_os" == *-systemd* ]] && systemd_flag=yes
NAME=demo-vps VPS_OS=debian VERSION="$version" DOCKER="$docker_flag" SYSTEMD="$systemd_flag" \
  SSH_PORT="$DEMO_SSH_PORT" DAEMON_PORT="$DEMO_DAEMON_PORT" VPS_DAEMON_PORT="$DEMO_DAEMON_PORT" \
  APP_PORT="$DEMO_APP_PORT" KEYS_DIR="$DEMO_DIR/keys" test_env/start_vps.sh >/dev/null
log "demo-vps ($DEMO_VPS_IMAGE): ssh 127.0.0.1:$DEMO_SSH_PORT, daemon 127.0.0.1:$DEMO_DAEMON_PORT, app 127.0.0.1:$DEMO_APP_PORT"

step "4/6 inertia init, remote add, demo init (bootstrap over SSH)"
export INERTIA_PATH="$DEMO_DIR/global"
inertia="$root/bin/inertia"
cd "$app"
"$inertia" init --global
printf '\n' | "$inertia" init demo-app
"$inertia" remote add demo --ip 127.0.0.1 --ssh.user root --ssh.key "$DEMO_DIR/keys/id_ed25519" \
  --ssh.port "$DEMO_SSH_PORT" --daemon.port "$DEMO_DAEMON_PORT"
# INERTIA_GIT_HOSTS: the deploy-key step also puts the git server's host key into the VPS's known_hosts.
# INERTIA_DEFAULT_GIT_HOSTS=none: the demo talks only to its own containers (no github.com/gitlab.com/bitbucket.org).
INERTIA_DEFAULT_GIT_HOSTS=none INERTIA_GIT_HOSTS="$git_ip" "$inertia" demo init | tee "$DEMO_DIR/init.log"
deploy_key=$(grep -E '^ssh-(ed25519|rsa) ' "$DEMO_DIR/init.log" | head -1)
[[ -n "$deploy_key" ]] || die "no deploy key in the output of 'inertia demo init'"
docker exec demo-git sh -c 'printf "%s\n" "$1" >> /home/git/.ssh/authorized_keys' sh "$deploy_key"
log "deploy key added to demo-git (what 'add to .../settings/keys/new' means on GitHub)"

step "5/6 send-image (no registry) and demo up"
"$inertia" demo send-image inertia-fixture-base:1
"$inertia" demo send-image docker:26-cli
"$inertia" demo up
url="http://127.0.0.1:$DEMO_APP_PORT/"
until_ok 120 0.5 "the app at $url" bash -c "curl -fsS --max-time 3 '$url' | grep -qx '$commit'"

step "6/6 status and the app"
"$inertia" demo status
answer=$(curl -fsS --max-time 5 "$url")
cat <<MSG

The sample app is deployed: $url answers "$answer" (the deployed commit).
  curl $url
  cd $app && INERTIA_PATH=$INERTIA_PATH $inertia demo {status | logs --short web | down}
  webhook: https://127.0.0.1:$DEMO_DAEMON_PORT/webhook (secret: inertia remote show demo, with INERTIA_PATH above)
  remove everything: make demo-clean
Done in $((SECONDS - start)) s.
MSG
