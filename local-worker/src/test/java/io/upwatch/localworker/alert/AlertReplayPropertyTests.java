package io.upwatch.localworker.alert;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.upwatch.common.region.DeploymentRegions;
import io.upwatch.localworker.notify.NotificationOutbox;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The stored alerts are a pure function of the stored checks: random check sequences from one to
 * three regions (with random quorums, regions that fall silent, and checks of a region the URL is
 * not checked from), each delivered in a random order, split into random batches with random
 * duplicates over two concurrent evaluators, always end with the alerts (trigger slot, failure
 * count, resolving slot, regions) and region breaches of a small reference implementation of the
 * rule, each alert notified once per event (an alert that late results show still open after its
 * resolution is announced open, and then resolved, once more).
 */
class AlertReplayPropertyTests {

  private static final Duration INTERVAL = Duration.ofSeconds(60);
  private static final int CASES = 300;
  private static final List<String> DEPLOYMENT = List.of("ap", "eu", "us");
  private static final String OUTSIDER = "xx";

  private static HikariDataSource dataSource;
  private static JdbcClient jdbc;
  private static TransactionTemplate transaction;
  private static AlertEvaluator evaluator;
  private static ExecutorService evaluators;
  private static long userId;

  @BeforeAll
  static void startDatabase() {
    dataSource = MigratedDatabase.open("alert_properties");
    jdbc = JdbcClient.create(dataSource);
    transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
    var deployment = new DeploymentRegions(DEPLOYMENT);
    evaluator =
        new AlertEvaluator(
            new AlertStore(jdbc, deployment),
            new BreachStore(jdbc),
            new NotificationOutbox(jdbc, deployment),
            Clock.systemUTC(),
            new SimpleMeterRegistry());
    evaluators = Executors.newFixedThreadPool(2);
    userId =
        jdbc.sql("INSERT INTO users (username, password_hash) VALUES ('prop', 'x') RETURNING id")
            .query(Long.class)
            .single();
    jdbc.sql(
            """
            INSERT INTO notification_channels (user_id, name, kind, target, secret)
            VALUES (?, 'hook', 'WEBHOOK', 'http://127.0.0.1:9/hook', 'secret')
            """)
        .param(userId)
        .update();
  }

  @AfterAll
  static void stopDatabase() {
    evaluators.shutdownNow();
    dataSource.close();
  }

  @TestFactory
  Stream<DynamicTest> storedAlertsEqualTheRuleWhateverTheDelivery() {
    long first = Long.getLong("upwatch.alert-properties.seed", new Random().nextLong());
    return IntStream.range(0, CASES)
        .mapToObj(
            i -> {
              long seed = first + i;
              return DynamicTest.dynamicTest("seed " + seed, () -> checkCase(new Random(seed)));
            });
  }

  /**
   * One case: up to 30 slots of a 60 s grid; the URL is checked from one to three regions (its own,
   * or every region of the deployment) with a quorum of 1 to their number (its own, or the
   * majority); each region's slot is a gap, a failure or a success, at odds of its own, and a
   * region may fall silent from some slot on; a threshold of 0 to 4 and a window of 10 to 420 s (on
   * and off the grid, shorter and longer than the lapse of two intervals).
   */
  private static void checkCase(Random random) throws Exception {
    int threshold = random.nextInt(5);
    int windowSeconds = 10 + random.nextInt(411);
    int slots = 1 + random.nextInt(30);
    List<String> shuffled = new ArrayList<>(DEPLOYMENT);
    Collections.shuffle(shuffled, random);
    boolean everyRegion = random.nextInt(4) == 0;
    List<String> regions =
        everyRegion ? DEPLOYMENT : List.copyOf(shuffled.subList(0, 1 + random.nextInt(3)));
    boolean majority = random.nextInt(3) == 0;
    int quorum =
        majority
            ? DeploymentRegions.majorityOf(regions.size())
            : 1 + random.nextInt(regions.size());
    long url =
        newUrl(threshold, windowSeconds, everyRegion ? null : regions, majority ? null : quorum);
    Instant start = Instant.now().minus(Duration.ofHours(3)).truncatedTo(ChronoUnit.MINUTES);
    List<CheckPoint> checks = new ArrayList<>();
    List<String> reporting = new ArrayList<>(regions);
    if (random.nextInt(5) == 0) {
      reporting.add(OUTSIDER);
    }
    for (String region : reporting) {
      int failOdds = 1 + random.nextInt(6);
      int silentFrom = random.nextInt(3) == 0 ? random.nextInt(slots + 1) : slots;
      for (int i = 0; i < silentFrom; i++) {
        int outcome = random.nextInt(7);
        if (outcome > 0) {
          Instant slot = start.plus(INTERVAL.multipliedBy(i));
          checks.add(new CheckPoint(region, slot, outcome > failOdds));
        }
      }
    }

    deliver(url, checks, random);

    var rule = new AlertRule(threshold, Duration.ofSeconds(windowSeconds));
    Duration lapse = QuorumRule.lapseOf(rule.window(), INTERVAL);
    assertThat(storedAlerts(url))
        .as("alerts of %s with %s, regions %s, quorum %d", checks, rule, regions, quorum)
        .isEqualTo(ReferenceRule.alerts(checks, rule, regions, quorum, lapse));
    for (String region : regions) {
      List<CheckPoint> ofRegion =
          checks.stream()
              .filter(c -> c.region().equals(region))
              .sorted(Comparator.comparing(CheckPoint::slot))
              .toList();
      assertThat(storedBreaches(url, region))
          .as("breaches of %s in %s with %s", url, region, rule)
          .isEqualTo(ReferenceRule.breaches(ofRegion, rule));
    }
    assertEachEventNotifiedOnce(url);
  }

