package io.upwatch.localworker.config;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.data.redis.connection.stream.StreamInfo.XInfoGroup;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * The gauges of one stream: its length and, when a consumer group reads it, the group's backlog.
 * The length grows to the stream's cap however fast the group keeps up (read entries stay until
 * trimmed); the backlog is lag (entries not yet delivered to the group) plus pending (delivered,
 * not yet acknowledged).
 */
final class StreamBacklog {

  private static final String UNIT = "entries";

  private final String stream;
  private final String group;
  private volatile double length;
  private volatile double lag;
  private volatile double pending;

  /** The gauges of a stream without a consumer group, such as a dead-letter stream. */
  StreamBacklog(String stream, MeterRegistry registry) {
    this(stream, null, registry);
  }

  StreamBacklog(String stream, String group, MeterRegistry registry) {
    this.stream = stream;
    this.group = group;
    Gauge.builder("upwatch.stream.length", this, s -> s.length)
        .description("Entries in the stream, read or not; grows to the stream's cap")
        .baseUnit(UNIT)
        .tag("stream", stream)
        .register(registry);
    if (group != null) {
      Gauge.builder("upwatch.stream.lag", this, s -> s.lag)
          .description(
              "Entries of the stream not yet delivered to the consumer group (XINFO GROUPS lag);"
                  + " NaN when Redis cannot tell")
          .baseUnit(UNIT)
          .tags("stream", stream, "group", group)
          .register(registry);
      Gauge.builder("upwatch.stream.pending", this, s -> s.pending)
          .description(
              "Entries delivered to the consumer group and not yet acknowledged (XPENDING count)")
          .baseUnit(UNIT)
          .tags("stream", stream, "group", group)
          .register(registry);
    }
  }

  void refresh(StringRedisTemplate redis) {
    var streams = redis.opsForStream();
    if (!Boolean.TRUE.equals(redis.hasKey(stream))) {
      length = 0;
      lag = 0;
      pending = 0;
      return;
    }
    Long size = streams.size(stream);
    length = size == null ? 0 : size;
    if (group == null) {
      return;
    }
    XInfoGroup info =
        streams.groups(stream).stream()
            .filter(g -> group.equals(g.groupName()))
            .findFirst()
            .orElse(null);
    if (info == null) {
      // The group is created reading from the first entry: until then every entry is lag.
      lag = length;
      pending = 0;
      return;
    }
    // XINFO GROUPS' pending is the size of the group's pending entries list, as XPENDING counts.
    pending = info.pendingCount();
    lag = info.getRaw().get("lag") instanceof Number n ? n.doubleValue() : Double.NaN;
  }
}
