package io.upwatch.testing;

import java.util.Map;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/**
 * Points a test application context at a provisioned database on the tests' PostgreSQL, and at the
 * tests' Redis when that runs in a container ({@link TestServices}). Active when the property
 * {@code upwatch.test.database} names a database (set it in the test's application properties).
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
    var services = TestServices.get();
    if (services.inContainers()) {
      // Below the test's own property sources (@TestPropertySource, @DynamicPropertySource: a
      // test that points at a Redis of its own keeps it), above the application's files.
      var redis = services.redis();
      var source =
          new MapPropertySource(
              "upwatchTestRedis",
              Map.of(
                  "spring.data.redis.host", redis.host(), "spring.data.redis.port", redis.port()));
      var sources = environment.getPropertySources();
      String systemEnvironment = StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME;
      if (sources.contains(systemEnvironment)) {
        sources.addAfter(systemEnvironment, source);
      } else {
        sources.addLast(source);
      }
    }
  }
}
