package io.upwatch.localworker.alert;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Alert evaluation reads a batch's alert history and checks one URL after another through the
 * indexes, whatever the tables hold and whatever the planner's statistics say. Here the statistics
 * are those of when the tables were small (as where autovacuum is off, or in a day's partition's
 * first minutes): ten URLs of 100 rows each, analyzed, and then 2,000 URLs more. As joins, both
 * reads were planned as hashes of whole tables; and a URL's years of alerts must not be read to
 * find the few that matter.
 */
class AlertStorePlanTests {

  private static final int URLS = 2000;
  private static final int HISTORY_PER_URL = 100;
  private static final int CHECK_SLOTS = 60;
  private static final int BATCH = 50;
  private static final Pattern SEQ_SCAN =
      Pattern.compile("\"Node Type\": \"Seq Scan\",[^}]*?\"Relation Name\": \"(\\w+)\"");
  private static final Pattern ROOT_BLOCKS =
      Pattern.compile("\"Shared Hit Blocks\": (\\d+),\\s*\"Shared Read Blocks\": (\\d+)");

  private static HikariDataSource dataSource;
  private static JdbcClient jdbc;
  private static Instant now;

  @BeforeAll
  static void seedWithStaleStatistics() {
    dataSource = MigratedDatabase.open("alert_plans");
    jdbc = JdbcClient.create(dataSource);
    now = Instant.now().truncatedTo(ChronoUnit.MINUTES);
    jdbc.sql("SELECT upwatch_maintain_check_partitions(INTERVAL '100 years', 2)").query().rowSet();
    long user =
        jdbc.sql("INSERT INTO users (username, password_hash) VALUES ('plans', 'x') RETURNING id")
            .query(Long.class)
            .single();
    jdbc.sql(
            """
            INSERT INTO urls (user_id, name, url, threshold)
            SELECT ?, 'u' || g, 'http://127.0.0.1:9/' || g, 3 FROM generate_series(1, ?) g
            """)
        .params(user, URLS)
        .update();
    seed(1, 10);
    jdbc.sql("ANALYZE").update();
    seed(11, URLS);
  }

  /**
   * For URLs {@code first..last}: 100 alerts and region breaches, a week apart and ended long ago,
   * one of each open for every tenth URL, and the last hour's checks, slot after slot.
   */
  private static void seed(int first, int last) {
    jdbc.sql(
            """
            INSERT INTO alerts (url_id, opened_at, resolved_at, failure_count, threshold,
                                window_seconds, trigger_slot, resolved_slot)
            SELECT u.id, t, t + interval '10 minutes', 4, 3, 300, t, t + interval '10 minutes'
            FROM urls u CROSS JOIN LATERAL (
                SELECT ?::timestamptz - interval '800 days' + k * interval '7 days' AS t
                FROM generate_series(1, ?) k) s
            WHERE u.name = ANY(?)
            """)
        .params(timestamp(), HISTORY_PER_URL, names(first, last))
        .update();
    jdbc.sql(
            """
            INSERT INTO region_breaches (url_id, region, trigger_slot, failure_count, resolved_slot)
            SELECT url_id, 'default', trigger_slot, failure_count, resolved_slot FROM alerts
            WHERE url_id IN (SELECT id FROM urls WHERE name = ANY(?))
            """)
        .param(names(first, last))
        .update();
    jdbc.sql(
            """
            INSERT INTO alerts (url_id, opened_at, failure_count, threshold, window_seconds,
                                trigger_slot)
            SELECT id, ?::timestamptz, 4, 3, 300, ?::timestamptz FROM urls
            WHERE name = ANY(?) AND id % 10 = 0
            """)
        .params(timestamp(), timestamp(), names(first, last))
        .update();
    jdbc.sql(
            """
            INSERT INTO region_breaches (url_id, region, trigger_slot, failure_count)
            SELECT id, 'default', ?::timestamptz, 4 FROM urls WHERE name = ANY(?) AND id % 10 = 0
            """)
        .params(timestamp(), names(first, last))
        .update();
    jdbc.sql(
            """
            INSERT INTO checks (url_id, slot, started_at, latency_ms, success, region)
            SELECT u.id, s.slot, s.slot, 1, TRUE, 'default'
            FROM generate_series(1, ?) k
            CROSS JOIN LATERAL (SELECT ?::timestamptz - k * interval '1 minute' AS slot) s
            CROSS JOIN urls u
            WHERE u.name = ANY(?)
            ORDER BY k DESC, u.id
            """)
        .params(CHECK_SLOTS, timestamp(), names(first, last))
        .update();
  }

  @AfterAll
  static void closeDatabase() {
    dataSource.close();
  }

  @Test
  void historyReadsEachUrlsOpenAndRecentRowsThroughTheirIndexes() {
    String plan = explain(AlertStore.HISTORY, batch(now.minus(10, ChronoUnit.MINUTES)));

    assertThat(seqScans(plan)).isEmpty();
    // The open alert and breach, a few index pages each: not one heap page per stored alert.
    assertThat(rootBlocks(plan)).isLessThan(20L * BATCH);
  }

  @Test
  void checksReadsEachUrlsWindowThroughTheKey() {
    String plan = explain(AlertStore.CHECKS, batch(now.minus(30, ChronoUnit.MINUTES)));
    // The other days' partitions are empty here: scanning them costs nothing.
    List<String> seeded =
        jdbc.sql("SELECT DISTINCT tableoid::regclass::text FROM checks").query(String.class).list();

    assertThat(seeded).isNotEmpty();
    assertThat(seqScans(plan)).doesNotContainAnyElementsOf(seeded);
  }

  /** Fifty URLs of the batch, spread over the table, each with the same bound. */
  private static AlertStore.Bounds batch(Instant bound) {
    Map<Long, Instant> bounds = new LinkedHashMap<>();
    List<Long> ids =
        jdbc.sql("SELECT id FROM urls ORDER BY id").query(Long.class).list().stream()
            .filter(id -> id % (URLS / BATCH) == 0)
            .toList();
    ids.forEach(id -> bounds.put(id, bound));
    return AlertStore.Bounds.of(bounds);
  }

  private static String explain(String query, AlertStore.Bounds bounds) {
    return jdbc.sql("EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) " + query)
        .params(bounds.urlIds(), bounds.millis())
        .query(String.class)
        .single();
  }

  private static List<String> seqScans(String plan) {
    List<String> relations = new ArrayList<>();
    Matcher matcher = SEQ_SCAN.matcher(plan);
    while (matcher.find()) {
      relations.add(matcher.group(1));
    }
    return relations;
  }

  private static long rootBlocks(String plan) {
    Matcher matcher = ROOT_BLOCKS.matcher(plan);
    assertThat(matcher.find()).as("buffer counts in %s", plan).isTrue();
    return Long.parseLong(matcher.group(1)) + Long.parseLong(matcher.group(2));
  }

  private static java.sql.Timestamp timestamp() {
    return java.sql.Timestamp.from(now);
  }

  private static String[] names(int first, int last) {
    String[] names = new String[last - first + 1];
    for (int i = first; i <= last; i++) {
      names[i - first] = "u" + i;
    }
    return names;
  }
}
