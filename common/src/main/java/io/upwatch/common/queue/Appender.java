package io.upwatch.common.queue;

import io.lettuce.core.RedisFuture;
import io.lettuce.core.XAddArgs;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * XADD to the partitions of one stream, each trimmed to an approximate MAXLEN unless {@link
 * StreamQueue#UNCAPPED}.
 */
final class Appender {

  /** An entry for one partition's stream. */
  record Addition(int partition, Map<String, String> fields) {}

  private final AsyncBatch batch;
  private final IntFunction<String> stream;
  private final long partitionCap;

  /**
   * @param stream the key of each partition's stream
   * @param partitionCap approximate cap of each partition's stream, or {@link StreamQueue#UNCAPPED}
   */
  Appender(AsyncBatch batch, IntFunction<String> stream, long partitionCap) {
    this.batch = batch;
    this.stream = stream;
    this.partitionCap = partitionCap;
  }

  /** Adds every entry, all in flight at once, or throws: then none may be assumed added. */
  void add(List<Addition> additions) {
    if (additions.isEmpty()) {
      return;
    }
    batch.run(
        commands -> {
          List<RedisFuture<String>> replies = new ArrayList<>(additions.size());
          for (Addition addition : additions) {
            replies.add(
                commands.xadd(
                    AsyncBatch.utf8(stream.apply(addition.partition())),
                    cap(),
                    raw(addition.fields())));
          }
          return replies;
        });
  }

  private XAddArgs cap() {
    XAddArgs args = new XAddArgs();
    return partitionCap == StreamQueue.UNCAPPED
        ? args
        : args.maxlen(partitionCap).approximateTrimming();
  }

  private static Map<byte[], byte[]> raw(Map<String, String> fields) {
    Map<byte[], byte[]> raw = new LinkedHashMap<>();
    fields.forEach((k, v) -> raw.put(AsyncBatch.utf8(k), AsyncBatch.utf8(v)));
    return raw;
  }
}
