/** {@code inertiad}: the daemon's entry point ({@link io.inertia.daemon.InertiaDaemon}) and wiring ({@link io.inertia.daemon.DaemonRuntime}). */
package io.inertia.daemon;
