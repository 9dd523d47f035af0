package io.upwatch.common.queue;

import io.upwatch.common.CheckTask;
import io.upwatch.common.Streams;
import java.util.List;
import java.util.Set;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * The task stream of one region: local workers publish check tasks, each to its URL's partition;
 * the region's monitoring workers read them in their group from every partition, reclaim those dead
 * workers left, and hand back those they will not check. Workers of other regions never see them.
 */
public class TaskQueue extends StreamQueue {

  private final QueuePartitions partitions;
  private final String region;
  private final HandBack handBack;

  /**
   * @param region the region whose tasks these are
   * @param maxLength approximate cap of the region's task stream, all partitions together, when
   *     publishing, or {@link #UNCAPPED}
   * @param deadLettersMaxLength approximate cap of its dead-letter stream, or {@link #UNCAPPED}
   */
  public TaskQueue(
      StringRedisTemplate redis,
      QueuePartitions partitions,
      String region,
      long maxLength,
      long deadLettersMaxLength) {
    super(
        redis,
        partitions,
        p -> Streams.tasks(p, region),
        p -> Streams.taskDeadLetters(p, region),
        Streams.MONITORING_GROUP,
        maxLength,
        deadLettersMaxLength,
        Streams.tasksPublished(region));
    this.partitions = partitions;
    this.region = region;
    this.handBack = new HandBack(batch(), this::key, partitions(), Streams.MONITORING_GROUP);
  }

  /** The region whose tasks these are. */
  public String region() {
    return region;
  }

  /** Publishes every task, all in flight at once, or throws: then none may be assumed published. */
  public void publish(List<CheckTask> tasks) {
    add(
        tasks.stream()
            .map(t -> new Appender.Addition(partitions.of(t.id().urlId()), t.toFields()))
            .toList());
  }

  /**
   * Makes every task pending on {@code consumer}, except the {@code running} ones, claimable by
   * other workers at once (see {@link HandBack}); returns how many, at most {@code max} per
   * partition. Throws when Redis does not answer within a couple of seconds.
   */
  public long handBack(String consumer, Set<EntryRef> running, int max) {
    return handBack.handBack(consumer, running, max);
  }
}
