package io.upwatch.bench;

/**
 * How much of a JVM's CPU over a stretch of work went to its JIT compiler threads: the measure of
 * whether a role has reached the steady state of a long-running one, where the bench judges it.
 */
final class JitShare {

  /** Below this share of the process's CPU, the JIT counts as settled. */
  static final double SETTLED = 0.05;

  /** Warm-up rounds at most, settled or not: the JIT of a busy role rarely stops altogether. */
  static final int MAX_WARM_UPS = 6;

  private final long pid;
  private final double cpuBefore;
  private final double compilersBefore;

  private JitShare(long pid) {
    this.pid = pid;
    this.cpuBefore = Proc.cpuSeconds(pid);
    this.compilersBefore = compilerCpuSeconds(pid);
  }

  /** Starts measuring process {@code pid}. */
  static JitShare of(long pid) {
    return new JitShare(pid);
  }

  /** CPU seconds of the process since the start. */
  double cpuSeconds() {
    return Proc.cpuSeconds(pid) - cpuBefore;
  }

  /** The compilers' share of the process's CPU since the start (0 when it used none). */
  double share() {
    double cpu = cpuSeconds();
    return cpu > 0 ? (compilerCpuSeconds(pid) - compilersBefore) / cpu : 0;
  }

  private static double compilerCpuSeconds(long pid) {
    return Proc.threadCpuSeconds(pid, "C1 CompilerThre")
        + Proc.threadCpuSeconds(pid, "C2 CompilerThre");
  }
}
