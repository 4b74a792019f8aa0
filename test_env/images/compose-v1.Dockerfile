# Stand-in for docker/compose:1.29.2 (Compose v1) from Debian bookworm's docker-compose package.
# Built by test_env/images.sh because no registry is reachable; same name, same entrypoint.
FROM debian:bookworm
RUN apt-get update \
 && apt-get install -y --no-install-recommends docker-compose \
 && rm -rf /var/lib/apt/lists/* \
 && docker-compose version
# Compose 1.29 would shell out to a `docker` binary for builds; this image has none.
ENV COMPOSE_DOCKER_CLI_BUILD=0
ENTRYPOINT ["docker-compose"]
