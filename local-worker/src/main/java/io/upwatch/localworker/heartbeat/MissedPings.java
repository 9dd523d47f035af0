package io.upwatch.localworker.heartbeat;

import io.upwatch.common.CheckResult;
import io.upwatch.common.FailureKind;
import io.upwatch.common.TaskId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The rule of silence, a pure function. A heartbeat is due a ping by {@code last ping + period +
 * grace} (or, before its first ping, {@code creation + period + grace}). Each deadline that passed
 * without a ping is one missed period: a NO_PING failure whose slot is the deadline, and the next
 * deadline is one period later. After a long silence (the workers were down) only the missed
 * periods that can still matter to the alert rule are written: those within one failure window of
 * the latest.
 */
final class MissedPings {

  /**
   * What a pass does with one due heartbeat.
   *
   * @param missed NO_PING results to publish, oldest first; empty when a ping arrived in time
   * @param nextDeadline the heartbeat's new cursor, after {@code judgedUntil}
   */
  record Verdict(List<CheckResult> missed, Instant nextDeadline) {}

  private MissedPings() {}

  /**
   * Judges a heartbeat.
   *
   * @param judgedUntil deadlines up to this instant are judged: the pass's time minus the settle
   *     margin that lets pings on their way through the result stream arrive
   */
  static Verdict judge(DueHeartbeat beat, Instant judgedUntil) {
    Instant first =
        beat.lastPing() == null
            ? beat.deadline()
            : beat.lastPing().plus(beat.period()).plus(beat.grace());
    if (first.isAfter(judgedUntil)) {
      return new Verdict(List.of(), first);
    }
    long periodMillis = beat.period().toMillis();
    long latest = Duration.between(first, judgedUntil).toMillis() / periodMillis;
    long keep = Math.ceilDiv(beat.failureWindow().toMillis(), periodMillis) + 1;
    List<CheckResult> missed = new ArrayList<>();
    for (long k = Math.max(0, latest - keep + 1); k <= latest; k++) {
      Instant slot = first.plusMillis(k * periodMillis);
      missed.add(noPing(beat, slot));
    }
    return new Verdict(missed, first.plusMillis((latest + 1) * periodMillis));
  }

  private static CheckResult noPing(DueHeartbeat beat, Instant slot) {
    String message =
        "no ping within the %d s period and %d s grace%s"
            .formatted(
                beat.period().toSeconds(),
                beat.grace().toSeconds(),
                beat.lastPing() == null ? "" : " (last ping " + beat.lastPing() + ")");
    return new CheckResult(
        new TaskId(beat.id(), slot), slot, 0, null, FailureKind.NO_PING, message, null, null);
  }
}
