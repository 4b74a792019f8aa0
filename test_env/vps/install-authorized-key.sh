#!/bin/sh
# install-authorized-key KEY: the only key that may log in as root and as deploy.
set -eu
for home_user in /root:root /home/deploy:deploy; do
  home="${home_user%%:*}" user="${home_user#*:}"
  install -d -m 700 -o "$user" -g "$user" "$home/.ssh"
  printf '%s\n' "$1" >"$home/.ssh/authorized_keys"
  chown "$user:$user" "$home/.ssh/authorized_keys"
  chmod 600 "$home/.ssh/authorized_keys"
done
