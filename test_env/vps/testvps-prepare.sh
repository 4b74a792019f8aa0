#!/bin/sh
# Run by testvps-prepare.service before ssh.service and docker.service: systemd does not pass the
# container's environment to units, so read SSH_AUTHORIZED_KEY from PID 1's environment.
set -eu
key="$(tr '\0' '\n' </proc/1/environ | sed -n 's/^SSH_AUTHORIZED_KEY=//p')"
if [ -z "$key" ]; then
  echo "testvps-prepare: set SSH_AUTHORIZED_KEY to an OpenSSH public key (key-only login)" >&2
  exit 1
fi
/usr/local/sbin/install-authorized-key "$key"
ssh-keygen -A >/dev/null
/usr/local/sbin/prepare-host
