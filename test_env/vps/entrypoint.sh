#!/bin/sh
# Entrypoint of the test VPS images without systemd: host keys, the authorized key from
# $SSH_AUTHORIZED_KEY (for root and deploy), nested-Docker preparation, dockerd if installed, sshd.
set -eu

if [ -z "${SSH_AUTHORIZED_KEY:-}" ]; then
  echo "entrypoint: set SSH_AUTHORIZED_KEY to an OpenSSH public key (key-only login)" >&2
  exit 1
fi
/usr/local/sbin/install-authorized-key "$SSH_AUTHORIZED_KEY"
ssh-keygen -A >/dev/null

/usr/local/sbin/prepare-host

if command -v dockerd >/dev/null 2>&1; then
  nohup dockerd >/var/log/dockerd.log 2>&1 </dev/null &
fi

mkdir -p /run/sshd
exec /usr/sbin/sshd -D -e
