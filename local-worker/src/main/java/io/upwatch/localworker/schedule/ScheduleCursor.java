package io.upwatch.localworker.schedule;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The one row that says how far time has been handed out ({@code schedule_cursor}). A pass leases
 * it for its transaction; another scheduler finds it taken and skips its pass instead of waiting.
 */
@Repository
class ScheduleCursor {

  // The lease also bounds how long it can be held by a scheduler that stopped talking to
  // PostgreSQL (a frozen process, a vanished host): past the timeout PostgreSQL ends that session,
  // its transaction rolls back and the next scheduler hands the range out. Without it the row
  // would stay locked until TCP keepalive noticed, hours later, and no slot would be handed out.
  private static final String LEASE =
      """
      SELECT handed_out_until, now() AS now,
             set_config('idle_in_transaction_session_timeout', :timeout, true)
      FROM schedule_cursor
      FOR UPDATE SKIP LOCKED
      """;

  private final JdbcClient jdbc;

  ScheduleCursor(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Leases the cursor until the calling transaction ends; empty while another scheduler holds it.
   *
   * @param timeout how long the lease may be held without a statement before PostgreSQL ends it
   */
  Optional<Lease> lease(Duration timeout) {
    return jdbc.sql(LEASE)
        .param("timeout", Long.toString(timeout.toMillis()))
        .query(
            (rs, row) ->
                new Lease(
                    rs.getTimestamp("handed_out_until").toInstant(),
                    rs.getTimestamp("now").toInstant()))
        .optional();
  }

  /** Records that every slot before {@code until} is handed out; only under the lease. */
  void advance(Instant until) {
    jdbc.sql("UPDATE schedule_cursor SET handed_out_until = ?")
        .param(Timestamp.from(until))
        .update();
  }

  /**
   * The leased cursor.
   *
   * @param handedOutUntil every slot before it is handed out
   * @param now PostgreSQL's time: every scheduler judges what is due by this one clock
   */
  record Lease(Instant handedOutUntil, Instant now) {}
}
