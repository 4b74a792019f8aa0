/**
 * The shared configuration model: the project file {@code inertia.toml} and the global remotes file
 * {@code inertia.remotes} as immutable records, their TOML reading and atomic writing, location rules
 * and version compatibility checks (docs/original.md#cli-conventions, #configuration-files).
 */
package io.inertia.common.config;
