/** Git URL normalisation and ref parsing shared by the CLI and the daemon (docs/original.md#git-handling, #webhooks). */
package io.inertia.common.git;
