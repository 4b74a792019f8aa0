/**
 * Bootstrapping and lifecycle of a VPS over SSH: the four steps of {@code inertia <remote> init}
 * (docs/original.md#bootstrap), upgrade, uninstall, token, file and image transfer. Scripts are resources next to
 * this package; output goes through {@link io.inertia.cli.bootstrap.BootstrapOutput}.
 */
package io.inertia.cli.bootstrap;
