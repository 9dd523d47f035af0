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
}
