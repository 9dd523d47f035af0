package io.upwatch.common;

/**
 * Names of the Redis keys that connect the roles. The queue is partitioned: partition {@code p}
 * holds the task stream of every region, the result stream and their dead letters, all under the
 * hash tag {@code {p}}, so that on a Redis Cluster they share one slot and a script may touch any
 * of them in one atomic call (see {@code io.upwatch.common.queue.QueuePartitions}).
 */
public final class Streams {

  /** The consumer group of monitoring workers on every task stream. */
  public static final String MONITORING_GROUP = "monitoring-workers";

  /** The consumer group of local workers on every result stream. */
  public static final String INGESTION_GROUP = "local-workers";

  /** The sorted set of live monitoring workers ({@code io.upwatch.common.region}). */
  public static final String REGION_WORKERS = "upwatch:region-workers";

  private Streams() {}

  /** Check tasks of one region in one partition, written by local workers. */
  public static String tasks(int partition, String region) {
    return partitionKey(partition, "tasks:" + region);
  }

  /**
   * The doorbell of one region's task stream: publishers set it to a new random token after adding
   * tasks, so that idle readers ask it instead of every partition (see {@code
   * io.upwatch.common.queue.Doorbell}).
   */
  public static String tasksPublished(String region) {
    return "upwatch:tasks:" + region + ":published";
  }

  /** The doorbell of the result stream, as {@link #tasksPublished}. */
  public static String resultsPublished() {
    return "upwatch:results:published";
  }

  /** Tasks of {@link #tasks} that failed delivery too many times or were malformed. */
  public static String taskDeadLetters(int partition, String region) {
    return tasks(partition, region) + ":dead";
  }

  /** Check results in one partition, written by monitoring workers and the heartbeat paths. */
  public static String results(int partition) {
    return partitionKey(partition, "results");
  }

  /** Results of {@link #results} that could not be stored. */
  public static String resultDeadLetters(int partition) {
    return results(partition) + ":dead";
  }

  /** The logical name of a partitioned stream, as metrics and logs name it: without the tag. */
  public static String logicalName(String key) {
    return key.replaceFirst("^upwatch:\\{\\d+}:", "upwatch:");
  }

  private static String partitionKey(int partition, String name) {
    if (partition < 0) {
      throw new IllegalArgumentException("Partition " + partition + " is negative");
    }
    return "upwatch:{" + partition + "}:" + name;
  }
}
