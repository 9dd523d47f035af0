package io.upwatch.localworker;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The local worker: schedules checks, stores their results and keeps alerts. Any number may run
 * against one PostgreSQL and one Redis; they share the work without double scheduling.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class LocalWorkerApplication {

  public static void main(String[] args) {
    SpringApplication.run(LocalWorkerApplication.class, args);
  }
}
