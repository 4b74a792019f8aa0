# Stand-in for docker:26-cli (Docker CLI with the Compose v2 and buildx plugins) from Debian trixie's
# docker-cli 26.1, docker-compose 2.26 and docker-buildx 0.13 packages. Built by test_env/images.sh
# because no registry is reachable. Only the CLI and its plugins are copied onto the minbase rootfs.
FROM debian:trixie AS packages
# images.sh removes this dangling stage image after the build (the legacy builder keeps it).
LABEL io.inertia.test.stage=docker-cli-packages
RUN apt-get update \
 && apt-get install -y --no-install-recommends docker-cli docker-compose docker-buildx \
 && rm -rf /var/lib/apt/lists/* \
 && ls -l /usr/bin/docker /usr/libexec/docker/cli-plugins/

FROM debian:trixie
COPY --from=packages /usr/bin/docker /usr/bin/docker
COPY --from=packages /usr/libexec/docker/cli-plugins/ /usr/libexec/docker/cli-plugins/
# Like the upstream image's docker-entrypoint.sh: options and docker subcommands go to `docker`,
# anything else (sh, bash -c …) runs as given. Compose needs a writable /tmp (minbase has one).
RUN printf '%s\n' '#!/bin/sh' \
      'if [ "$#" -eq 0 ] || [ "${1#-}" != "$1" ] || docker help "$1" >/dev/null 2>&1; then set -- docker "$@"; fi' \
      'exec "$@"' >/usr/local/bin/docker-entrypoint.sh \
 && chmod 755 /usr/local/bin/docker-entrypoint.sh \
 && chmod 1777 /tmp \
 && docker --version && docker compose version && docker buildx version
ENTRYPOINT ["docker-entrypoint.sh"]
CMD ["sh"]
