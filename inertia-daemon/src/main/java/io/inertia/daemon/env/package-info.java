/** Project environment variables, encrypted at rest with AES-256-GCM (docs/original.md#environment-variables). */
package io.inertia.daemon.env;
