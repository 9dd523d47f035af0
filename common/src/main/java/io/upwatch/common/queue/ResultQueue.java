package io.upwatch.common.queue;

import io.upwatch.common.CheckResult;
import io.upwatch.common.Streams;
import java.util.List;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * The result stream: monitoring workers publish check results, each to its task's partition and
 * acknowledging the task in the same call; local workers read them in their group from every
 * partition, reclaim those stopped workers left, and dead-letter those that cannot be stored. The
 * API server and the local workers' missed-ping pass publish heartbeat results to their URL's
 * partition, so every kind is stored and alerted on by one path.
 */
public class ResultQueue extends StreamQueue {

  /** A check's result, and the task entry it answers. */
  public record Answer(EntryRef task, CheckResult result) {}

  private final QueuePartitions partitions;
  private final PublishAndAcknowledge publishAndAcknowledge;

  /**
   * @param maxLength approximate cap of the stream, all partitions together, when publishing, or
   *     {@link #UNCAPPED}
   * @param deadLettersMaxLength approximate cap of the dead-letter stream, or {@link #UNCAPPED}
   */
  public ResultQueue(
      StringRedisTemplate redis,
      QueuePartitions partitions,
      long maxLength,
      long deadLettersMaxLength) {
    super(
        redis,
        partitions,
        Streams::results,
        Streams::resultDeadLetters,
        Streams.INGESTION_GROUP,
        maxLength,
        deadLettersMaxLength,
        Streams.resultsPublished());
    this.partitions = partitions;
    this.publishAndAcknowledge = new PublishAndAcknowledge(batch(), partitionCap(maxLength));
  }

  /**
   * Publishes results that answer no task (a heartbeat's pings and missed periods), all in flight
   * at once; throws if that failed, in which case some may be published.
   */
  public void publish(List<CheckResult> results) {
    add(
        results.stream()
            .map(r -> new Appender.Addition(partitions.of(r.id().urlId()), r.toFields()))
            .toList());
  }

  /** Publishes one result that answers no task (a heartbeat's ping). */
  public void publish(CheckResult result) {
    publish(List.of(result));
  }

  /**
   * Publishes every result and then acknowledges its task in {@code tasks}, one script per
   * partition, all in flight at once; throws if that failed, in which case some results may be
   * published and some tasks acknowledged, but never a task without its result.
   */
  public void publishAndAcknowledge(List<Answer> answers, TaskQueue tasks) {
    publishAndAcknowledge.run(answers, tasks::key);
    // After the scripts, not in them: on a cluster the bell is in another slot than a partition.
    ring(answers.size());
  }
}
