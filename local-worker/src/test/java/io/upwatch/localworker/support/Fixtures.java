package io.upwatch.localworker.support;

import io.upwatch.common.CheckResult;
import io.upwatch.common.CheckTask;
import io.upwatch.common.FailureKind;
import io.upwatch.common.Streams;
import io.upwatch.common.TaskId;
import io.upwatch.common.queue.QueuePartitions;
import io.upwatch.common.queue.StreamEntry;
import io.upwatch.common.region.DeploymentRegions;
import io.upwatch.common.region.RegionPresence;
import io.upwatch.localworker.alert.AlertEvaluator;
import io.upwatch.localworker.region.LiveRegions;
import io.upwatch.schema.SlotGrid;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.IntFunction;
import org.springframework.data.domain.Range;
import org.springframework.data.redis.connection.stream.MapRecord;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** Seeds URLs, publishes results as monitoring workers do, and reads back what was stored. */
public class Fixtures {

  /** The monitoring worker {@link #reset} makes live in the default region. */
  public static final String WORKER = "fixture-worker";

  private final JdbcClient jdbc;
  private final StringRedisTemplate redis;
  private final QueuePartitions partitions;
  private final LiveRegions live;
  private long userId;

  Fixtures(
      JdbcClient jdbc, StringRedisTemplate redis, QueuePartitions partitions, LiveRegions live) {
    this.jdbc = jdbc;
    this.redis = redis;
    this.partitions = partitions;
    this.live = live;
  }

  /**
   * Empties the tables and this test Redis database, and makes a monitoring worker live in the
   * default region, so that the scheduler publishes its tasks. The schedule cursor goes a minute
   * back, as after a minute without a scheduler: a URL's latest slot of the last minute is still
   * due.
   */
  public void reset() {
    jdbc.sql("TRUNCATE users, urls, alerts, region_breaches RESTART IDENTITY CASCADE").update();
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
    liveWorkerIn(DeploymentRegions.DEFAULT);
  }

  /** A monitoring worker beats in the region, and the scheduler knows it at once. */
  public void liveWorkerIn(String region) {
    new RegionPresence(redis).beat(region, WORKER);
    live.refresh();
  }

  /** The region's fixture worker stops, and the scheduler knows it at once. */
  public void noWorkerIn(String region) {
    new RegionPresence(redis).leave(region, WORKER);
    live.refresh();
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

  /** Checks the URL from its own regions, with its own quorum. */
  public void checkedFrom(long urlId, List<String> regions, int quorum) {
    jdbc.sql("UPDATE urls SET regions = ?::text[], quorum = ? WHERE id = ?")
        .params("{" + String.join(",", regions) + "}", quorum, urlId)
        .update();
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

  /** Every result on the result stream, all partitions, oldest first. */
  public List<CheckResult> results() {
    return entries(Streams::results).stream().map(CheckResult::fromFields).toList();
  }

  /** The fields of every dead-lettered result, all partitions, oldest first. */
  public List<Map<String, String>> resultDeadLetters() {
    return entries(Streams::resultDeadLetters);
  }

  /** The result stream partition of a URL's results. */
  public String resultStream(long urlId) {
    return Streams.results(partitions.of(urlId));
  }

  /** Results delivered to local workers and not acknowledged, all partitions. */
  public long pendingResults() {
    return partitions
        .all()
        .filter(p -> Boolean.TRUE.equals(redis.hasKey(Streams.results(p))))
        .mapToLong(
            p ->
                redis
                    .opsForStream()
                    .pending(Streams.results(p), Streams.INGESTION_GROUP)
                    .getTotalPendingMessages())
        .sum();
  }

  private List<Map<String, String>> entries(IntFunction<String> stream) {
    return partitions
        .all()
        .boxed()
        .flatMap(p -> redis.opsForStream().range(stream.apply(p), Range.unbounded()).stream())
        .sorted(
            Comparator.comparing((MapRecord<String, Object, Object> r) -> r.getId().getTimestamp())
                .thenComparing(r -> r.getId().getSequence()))
        .map(StreamEntry::fieldsOf)
        .toList();
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
                    INSERT INTO checks (url_id, slot, region, started_at, latency_ms, status_code,
                                        failure_kind, success)
                    VALUES (?, ?, ?, ?, 1, ?, ?, ?) ON CONFLICT DO NOTHING
                    """)
                .params(
                    result.id().urlId(),
                    Timestamp.from(result.id().slot()),
                    result.region() == null ? "" : result.region(),
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

  /** Publishes a result to its URL's partition, as a monitoring worker does (and rings). */
  public void publish(CheckResult result) {
    redis.opsForStream().add(resultStream(result.id().urlId()), result.toFields());
    ring();
  }

  /** Publishes an entry that may be no result at all, to the first partition. */
  public void publishRaw(Map<String, String> fields) {
    redis.opsForStream().add(Streams.results(0), fields);
    ring();
  }

  // Idle ingestion looks for new results when the doorbell rings (or once a second).
  private void ring() {
    redis.opsForValue().set(Streams.resultsPublished(), UUID.randomUUID().toString());
  }

  /** A response, from a worker of the deployment's one region (as no UPWATCH_REGIONS means). */
  public static CheckResult response(long urlId, Instant slot, int status) {
    return response(urlId, slot, status, DeploymentRegions.DEFAULT);
  }

  public static CheckResult response(long urlId, Instant slot, int status, String region) {
    return new CheckResult(new TaskId(urlId, slot), slot, 25, status, null, "w1", region);
  }

  /** A heartbeat's ping, as the API publishes it: from no worker and no region. */
  public static CheckResult ping(long urlId, Instant slot) {
    return new CheckResult(new TaskId(urlId, slot), slot, 0, null, null, null, null);
  }

  public static CheckResult noResponse(long urlId, Instant slot, FailureKind kind) {
    return noResponse(urlId, slot, kind, DeploymentRegions.DEFAULT);
  }

  public static CheckResult noResponse(long urlId, Instant slot, FailureKind kind, String region) {
    return new CheckResult(new TaskId(urlId, slot), slot, 5000, null, kind, "w1", region);
  }

  /** Every task of the default region, all partitions, oldest first. */
  public List<CheckTask> tasks() {
    return tasks(DeploymentRegions.DEFAULT);
  }

  /** Every task of a region, all partitions, oldest first. */
  public List<CheckTask> tasks(String region) {
    return entries(p -> Streams.tasks(p, region)).stream().map(CheckTask::fromFields).toList();
  }

  public long count(String sql, Object... params) {
    return jdbc.sql(sql).params(params).query(Long.class).single();
  }

  public JdbcClient jdbc() {
    return jdbc;
  }
}
