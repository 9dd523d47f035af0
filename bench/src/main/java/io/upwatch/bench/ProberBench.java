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

  private static final int REDIS_DB = 10;

  // A typical configured check: status 200 only, a keyword in the body and a latency bound. Its
  // cost next to the plain drain's shows what the spec path adds (parse, body kept, evaluation).
  private static final String ASSERTED =
      "{\"acceptedStatus\":\"200\",\"assertions\":[{\"type\":\"BODY_CONTAINS\","
          + "\"value\":\"ok\"},{\"type\":\"RESPONSE_TIME\",\"value\":\"5000\"}]}";

  private ProberBench() {}

  static Map<String, Object> run(Bench bench, int tasks, Map<String, Object> profiles)
      throws Exception {
    var client = RedisClient.create("redis://127.0.0.1:6379/" + REDIS_DB);
    try (StatefulRedisConnection<String, String> redis = client.connect()) {
      redis.sync().flushdb();
      Map<String, String> env = new LinkedHashMap<>(bench.redisEnv(REDIS_DB));
      env.put("SERVER_PORT", "8092");
      env.put("MONITORING_SERVER_CONCURRENCY", "1000");
      env.put("UPWATCH_MONITORING_WORKER_ID", "bench-prober");
      try (Proc worker = bench.role("monitoring-worker", "prober-alone", env)) {
        worker.awaitHttp("http://127.0.0.1:8092/actuator/health/readiness", Duration.ofMinutes(3));

        // The first drain runs on a cold JVM (the JIT compiles the hot path as it goes); the
        // second, the one the target is judged on, is the steady state of a long-running worker.
        double[] cold = drain(redis, worker, tasks, 0, null);
        double[] warm = drain(redis, worker, tasks, tasks, null);

        // 1,000 in flight: twice the concurrency of 200 ms checks, so the worker stays full.
        publish(redis, 2000, "slow", 2 * tasks, null);
        awaitResults(redis, 2L * tasks + 2000, Duration.ofMinutes(2));
        double[] asserted = drain(redis, worker, tasks, 2 * tasks + 2000, ASSERTED);
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("checks", tasks);
        result.put("coldSeconds", round(cold[0]));
        result.put("coldChecksPerSecond", round(tasks / cold[0]));
        result.put("coldCpuSecondsPerThousandChecks", round(cold[1] * 1000 / tasks));
        result.put("seconds", round(warm[0]));
        result.put("checksPerSecond", round(tasks / warm[0]));
        result.put("cpuSecondsPerThousandChecks", round(warm[1] * 1000 / tasks));
        result.put("peakRssMibWith1000InFlight", round(Proc.peakRssMib(worker.pid())));
        result.put("assertedChecksPerSecond", round(tasks / asserted[0]));
        result.put("assertedCpuSecondsPerThousandChecks", round(asserted[1] * 1000 / tasks));

        // The same drain again under JFR, after the figures above: the recording costs memory
        // (~20 MiB of buffers) and some CPU, which must not count in them.
        var profile = Profile.start(bench, worker, "proberAlone");
        drain(redis, worker, tasks, 3 * tasks + 2000, null);
        profiles.put("proberAlone", profile.stop());
        return result;
      }
    } finally {
      client.shutdown();
    }
  }

  /**
   * Queues {@code tasks} quick checks (with {@code spec}, or plain when null) and waits for their
   * results: {seconds, CPU seconds}.
   */
  private static double[] drain(
      StatefulRedisConnection<String, String> redis,
      Proc worker,
      int tasks,
      int offset,
      String spec)
      throws InterruptedException {
    double cpuBefore = Proc.cpuSeconds(worker.pid());
    long start = System.nanoTime();
    publish(redis, tasks, "ok", offset, spec);
    awaitResults(redis, (long) offset + tasks, Duration.ofMinutes(5));
    return new double[] {
      (System.nanoTime() - start) / 1e9, Proc.cpuSeconds(worker.pid()) - cpuBefore
    };
  }

  private static void publish(
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
      String url =
          "http://" + TargetFarm.address(n % Bench.ADDRESSES) + ":9100/" + behaviour + "/" + n;
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
}
