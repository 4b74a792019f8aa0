/**
 * SSH access to a remote VPS: the {@link io.inertia.cli.ssh.RemoteShell} port, its sshj adapter with
 * trust-on-first-use host keys, and the command line of the interactive system {@code ssh}.
 */
package io.inertia.cli.ssh;
