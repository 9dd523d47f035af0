package io.upwatch.common.queue;

import io.lettuce.core.Consumer;
import io.lettuce.core.LettuceFutures;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.XAutoClaimArgs;
import io.lettuce.core.api.async.RedisStreamAsyncCommands;
import io.lettuce.core.models.stream.ClaimedMessages;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.springframework.data.domain.Range;
import org.springframework.data.redis.connection.stream.PendingMessage;
import org.springframework.data.redis.connection.stream.RecordId;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * XAUTOCLAIM, which Spring Data Redis does not offer, through the Lettuce connection underneath it;
 * then XPENDING over the claimed ids for their delivery counts. XAUTOCLAIM re-checks the idle time
 * as it claims, so two consumers never both take the same entry.
 */
final class AutoClaim {

  private static final long TIMEOUT_SECONDS = 10;
  // Our own pending entries between the first and last claimed id are the claimed ones plus the
  // ones we hold anyway (checks in flight, a batch being stored); past this the count defaults.
  private static final int OWN_PENDING_BOUND = 1_000;

  private final StringRedisTemplate redis;
  private final String stream;
  private final String group;

  AutoClaim(StringRedisTemplate redis, String stream, String group) {
    this.redis = redis;
    this.stream = stream;
    this.group = group;
  }

  Reclaimed claim(String consumer, String cursor, int count, Duration minIdle) {
    ClaimedMessages<byte[], byte[]> claimed =
        redis.execute(autoClaim(consumer, cursor, count, minIdle));
    List<StreamMessage<byte[], byte[]>> messages = claimed.getMessages();
    if (messages.isEmpty()) {
      return new Reclaimed(claimed.getId(), List.of());
    }
    Map<String, Long> deliveries = deliveries(consumer, messages);
    List<StreamEntry> entries =
        messages.stream()
            .map(
                m ->
                    new StreamEntry(
                        RecordId.of(m.getId()),
                        fields(m.getBody()),
                        deliveries.getOrDefault(m.getId(), 1L)))
            .toList();
    return new Reclaimed(claimed.getId(), entries);
  }

  private RedisCallback<ClaimedMessages<byte[], byte[]>> autoClaim(
      String consumer, String cursor, int count, Duration minIdle) {
    byte[] key = bytes(stream);
    XAutoClaimArgs<byte[]> args =
        XAutoClaimArgs.Builder.xautoclaim(
                Consumer.from(bytes(group), bytes(consumer)), minIdle, cursor)
            .count(count);
    return connection -> {
      @SuppressWarnings("unchecked")
      var commands = (RedisStreamAsyncCommands<byte[], byte[]>) connection.getNativeConnection();
      return LettuceFutures.awaitOrCancel(
          commands.xautoclaim(key, args), TIMEOUT_SECONDS, TimeUnit.SECONDS);
    };
  }

  private Map<String, Long> deliveries(
      String consumer, List<StreamMessage<byte[], byte[]>> messages) {
    Range<String> ids = Range.closed(messages.getFirst().getId(), messages.getLast().getId());
    var pending =
        redis
            .opsForStream()
            .pending(
                stream,
                org.springframework.data.redis.connection.stream.Consumer.from(group, consumer),
                ids,
                (long) messages.size() + OWN_PENDING_BOUND);
    return pending.stream()
        .collect(
            Collectors.toMap(
                PendingMessage::getIdAsString, PendingMessage::getTotalDeliveryCount, (a, b) -> a));
  }

  private static Map<String, String> fields(Map<byte[], byte[]> body) {
    if (body == null) {
      return Map.of();
    }
    return body.entrySet().stream()
        .collect(
            Collectors.toMap(
                e -> new String(e.getKey(), StandardCharsets.UTF_8),
                e -> new String(e.getValue(), StandardCharsets.UTF_8),
                (a, b) -> b));
  }

  private static byte[] bytes(String value) {
    return value.getBytes(StandardCharsets.UTF_8);
  }
}
