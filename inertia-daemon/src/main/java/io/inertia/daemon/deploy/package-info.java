/**
 * Deployment domain core: the per-project deploy queue, releases, status and rollback; it talks to git, Docker,
 * storage and notifications only through the ports declared here (no Javalin, docker-java, JGit or sshj types).
 */
package io.inertia.daemon.deploy;
