/** Deploy notifications to Slack incoming webhooks (docs/original.md#notifications). */
package io.inertia.daemon.notify;
