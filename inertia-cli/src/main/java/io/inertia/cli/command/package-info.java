/** One picocli class per command of {@code inertia} (reference §1); each call() is a thin script. */
package io.inertia.cli.command;
