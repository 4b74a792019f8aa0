/** Git URL normalisation and ref parsing shared by the CLI and the daemon (reference §5.2, §6). */
package io.inertia.common.git;
