package io.upwatch.localworker.config;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import org.springframework.data.redis.connection.stream.StreamInfo.XInfoGroup;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * The gauges of one partitioned stream, summed over its partitions: its length and, when a consumer
 * group reads it, the group's backlog. The length grows to the stream's cap however fast the group
 * keeps up (read entries stay until trimmed); the backlog is lag (entries not yet delivered to the
 * group) plus pending (delivered, not yet acknowledged).
 */
final class StreamBacklog {

  private static final String UNIT = "entries";

  private final List<String> partitions;
  private final String group;
  private volatile double length;
  private volatile double lag;
  private volatile double pending;

  /**
   * @param name the stream's logical name, its {@code stream} tag
   * @param partitions the key of each partition's stream
   * @param group the consumer group whose backlog is measured, or null (a dead-letter stream)
   */
  StreamBacklog(String name, List<String> partitions, String group, MeterRegistry registry) {
    this.partitions = partitions;
    this.group = group;
    Gauge.builder("upwatch.stream.length", this, s -> s.length)
        .description(
            "Entries in the stream, read or not, over all its partitions; grows to the stream's"
                + " cap")
        .baseUnit(UNIT)
        .tag("stream", name)
        .register(registry);
    if (group != null) {
      Gauge.builder("upwatch.stream.lag", this, s -> s.lag)
          .description(
              "Entries of the stream not yet delivered to the consumer group (XINFO GROUPS lag,"
                  + " over all partitions); NaN when Redis cannot tell")
          .baseUnit(UNIT)
          .tags("stream", name, "group", group)
          .register(registry);
      Gauge.builder("upwatch.stream.pending", this, s -> s.pending)
          .description(
              "Entries delivered to the consumer group and not yet acknowledged (XPENDING count,"
                  + " over all partitions)")
          .baseUnit(UNIT)
          .tags("stream", name, "group", group)
          .register(registry);
    }
  }

  void refresh(StringRedisTemplate redis) {
    double totalLength = 0;
    double totalLag = 0;
    double totalPending = 0;
    for (String partition : partitions) {
      double[] figures = figures(redis, partition);
      totalLength += figures[0];
      totalLag += figures[1];
      totalPending += figures[2];
    }
    length = totalLength;
    lag = totalLag;
    pending = totalPending;
  }

  /** Length, lag and pending of one partition's stream. */
  private double[] figures(StringRedisTemplate redis, String stream) {
    var streams = redis.opsForStream();
    if (!Boolean.TRUE.equals(redis.hasKey(stream))) {
      return new double[] {0, 0, 0};
    }
    Long size = streams.size(stream);
    double partitionLength = size == null ? 0 : size;
    if (group == null) {
      return new double[] {partitionLength, 0, 0};
    }
    XInfoGroup info =
        streams.groups(stream).stream()
            .filter(g -> group.equals(g.groupName()))
            .findFirst()
            .orElse(null);
    if (info == null) {
      // The group is created reading from the first entry: until then every entry is lag.
      return new double[] {partitionLength, partitionLength, 0};
    }
    // XINFO GROUPS' pending is the size of the group's pending entries list, as XPENDING counts.
    double partitionLag =
        info.getRaw().get("lag") instanceof Number n ? n.doubleValue() : Double.NaN;
    return new double[] {partitionLength, partitionLag, info.pendingCount()};
  }
}
