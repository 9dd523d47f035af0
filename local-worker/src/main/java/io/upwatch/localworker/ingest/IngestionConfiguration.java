package io.upwatch.localworker.ingest;

import io.micrometer.core.instrument.MeterRegistry;
import io.upwatch.common.queue.ResultQueue;
import io.upwatch.localworker.alert.AlertEvaluator;
import io.upwatch.localworker.alert.CertificateExpiryEvaluator;
import io.upwatch.localworker.config.WorkerProperties;
import java.time.Clock;
import java.util.List;
import java.util.stream.IntStream;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.support.TransactionTemplate;

/** Runs {@code concurrency} ingestion consumers until shutdown. */
@Configuration(proxyBeanMethods = false)
class IngestionConfiguration {

  @Bean
  IngestMetrics ingestMetrics(MeterRegistry registry) {
    return new IngestMetrics(registry);
  }

  @Bean
  List<ResultIngestor> resultIngestors(
      ResultQueue queue,
      CheckWriter writer,
      AlertEvaluator alerts,
      CertificateExpiryEvaluator certificates,
      TransactionTemplate transaction,
      WorkerProperties properties,
      Clock clock,
      IngestMetrics metrics) {
    return IntStream.range(0, properties.concurrency())
        .mapToObj(
            i ->
                new ResultIngestor(
                    properties.consumerName() + "-" + i,
                    queue,
                    writer,
                    alerts,
                    certificates,
                    transaction,
                    properties,
                    clock,
                    metrics))
        .toList();
  }

  @Bean
  IngestionLoops ingestionLoops(
      List<ResultIngestor> ingestors, WorkerProperties properties, MeterRegistry registry) {
    return new IngestionLoops(ingestors, properties.autostart(), registry);
  }
}
