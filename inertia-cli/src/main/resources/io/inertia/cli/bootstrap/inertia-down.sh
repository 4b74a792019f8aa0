#!/bin/sh
# Remove Inertia's directories from the host (reference §3.2 inertia-down.sh). Docker and the deploy
# key stay. Set by the CLI: SUDO.
set -e

$SUDO rm -rf "$HOME/inertia" "$HOME/.inertia"
