#!/bin/sh
# Stop and remove the daemon container, if there is one (docs/original.md#bootstrap-scripts daemon-down.sh). Set by the
# CLI: SUDO.
set -e

if $SUDO docker container inspect inertia-daemon >/dev/null 2>&1; then
  $SUDO docker rm -f inertia-daemon >/dev/null
  echo "Inertia daemon stopped"
else
  echo "No Inertia daemon is running"
fi
