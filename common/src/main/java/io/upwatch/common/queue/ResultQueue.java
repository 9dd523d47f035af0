package io.upwatch.common.queue;

import io.upwatch.common.CheckResult;
import io.upwatch.common.Streams;
import java.util.List;
import org.springframework.data.redis.connection.stream.RecordId;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * The result stream: monitoring workers publish check results, each acknowledging its task in the
 * same call; local workers read them in their group, reclaim those stopped workers left, and
 * dead-letter those that cannot be stored. The API server and the local workers' missed-ping pass
 * publish heartbeat results to it too, so every kind is stored and alerted on by one path.
 */
public class ResultQueue extends StreamQueue {

  /** A check's result, and the task entry it answers. */
  public record Answer(RecordId task, CheckResult result) {}

  private final PublishAndAcknowledge publishAndAcknowledge;

  /**
   * @param maxLength approximate cap of the stream when publishing, or {@link #UNCAPPED}
   * @param deadLettersMaxLength approximate cap of the dead-letter stream, or {@link #UNCAPPED}
   */
  public ResultQueue(StringRedisTemplate redis, long maxLength, long deadLettersMaxLength) {
    super(
        redis,
        Streams.RESULTS,
        Streams.INGESTION_GROUP,
        Streams.RESULT_DEAD_LETTERS,
        maxLength,
        deadLettersMaxLength);
    this.publishAndAcknowledge = new PublishAndAcknowledge(redis, maxLength);
  }

  /**
   * Publishes results that answer no task (a heartbeat's pings and missed periods), in one round
   * trip; throws if that failed, in which case some may be published.
   */
  public void publish(List<CheckResult> results) {
    if (!results.isEmpty()) {
      add(results.stream().map(CheckResult::toFields).toList());
    }
  }

  /** Publishes one result that answers no task (a heartbeat's ping), in one round trip. */
  public void publish(CheckResult result) {
    add(result.toFields());
  }

  /**
   * Publishes every result and then acknowledges its task in the task stream, in one round trip;
   * throws if that failed, in which case some results may be published and no task acknowledged.
   */
  public void publishAndAcknowledge(List<Answer> answers) {
    publishAndAcknowledge.run(answers);
  }
}
