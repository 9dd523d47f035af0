package io.upwatch.monitoringworker.probe;

import io.upwatch.common.CheckTask;
import java.time.Duration;

/** Runs one check of a task's target. */
public interface Prober {

  /**
   * Checks the task's target as its kind and spec say and reports the outcome within {@code
   * timeout} (plus a small margin). Blocks the calling thread, which is meant to be a virtual
   * thread.
   *
   * @throws InterruptedException when the thread is interrupted; the check is abandoned
   */
  ProbeOutcome probe(CheckTask task, Duration timeout) throws InterruptedException;
}
