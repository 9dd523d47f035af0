package io.upwatch.localworker.notify;

import io.micrometer.core.instrument.MeterRegistry;
import io.upwatch.common.notify.ChannelKind;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Claims due deliveries and sends each on its own virtual thread, at most {@code concurrency} at a
 * time, recording every outcome: delivered, retried later with backoff, or failed for good. A slow
 * receiver holds one permit, never the loop.
 */
class NotificationDispatcher implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(NotificationDispatcher.class);

  private final DeliveryQueue queue;
  private final Map<ChannelKind, Sender> senders = new EnumMap<>(ChannelKind.class);
  private final NotifyProperties properties;
  private final RetrySchedule retries;
  private final Clock clock;
  private final DispatchMetrics metrics;
  private final Semaphore permits;
  private final ExecutorService sends =
      Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("notify-", 0).factory());

  NotificationDispatcher(
      DeliveryQueue queue,
      List<Sender> senders,
      NotifyProperties properties,
      Clock clock,
      MeterRegistry registry) {
    this.queue = queue;
    senders.forEach(sender -> this.senders.put(sender.kind(), sender));
    this.properties = properties;
    this.retries = RetrySchedule.from(properties);
    this.clock = clock;
    this.metrics = new DispatchMetrics(registry);
    this.permits = new Semaphore(properties.concurrency());
  }

  /** Claims and starts as many due deliveries as there are free permits; true if more may wait. */
  boolean dispatchPass() throws InterruptedException {
    permits.acquire();
    int free = 1 + permits.drainPermits();
    List<Delivery> claimed;
    try {
      claimed = queue.claim(free, properties.lease());
    } catch (RuntimeException e) {
      permits.release(free);
      throw e;
    }
    permits.release(free - claimed.size());
    for (Delivery delivery : claimed) {
      sends.execute(() -> sendAndRecord(delivery));
    }
    return claimed.size() == free;
  }

  private void sendAndRecord(Delivery delivery) {
    try {
      Sender sender = senders.get(delivery.kind());
      Integer status = sender.send(delivery);
      queue.delivered(delivery, status);
      metrics.delivered(delivery, clock.instant());
      log.debug("Delivered {} (attempt {})", delivery, delivery.attempts());
    } catch (DeliveryFailed failure) {
      recordFailure(delivery, failure);
    } catch (InterruptedException e) {
      // Shutting down: the lease runs out and another attempt follows; nothing is lost.
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      // The outcome could not be stored (database down): the lease expires and it is retried.
      log.warn("Could not record the outcome of {}: {}", delivery, e.toString());
    } finally {
      permits.release();
    }
  }

  private void recordFailure(Delivery delivery, DeliveryFailed failure) {
    Instant next =
        failure.permanent()
            ? null
            : retries.nextAttempt(delivery.attempts(), delivery.createdAt(), clock.instant());
    if (next == null) {
      queue.failed(delivery.id(), failure);
      metrics.failed(delivery);
      log.warn(
          "Giving up on {} after {} attempts: {}",
          delivery,
          delivery.attempts(),
          failure.getMessage());
    } else {
      queue.retryAt(delivery.id(), next, failure);
      metrics.retried(delivery);
      log.debug("Retrying {} at {}: {}", delivery, next, failure.getMessage());
    }
  }

  /** Waits for the sends in flight, up to the send timeout, then abandons them to their lease. */
  @Override
  public void close() throws InterruptedException {
    sends.shutdown();
    if (!sends.awaitTermination(
        properties.sendTimeout().toMillis() + 1_000, TimeUnit.MILLISECONDS)) {
      sends.shutdownNow();
    }
  }
}
