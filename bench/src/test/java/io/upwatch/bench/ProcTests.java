package io.upwatch.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class ProcTests {

  @Test
  void threadCpuCountsOnlyTheThreadsOfThatName() throws Exception {
    var stop = new AtomicBoolean();
    Thread busy =
        Thread.ofPlatform()
            .name("proc-test-spin")
            .start(
                () -> {
                  long sum = 0;
                  while (!stop.get()) {
                    sum += System.nanoTime();
                  }
                  assertThat(sum).isNotZero();
                });
    try {
      var threads = ManagementFactory.getThreadMXBean();
      while (threads.getThreadCpuTime(busy.threadId()) < 500_000_000L) {
        Thread.sleep(20);
      }
      long pid = ProcessHandle.current().pid();

      // Clock ticks of 10 ms: the thread's own count may trail the JVM's by a tick or two.
      assertThat(Proc.threadCpuSeconds(pid, "proc-test-sp")).isBetween(0.45, 30.0);
      assertThat(Proc.threadCpuSeconds(pid, "no-such-thread")).isZero();
      assertThat(Proc.threadCpuSeconds(Long.MAX_VALUE, "proc-test-sp")).isZero();
    } finally {
      stop.set(true);
      busy.join();
    }
  }
}
