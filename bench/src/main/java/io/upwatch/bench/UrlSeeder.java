package io.upwatch.bench;

import io.upwatch.schema.UrlRows;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * Adds end-to-end URLs to the running suite, each batch's first slots spread evenly over one
 * interval so the offered load rises by a constant rate without a burst; 1 % fail, 1 % are slow
 * (200 ms) and 1 % flap. Each URL's grid is noted in {@code bench_phase} for the lost-slot count.
 */
final class UrlSeeder {

  private final Bench bench;
  private final Connection db;
  private final long user;
  private final int interval;
  private int next;

  UrlSeeder(Bench bench, Connection db, long user, int interval) {
    this.bench = bench;
    this.db = db;
    this.user = user;
    this.interval = interval;
  }

  /** Adds {@code count} URLs; returns the first slot of the batch. */
  Instant add(int count) throws Exception {
    // Room for the insert to commit before the first new slot falls due (~10,000 URLs a second).
    Instant first =
        Instant.now().plus(Duration.ofMillis(2000 + count / 10)).truncatedTo(ChronoUnit.MILLIS);
    List<UrlRows.NewUrl> rows = new ArrayList<>(count);
    List<String> names = new ArrayList<>(count);
    List<Long> phases = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      int n = next++;
      String behaviour =
          switch (n % 100) {
            case 0 -> "fail";
            case 1 -> "slow";
            case 2 -> "flap";
            default -> "ok";
          };
      Instant phase = first.plusMillis(interval * 1000L * i / count);
      rows.add(
          new UrlRows.NewUrl(
              user,
              "u" + n,
              bench.target(n % Bench.TARGET_ADDRESSES, behaviour, n),
              3,
              interval,
              5000,
              300,
              true,
              phase));
      names.add("u" + n);
      phases.add(phase.toEpochMilli());
    }
    boolean autoCommit = db.getAutoCommit();
    db.setAutoCommit(false);
    try {
      UrlRows.insert(db, rows);
      try (var note =
          db.prepareStatement(
              """
              INSERT INTO bench_phase (url_id, first_slot_ms, interval_seconds)
              SELECT u.id, p.first_slot_ms, ? FROM unnest(?::varchar[], ?::bigint[])
                  AS p(name, first_slot_ms) JOIN urls u ON u.user_id = ? AND u.name = p.name
              """)) {
        note.setInt(1, interval);
        note.setArray(2, db.createArrayOf("varchar", names.toArray()));
        note.setArray(3, db.createArrayOf("int8", phases.toArray()));
        note.setLong(4, user);
        note.executeUpdate();
      }
      db.commit();
    } finally {
      db.setAutoCommit(autoCommit);
    }
    return first;
  }

  /** URLs added so far. */
  int count() {
    return next;
  }
}