  /** Shuffles, duplicates and batches the checks and stores them through two evaluators. */
  private static void deliver(long url, List<CheckPoint> checks, Random random) throws Exception {
    List<CheckPoint> arrivals = new ArrayList<>(checks);
    for (CheckPoint check : checks) {
      if (random.nextInt(4) == 0) {
        arrivals.add(check);
      }
    }
    Collections.shuffle(arrivals, random);
    List<List<List<CheckPoint>>> perEvaluator = List.of(new ArrayList<>(), new ArrayList<>());
    for (int i = 0; i < arrivals.size(); ) {
      int size = 1 + random.nextInt(Math.min(6, arrivals.size() - i));
      perEvaluator.get(random.nextInt(2)).add(arrivals.subList(i, i + size));
      i += size;
    }
    List<Callable<Void>> runs = new ArrayList<>();
    for (var batches : perEvaluator) {
      runs.add(
          () -> {
            batches.forEach(batch -> store(url, batch));
            return null;
          });
    }
    for (var run : evaluators.invokeAll(runs)) {
      run.get();
    }
  }

  private static void store(long url, List<CheckPoint> batch) {
    transaction.executeWithoutResult(
        status -> {
          // In slot order, as the ingestion's writer stores them, so duplicates wait, not deadlock.
          for (CheckPoint check :
              batch.stream()
                  .sorted(Comparator.comparing(CheckPoint::slot).thenComparing(CheckPoint::region))
                  .toList()) {
            jdbc.sql(
                    """
                    INSERT INTO checks (url_id, slot, region, started_at, latency_ms, status_code,
                                        success)
                    VALUES (?, ?, ?, ?, 1, ?, ?) ON CONFLICT DO NOTHING
                    """)
                .params(
                    url,
                    Timestamp.from(check.slot()),
                    check.region(),
                    Timestamp.from(check.slot()),
                    check.success() ? 200 : 503,
                    check.success())
                .update();
          }
          evaluator.evaluate(
              batch.stream()
                  .map(
                      check ->
                          new io.upwatch.common.CheckResult(
                              new io.upwatch.common.TaskId(url, check.slot()),
                              check.slot(),
                              1,
                              check.success() ? 200 : 503,
                              null,
                              "w",
                              check.region()))
                  .toList());
        });
  }

  private static long newUrl(
      int threshold, int windowSeconds, List<String> regions, Integer quorum) {
    return jdbc.sql(
            """
            INSERT INTO urls (user_id, name, url, threshold, interval_seconds,
                              failure_window_seconds, next_check_at, regions, quorum)
            VALUES (?, gen_random_uuid()::text, 'http://127.0.0.1:9/', ?, 60, ?,
                    now() + interval '1 day', ?::text[], ?)
            RETURNING id
            """)
        .params(
            userId,
            threshold,
            windowSeconds,
            regions == null ? null : AlertStore.arrayLiteral(regions),
            quorum)
        .query(Long.class)
        .single();
  }

  private static List<AlertSpan> storedAlerts(long url) {
    return jdbc.sql(
            "SELECT trigger_slot, failure_count, resolved_slot, resolved_at, regions FROM alerts"
                + " WHERE url_id = ? ORDER BY trigger_slot")
        .param(url)
        .query(
            (rs, row) -> {
              Timestamp resolved = rs.getTimestamp("resolved_slot");
              assertThat(rs.getTimestamp("resolved_at") == null).isEqualTo(resolved == null);
              return new AlertSpan(
                  rs.getTimestamp("trigger_slot").toInstant(),
                  rs.getInt("failure_count"),
                  resolved == null ? null : resolved.toInstant(),
                  AlertStore.regions(rs.getArray("regions")));
            })
        .list();
  }

  private static List<AlertSpan> storedBreaches(long url, String region) {
    return jdbc.sql(
            "SELECT trigger_slot, failure_count, resolved_slot FROM region_breaches"
                + " WHERE url_id = ? AND region = ? ORDER BY trigger_slot")
        .params(url, region)
        .query(
            (rs, row) ->
                new AlertSpan(
                    rs.getTimestamp("trigger_slot").toInstant(),
                    rs.getInt("failure_count"),
                    AlertStore.instant(rs, "resolved_slot"),
                    List.of(region)))
        .list();
  }

  private static void assertEachEventNotifiedOnce(long url) {
    List<String> problems =
        jdbc.sql(
                """
                SELECT a.id || ' ' || e.event || ': ' || count(d.id)
                FROM alerts a
                CROSS JOIN (VALUES ('alert.opened'), ('alert.resolved')) AS e(event)
                LEFT JOIN notification_deliveries d ON d.alert_id = a.id AND d.event = e.event
                WHERE a.url_id = ?
                GROUP BY a.id, e.event, a.resolved_at, a.reopened
                HAVING count(d.id) <> a.reopened
                                      + CASE WHEN e.event = 'alert.opened' OR a.resolved_at IS NOT NULL
                                             THEN 1 ELSE 0 END
                """)
            .param(url)
            .query(String.class)
            .list();
    assertThat(problems).as("alert events not notified exactly once").isEmpty();
  }
}
