package io.upwatch.api.channel;

import java.time.Instant;

/**
 * One notification in a channel's delivery history.
 *
 * @param id the delivery's id
 * @param eventId the event's stable id, as sent to the receiver
 * @param event {@code alert.opened}, {@code alert.resolved} or {@code test}
 * @param alertId the alert it is about, if any
 * @param status {@code pending}, {@code delivered} or {@code failed}
 * @param attempts sends attempted so far
 * @param createdAt when the event was recorded
 * @param lastAttemptAt when the last attempt started
 * @param nextAttemptAt when the next attempt is due, while pending
 * @param deliveredAt when the receiver took it
 * @param lastStatus the receiver's HTTP status on the last attempt, if it answered
 * @param lastError why the last attempt failed, in Upwatch's words
 */
public record DeliveryResponse(
    long id,
    String eventId,
    String event,
    Long alertId,
    String status,
    int attempts,
    Instant createdAt,
    Instant lastAttemptAt,
    Instant nextAttemptAt,
    Instant deliveredAt,
    Integer lastStatus,
    String lastError) {}
