package io.upwatch.bench;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.upwatch.common.CheckTask;
import io.upwatch.common.Streams;
import io.upwatch.common.TaskId;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The monitoring worker alone: how fast one worker drains a queue of checks against the farm, and
 * its peak memory with 1,000 slow checks in flight.
 */
final class ProberBench {

  private static final int REDIS_DB = 10;

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

        double cpuBefore = Proc.cpuSeconds(worker.pid());
        Instant start = Instant.now();
        publish(redis, tasks, "ok", 0);
        awaitResults(redis, tasks, Duration.ofMinutes(5));
        double seconds = Duration.between(start, Instant.now()).toMillis() / 1000.0;
        double cpu = Proc.cpuSeconds(worker.pid()) - cpuBefore;

        // 1,000 in flight: twice the concurrency of 200 ms checks, so the worker stays full.
        publish(redis, 2000, "slow", tasks);
        awaitResults(redis, tasks + 2000, Duration.ofMinutes(2));
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("checks", tasks);
        result.put("seconds", round(seconds));
        result.put("checksPerSecond", round(tasks / seconds));
        result.put("cpuSecondsPerThousandChecks", round(cpu * 1000 / tasks));
        result.put("peakRssMibWith1000InFlight", round(Proc.peakRssMib(worker.pid())));

        // The same drain again under JFR, after the figures above: the recording costs memory
        // (~20 MiB of buffers) and some CPU, which must not count in them.
        var profile = Profile.start(bench, worker, "proberAlone");
        publish(redis, tasks, "ok", tasks + 2000);
        awaitResults(redis, 2L * tasks + 2000, Duration.ofMinutes(5));
        profiles.put("proberAlone", profile.stop());
        return result;
      }
    } finally {
      client.shutdown();
    }
  }

  private static void publish(
      StatefulRedisConnection<String, String> redis, int count, String behaviour, int offset) {
    var async = redis.async();
    redis.setAutoFlushCommands(false);
    long slot = Instant.now().toEpochMilli();
    for (int i = 0; i < count; i++) {
      int n = offset + i;
      String url =
          "http://" + TargetFarm.address(n % Bench.ADDRESSES) + ":9100/" + behaviour + "/" + n;
      var task =
          new CheckTask(new TaskId(n, Instant.ofEpochMilli(slot)), url, Duration.ofSeconds(5));
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
