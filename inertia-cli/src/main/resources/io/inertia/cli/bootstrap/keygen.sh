#!/bin/sh
# Step 2/4: the deploy key ~/.ssh/id_rsa_inertia_deploy and known_hosts entries for the git hosts
# (docs/original.md#bootstrap-scripts keygen.sh). Standard output is exactly the public key line; messages go to stderr.
# Set by the CLI: SUDO, GIT_HOSTS (space-separated host:port list), KEYSCAN_TIMEOUT (seconds).
set -e

KEY="$HOME/.ssh/id_rsa_inertia_deploy"
KNOWN_HOSTS="$HOME/.ssh/known_hosts"
mkdir -p "$HOME/.ssh"
chmod 700 "$HOME/.ssh"

if ! command -v ssh-keygen >/dev/null 2>&1; then
  echo "Installing openssh-client..." >&2
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get update -q >&2
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -q openssh-client >&2
fi

if [ -f "$KEY" ]; then
  if [ ! -f "$KEY.pub" ]; then
    ssh-keygen -y -f "$KEY" >"$KEY.pub"
  fi
  echo "Using the existing deploy key $KEY" >&2
else
  ssh-keygen -q -t ed25519 -N '' -C inertia-deploy-key -f "$KEY" >/dev/null
  echo "Generated a new deploy key $KEY" >&2
fi

touch "$KNOWN_HOSTS"
chmod 600 "$KNOWN_HOSTS"
# Scan all hosts in parallel, each bounded, so an offline VPS costs one timeout, not three.
tmpdir="$(mktemp -d)"
n=0
for entry in $GIT_HOSTS; do
  n=$((n + 1))
  host="${entry%:*}"
  port="${entry##*:}"
  if [ "$port" = 22 ]; then name="$host"; else name="[$host]:$port"; fi
  if ssh-keygen -F "$name" -f "$KNOWN_HOSTS" >/dev/null 2>&1; then
    echo "known_hosts: $name already present" >&2
    continue
  fi
  (
    if command -v timeout >/dev/null 2>&1; then t="timeout $((KEYSCAN_TIMEOUT + 5))"; else t=""; fi
    if $t ssh-keyscan -T "$KEYSCAN_TIMEOUT" -p "$port" "$host" >"$tmpdir/$n" 2>/dev/null && [ -s "$tmpdir/$n" ]; then
      echo "$name" >"$tmpdir/$n.name"
    else
      echo "known_hosts: could not reach $name (offline?) - skipped; add it later with: ssh-keyscan -p $port $host >> $KNOWN_HOSTS" >&2
      rm -f "$tmpdir/$n"
    fi
  ) &
done
wait
for f in "$tmpdir"/*.name; do
  [ -e "$f" ] || continue
  cat "${f%.name}" >>"$KNOWN_HOSTS"
  echo "known_hosts: added $(cat "$f")" >&2
done
rm -rf "$tmpdir"

cat "$KEY.pub"
