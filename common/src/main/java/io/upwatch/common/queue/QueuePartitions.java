package io.upwatch.common.queue;

import java.util.stream.IntStream;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How many partitions the queue's streams are split into ({@code UPWATCH_QUEUE_PARTITIONS}), and
 * which one a URL's tasks and results use: a fixed hash of the URL id, so every role agrees without
 * asking anyone. Partition {@code p} holds {@code upwatch:{p}:tasks:<region>}, {@code
 * upwatch:{p}:results} and their dead letters: one hash slot on a Redis Cluster, so the script that
 * publishes results and acknowledges their tasks stays one atomic call, and the partitions spread
 * over the cluster's nodes.
 *
 * <p>Every role must use the same value. Changing it needs a drain: stop the local workers and the
 * API (nothing publishes), let the monitoring workers and then the local workers empty the streams,
 * and start every role with the new value. Otherwise roles that disagree publish to partitions
 * others do not read, and with fewer partitions the streams beyond the new count are never read
 * again. (A result always goes to its task's partition, whatever the count.)
 *
 * @param partitions partitions of each stream, 1 to {@value #MAX}; 16 (enough to spread over the
 *     nodes of a small cluster, few enough that a worker's look over all of them stays one cheap
 *     round trip on a single Redis)
 */
@ConfigurationProperties(prefix = "upwatch.queue")
public record QueuePartitions(@DefaultValue("16") int partitions) {

  /** Most partitions a deployment may use. */
  public static final int MAX = 256;

  public QueuePartitions {
    if (partitions < 1 || partitions > MAX) {
      throw new IllegalArgumentException(
          "UPWATCH_QUEUE_PARTITIONS must be between 1 and " + MAX + ", not " + partitions);
    }
  }

  /** The partition of a URL's tasks and results. */
  public int of(long urlId) {
    return Math.floorMod(mix(urlId), partitions);
  }

  /** Every partition, in order. */
  public IntStream all() {
    return IntStream.range(0, partitions);
  }

  /**
   * The finaliser of MurmurHash3: URL ids that share a pattern (every sixteenth, a block of
   * consecutive ones) still spread evenly. Fixed for good: changing it moves URLs like a new count.
   */
  private static long mix(long value) {
    long h = value;
    h ^= h >>> 33;
    h *= 0xff51afd7ed558ccdL;
    h ^= h >>> 33;
    h *= 0xc4ceb9fe1a85ec53L;
    h ^= h >>> 33;
    return h;
  }
}
