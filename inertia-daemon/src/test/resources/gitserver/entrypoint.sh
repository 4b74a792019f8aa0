#!/bin/sh
set -e
ssh-keygen -A >/dev/null
mkdir -p /home/git/.ssh
printf '%s\n' "$AUTHORIZED_KEY" > /home/git/.ssh/authorized_keys
chown -R git:git /home/git/.ssh && chmod 700 /home/git/.ssh && chmod 600 /home/git/.ssh/authorized_keys
[ -d /srv/app.git ] || su -s /bin/sh git -c 'git init -q --bare -b main /srv/app.git'
exec /usr/sbin/sshd -D -e
