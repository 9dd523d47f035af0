package io.upwatch.bench;

import io.lettuce.core.api.sync.RedisCommands;
import java.util.List;

/**
 * The backlog of the two queues, for the timeline: entries no consumer has read yet (the group's
 * lag) and entries read but not acknowledged (pending: checks in flight, results being stored),
 * summed over every stream of the queue: each partition's, and for tasks each region's too.
 */
final class StreamBacklog {

  private final RedisCommands<String, String> redis;

  StreamBacklog(RedisCommands<String, String> redis) {
    this.redis = redis;
  }

  // Every partition's task stream of every region, and every partition's result stream.
  static final String TASK_STREAMS = "upwatch:{*}:tasks:*";
  static final String RESULT_STREAMS = "upwatch:{*}:results";

  double tasksUnread() {
    return sum(TASK_STREAMS, "lag");
  }

  double tasksPending() {
    return sum(TASK_STREAMS, "pending");
  }

  double resultsUnread() {
    return sum(RESULT_STREAMS, "lag");
  }

  private synchronized double sum(String pattern, String field) {
    double sum = 0;
    for (String stream : redis.keys(pattern)) {
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
