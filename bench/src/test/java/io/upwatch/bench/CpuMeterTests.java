package io.upwatch.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class CpuMeterTests {

  private static final long SELF = ProcessHandle.current().pid();

  /** Spends {@code millis} of this thread's CPU time, however long that takes on a busy box. */
  private static void burn(long millis) {
    var threads = ManagementFactory.getThreadMXBean();
    long end = threads.getCurrentThreadCpuTime() + millis * 1_000_000;
    long x = 0;
    while (threads.getCurrentThreadCpuTime() < end) {
      x += Long.numberOfTrailingZeros(x + System.nanoTime());
    }
    assertThat(x).isNotNegative();
  }

  @Test
  void aProcessCountsTheCpuItUsedWhileMeteredInEveryGroupItIsIn() throws Exception {
    burn(300); // before the meter: not counted
    try (var meter =
        new CpuMeter(
            Map.of("jvm", () -> Set.of(SELF), "same", () -> Set.of(SELF)), Map.of(), null)) {
      Map<String, Double> before = meter.cpuSeconds();
      burn(500);
      Map<String, Double> used = CpuMeter.between(before, meter.cpuSeconds());

      // The JVM's other threads (the sampler, the compiler) add a little.
      assertThat(used.get("jvm")).isBetween(0.45, 3.0);
      assertThat(used.get("same")).isEqualTo(used.get("jvm"));
    }
  }

  @Test
  void aProcessStartedAfterTheMeterCountsAllItsCpuEvenAfterItEnded() throws Exception {
    AtomicReference<Set<Long>> child = new AtomicReference<>(Set.of());
    try (var meter = new CpuMeter(Map.of("child", child::get), Map.of(), null)) {
      Process busy =
          new ProcessBuilder("sh", "-c", "i=0; while [ $i -lt 400000 ]; do i=$((i+1)); done")
              .start();
      child.set(Set.of(busy.pid()));
      // Sampled while it runs, then it ends: its last reading stays.
      while (busy.isAlive()) {
        meter.cpuSeconds();
        Thread.sleep(50);
      }

      assertThat(meter.cpuSeconds().get("child")).isGreaterThan(0.1);
    }
  }
}
