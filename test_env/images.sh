#!/usr/bin/env bash
# Builds, without a container registry, every image the tests and the test VPSes need, under the
# exact upstream names the product uses (Docker never pulls an image that is present locally):
#   debian:bookworm, debian:trixie      debootstrap --variant=minbase + docker import
#   docker/compose:1.29.2               Compose v1 runner (bookworm's docker-compose package)
#   docker:26-cli                       Compose v2 runner (trixie's docker-cli + compose + buildx)
#   inertia-testvps:<os>-<version>[-nodocker|-systemd]   test VPS images (see test_env/README.md)
# Usage: test_env/images.sh [IMAGE...]   (no argument: all of the above)
# Idempotent: an image that exists (and, for Dockerfile builds, was built from the same recipe) is
# skipped. Only Debian's package mirror is used, through debootstrap's default and apt's own sources.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
export DOCKER_BUILDKIT=0 # no buildx on these machines; the legacy builder works with every engine

all_images=(
  debian:bookworm
  debian:trixie
  docker/compose:1.29.2
  docker:26-cli
  inertia-testvps:debian-bookworm
  inertia-testvps:debian-trixie
  inertia-testvps:debian-trixie-nodocker
  inertia-testvps:debian-bookworm-systemd
)

log() { printf '[images] %s\n' "$*" >&2; }
die() { log "error: $*"; exit 1; }

image_exists() { docker image inspect "$1" >/dev/null 2>&1; }

# Hash of everything a Dockerfile build reads, stored as a label so an edited recipe rebuilds.
recipe_hash() { cat "$@" | sha256sum | cut -c1-16; }

image_recipe() {
  docker image inspect -f '{{ index .Config.Labels "io.inertia.test.recipe" }}' "$1" 2>/dev/null || true
}

