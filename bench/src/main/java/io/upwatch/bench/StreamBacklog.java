package io.upwatch.bench;

import io.lettuce.core.api.sync.RedisCommands;
import io.upwatch.common.Streams;
import java.util.List;

/**
 * The backlog of the two queues, for the timeline: entries no consumer has read yet (the group's
 * lag) and entries read but not acknowledged (pending: checks in flight, results being stored),
 * summed over every stream of the queue (so over shards too).
 */
final class StreamBacklog {

  private final RedisCommands<String, String> redis;

  StreamBacklog(RedisCommands<String, String> redis) {
    this.redis = redis;
  }

  double tasksUnread() {
    return sum(Streams.TASKS, "lag");
  }

  double tasksPending() {
    return sum(Streams.TASKS, "pending");
  }

  double resultsUnread() {
    return sum(Streams.RESULTS, "lag");
  }

  private synchronized double sum(String prefix, String field) {
    double sum = 0;
    for (String stream : redis.keys(prefix + "*")) {
      if (stream.endsWith(":dead") || !"stream".equals(redis.type(stream))) {
        continue;
      }
      for (Object group : redis.xinfoGroups(stream)) {
        List<?> fields = (List<?>) group;
        for (int i = 0; i + 1 < fields.size(); i += 2) {
          if (field.equals(String.valueOf(fields.get(i)))
              && fields.get(i + 1) instanceof Number n) {
            sum += n.doubleValue();
          }
        }
      }
    }
    return sum;
  }
}
