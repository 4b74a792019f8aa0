package io.inertia.common.config;

/**
 * The {@code [profile.notifiers]} table.
 *
 * @param slackNotificationUrl {@code slack_notification_url}: Slack incoming-webhook URL, empty for none
 */
public record Notifiers(String slackNotificationUrl) {
  public Notifiers {
    slackNotificationUrl = Strings.orEmpty(slackNotificationUrl);
  }
}