# debian:<suite> from debootstrap, with the apt settings of the official images so layers stay small.
build_debian() {
  local suite="$1" tag="debian:$1" root t0=$SECONDS
  if image_exists "$tag"; then log "skip $tag (exists)"; return; fi
  command -v debootstrap >/dev/null || die "debootstrap is missing: apt-get install -y debootstrap"
  root="$(mktemp -d "${TMPDIR:-/tmp}/inertia-rootfs-$suite.XXXXXX")"
  # shellcheck disable=SC2064 # expand now: the trap must remove this very directory
  trap "rm -rf '$root'; trap - RETURN" RETURN
  log "debootstrap --variant=minbase $suite (default mirror)"
  debootstrap --variant=minbase "$suite" "$root" >"$root.log" 2>&1 \
    || { tail -n 20 "$root.log" >&2; rm -f "$root.log"; die "debootstrap $suite failed"; }
  rm -f "$root.log"
  cat >"$root/etc/apt/apt.conf.d/docker-clean" <<'APT'
DPkg::Post-Invoke { "rm -f /var/cache/apt/archives/*.deb /var/cache/apt/archives/partial/*.deb /var/cache/apt/*.bin || true"; };
APT::Update::Post-Invoke { "rm -f /var/cache/apt/archives/*.deb /var/cache/apt/archives/partial/*.deb /var/cache/apt/*.bin || true"; };
Dir::Cache::pkgcache "";
Dir::Cache::srcpkgcache "";
APT
  cat >"$root/etc/apt/apt.conf.d/docker-no-recommends" <<'APT'
APT::Install-Recommends "0";
APT::Install-Suggests "0";
APT
  echo 'Acquire::Languages "none";' >"$root/etc/apt/apt.conf.d/docker-no-languages"
  echo 'Acquire::GzipIndexes "true";' >"$root/etc/apt/apt.conf.d/docker-gzip-indexes"
  rm -rf "$root"/var/cache/apt/archives/*.deb "$root"/var/cache/apt/*.bin "$root"/var/lib/apt/lists/*
  rm -rf "${root:?}"/var/log/* "${root:?}"/tmp/* "${root:?}"/dev/*
  tar --numeric-owner -C "$root" -c . | docker import -c 'CMD ["/bin/bash"]' - "$tag" >/dev/null
  log "built $tag in $((SECONDS - t0)) s"
}

# docker build TAG DOCKERFILE CONTEXT [BUILD_ARG...]; skipped when TAG exists from the same recipe.
build_dockerfile() {
  local tag="$1" dockerfile="$2" context="$3"; shift 3
  local args=() a hash old=""
  for a in "$@"; do args+=(--build-arg "$a"); done
  hash="$(recipe_hash "$dockerfile" <(printf '%s\n' "$@") <(find "$context" -type f -print0 | sort -z | xargs -0 cat))"
  if image_exists "$tag"; then
    if [[ "$(image_recipe "$tag")" == "$hash" ]]; then log "skip $tag (exists, same recipe)"; return; fi
    log "rebuild $tag (recipe changed)"
    old="$(docker image inspect -f '{{.Id}}' "$tag")"
  fi
  log "docker build $tag"
  local out t0=$SECONDS; out="$(mktemp "${TMPDIR:-/tmp}/inertia-build.XXXXXX")"
  if ! docker build --label "io.inertia.test.recipe=$hash" -t "$tag" -f "$dockerfile" "${args[@]}" \
      "$context" >"$out" 2>&1; then
    tail -n 30 "$out" >&2; rm -f "$out"; die "docker build $tag failed"
  fi
  rm -f "$out"
  log "built $tag in $((SECONDS - t0)) s"
  # The legacy builder keeps the first stage of a multi-stage build as a dangling image.
  docker image prune -f --filter label=io.inertia.test.stage >/dev/null
  if [[ -n "$old" && "$old" != "$(docker image inspect -f '{{.Id}}' "$tag")" ]]; then
    docker rmi "$old" >/dev/null 2>&1 || log "note: the previous $tag ($old) is still in use"
  fi
}

declare -A visited=()

build_image() {
  [[ -z "${visited[$1]:-}" ]] || return 0
  visited[$1]=1
  case "$1" in
    debian:bookworm | debian:trixie) build_debian "${1#debian:}" ;;
    docker/compose:1.29.2)
      build_image debian:bookworm
      build_dockerfile "$1" "$here/images/compose-v1.Dockerfile" "$here/images/empty" ;;
    docker:26-cli)
      build_image debian:trixie
      build_dockerfile "$1" "$here/images/docker-cli.Dockerfile" "$here/images/empty" ;;
    inertia-testvps:debian-*)
      local spec="${1#inertia-testvps:debian-}" version docker=yes dockerfile="$here/Dockerfile.debian"
      version="${spec%%-*}"
      case "$spec" in
        "$version") ;;
        "$version-nodocker") docker=no ;;
        "$version-systemd") dockerfile="$here/Dockerfile.debian-systemd" ;;
        "$version-systemd-nodocker") dockerfile="$here/Dockerfile.debian-systemd"; docker=no ;;
        *) die "unknown test VPS variant: $1" ;;
      esac
      build_image "debian:$version"
      build_dockerfile "$1" "$dockerfile" "$here/vps" "VERSION=$version" "DOCKER=$docker" ;;
    inertia-testvps:ubuntu-* | inertia-testvps:centos-*)
      # Only where a registry is reachable (FROM ubuntu:<v> / quay.io centos stream); see README.
      local os="${1#inertia-testvps:}" rest version docker=yes
      rest="${os#*-}" os="${os%%-*}" version="${rest%-nodocker}"
      [[ "$rest" == *-nodocker ]] && docker=no
      build_dockerfile "$1" "$here/Dockerfile.$os" "$here/vps" "VERSION=$version" "DOCKER=$docker" ;;
    *) die "unknown image: $1 (known: ${all_images[*]})" ;;
  esac
}

main() {
  command -v docker >/dev/null || die "docker is missing"
  docker info >/dev/null 2>&1 || die "no Docker engine answers (docker info failed)"
  mkdir -p "$here/images/empty"
  # Builds from several checkouts share one engine: take turns.
  exec 9>"${TMPDIR:-/tmp}/inertia-images.lock"
  flock -w 900 9 || die "another images.sh holds the lock for 15 minutes"
  local start=$SECONDS img
  (($# > 0)) || set -- "${all_images[@]}"
  # Two lanes in parallel (downloads and unpacking overlap well even on 2 cores): what derives
  # from bookworm, and the rest. Bases first, so neither lane waits on the other's debootstrap.
  local bookworm=() other=()
  for img in "$@"; do
    case "$img" in
      debian:bookworm | docker/compose:* | *:debian-bookworm*) bookworm+=("$img") ;;
      *) other+=("$img") ;;
    esac
  done
  run_lane() { local i; for i in "$@"; do build_image "$i"; done; }
  run_lane "${bookworm[@]}" &
  local lane_a=$!
  run_lane "${other[@]}" &
  local lane_b=$!
  local failed=0
  wait "$lane_a" || failed=1
  wait "$lane_b" || failed=1
  ((failed == 0)) || die "some images failed to build (see above)"
  log "done in $((SECONDS - start)) s"
}

main "$@"
