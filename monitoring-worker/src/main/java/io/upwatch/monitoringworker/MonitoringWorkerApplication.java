package io.upwatch.monitoringworker;

import java.security.Security;
import java.time.Clock;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * Runs HTTP checks for the tasks on the task stream and publishes their results.
 *
 * <p>Auto-configurations that the classpath switches on but nothing here uses are left out: every
 * class they load stays in metaspace for good, and the worker's memory is a target
 * (bench/README.md, "Slimmer monitoring worker"). Spring Data Redis brings the transaction and
 * persistence support (no transactions here) and the reactive template with its health contributor
 * (the blocking contributor takes its place, same name); no task executor, scheduler or proxies are
 * used; disk space and SSL bundles mean nothing to a prober. Names, not classes: several are not on
 * the compile classpath.
 */
@SpringBootApplication(
    excludeName = {
      "org.springframework.boot.autoconfigure.aop.AopAutoConfiguration",
      "org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration",
      "org.springframework.boot.autoconfigure.task.TaskExecutionAutoConfiguration",
      "org.springframework.boot.autoconfigure.task.TaskSchedulingAutoConfiguration",
      "org.springframework.boot.data.autoconfigure.metrics.DataRepositoryMetricsAutoConfiguration",
      "org.springframework.boot.data.redis.autoconfigure.DataRedisReactiveAutoConfiguration",
      "org.springframework.boot.data.redis.autoconfigure.health"
          + ".DataRedisReactiveHealthContributorAutoConfiguration",
      "org.springframework.boot.health.autoconfigure.application"
          + ".DiskSpaceHealthContributorAutoConfiguration",
      "org.springframework.boot.health.autoconfigure.application"
          + ".SslHealthContributorAutoConfiguration",
      "org.springframework.boot.micrometer.metrics.autoconfigure.ssl.SslMetricsAutoConfiguration",
      "org.springframework.boot.micrometer.metrics.autoconfigure.startup"
          + ".StartupTimeMetricsListenerAutoConfiguration",
      "org.springframework.boot.micrometer.metrics.autoconfigure.task"
          + ".TaskExecutorMetricsAutoConfiguration",
      "org.springframework.boot.micrometer.observation.autoconfigure"
          + ".ScheduledTasksObservationAutoConfiguration",
      "org.springframework.boot.persistence.autoconfigure"
          + ".PersistenceExceptionTranslationAutoConfiguration",
      "org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration",
      "org.springframework.boot.transaction.autoconfigure"
          + ".TransactionManagerCustomizationAutoConfiguration"
    })
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
