package io.upwatch.localworker.config;

import io.micrometer.core.instrument.MeterRegistry;
import io.upwatch.common.Streams;
import io.upwatch.common.loop.WorkerLoop;
import io.upwatch.common.queue.ResultQueue;
import io.upwatch.common.queue.StreamQueue;
import io.upwatch.common.queue.TaskQueue;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import java.util.stream.IntStream;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

/**
 * Publishes the length of every stream and the backlog (lag and pending entries) of the consumer
 * groups on the task stream of each deployment region and on the result stream as gauges, each
 * summed over the stream's partitions and tagged with its logical name ({@code
 * upwatch:tasks:<region>}, {@code upwatch:results}, their {@code :dead} letters), read from Redis
 * every metrics interval rather than on every scrape.
 */
@Component
class QueueMetrics {

  private final StringRedisTemplate redis;
  private final List<StreamBacklog> streams = new ArrayList<>();

  QueueMetrics(
      StringRedisTemplate redis, TaskQueues tasks, ResultQueue results, MeterRegistry registry) {
    this.redis = redis;
    for (TaskQueue queue : tasks.deployment()) {
      streams.add(backlog(queue, registry));
      streams.add(deadLetters(queue, p -> Streams.taskDeadLetters(p, queue.region()), registry));
    }
    streams.add(backlog(results, registry));
    streams.add(deadLetters(results, Streams::resultDeadLetters, registry));
  }

  private static StreamBacklog backlog(StreamQueue queue, MeterRegistry registry) {
    return new StreamBacklog(queue.name(), keys(queue, queue::key), queue.group(), registry);
  }

  private static StreamBacklog deadLetters(
      StreamQueue queue, IntFunction<String> key, MeterRegistry registry) {
    return new StreamBacklog(queue.name() + ":dead", keys(queue, key), null, registry);
  }

  private static List<String> keys(StreamQueue queue, IntFunction<String> key) {
    return IntStream.range(0, queue.partitions()).mapToObj(key).toList();
  }

  WorkerLoop loop(Duration interval, boolean autostart) {
    return new WorkerLoop(
        "queue-metrics",
        () -> {
          refresh();
          return false;
        },
        interval,
        interval,
        0,
        autostart);
  }

  void refresh() {
    streams.forEach(stream -> stream.refresh(redis));
  }
}
