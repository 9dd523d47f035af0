package io.upwatch.worker.notify;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.time.Instant;

/** Counters per outcome and channel kind, and the time from event to delivery. */
final class DispatchMetrics {

  private final MeterRegistry registry;
  private final Timer eventToDelivery;

  DispatchMetrics(MeterRegistry registry) {
    this.registry = registry;
    this.eventToDelivery =
        Timer.builder("upwatch.notifications.latency")
            .description("Time from an event being recorded to its delivery")
            .publishPercentiles(0.5, 0.99)
            .register(registry);
  }

  void delivered(Delivery delivery, Instant now) {
    count(delivery, "delivered");
    eventToDelivery.record(Duration.between(delivery.createdAt(), now));
  }

  void retried(Delivery delivery) {
    count(delivery, "retried");
  }

  void failed(Delivery delivery) {
    count(delivery, "failed");
  }

  private void count(Delivery delivery, String outcome) {
    registry
        .counter(
            "upwatch.notifications",
            "outcome",
            outcome,
            "kind",
            delivery.kind().name().toLowerCase())
        .increment();
  }
}
