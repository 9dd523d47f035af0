package io.upwatch.api.support;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Direct access to the test database and Redis: cleaning, seeding and counting rows. */
public class TestData {

  private final JdbcClient jdbc;
  private final StringRedisTemplate redis;

  TestData(JdbcClient jdbc, StringRedisTemplate redis) {
    this.jdbc = jdbc;
    this.redis = redis;
  }

  /** Empties every table and the login limiters (Redisson hash-tags their keys: {upwatch:…}). */
  public void reset() {
    resetDatabase();
    var keys = redis.keys("*upwatch:*");
    if (keys != null && !keys.isEmpty()) {
      redis.delete(keys);
    }
  }

  /** Empties every table. */
  public void resetDatabase() {
    jdbc.sql("TRUNCATE users, urls, alerts RESTART IDENTITY CASCADE").update();
    jdbc.sql("DELETE FROM checks").update();
    jdbc.sql("TRUNCATE daily_rollups, daily_region_rollups, daily_rollup_progress").update();
  }

  public long count(String table) {
    return jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single();
  }

  /** Stores a check result as the local worker would. */
  public void check(long urlId, Instant slot, Integer status, String failureKind, int latencyMs) {
    check(urlId, slot, "test", status, failureKind, latencyMs);
  }

  /** Stores one region's check result as the local worker would. */
  public void check(
      long urlId, Instant slot, String region, Integer status, String failureKind, int latencyMs) {
    boolean success = status != null && status < 500;
    jdbc.sql(
            """
            INSERT INTO checks (url_id, slot, started_at, latency_ms, status_code, failure_kind,
                                success, region)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """)
        .params(
            urlId,
            Timestamp.from(slot),
            Timestamp.from(slot),
            latencyMs,
            status,
            failureKind,
            success,
            region)
        .update();
  }

  public long userId(String username) {
    return jdbc.sql("SELECT id FROM users WHERE username = ?")
        .param(username)
        .query(Long.class)
        .single();
  }

  /** A URL of the user, inserted directly (past the per-user limit); returns its id. */
  public long url(long userId, String name, String target) {
    return jdbc.sql(
            "INSERT INTO urls (user_id, name, url, threshold) VALUES (?, ?, ?, 2) RETURNING id")
        .params(userId, name, target)
        .query(Long.class)
        .single();
  }

  /** Stores a daily rollup as the local worker would. */
  public void rollup(long urlId, LocalDate day, int checks, int failures, Double p50, Double p95) {
    jdbc.sql(
            """
            INSERT INTO daily_rollups (url_id, day, checks, failures, responses,
                                       latency_p50_ms, latency_p95_ms)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            """)
        .params(urlId, Date.valueOf(day), checks, failures, checks, p50, p95)
        .update();
  }

  /** Records that the local worker has rolled up every day up to this one. */
  public void rolledUpThrough(LocalDate day) {
    jdbc.sql(
            """
            INSERT INTO daily_rollup_progress (closed_through) VALUES (?)
            ON CONFLICT (singleton) DO UPDATE SET closed_through = EXCLUDED.closed_through
            """)
        .param(Date.valueOf(day))
        .update();
  }

  /** Stores an alert as the local worker would; returns its id. */
  public long alert(long urlId, Instant openedAt, Instant resolvedAt, int failures) {
    return jdbc.sql(
            """
            INSERT INTO alerts (url_id, opened_at, resolved_at, failure_count, threshold,
                                window_seconds, trigger_slot, resolved_slot)
            VALUES (?, ?, ?, ?, 3, 300, ?, ?) RETURNING id
            """)
        .params(
            urlId,
            Timestamp.from(openedAt),
            resolvedAt == null ? null : Timestamp.from(resolvedAt),
            failures,
            Timestamp.from(openedAt),
            resolvedAt == null ? null : Timestamp.from(resolvedAt))
        .query(Long.class)
        .single();
  }
}
