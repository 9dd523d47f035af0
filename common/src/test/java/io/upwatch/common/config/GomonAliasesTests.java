package io.upwatch.common.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class GomonAliasesTests {

  @Test
  void databaseVariablesBecomeDatasourceProperties() {
    var properties =
        GomonAliases.translate(
            Map.of("DB_HOST", "db", "DB_NAME", "gomon", "DB_USER", "u", "DB_PASS", "p"));

    assertThat(properties)
        .containsEntry("spring.datasource.url", "jdbc:postgresql://db:5432/gomon")
        .containsEntry("spring.datasource.username", "u")
        .containsEntry("spring.datasource.password", "p");
  }

  @Test
  void redisHostCarriesItsPort() {
    var properties = GomonAliases.translate(Map.of("REDIS_HOST", "cache:6380"));

    assertThat(properties)
        .containsEntry("spring.data.redis.host", "cache")
        .containsEntry("spring.data.redis.port", "6380");
  }

  @Test
  void machineryBrokerUrlWinsOverRedisHost() {
    var properties =
        GomonAliases.translate(
            Map.of("MACHINERY_BROKER", "redis://broker:6379", "REDIS_HOST", "cache:6380"));

    assertThat(properties)
        .containsEntry("spring.data.redis.url", "redis://broker:6379")
        .doesNotContainKey("spring.data.redis.host");
  }

  @Test
  void serviceSettingsMapOntoUpwatchProperties() {
    var properties =
        GomonAliases.translate(
            Map.of(
                "JWT_SECRET", "s",
                "MAX_URL_COUNT", "50",
                "DEFAULT_RESET_TIME", "10m",
                "POPULATE_URL_COUNT", "100",
                "MONITORING_SERVER_CONCURRENCY", "2000"));

    assertThat(properties)
        .containsEntry("upwatch.api.jwt.secret", "s")
        .containsEntry("upwatch.api.max-url-count", "50")
        .containsEntry("upwatch.api.default-failure-window", "10m")
        .containsEntry("upwatch.api.populate.url-count", "100")
        .containsEntry("upwatch.monitoring.concurrency", "2000");
  }

  @Test
  void absentOrBlankVariablesAddNothing() {
    assertThat(GomonAliases.translate(Map.of("DB_USER", " ", "PATH", "/bin"))).isEmpty();
  }

  @Test
  void everyListedVariableIsTranslated() {
    for (String variable : GomonAliases.VARIABLES) {
      String value = variable.equals("MACHINERY_BROKER") ? "redis://broker:6379" : "1";
      assertThat(GomonAliases.translate(Map.of(variable, value))).as(variable).isNotEmpty();
    }
  }
}
