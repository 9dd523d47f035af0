package io.upwatch.bench;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.upwatch.common.CheckTask;
import io.upwatch.common.Streams;
import io.upwatch.common.TaskId;
import io.upwatch.common.probe.ProbeKind;
import io.upwatch.common.queue.QueuePartitions;
import io.upwatch.common.region.DeploymentRegions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The monitoring worker alone: how fast one worker drains a queue of checks against the farm (on a
 * cold JVM, then again warm: the figure judged), and its peak memory with 1,000 slow checks in
 * flight. The drains go to the farm addresses wrk's ceiling was measured on ({@link
 * Bench#TARGET_ADDRESSES}); one more, spread over all of them, shows what the farm's shape costs.
 */
final class ProberBench {

  // The roles' default: the bench runs them without UPWATCH_QUEUE_PARTITIONS.
  static final QueuePartitions PARTITIONS = new QueuePartitions(16);
  private static final int PICKUP_SAMPLES = 60;

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

        // The first drain runs on a cold JVM (the JIT compiles the hot path as it goes). The one
        // the target is judged on is the steady state of a long-running worker: the first drain
        // after it in which the JIT's compiler threads took under a twentieth of the worker's CPU.
        double[] cold = drain(bench, redis, worker, tasks, 0, null, Bench.TARGET_ADDRESSES);
        int drained = tasks;
        double[] warm;
        int warmUps = 0;
        do {
          warm = drain(bench, redis, worker, tasks, drained, null, Bench.TARGET_ADDRESSES);
          drained += tasks;
          Benchmark.log(
              ("drain after %d warm-up drains: %.0f checks/s, %.4f worker CPU ms each, compilers"
                      + " %.0f %% of it")
                  .formatted(
                      warmUps, tasks / warm[0], warm[1] * 1000 / tasks, 100 * compilerShare(warm)));
        } while (compilerShare(warm) >= JitShare.SETTLED && ++warmUps < JitShare.MAX_WARM_UPS);
        double[] spread = drain(bench, redis, worker, tasks, drained, null, Bench.ADDRESSES);
        drained += tasks;
        Map<String, Object> pickup = idlePickup(bench, redis, drained);
        int afterPickup = drained + PICKUP_SAMPLES;

        // 1,000 in flight: twice the concurrency of 200 ms checks, so the worker stays full.
        publish(bench, redis, 2000, "slow", afterPickup, null, Bench.TARGET_ADDRESSES);
        awaitResults(redis, afterPickup + 2000L, Duration.ofMinutes(2));
        double[] asserted =
            drain(
                bench, redis, worker, tasks, afterPickup + 2000, ASSERTED, Bench.TARGET_ADDRESSES);
        Map<String, Object> result =
            describe(tasks, cold, warm, asserted, Proc.peakRssMib(worker.pid()));
        result.put("checksPerSecondOverAllFarmAddresses", round(tasks / spread[0]));
        result.put(
            "cpuSecondsPerThousandChecksOverAllFarmAddresses", round3(spread[1] * 1000 / tasks));
        result.put("warmUpDrains", warmUps);
        result.put("compilerCpuShareOfJudgedDrain", round(compilerShare(warm)));
        result.putAll(pickup);

