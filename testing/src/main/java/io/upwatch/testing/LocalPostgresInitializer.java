package io.upwatch.testing;

import java.util.Map;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Points a test application context at a provisioned local database. Active when the property
 * {@code upwatch.test.database} names one (set it in the test's application properties).
 */
public class LocalPostgresInitializer
    implements ApplicationContextInitializer<ConfigurableApplicationContext> {

  @Override
  public void initialize(ConfigurableApplicationContext context) {
    var environment = context.getEnvironment();
    String database = environment.getProperty("upwatch.test.database");
    if (database == null) {
      return;
    }
    String url = LocalPostgres.freshDatabaseOncePerRun(database);
    environment
        .getPropertySources()
        .addFirst(
            new MapPropertySource(
                "upwatchTestDatabase",
                Map.of(
                    "spring.datasource.url", url,
                    "spring.datasource.username", LocalPostgres.ROLE,
                    "spring.datasource.password", LocalPostgres.PASSWORD)));
  }
}
