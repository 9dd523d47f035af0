package io.upwatch.monitoringworker.check;

import io.upwatch.common.CheckResult;
import io.upwatch.common.queue.EntryRef;
import io.upwatch.common.queue.ResultQueue.Answer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Group commit for results: checks that finish while a batch is on its way to Redis are sent
 * together in the next one, so a busy worker pays two round trips per batch instead of two per
 * check, and an idle one still sends each result at once. A drainer runs only while there is work
 * (a virtual thread started on demand), so there is nothing to start or stop.
 */
final class ResultBatches {

  static final int MAX_BATCH = 500;

  /** A result waiting to be published and its task acknowledged, and who waits for that. */
  private record Pending(Answer answer, CompletableFuture<Void> done) {}

  private final ConcurrentLinkedQueue<Pending> queue = new ConcurrentLinkedQueue<>();
  private final AtomicBoolean draining = new AtomicBoolean();
  private final Consumer<List<Answer>> publish;

  /**
   * @param publish publishes a batch's results and then acknowledges their tasks, or throws
   */
  ResultBatches(Consumer<List<Answer>> publish) {
    this.publish = publish;
  }

  /**
   * Queues the result for the next batch. The future completes once the result is published and its
   * task acknowledged, or fails with the batch; the caller need not wait for it on a thread of its
   * own.
   */
  CompletableFuture<Void> submit(EntryRef task, CheckResult result) {
    var pending = new Pending(new Answer(task, result), new CompletableFuture<>());
    queue.add(pending);
    if (draining.compareAndSet(false, true)) {
      Thread.ofVirtual().name("result-batches").start(this::drain);
    }
    return pending.done();
  }

  private void drain() {
    while (true) {
      List<Pending> batch = new ArrayList<>();
      Pending next;
      while (batch.size() < MAX_BATCH && (next = queue.poll()) != null) {
        batch.add(next);
      }
      if (batch.isEmpty()) {
        draining.set(false);
        // A result queued after the poll above but before the flag cleared has no drainer yet.
        if (queue.isEmpty() || !draining.compareAndSet(false, true)) {
          return;
        }
        continue;
      }
      try {
        publish.accept(batch.stream().map(Pending::answer).toList());
        batch.forEach(p -> p.done().complete(null));
      } catch (RuntimeException e) {
        batch.forEach(p -> p.done().completeExceptionally(e));
      }
    }
  }
}