        // The same drain again under JFR, after the figures above: the recording costs memory
        // (~20 MiB of buffers) and some CPU, which must not count in them.
        var profile = Profile.start(bench, worker, "proberAlone");
        drain(
            bench, redis, worker, tasks, afterPickup + 2000 + tasks, null, Bench.TARGET_ADDRESSES);
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
    result.put("coldCpuSecondsPerThousandChecks", round3(cold[1] * 1000 / tasks));
    result.put("seconds", round(warm[0]));
    result.put("checksPerSecond", round(tasks / warm[0]));
    result.put("cpuSecondsPerThousandChecks", round3(warm[1] * 1000 / tasks));
    result.put("peakRssMibWith1000InFlight", round(peakRssMib));
    result.put("assertedChecksPerSecond", round(tasks / asserted[0]));
    result.put("assertedCpuSecondsPerThousandChecks", round3(asserted[1] * 1000 / tasks));
    return result;
  }

  /** The share of a drain's CPU the JIT's compiler threads took. */
  private static double compilerShare(double[] drain) {
    return drain[2];
  }

  /**
   * Queues {@code tasks} quick checks (with {@code spec}, or plain when null) to the first {@code
   * addresses} of the farm and waits for their results: {seconds, CPU seconds, the compiler
   * threads' share of them}.
   */
  private static double[] drain(
      Bench bench,
      StatefulRedisConnection<String, String> redis,
      Proc worker,
      int tasks,
      int offset,
      String spec,
      int addresses)
      throws InterruptedException {
    var jit = JitShare.of(worker.pid());
    long start = System.nanoTime();
    publish(bench, redis, tasks, "ok", offset, spec, addresses);
    awaitResults(redis, (long) offset + tasks, Duration.ofMinutes(5));
    return new double[] {(System.nanoTime() - start) / 1e9, jit.cpuSeconds(), jit.share()};
  }

  private static void publish(
      Bench bench,
      StatefulRedisConnection<String, String> redis,
      int count,
      String behaviour,
      int offset,
      String spec,
      int addresses) {
    var async = redis.async();
    redis.setAutoFlushCommands(false);
    long slot = Instant.now().toEpochMilli();
    for (int i = 0; i < count; i++) {
      int n = offset + i;
      String url = bench.target(n % addresses, behaviour, n);
      var task =
          new CheckTask(
              new TaskId(n, Instant.ofEpochMilli(slot)),
              url,
              Duration.ofSeconds(5),
              ProbeKind.HTTP,
              spec);
      async.xadd(taskStream(n), task.toFields());
      if (i % 1000 == 999) {
        redis.flushCommands();
      }
    }
    redis.flushCommands();
    redis.setAutoFlushCommands(true);
    ring(redis);
  }

  /** Rings the task stream's doorbell after adding tasks, as a local worker does. */
  private static void ring(StatefulRedisConnection<String, String> redis) {
    redis
        .sync()
        .set(Streams.tasksPublished(DeploymentRegions.DEFAULT), UUID.randomUUID().toString());
  }

  private static void awaitResults(
      StatefulRedisConnection<String, String> redis, long expected, Duration timeout)
      throws InterruptedException {
    Instant deadline = Instant.now().plus(timeout);
    while (results(redis) < expected) {
      if (Instant.now().isAfter(deadline)) {
        throw new IllegalStateException("Only " + results(redis) + " of " + expected + " results");
      }
      Thread.sleep(20);
    }
  }

  /** The default region's task stream partition of URL {@code n}, as a local worker publishes. */
  private static String taskStream(long n) {
    return Streams.tasks(PARTITIONS.of(n), DeploymentRegions.DEFAULT);
  }

  /** Entries in the result stream, all partitions. */
  static long results(StatefulRedisConnection<String, String> redis) {
    return PARTITIONS.all().mapToLong(p -> redis.sync().xlen(Streams.results(p))).sum();
  }

  /**
   * How long a task published to an idle worker waits before its check starts (the result's start
   * time less the publication's, one clock): what looking over the queue's partitions in turn, with
   * pauses while they are all empty, adds to a blocking read's wake-up. Tasks are published one at
   * a time at irregular intervals, so they land at every point of the worker's pauses.
   */
  private static Map<String, Object> idlePickup(
      Bench bench, StatefulRedisConnection<String, String> redis, int offset)
      throws InterruptedException {
    List<Long> waits = new ArrayList<>();
    var random = new java.util.Random(15);
    for (int i = 0; i < PICKUP_SAMPLES; i++) {
      Thread.sleep(150 + random.nextInt(250));
      long n = offset + i;
      var task =
          new CheckTask(
              new TaskId(n, Instant.now()),
              bench.target((int) (n % Bench.TARGET_ADDRESSES), "ok", n),
              Duration.ofSeconds(5));
      long published = System.currentTimeMillis();
      redis.sync().xadd(taskStream(n), task.toFields());
      ring(redis);
      awaitResults(redis, n + 1, Duration.ofSeconds(30));
      waits.add(startedAt(redis, n) - published);
    }
    waits.sort(null);
    Map<String, Object> pickup = new LinkedHashMap<>();
    pickup.put("idlePickupSamples", waits.size());
    pickup.put("idlePickupP50Millis", waits.get(waits.size() / 2));
    pickup.put("idlePickupP95Millis", waits.get(waits.size() * 95 / 100));
    pickup.put("idlePickupMaxMillis", waits.getLast());
    return pickup;
  }

  private static long startedAt(StatefulRedisConnection<String, String> redis, long url) {
    String id = url + ":";
    var entries =
        redis
            .sync()
            .xrevrange(
                Streams.results(PARTITIONS.of(url)),
                io.lettuce.core.Range.create("-", "+"),
                io.lettuce.core.Limit.from(20));
    return entries.stream()
        .filter(e -> e.getBody().get("id").startsWith(id))
        .map(e -> Long.parseLong(e.getBody().get("startedAt")))
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("No result for URL " + url));
  }

  static double round(double value) {
    return Math.round(value * 100) / 100.0;
  }

  /** Three decimals: for per-check costs of a few hundredths of a millisecond. */
  static double round3(double value) {
    return Math.round(value * 1000) / 1000.0;
  }
}
