/** The CLI's view of its config files: locations, loading with the original's messages, saving. */
package io.inertia.cli.local;
