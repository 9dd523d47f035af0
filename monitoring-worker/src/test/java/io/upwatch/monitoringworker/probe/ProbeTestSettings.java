package io.upwatch.monitoringworker.probe;

import java.time.Duration;

final class ProbeTestSettings {

  private ProbeTestSettings() {}

  static ProbeSettings defaults() {
    return new ProbeSettings(Duration.ofSeconds(2), 64 * 1024, 10, "Upwatch/test (+uptime check)");
  }
}
