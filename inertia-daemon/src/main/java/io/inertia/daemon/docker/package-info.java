/**
 * docker-java adapter: the one Docker client factory, the compose and Dockerfile builders and project-scoped
 * container operations; every object it creates carries {@code io.inertia.*} labels.
 */
package io.inertia.daemon.docker;
