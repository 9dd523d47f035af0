package io.upwatch.localworker.notify;

import io.micrometer.core.instrument.MeterRegistry;
import io.upwatch.common.loop.WorkerLoop;
import io.upwatch.common.outbound.GuardedClients;
import io.upwatch.common.outbound.TargetPolicy;
import io.upwatch.localworker.config.WorkerProperties;
import io.upwatch.localworker.retention.MaintenanceLock;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.eclipse.jetty.client.HttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires notification delivery: the senders, the dispatcher and its loops. */
@Configuration(proxyBeanMethods = false)
class NotifyConfiguration {

  private static final Logger log = LoggerFactory.getLogger(NotifyConfiguration.class);

  @Bean(destroyMethod = "stop")
  HttpClient notificationHttpClient(NotifyProperties properties, TargetPolicy outboundTargetPolicy)
      throws Exception {
    var client =
        GuardedClients.create(
            "notify-http", 8, outboundTargetPolicy, properties.sendTimeout(), "Upwatch-Notifier");
    client.setConnectTimeout(properties.sendTimeout().toMillis());
    client.start();
    return client;
  }

  @Bean
  OutboundHttp outboundHttp(HttpClient notificationHttpClient, NotifyProperties properties) {
    return new OutboundHttp(notificationHttpClient, properties.sendTimeout().toMillis());
  }

  @Bean
  WebhookSender webhookSender(OutboundHttp http, Clock clock) {
    return new WebhookSender(http, clock);
  }

  @Bean
  SlackSender slackSender(OutboundHttp http) {
    return new SlackSender(http);
  }

  @Bean
  EmailSender emailSender(NotifyProperties properties) {
    if (!properties.smtp().configured()) {
      log.info("No SMTP server configured: email notifications will wait in their history");
    }
    return new EmailSender(properties.smtp(), properties.sendTimeout().toMillis());
  }

  @Bean(destroyMethod = "close")
  NotificationDispatcher notificationDispatcher(
      DeliveryQueue queue,
      List<Sender> senders,
      NotifyProperties properties,
      Clock clock,
      MeterRegistry registry) {
    return new NotificationDispatcher(queue, senders, properties, clock, registry);
  }

  @Bean
  WorkerLoop notificationLoop(
      NotificationDispatcher dispatcher, NotifyProperties properties, WorkerProperties worker) {
    return new WorkerLoop(
        "notifications",
        dispatcher::dispatchPass,
        properties.pollInterval(),
        Duration.ofSeconds(10),
        20,
        worker.autostart());
  }

  @Bean
  WorkerLoop notificationHistoryPurgeLoop(
      DeliveryQueue queue,
      NotifyProperties properties,
      WorkerProperties worker,
      MaintenanceLock lock) {
    return new WorkerLoop(
        "notification-history-purge",
        () -> {
          lock.runExclusively(
              "notification-history-purge",
              () -> {
                int purged = queue.purgeFinished(properties.historyRetention());
                if (purged > 0) {
                  log.info("Deleted {} finished notification deliveries", purged);
                }
              });
          return false;
        },
        worker.maintenanceInterval(),
        Duration.ofMinutes(1),
        0,
        worker.autostart());
  }
}
