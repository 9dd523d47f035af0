package io.upwatch.common.queue;

import io.upwatch.common.CheckTask;
import io.upwatch.common.Streams;
import java.util.List;
import java.util.Set;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * The task stream: local workers publish check tasks, monitoring workers read them in their group,
 * reclaim those dead workers left, and hand back those they will not check.
 */
public class TaskQueue extends StreamQueue {

  private final HandBack handBack;

  /**
   * @param maxLength approximate cap of the stream when publishing, or {@link #UNCAPPED}
   * @param deadLettersMaxLength approximate cap of the dead-letter stream, or {@link #UNCAPPED}
   */
  public TaskQueue(StringRedisTemplate redis, long maxLength, long deadLettersMaxLength) {
    super(
        redis,
        Streams.TASKS,
        Streams.MONITORING_GROUP,
        Streams.DEAD_LETTERS,
        maxLength,
        deadLettersMaxLength);
    this.handBack = new HandBack(redis, Streams.TASKS, Streams.MONITORING_GROUP);
  }

  /** Publishes every task in one round trip, or throws: then none may be assumed published. */
  public void publish(List<CheckTask> tasks) {
    add(tasks.stream().map(CheckTask::toFields).toList());
  }

  /**
   * Makes every task pending on {@code consumer}, except the {@code running} ones, claimable by
   * other workers at once (see {@link HandBack}); returns how many, at most {@code max}. Throws
   * when Redis does not answer within a couple of seconds.
   */
  public long handBack(String consumer, Set<String> running, int max) {
    return handBack.handBack(consumer, running, max);
  }
}
