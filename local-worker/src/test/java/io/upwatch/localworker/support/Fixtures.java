package io.upwatch.localworker.support;

import io.upwatch.common.CheckResult;
import io.upwatch.common.CheckTask;
import io.upwatch.common.FailureKind;
import io.upwatch.common.Streams;
import io.upwatch.common.TaskId;
import io.upwatch.common.queue.StreamEntry;
import io.upwatch.localworker.alert.AlertEvaluator;
import io.upwatch.schema.SlotGrid;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.data.redis.connection.stream.StreamOffset;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** Seeds URLs, publishes results as monitoring workers do, and reads back what was stored. */
public class Fixtures {

  private final JdbcClient jdbc;
  private final StringRedisTemplate redis;
  private long userId;

  Fixtures(JdbcClient jdbc, StringRedisTemplate redis) {
    this.jdbc = jdbc;
    this.redis = redis;
  }

  /**
   * Empties the tables and this test Redis database. The schedule cursor goes a minute back, as
   * after a minute without a scheduler: a URL's latest slot of the last minute is still due.
   */
  public void reset() {
    jdbc.sql("TRUNCATE users, urls, alerts RESTART IDENTITY CASCADE").update();
    jdbc.sql("DELETE FROM checks").update();
    jdbc.sql("UPDATE schedule_cursor SET handed_out_until = now() - interval '1 minute'").update();
    redis.execute(
        (org.springframework.data.redis.core.RedisCallback<Object>)
            connection -> {
              connection.serverCommands().flushDb();
              return null;
            });
    userId =
        jdbc.sql("INSERT INTO users (username, password_hash) VALUES ('owner', 'x') RETURNING id")
            .query(Long.class)
            .single();
  }

  /** A URL with a slot at {@code slot} and one every interval; returns its id. */
  public long url(String name, int threshold, int intervalSeconds, Instant slot) {
    return jdbc.sql(
            """
            INSERT INTO urls (user_id, name, url, threshold, interval_seconds, timeout_ms,
                              failure_window_seconds, phase_ms)
            VALUES (?, ?, ?, ?, ?, 5000, 300, ?) RETURNING id
            """)
        .params(
            userId,
            name,
            "http://127.0.0.1:9/" + name,
            threshold,
            intervalSeconds,
            SlotGrid.through(slot, Duration.ofSeconds(intervalSeconds)).phaseMs())
        .query(Long.class)
        .single();
  }

  /** Puts the schedule cursor at {@code handedOutUntil}: slots before it count as handed out. */
  public void handedOutUntil(Instant handedOutUntil) {
    jdbc.sql("UPDATE schedule_cursor SET handed_out_until = ?")
        .param(Timestamp.from(handedOutUntil))
        .update();
  }

  /** Where the schedule cursor is: every slot before it has been handed out. */
  public Instant handedOutUntil() {
    return jdbc.sql("SELECT handed_out_until FROM schedule_cursor")
        .query(Timestamp.class)
        .single()
        .toInstant();
  }

  /** A heartbeat monitor with alert threshold 0, due a ping by {@code deadline}; returns its id. */
  public long heartbeat(String name, int periodSeconds, int graceSeconds, Instant deadline) {
    return jdbc.sql(
            """
            INSERT INTO urls (user_id, name, kind, url, threshold, interval_seconds, timeout_ms,
                              failure_window_seconds, grace_seconds, ping_token, next_check_at)
            VALUES (?, ?, 'HEARTBEAT', '', 0, ?, 5000, 300, ?, ?, ?) RETURNING id
            """)
        .params(
            userId, name, periodSeconds, graceSeconds, "token-" + name, Timestamp.from(deadline))
        .query(Long.class)
        .single();
  }

  /** Every result on the result stream, oldest first. */
  public List<CheckResult> results() {
    var records = redis.opsForStream().read(StreamOffset.fromStart(Streams.RESULTS));
    return records == null
        ? List.of()
        : records.stream().map(r -> CheckResult.fromFields(StreamEntry.of(r).fields())).toList();
  }

  /**
   * Stores results as checks and evaluates alerts on them in one transaction, as ingestion does.
   */
  public void ingest(
      AlertEvaluator evaluator, TransactionTemplate transaction, CheckResult... results) {
    transaction.executeWithoutResult(
        status -> {
          for (CheckResult result : results) {
            jdbc.sql(
                    """
                    INSERT INTO checks (url_id, slot, started_at, latency_ms, status_code,
                                        failure_kind, success)
                    VALUES (?, ?, ?, 1, ?, ?, ?) ON CONFLICT DO NOTHING
                    """)
                .params(
                    result.id().urlId(),
                    Timestamp.from(result.id().slot()),
                    Timestamp.from(result.startedAt()),
                    result.statusCode(),
                    result.failureKind() == null ? null : result.failureKind().name(),
                    result.success())
                .update();
          }
          evaluator.evaluate(List.of(results));
        });
  }

  /** A notification channel of the owner; returns its id. */
  public long channel(String name, String kind, String target, String secret, boolean allUrls) {
    return jdbc.sql(
            """
            INSERT INTO notification_channels (user_id, name, kind, target, secret, all_urls)
            VALUES (?, ?, ?, ?, ?, ?) RETURNING id
            """)
        .params(userId, name, kind, target, secret, allUrls)
        .query(Long.class)
        .single();
  }

  public void link(long channelId, long urlId) {
    jdbc.sql("INSERT INTO notification_channel_urls (channel_id, url_id) VALUES (?, ?)")
        .params(channelId, urlId)
        .update();
  }

  public void publish(CheckResult result) {
    redis.opsForStream().add(Streams.RESULTS, result.toFields());
  }

  public void publishRaw(Map<String, String> fields) {
    redis.opsForStream().add(Streams.RESULTS, fields);
  }

  public static CheckResult response(long urlId, Instant slot, int status) {
    return new CheckResult(new TaskId(urlId, slot), slot, 25, status, null, "w1", "test");
  }

  public static CheckResult noResponse(long urlId, Instant slot, FailureKind kind) {
    return new CheckResult(new TaskId(urlId, slot), slot, 5000, null, kind, "w1", "test");
  }

  /** Every task on the task stream, oldest first. */
  public List<CheckTask> tasks() {
    var records = redis.opsForStream().read(StreamOffset.fromStart(Streams.TASKS));
    return records == null
        ? List.of()
        : records.stream().map(r -> CheckTask.fromFields(StreamEntry.of(r).fields())).toList();
  }

  public long count(String sql, Object... params) {
    return jdbc.sql(sql).params(params).query(Long.class).single();
  }

  public JdbcClient jdbc() {
    return jdbc;
  }
}
