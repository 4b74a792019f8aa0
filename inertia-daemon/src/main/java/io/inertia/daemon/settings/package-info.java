/** Daemon settings: the environment of the container (docs/original.md#daemon-container), key files and persisted settings. */
package io.inertia.daemon.settings;
