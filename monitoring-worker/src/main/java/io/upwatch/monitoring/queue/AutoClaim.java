package io.upwatch.monitoring.queue;

import io.lettuce.core.LettuceFutures;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.XAutoClaimArgs;
import io.lettuce.core.api.async.RedisStreamAsyncCommands;
import io.lettuce.core.models.stream.ClaimedMessages;
import io.upwatch.common.Streams;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.springframework.data.domain.Range;
import org.springframework.data.redis.connection.stream.Consumer;
import org.springframework.data.redis.connection.stream.PendingMessage;
import org.springframework.data.redis.connection.stream.RecordId;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * XAUTOCLAIM, which Spring Data Redis does not offer, through the Lettuce connection underneath it;
 * then XPENDING over the claimed ids for their delivery counts.
 */
final class AutoClaim {

  private static final long TIMEOUT_SECONDS = 10;

  private final StringRedisTemplate redis;
  private final Consumer consumer;
  private final int maxOwnPending;

  AutoClaim(StringRedisTemplate redis, Consumer consumer, int maxOwnPending) {
    this.redis = redis;
    this.consumer = consumer;
    this.maxOwnPending = maxOwnPending;
  }

  Reclaimed claim(String cursor, int count, Duration lease) {
    ClaimedMessages<byte[], byte[]> claimed = redis.execute(autoClaim(cursor, count, lease));
    List<StreamMessage<byte[], byte[]>> messages = claimed.getMessages();
    if (messages.isEmpty()) {
      return new Reclaimed(claimed.getId(), List.of());
    }
    Map<String, Long> deliveries = deliveries(messages);
    List<TaskEntry> entries =
        messages.stream()
            .map(
                m ->
                    new TaskEntry(
                        RecordId.of(m.getId()),
                        fields(m.getBody()),
                        deliveries.getOrDefault(m.getId(), 1L)))
            .toList();
    return new Reclaimed(claimed.getId(), entries);
  }

  private RedisCallback<ClaimedMessages<byte[], byte[]>> autoClaim(
      String cursor, int count, Duration lease) {
    byte[] key = bytes(Streams.TASKS);
    XAutoClaimArgs<byte[]> args =
        XAutoClaimArgs.Builder.xautoclaim(
                io.lettuce.core.Consumer.from(
                    bytes(consumer.getGroup()), bytes(consumer.getName())),
                lease,
                cursor)
            .count(count);
    return connection -> {
      @SuppressWarnings("unchecked")
      var commands = (RedisStreamAsyncCommands<byte[], byte[]>) connection.getNativeConnection();
      return LettuceFutures.awaitOrCancel(
          commands.xautoclaim(key, args), TIMEOUT_SECONDS, TimeUnit.SECONDS);
    };
  }

  // Our own pending entries between the first and last claimed id: the claimed ones, plus at
  // most the checks in flight.
  private Map<String, Long> deliveries(List<StreamMessage<byte[], byte[]>> messages) {
    Range<String> ids = Range.closed(messages.getFirst().getId(), messages.getLast().getId());
    var pending =
        redis
            .opsForStream()
            .pending(Streams.TASKS, consumer, ids, (long) messages.size() + maxOwnPending);
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
