/**
 * Git host webhooks (docs/original.md#webhooks): detect the host, verify the signature or token, parse push and ping payloads,
 * decide whether a push redeploys, and remember deliveries; no HTTP, Docker, git or SSH types.
 */
package io.inertia.daemon.webhook;
