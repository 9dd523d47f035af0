package io.upwatch.monitoring.probe;

import java.time.Duration;

/** Runs one HTTP check of a URL. */
public interface Prober {

  /**
   * GETs {@code url}, following redirects, and reports the outcome within {@code timeout} (plus a
   * small margin). Blocks the calling thread, which is meant to be a virtual thread.
   *
   * @throws InterruptedException when the thread is interrupted; the check is abandoned
   */
  ProbeOutcome probe(String url, Duration timeout) throws InterruptedException;
}
