#!/bin/sh
# Step 1/4: install Docker if it is missing and make sure dockerd runs (docs/original.md#bootstrap-scripts docker.sh).
# Set by the CLI: SUDO ("" for root, "sudo -n" otherwise), DOCKERD_WAIT (seconds to wait for dockerd).
set -e

docker_up() {
  $SUDO docker info >/dev/null 2>&1
}

install_docker() {
  echo "Installing docker..."
  if [ -f /etc/system-release ] && grep -qi amazon /etc/system-release; then
    $SUDO yum install -y docker
  elif command -v apt-get >/dev/null 2>&1; then
    # The distribution's own package first: it works without reaching download.docker.com.
    $SUDO env DEBIAN_FRONTEND=noninteractive apt-get update -q || true
    $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -q docker.io || true
  elif command -v yum >/dev/null 2>&1; then
    $SUDO yum install -y docker || true
  fi
  if command -v docker >/dev/null 2>&1; then
    return 0
  fi
  # Fallback: Docker's convenience script, only where it can be downloaded.
  tmp="$(mktemp)"
  if command -v curl >/dev/null 2>&1; then
    curl -fsSL --max-time 60 https://get.docker.com -o "$tmp" || :
  elif command -v wget >/dev/null 2>&1; then
    wget -q -T 60 -O "$tmp" https://get.docker.com || :
  fi
  if [ -s "$tmp" ]; then
    $SUDO sh "$tmp"
  fi
  rm -f "$tmp"
  if ! command -v docker >/dev/null 2>&1; then
    echo "could not install Docker: no package manager install worked and https://get.docker.com is not reachable" >&2
    exit 1
  fi
}

start_dockerd() {
  if docker_up; then
    echo "dockerd is online"
    return 0
  fi
  if [ -d /run/systemd/system ] && command -v systemctl >/dev/null 2>&1; then
    $SUDO systemctl start docker || :
  elif command -v service >/dev/null 2>&1; then
    $SUDO service docker start >/dev/null 2>&1 || :
  fi
  if ! docker_up; then
    # No init system to ask (containers, minimal images): run the engine in the background.
    $SUDO sh -c 'nohup dockerd >/var/log/dockerd.log 2>&1 </dev/null &'
  fi
  i=0
  until docker_up; do
    i=$((i + 1))
    if [ "$i" -gt "$DOCKERD_WAIT" ]; then
      echo "dockerd did not come online within ${DOCKERD_WAIT}s; last lines of /var/log/dockerd.log:" >&2
      $SUDO tail -n 5 /var/log/dockerd.log >&2 || :
      exit 1
    fi
    echo "Waiting for dockerd to come online..."
    sleep 1
  done
  echo "dockerd is online"
}

if command -v docker >/dev/null 2>&1; then
  echo "Docker installation detected - skipping install"
else
  install_docker
fi
start_dockerd
echo "Docker installation complete"
