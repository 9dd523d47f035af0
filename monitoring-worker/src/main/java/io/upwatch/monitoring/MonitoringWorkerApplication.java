package io.upwatch.monitoring;

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
    SpringApplication.run(MonitoringWorkerApplication.class, args);
  }
}
