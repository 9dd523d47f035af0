package io.upwatch.monitoringworker;

import java.security.Security;
import java.time.Clock;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/** Runs HTTP checks for the tasks on the task stream and publishes their results. */
@SpringBootApplication
@EnableConfigurationProperties(MonitoringProperties.class)
public class MonitoringWorkerApplication {

  @Bean
  Clock clock() {
    return Clock.systemUTC();
  }

  public static void main(String[] args) {
    // Name resolution is part of what a check checks: the JVM would otherwise answer from its
    // own cache for 30 s (and remember failures for 10 s), hiding DNS outages and changes.
    Security.setProperty("networkaddress.cache.ttl", "0");
    Security.setProperty("networkaddress.cache.negative.ttl", "0");
    SpringApplication.run(MonitoringWorkerApplication.class, args);
  }
}
