package io.upwatch.common.queue;

import io.upwatch.common.Streams;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * One round trip for a batch of results: a script adds every result to the result stream and only
 * then acknowledges the tasks. If an add fails the script stops there, so no task is acknowledged
 * without its result (results added before the failure are published again after the lease).
 */
final class PublishAndAcknowledge {

  private static final RedisScript<Long> SCRIPT =
      RedisScript.of(
          """
          local i = 3
          local tasks = {}
          while i <= #ARGV do
            local count = tonumber(ARGV[i + 1])
            redis.call('XADD', KEYS[1], 'MAXLEN', '~', ARGV[1], '*',
                unpack(ARGV, i + 2, i + 1 + 2 * count))
            tasks[#tasks + 1] = ARGV[i]
            i = i + 2 + 2 * count
          end
          return redis.call('XACK', KEYS[2], ARGV[2], unpack(tasks))
          """,
          Long.class);

  private final StringRedisTemplate redis;
  private final long maxLength;

  PublishAndAcknowledge(StringRedisTemplate redis, long maxLength) {
    this.redis = redis;
    this.maxLength = maxLength;
  }

  void run(List<ResultQueue.Answer> answers) {
    if (maxLength == StreamQueue.UNCAPPED) {
      // MAXLEN ~ 0 would trim the stream to nothing: only a publisher that knows the cap publishes.
      throw new IllegalStateException("The result stream's cap is not configured here");
    }
    List<String> args = new ArrayList<>();
    args.add(Long.toString(maxLength));
    args.add(Streams.MONITORING_GROUP);
    for (var answer : answers) {
      Map<String, String> fields = answer.result().toFields();
      args.add(answer.task().getValue());
      args.add(Integer.toString(fields.size()));
      fields.forEach(
          (name, value) -> {
            args.add(name);
            args.add(value);
          });
    }
    redis.execute(SCRIPT, List.of(Streams.RESULTS, Streams.TASKS), args.toArray());
  }
}
