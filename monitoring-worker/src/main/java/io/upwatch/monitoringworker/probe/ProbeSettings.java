package io.upwatch.monitoringworker.probe;

import io.upwatch.monitoringworker.MonitoringProperties;
import java.time.Duration;

/** The part of the worker's settings that shapes one HTTP check. */
record ProbeSettings(
    Duration connectTimeout, long maxBodyBytes, int maxRedirects, String userAgent) {

  static ProbeSettings from(MonitoringProperties properties) {
    return new ProbeSettings(
        properties.connectTimeout(),
        properties.maxBodySize().toBytes(),
        properties.maxRedirects(),
        properties.userAgent());
  }
}
