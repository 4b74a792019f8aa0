/** One picocli class per command of {@code inertia} (docs/original.md#cli); each call() is a thin script. */
package io.inertia.cli.command;
