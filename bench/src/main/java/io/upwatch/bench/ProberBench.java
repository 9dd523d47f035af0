package io.upwatch.bench;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.upwatch.common.CheckTask;
import io.upwatch.common.Streams;
import io.upwatch.common.TaskId;
import io.upwatch.common.probe.ProbeKind;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The monitoring worker alone: how fast one worker drains a queue of checks against the farm (on a
 * cold JVM, then again warm: the figure judged), and its peak memory with 1,000 slow checks in
 * flight.
 */
final class ProberBench {

  // A typical configured check: status 200 only, a keyword in the body and a latency bound. Its
  // cost next to the plain drain's shows what the spec path adds (parse, body kept, evaluation).
  private static final String ASSERTED =
      "{\"acceptedStatus\":\"200\",\"assertions\":[{\"type\":\"BODY_CONTAINS\","
          + "\"value\":\"ok\"},{\"type\":\"RESPONSE_TIME\",\"value\":\"5000\"}]}";

  private ProberBench() {}

  static Map<String, Object> run(Bench bench, Map<String, Object> profiles) throws Exception {
    int tasks = bench.settings().proberTasks();
    int port = bench.settings().monitoringWorkerPort();
    bench.flushRedis();
    var client = RedisClient.create(bench.redisUri());
    try (StatefulRedisConnection<String, String> redis = client.connect()) {
      Map<String, String> env = new LinkedHashMap<>(bench.redisEnv());
      env.put("SERVER_PORT", Integer.toString(port));
      env.put("MONITORING_SERVER_CONCURRENCY", "1000");
      env.put("UPWATCH_MONITORING_WORKER_ID", "bench-prober");
      try (Proc worker = bench.role("monitoring-worker", "prober-alone", env)) {
        worker.awaitHttp(
            "http://127.0.0.1:" + port + "/actuator/health/readiness", Duration.ofMinutes(3));

        // The first drain runs on a cold JVM (the JIT compiles the hot path as it goes); the
        // second, the one the target is judged on, is the steady state of a long-running worker.
        double[] cold = drain(bench, redis, worker, tasks, 0, null);
        double[] warm = drain(bench, redis, worker, tasks, tasks, null);

        // 1,000 in flight: twice the concurrency of 200 ms checks, so the worker stays full.
        publish(bench, redis, 2000, "slow", 2 * tasks, null);
        awaitResults(redis, 2L * tasks + 2000, Duration.ofMinutes(2));
        double[] asserted = drain(bench, redis, worker, tasks, 2 * tasks + 2000, ASSERTED);
        Map<String, Object> result =
            describe(tasks, cold, warm, asserted, Proc.peakRssMib(worker.pid()));

        // The same drain again under JFR, after the figures above: the recording costs memory
        // (~20 MiB of buffers) and some CPU, which must not count in them.
        var profile = Profile.start(bench, worker, "proberAlone");
        drain(bench, redis, worker, tasks, 3 * tasks + 2000, null);
        profiles.put("proberAlone", profile.stop());
        return result;
      }
    } finally {
      client.shutdown();
    }
  }

  /** The phase's figures from its drains ({seconds, CPU seconds} each) and the peak RSS. */
  static Map<String, Object> describe(
      int tasks, double[] cold, double[] warm, double[] asserted, double peakRssMib) {
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("checks", tasks);
    result.put("coldSeconds", round(cold[0]));
    result.put("coldChecksPerSecond", round(tasks / cold[0]));
    result.put("coldCpuSecondsPerThousandChecks", round(cold[1] * 1000 / tasks));
    result.put("seconds", round(warm[0]));
    result.put("checksPerSecond", round(tasks / warm[0]));
    result.put("cpuSecondsPerThousandChecks", round(warm[1] * 1000 / tasks));
    result.put("peakRssMibWith1000InFlight", round(peakRssMib));
    result.put("assertedChecksPerSecond", round(tasks / asserted[0]));
    result.put("assertedCpuSecondsPerThousandChecks", round(asserted[1] * 1000 / tasks));
    return result;
  }

  /**
   * Queues {@code tasks} quick checks (with {@code spec}, or plain when null) and waits for their
   * results: {seconds, CPU seconds}.
   */
  private static double[] drain(
      Bench bench,
      StatefulRedisConnection<String, String> redis,
      Proc worker,
      int tasks,
      int offset,
      String spec)
      throws InterruptedException {
    double cpuBefore = Proc.cpuSeconds(worker.pid());
    long start = System.nanoTime();
    publish(bench, redis, tasks, "ok", offset, spec);
    awaitResults(redis, (long) offset + tasks, Duration.ofMinutes(5));
    return new double[] {
      (System.nanoTime() - start) / 1e9, Proc.cpuSeconds(worker.pid()) - cpuBefore
    };
  }

  private static void publish(
      Bench bench,
      StatefulRedisConnection<String, String> redis,
      int count,
      String behaviour,
      int offset,
      String spec) {
    var async = redis.async();
    redis.setAutoFlushCommands(false);
    long slot = Instant.now().toEpochMilli();
    for (int i = 0; i < count; i++) {
      int n = offset + i;
      String url = bench.target(n % Bench.ADDRESSES, behaviour, n);
      var task =
          new CheckTask(
              new TaskId(n, Instant.ofEpochMilli(slot)),
              url,
              Duration.ofSeconds(5),
              ProbeKind.HTTP,
              spec);
      async.xadd(Streams.TASKS, task.toFields());
      if (i % 1000 == 999) {
        redis.flushCommands();
      }
    }
    redis.flushCommands();
    redis.setAutoFlushCommands(true);
  }

  private static void awaitResults(
      StatefulRedisConnection<String, String> redis, long expected, Duration timeout)
      throws InterruptedException {
    Instant deadline = Instant.now().plus(timeout);
    while (redis.sync().xlen(Streams.RESULTS) < expected) {
      if (Instant.now().isAfter(deadline)) {
        throw new IllegalStateException(
            "Only " + redis.sync().xlen(Streams.RESULTS) + " of " + expected + " results");
      }
      Thread.sleep(20);
    }
  }

  static double round(double value) {
    return Math.round(value * 100) / 100.0;
  }

  /** Three decimals: for per-check costs of a few hundredths of a millisecond. */
  static double round3(double value) {
    return Math.round(value * 1000) / 1000.0;
  }
}
