package io.upwatch.api.url;

import java.time.Duration;

/**
 * Everything a user sets on a monitored URL, validated and normalised.
 *
 * @param name unique among the user's URLs
 * @param url the absolute http(s) URL to GET
 * @param threshold an alert opens when failures in the window exceed this
 * @param interval time between checks
 * @param timeout total deadline of one check
 * @param failureWindow trailing window in which failures are counted
 */
record UrlSettings(
    String name,
    String url,
    int threshold,
    Duration interval,
    Duration timeout,
    Duration failureWindow) {

  UrlSettings {
    if (timeout.compareTo(interval) > 0) {
      throw new InvalidUrlSettings("timeoutSeconds", "must not exceed the check interval");
    }
  }

  /**
   * The largest threshold the alert rule can exceed. The rule counts the failures in the trailing
   * window (slot - window, slot], which holds at most ceil(window / interval) checks.
   */
  int maxReachableThreshold() {
    return checksPerWindow() - 1;
  }

  /** False when the threshold is above {@link #maxReachableThreshold()}: no alert can ever open. */
  boolean ruleCanFire() {
    return threshold <= maxReachableThreshold();
  }

  /** Refuses a rule that can never fire ({@link UnreachableThreshold}). */
  void requireRuleCanFire() {
    if (!ruleCanFire()) {
      throw new UnreachableThreshold(this);
    }
  }

  /** Why the rule can never fire and how to fix it; meaningful only when it cannot. */
  String unreachableRule() {
    return "threshold %d can never be exceeded: at most %d checks fit in a %d s window at a %d s interval; use a threshold of at most %d (or a longer window or a shorter interval)"
        .formatted(
            threshold,
            checksPerWindow(),
            failureWindow.toSeconds(),
            interval.toSeconds(),
            maxReachableThreshold());
  }

  private int checksPerWindow() {
    return Math.toIntExact(Math.ceilDiv(failureWindow.toSeconds(), interval.toSeconds()));
  }
}
