package io.upwatch.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.DoubleSupplier;
import java.util.function.Supplier;

/**
 * CPU seconds used by groups of processes (a role, PostgreSQL's backends of the bench's database,
 * the bench's Redis), sampled every second so that short-lived processes (an autovacuum worker, a
 * new connection) count too: a process first seen after the meter started counts all its CPU, one
 * seen from the start counts from then. A process that ends between samples loses at most one
 * second of its CPU. Each sample can also go to a timeline (CSV: CPU % per group and the probes'
 * values), the evidence of what saturated when.
 */
final class CpuMeter implements AutoCloseable {

  private final Map<String, Supplier<Set<Long>>> groups;
  private final Map<String, DoubleSupplier> probes;
  private final Map<String, double[]> probeTotals = new LinkedHashMap<>();
  private final long startTicks = Proc.uptimeTicks();
  private final long startNanos = System.nanoTime();
  private final Map<Long, Double> baseline = new HashMap<>();
  private final Map<Long, Double> latest = new HashMap<>();
  // A process can be in several groups (a backend of the bench's database is also one of the
  // machine's): each group sums its own members.
  private final Map<String, Set<Long>> members = new LinkedHashMap<>();
  private final ScheduledExecutorService sampler;
  private final Writer timeline;
  private long previousNanos = startNanos;

  /**
   * @param groups each group's processes now (asked at every sample)
   * @param probes values written beside the CPU in each timeline row (a backlog, in-flight checks)
   * @param timeline the CSV file to write, or null for none
   */
  CpuMeter(
      Map<String, Supplier<Set<Long>>> groups, Map<String, DoubleSupplier> probes, Path timeline)
      throws IOException {
    this.groups = new LinkedHashMap<>(groups);
    this.probes = new LinkedHashMap<>(probes);
    this.timeline = timeline == null ? null : Files.newBufferedWriter(timeline);
    if (this.timeline != null) {
      this.timeline.write("seconds");
      for (String group : this.groups.keySet()) {
        this.timeline.write("," + group + "CpuPercent");
      }
      for (String probe : this.probes.keySet()) {
        this.timeline.write("," + probe);
      }
      this.timeline.write("\n");
    }
    sample(true);
    sampler = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().factory());
    sampler.scheduleAtFixedRate(this::sampleQuietly, 1, 1, TimeUnit.SECONDS);
  }

  /** A meter of one role (the group {@code name}) and PostgreSQL ({@code postgresql}). */
  static CpuMeter roleAndPostgres(String name, Proc role, PostgresProcesses postgres)
      throws IOException {
    return new CpuMeter(
        Map.of(name, () -> Set.of(role.pid()), "postgresql", postgres::pids), Map.of(), null);
  }

  /** CPU seconds per group since the meter started, sampled now. */
  synchronized Map<String, Double> cpuSeconds() {
    sample(false);
    return totalsNow();
  }

  /** The difference of two {@link #cpuSeconds()} readings, per group. */
  static Map<String, Double> between(Map<String, Double> before, Map<String, Double> after) {
    Map<String, Double> used = new LinkedHashMap<>();
    after.forEach((group, cpu) -> used.put(group, cpu - before.getOrDefault(group, 0.0)));
    return used;
  }

  /** Per probe: {sum of its readings, number of readings} since the meter started. */
  synchronized Map<String, double[]> probeTotals() {
    Map<String, double[]> copy = new LinkedHashMap<>();
    probeTotals.forEach((probe, total) -> copy.put(probe, total.clone()));
    return copy;
  }

  /** Each probe's mean reading between two {@link #probeTotals()}. */
  static Map<String, Double> meansBetween(
      Map<String, double[]> before, Map<String, double[]> after) {
    Map<String, Double> means = new LinkedHashMap<>();
    after.forEach(
        (probe, total) -> {
          double[] start = before.getOrDefault(probe, new double[2]);
          double readings = total[1] - start[1];
          if (readings > 0) {
            means.put(probe, (total[0] - start[0]) / readings);
          }
        });
    return means;
  }

  private synchronized void sampleQuietly() {
    try {
      Map<String, Double> before = totalsNow();
      long now = System.nanoTime();
      sample(false);
      List<Double> readings = readProbes();
      writeRow(before, now, readings);
    } catch (RuntimeException | IOException e) {
      // A failed sample (a process gone, PostgreSQL busy) only coarsens the figures.
    }
  }

  private void sample(boolean first) {
    for (var group : groups.entrySet()) {
      for (long pid : group.getValue().get()) {
        double cpu = Proc.cpuSeconds(pid);
        if (!baseline.containsKey(pid)) {
          // Started after the meter: every second of its CPU was spent while measuring.
          boolean newer = !first && Proc.startTicks(pid) >= startTicks;
          baseline.put(pid, newer ? 0 : cpu);
        }
        members.computeIfAbsent(group.getKey(), g -> new HashSet<>()).add(pid);
        if (cpu > 0) {
          latest.put(pid, cpu);
        } else {
          latest.putIfAbsent(pid, baseline.get(pid));
        }
      }
    }
  }

  private Map<String, Double> totalsNow() {
    Map<String, Double> totals = new LinkedHashMap<>();
    for (String group : groups.keySet()) {
      double sum = 0;
      for (long pid : members.getOrDefault(group, Set.of())) {
        sum += latest.get(pid) - baseline.get(pid);
      }
      totals.put(group, sum);
    }
    return totals;
  }

  private List<Double> readProbes() {
    List<Double> readings = new ArrayList<>();
    for (var probe : probes.entrySet()) {
      double value;
      try {
        value = probe.getValue().getAsDouble();
      } catch (RuntimeException e) {
        value = Double.NaN;
      }
      readings.add(value);
      if (Double.isFinite(value)) {
        double[] total = probeTotals.computeIfAbsent(probe.getKey(), p -> new double[2]);
        total[0] += value;
        total[1]++;
      }
    }
    return readings;
  }

  private void writeRow(Map<String, Double> before, long now, List<Double> readings)
      throws IOException {
    if (timeline == null) {
      return;
    }
    Map<String, Double> after = totalsNow();
    double seconds = (now - previousNanos) / 1e9;
    previousNanos = now;
    var row = new StringBuilder().append(Math.round((now - startNanos) / 1e8) / 10.0);
    for (String group : groups.keySet()) {
      double used = after.getOrDefault(group, 0.0) - before.getOrDefault(group, 0.0);
      row.append(',').append(Math.round(used * 100 / seconds));
    }
    readings.forEach(value -> row.append(',').append(value));
    timeline.write(row.append('\n').toString());
    timeline.flush();
  }

  @Override
  public void close() {
    sampler.shutdownNow();
    try {
      sampler.awaitTermination(5, TimeUnit.SECONDS);
      if (timeline != null) {
        timeline.close();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
