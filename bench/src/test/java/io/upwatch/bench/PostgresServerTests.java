package io.upwatch.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PostgresServerTests {

  @Test
  void namesTheSettingsThatShapePostgresqlsShareOfACheck() {
    var settings = PostgresServer.describe("upwatch_bench_server_settings");

    assertThat(settings)
        .doesNotContainKey("unavailable")
        .containsKeys("server_version", "checkpoint_timeout", "max_wal_size", "synchronous_commit");
    assertThat(settings.get("shared_buffers").toString()).matches("\\d+[kMG]B");
    assertThat(settings.get("autovacuum")).isIn("on", "off");
  }
}
