#!/bin/sh
# Step 3/4: (re)start the daemon container (reference §3.2 daemon-up.sh, §3.4 container spec).
# The image is already on the engine (the CLI delivered it). Set by the CLI: SUDO, IMAGE,
# DAEMON_PORT, HOST_ADDRESS, WEBHOOK_SECRET, DAEMON_SETTINGS.
set -e

# Daemon settings of init/upgrade: "INERTIA_X=v INERTIA_Y=w" (plain words, checked by the CLI) become -e options.
set --
for setting in $DAEMON_SETTINGS; do set -- "$@" -e "$setting"; done

mkdir -p "$HOME/inertia/project" "$HOME/inertia/data" "$HOME/inertia/persist" "$HOME/.inertia/ssl"

if $SUDO docker container inspect inertia-daemon >/dev/null 2>&1; then
  echo "Putting existing Inertia daemon to sleep"
  $SUDO docker rm -f inertia-daemon >/dev/null
fi

echo "Running daemon on port $DAEMON_PORT"
# Host address and webhook secret are separate arguments to the image's `inertiad run` entrypoint
# (the original passed them as one quoted string, which the daemon never parsed).
$SUDO docker run -d \
  --restart unless-stopped \
  "$@" \
  --name inertia-daemon \
  -p "$DAEMON_PORT:4303" \
  -v /var/run/docker.sock:/var/run/docker.sock \
  -v "$HOME:/app/host" \
  -e HOME="$HOME" \
  -e SSH_KNOWN_HOSTS=/app/host/.ssh/known_hosts \
  "$IMAGE" "$HOST_ADDRESS" --webhook.secret "$WEBHOOK_SECRET" >/dev/null
