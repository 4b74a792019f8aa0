package io.inertia.daemon.webhook;

/**
 * What the HTTP handler renders for a webhook: the envelope {@code code} ({@code status}), {@code message} and
 * {@code error} (null when none), plus the recorded {@link Delivery}.
 */
public record WebhookResponse(int status, String message, String error, Delivery delivery) {}
