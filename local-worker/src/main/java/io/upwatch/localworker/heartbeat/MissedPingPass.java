package io.upwatch.localworker.heartbeat;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.upwatch.common.CheckResult;
import io.upwatch.common.queue.ResultQueue;
import io.upwatch.localworker.config.WorkerProperties;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One missed-ping pass: claim the heartbeats whose deadline passed, publish a NO_PING failure for
 * each missed period on the result stream, and move their deadlines, in one transaction. The
 * failures are stored and alerted on by ingestion like every other result, so heartbeats share the
 * one alert path. If publishing fails the claim rolls back; if the commit fails after publishing,
 * the same slots are published again and the checks key keeps one row each.
 */
@Component
class MissedPingPass {

  private static final Logger log = LoggerFactory.getLogger(MissedPingPass.class);

  // From a ping's arrival at an API replica to its entry on the result stream, with the clocks'
  // difference between hosts.
  private static final Duration PING_IN_FLIGHT = Duration.ofMillis(500);

  private final DueHeartbeatClaimer claimer;
  private final ResultQueue results;
  private final TransactionTemplate transaction;
  private final WorkerProperties properties;
  private final Clock clock;
  private final Counter missed;

  MissedPingPass(
      DueHeartbeatClaimer claimer,
      ResultQueue results,
      TransactionTemplate transaction,
      WorkerProperties properties,
      Clock clock,
      MeterRegistry registry) {
    this.claimer = claimer;
    this.results = results;
    this.transaction = transaction;
    this.properties = properties;
    this.clock = clock;
    this.missed =
        Counter.builder("upwatch.heartbeat.missed")
            .description("Missed heartbeat periods (NO_PING failures) published")
            .register(registry);
  }

  /** Judges what is due; true when a full batch was claimed and more may be due. */
  boolean judgePass() {
    Instant until = judgedUntil();
    Integer claimed =
        transaction.execute(
            status -> {
              List<DueHeartbeat> due = claimer.claim(until, properties.claimBatch());
              List<CheckResult> failures = new ArrayList<>();
              List<Long> ids = new ArrayList<>(due.size());
              List<Instant> deadlines = new ArrayList<>(due.size());
              for (DueHeartbeat beat : due) {
                MissedPings.Verdict verdict = MissedPings.judge(beat, until);
                failures.addAll(verdict.missed());
                ids.add(beat.id());
                deadlines.add(verdict.nextDeadline());
              }
              results.publish(failures);
              claimer.advance(ids, deadlines);
              missed.increment(failures.size());
              if (!failures.isEmpty()) {
                log.debug("{} heartbeat periods passed without a ping", failures.size());
              }
              return due.size();
            });
    int count = claimed == null ? 0 : claimed;
    if (count == 0) {
      log.trace("No heartbeat due");
    }
    return count == properties.claimBatch();
  }

  /**
   * Deadlines up to here can be judged: every ping that arrived before it has been stored. A ping
   * is on the result stream a moment after it arrives, and stored before its entry is acknowledged,
   * so that holds up to the oldest entry the local workers have not finished with (less the moment,
   * {@link #PING_IN_FLIGHT}); with none, up to now. When the stream cannot tell, the configured
   * settle margin stands in.
   */
  private Instant judgedUntil() {
    Instant now = clock.instant();
    try {
      Instant finished = results.oldestUnfinished().filter(t -> t.isBefore(now)).orElse(now);
      return finished.minus(PING_IN_FLIGHT);
    } catch (RuntimeException unknown) {
      log.debug("Result backlog unknown ({}); judging with the settle margin", unknown.toString());
      return now.minus(properties.pingSettle());
    }
  }
}
