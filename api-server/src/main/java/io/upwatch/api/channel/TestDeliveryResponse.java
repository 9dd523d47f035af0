package io.upwatch.api.channel;

/**
 * A test message accepted for delivery; its outcome shows in the channel's delivery history.
 *
 * @param deliveryId the delivery's id in the history
 * @param eventId the test event's id, as the receiver will see it
 */
public record TestDeliveryResponse(long deliveryId, String eventId) {}
