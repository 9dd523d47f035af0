package io.upwatch.common;

/** Names of the Redis streams and consumer groups that connect the roles. */
public final class Streams {

  /** Check tasks, written by local workers, consumed by monitoring workers. */
  public static final String TASKS = "upwatch:tasks";

  /** Check results, written by monitoring workers, consumed by local workers. */
  public static final String RESULTS = "upwatch:results";

  /** Tasks that failed delivery too many times, kept for inspection. */
  public static final String DEAD_LETTERS = "upwatch:tasks:dead";

  /** Results that could not be decoded, kept for inspection. */
  public static final String RESULT_DEAD_LETTERS = "upwatch:results:dead";

  /** The consumer group of monitoring workers on {@link #TASKS}. */
  public static final String MONITORING_GROUP = "monitoring-workers";

  /** The consumer group of local workers on {@link #RESULTS}. */
  public static final String INGESTION_GROUP = "local-workers";

  private Streams() {}
}
