/** Daemon settings: the environment of the container (reference §3.4), key files and persisted settings. */
package io.inertia.daemon.settings;
