#!/bin/sh
# Step 3/4: (re)start the daemon container (docs/original.md#bootstrap-scripts daemon-up.sh, #daemon-container container spec).
# The image is already on the engine (the CLI delivered it). Set by the CLI: SUDO, IMAGE,
# DAEMON_PORT, HOST_ADDRESS, DAEMON_SETTINGS. The webhook secret arrives on standard input (one line), never on a
# command line, where every local user could read it (ps): it is kept in ~/.inertia/webhook.secret
# (0600), which the daemon reads through INERTIA_WEBHOOK_SECRET_FILE.
set -e
IFS= read -r WEBHOOK_SECRET || true

# Daemon settings of init/upgrade: "INERTIA_X=v INERTIA_Y=w" (plain words, checked by the CLI) become -e options.
set --
for setting in $DAEMON_SETTINGS; do set -- "$@" -e "$setting"; done

mkdir -p "$HOME/inertia/project" "$HOME/inertia/data" "$HOME/inertia/persist" "$HOME/.inertia/ssl"
(umask 077 && printf '%s\n' "$WEBHOOK_SECRET" > "$HOME/.inertia/webhook.secret")
chmod 600 "$HOME/.inertia/webhook.secret"

if $SUDO docker container inspect inertia-daemon >/dev/null 2>&1; then
  echo "Putting existing Inertia daemon to sleep"
  $SUDO docker rm -f inertia-daemon >/dev/null
fi

echo "Running daemon on port $DAEMON_PORT"
# The host address is the argument of the image's `inertiad run` entrypoint; the secret is read from
# the file (the original passed "<host> --webhook.secret <secret>" as one argument).
$SUDO docker run -d \
  --restart unless-stopped \
  "$@" \
  --name inertia-daemon \
  -p "$DAEMON_PORT:4303" \
  -v /var/run/docker.sock:/var/run/docker.sock \
  -v "$HOME:/app/host" \
  -e HOME="$HOME" \
  -e SSH_KNOWN_HOSTS=/app/host/.ssh/known_hosts \
  -e INERTIA_WEBHOOK_SECRET_FILE=/app/host/.inertia/webhook.secret \
  "$IMAGE" "$HOST_ADDRESS" >/dev/null
