#!/bin/sh
# Step 4/4: print the daemon's master API token (docs/original.md#bootstrap-scripts token.sh). Set by the CLI: SUDO, IMAGE.
set -e

$SUDO docker run --rm \
  -v "$HOME:/app/host" \
  -e HOME="$HOME" \
  -e SSH_KNOWN_HOSTS=/app/host/.ssh/known_hosts \
  --entrypoint=inertiad \
  "$IMAGE" token
