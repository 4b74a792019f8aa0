/** Deploy notifications to Slack incoming webhooks (reference §5.11). */
package io.inertia.daemon.notify;
