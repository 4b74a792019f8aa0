#!/bin/sh
# Remove Inertia's directories from the host (docs/original.md#bootstrap-scripts inertia-down.sh). Docker and the deploy
# key stay. Set by the CLI: SUDO.
set -e

$SUDO rm -rf "$HOME/inertia" "$HOME/.inertia"
