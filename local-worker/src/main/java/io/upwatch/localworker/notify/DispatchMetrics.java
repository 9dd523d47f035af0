package io.upwatch.localworker.notify;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.upwatch.common.notify.ChannelKind;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/** Counters per outcome and channel kind, and the time from event to delivery. */
final class DispatchMetrics {

  private final Map<ChannelKind, Counter> delivered = new EnumMap<>(ChannelKind.class);
  private final Map<ChannelKind, Counter> retried = new EnumMap<>(ChannelKind.class);
  private final Map<ChannelKind, Counter> failed = new EnumMap<>(ChannelKind.class);
  private final Timer eventToDelivery;

  DispatchMetrics(MeterRegistry registry) {
    // Every series exists from the start, so rate() and increase() see the first delivery.
    for (ChannelKind kind : ChannelKind.values()) {
      delivered.put(kind, counter(registry, "delivered", kind));
      retried.put(kind, counter(registry, "retried", kind));
      failed.put(kind, counter(registry, "failed", kind));
    }
    // Retries stretch delivery from under a second to the give-up time (hours).
    this.eventToDelivery =
        Timer.builder("upwatch.notifications.latency")
            .description("Time from an event being recorded to its delivery")
            .serviceLevelObjectives(
                Duration.ofMillis(100),
                Duration.ofMillis(500),
                Duration.ofSeconds(1),
                Duration.ofSeconds(5),
                Duration.ofSeconds(15),
                Duration.ofMinutes(1),
                Duration.ofMinutes(5),
                Duration.ofMinutes(15),
                Duration.ofHours(1),
                Duration.ofHours(6))
            .register(registry);
  }

  void delivered(Delivery delivery, Instant now) {
    delivered.get(delivery.kind()).increment();
    eventToDelivery.record(Duration.between(delivery.createdAt(), now));
  }

  void retried(Delivery delivery) {
    retried.get(delivery.kind()).increment();
  }

  void failed(Delivery delivery) {
    failed.get(delivery.kind()).increment();
  }

  private static Counter counter(MeterRegistry registry, String outcome, ChannelKind kind) {
    return Counter.builder("upwatch.notifications")
        .description("Notification attempts by outcome: delivered, retried later, or given up")
        .tag("outcome", outcome)
        .tag("kind", kind.name().toLowerCase(Locale.ROOT))
        .register(registry);
  }
}
