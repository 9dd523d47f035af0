package io.upwatch.common.queue;

import io.lettuce.core.ScriptOutputType;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.IntFunction;
import org.springframework.data.redis.connection.stream.RecordId;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * When the oldest entry a group has not finished with was added, over all partitions: one script
 * per partition (XINFO GROUPS, then XPENDING or XRANGE), all in flight at once.
 */
final class OldestUnfinished {

  // The id of the oldest entry the group has not finished with in one partition, or nil.
  private static final RedisScript<String> SCRIPT =
      RedisScript.of(
          """
          for _, group in ipairs(redis.call('XINFO', 'GROUPS', KEYS[1])) do
            local info = {}
            for i = 1, #group, 2 do info[group[i]] = group[i + 1] end
            if info['name'] == ARGV[1] then
              if info['pending'] > 0 then
                return redis.call('XPENDING', KEYS[1], ARGV[1])[2]
              end
              local next = redis.call('XRANGE', KEYS[1], '(' .. info['last-delivered-id'], '+',
                  'COUNT', 1)
              if next[1] then return next[1][1] end
              return false
            end
          end
          return redis.error_reply('NOGROUP no group ' .. ARGV[1] .. ' on ' .. KEYS[1])
          """,
          String.class);

  private final AsyncBatch batch;
  private final IntFunction<String> stream;
  private final int partitions;
  private final String group;

  OldestUnfinished(AsyncBatch batch, IntFunction<String> stream, int partitions, String group) {
    this.batch = batch;
    this.stream = stream;
    this.partitions = partitions;
    this.group = group;
  }

  Optional<Instant> find() {
    List<AsyncBatch.ScriptCall> calls = new ArrayList<>(partitions);
    for (int partition = 0; partition < partitions; partition++) {
      calls.add(new AsyncBatch.ScriptCall(List.of(stream.apply(partition)), List.of(group)));
    }
    List<byte[]> oldest = batch.eval(SCRIPT, ScriptOutputType.VALUE, calls);
    return oldest.stream()
        .filter(Objects::nonNull)
        .map(id -> RecordId.of(new String(id, StandardCharsets.UTF_8)).getTimestamp())
        .min(Long::compare)
        .map(Instant::ofEpochMilli);
  }
}
