package io.upwatch.system;

import io.lettuce.core.Range;
import io.lettuce.core.cluster.api.sync.RedisClusterCommands;
import io.upwatch.common.Streams;
import io.upwatch.common.queue.QueuePartitions;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What the tests read of a region's partitioned task stream, on a single Redis or a cluster alike
 * (every read names one partition's key). The roles run with the default partition count.
 */
final class TaskStreams {

  static final QueuePartitions PARTITIONS = new QueuePartitions(16);

  private TaskStreams() {}

  /** The fields of every task published to the region, all partitions. */
  static List<Map<String, String>> tasks(
      RedisClusterCommands<String, String> redis, String region) {
    return PARTITIONS
        .all()
        .boxed()
        .flatMap(p -> redis.xrange(Streams.tasks(p, region), Range.create("-", "+")).stream())
        .map(message -> message.getBody())
        .toList();
  }

  /** Tasks of the region delivered to the consumer and not acknowledged, all partitions. */
  static long pendingOf(
      RedisClusterCommands<String, String> redis, String region, String consumer) {
    return PARTITIONS
        .all()
        .mapToLong(
            p -> {
              String key = Streams.tasks(p, region);
              if (redis.exists(key) == 0) {
                return 0;
              }
              Long count =
                  redis
                      .xpending(key, Streams.MONITORING_GROUP)
                      .getConsumerMessageCount()
                      .get(consumer);
              return count == null ? 0 : count;
            })
        .sum();
  }

  /** The consumers that ever read the region's tasks, all partitions. */
  static Set<String> consumers(RedisClusterCommands<String, String> redis, String region) {
    return PARTITIONS
        .all()
        .boxed()
        .filter(p -> redis.exists(Streams.tasks(p, region)) > 0)
        .flatMap(
            p -> redis.xinfoConsumers(Streams.tasks(p, region), Streams.MONITORING_GROUP).stream())
        .map(TaskStreams::consumerName)
        .collect(Collectors.toSet());
  }

  // XINFO CONSUMERS answers a list of name/value pairs per consumer (RESP2) or a map (RESP3).
  private static String consumerName(Object info) {
    if (info instanceof Map<?, ?> map) {
      return String.valueOf(map.get("name"));
    }
    List<?> pairs = (List<?>) info;
    for (int i = 0; i + 1 < pairs.size(); i += 2) {
      if ("name".equals(String.valueOf(pairs.get(i)))) {
        return String.valueOf(pairs.get(i + 1));
      }
    }
    throw new IllegalStateException("No consumer name in " + info);
  }
}
