package io.upwatch.common.queue;

import io.lettuce.core.ScriptOutputType;
import io.upwatch.common.redis.BoundedCall;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.IntFunction;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * Makes the tasks pending on a monitoring worker that it does not check claimable by any worker at
 * once: it claims them for itself again, backdated past any lease, so that the next reclaim pass of
 * another worker (XAUTOCLAIM, min-idle = its lease) takes them. The entries keep their stream ids,
 * fields and task ids, and stay pending throughout, so nothing is lost or published twice. A
 * hand-back does not count as a delivery, or restarts alone would dead-letter tasks. One script per
 * partition, all in flight at once.
 */
final class HandBack {

  // Longer than any lease, shorter than the epoch (Redis clamps an IDLE reaching past it to 0).
  static final Duration IDLE = Duration.ofDays(365);
  // Shutdown must not wait for Redis: a connection still being opened ignores command timeouts.
  private static final Duration TIMEOUT = Duration.ofSeconds(2);
  // One script, so that no entry is claimed by another worker between XPENDING and XCLAIM.
  private static final RedisScript<Long> SCRIPT =
      RedisScript.of(
          """
          local running = {}
          for i = 5, #ARGV do running[ARGV[i]] = true end
          local handed = 0
          local pending = redis.call('XPENDING', KEYS[1], ARGV[1], '-', '+', ARGV[3], ARGV[2])
          for _, entry in ipairs(pending) do
            if not running[entry[1]] then
              redis.call('XCLAIM', KEYS[1], ARGV[1], ARGV[2], 0, entry[1], 'IDLE', ARGV[4],
                  'RETRYCOUNT', math.max(entry[4] - 1, 0), 'JUSTID')
              handed = handed + 1
            end
          end
          return handed
          """,
          Long.class);

  private final AsyncBatch batch;
  private final IntFunction<String> stream;
  private final int partitions;
  private final String group;

  HandBack(AsyncBatch batch, IntFunction<String> stream, int partitions, String group) {
    this.batch = batch;
    this.stream = stream;
    this.partitions = partitions;
    this.group = group;
  }

  /**
   * Hands back every entry pending on {@code consumer} but the {@code running} ones; returns how
   * many. At most {@code max} per partition in one call: any more wait for their lease.
   */
  long handBack(String consumer, Set<EntryRef> running, int max) {
    List<AsyncBatch.ScriptCall> calls = new ArrayList<>(partitions);
    for (int partition = 0; partition < partitions; partition++) {
      List<String> args = new ArrayList<>();
      args.add(group);
      args.add(consumer);
      args.add(Integer.toString(max));
      args.add(Long.toString(IDLE.toMillis()));
      for (EntryRef entry : running) {
        if (entry.partition() == partition) {
          args.add(entry.id().getValue());
        }
      }
      calls.add(new AsyncBatch.ScriptCall(List.of(stream.apply(partition)), args));
    }
    return BoundedCall.within(
        TIMEOUT,
        "hand-back",
        () ->
            batch.<Long>eval(SCRIPT, ScriptOutputType.INTEGER, calls).stream()
                .mapToLong(Long::longValue)
                .sum());
  }
}
