package io.upwatch.bench;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the roles' own metrics say about a window, from a reading of each at its start and end: how
 * often the scheduler ran and for how long, how many tasks a pass claimed, how large and how long
 * the ingestion batches were, how long checks took. Where a metric is missing (renamed, or the role
 * did not answer) its figures are left out.
 *
 * @param localWorker the local worker's metrics
 * @param monitoringWorker the monitoring worker's metrics
 */
record RoleCounters(Prometheus localWorker, Prometheus monitoringWorker) {

  static RoleCounters read(Settings settings) {
    return new RoleCounters(
        Prometheus.scrape(settings.localWorkerPort()),
        Prometheus.scrape(settings.monitoringWorkerPort()));
  }

  /** The window's figures, from this reading (its start) to {@code end}. */
  Map<String, Object> until(RoleCounters end, double seconds) {
    Map<String, Object> m = new LinkedHashMap<>();
    double passes = delta(end, "upwatch_schedule_pass_seconds_count", true);
    double passTime = delta(end, "upwatch_schedule_pass_seconds_sum", true);
    double tasks = delta(end, "upwatch_schedule_tasks_total", true);
    put(m, "schedulePassesPerSecond", passes / seconds);
    put(m, "schedulePassMeanMs", passTime * 1000 / passes);
    put(m, "tasksPerSchedulePass", tasks / passes);
    put(m, "schedulerBusyPercent", passTime * 100 / seconds);
    double batches = delta(end, "upwatch_ingest_batch_time_seconds_count", true);
    double batchTime = delta(end, "upwatch_ingest_batch_time_seconds_sum", true);
    double batchRows = delta(end, "upwatch_ingest_batch_size_results_sum", true);
    put(m, "ingestBatchesPerSecond", batches / seconds);
    put(m, "ingestBatchMeanSize", batchRows / batches);
    put(m, "ingestBatchMeanMs", batchTime * 1000 / batches);
    put(m, "ingestBusyPercent", batchTime * 100 / seconds);
    double checks = delta(end, "upwatch_check_latency_seconds_count", false);
    double checkTime = delta(end, "upwatch_check_latency_seconds_sum", false);
    put(m, "checkLatencyMeanMs", checkTime * 1000 / checks);
    return m;
  }

  private double delta(RoleCounters end, String metric, boolean local) {
    Prometheus before = local ? localWorker : monitoringWorker;
    Prometheus after = local ? end.localWorker : end.monitoringWorker;
    return after.sum(metric) - before.sum(metric);
  }

  private static void put(Map<String, Object> m, String key, double value) {
    if (Double.isFinite(value)) {
      m.put(key, ProberBench.round(value));
    }
  }
}
