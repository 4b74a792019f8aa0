/** The daemon API client: HTTPS with a pinned certificate, streamed deploys, log websocket. */
package io.inertia.cli.daemon;
