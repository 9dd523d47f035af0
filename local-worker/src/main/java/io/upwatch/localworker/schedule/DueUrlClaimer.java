package io.upwatch.localworker.schedule;

import io.upwatch.localworker.config.WorkerProperties;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Claims the checks that are due by handing out the next range of time: it leases the schedule
 * cursor, reads which URLs have a slot in the range and moves the cursor past it, all in the
 * caller's transaction, which publishes the tasks before it commits. Ranges follow each other and
 * never overlap, so any number of schedulers can run and no slot is handed out twice; a pass that
 * fails or dies rolls back, and the next pass (here or in another local worker) hands out its range
 * again. Nothing is written per URL or per check.
 */
@Component
class DueUrlClaimer {

  private final ScheduleCursor cursor;
  private final DueSlots slots;
  private final WorkerProperties properties;
  private final SchedulePace pace;

  DueUrlClaimer(ScheduleCursor cursor, DueSlots slots, WorkerProperties properties) {
    this.cursor = cursor;
    this.slots = slots;
    this.properties = properties;
    this.pace = new SchedulePace(properties.scheduleBucket(), System::nanoTime);
  }

  /** Whether a claim may find checks due now; false until the next bucket of time has ended. */
  boolean due() {
    return pace.due();
  }

  /**
   * Claims the checks of the next range of time that is due, about {@code batch} at most when
   * behind; must run inside the transaction that publishes them. Empty when nothing is due or
   * another scheduler holds the cursor.
   */
  List<DueCheck> claim(int batch) {
    long leasedAt = pace.ticks();
    Optional<ScheduleCursor.Lease> lease = cursor.lease(properties.scheduleLeaseTimeout());
    if (lease.isEmpty()) {
      pace.leasedElsewhere();
      return List.of();
    }
    Instant now = lease.get().now();
    Instant dueUntil = pace.dueUntil(now);
    Instant from = lease.get().handedOutUntil();
    if (!from.isBefore(dueUntil)) {
      pace.passed(null, dueUntil, 0, batch, now, leasedAt);
      return List.of();
    }
    SchedulePace.Range range = pace.range(from, dueUntil);
    List<DueCheck> due = slots.inRange(range.from(), range.until(), dueUntil);
    cursor.advance(range.until());
    pace.passed(range, dueUntil, due.size(), batch, now, leasedAt);
    return due;
  }
}
