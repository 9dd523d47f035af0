package io.upwatch.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The benchmark's settings, read from the environment once, with their defaults here.
 *
 * @param phases the phases to run ({@code BENCH_PHASES}: a comma-separated subset of {@link
 *     Benchmark#PHASES}; all)
 * @param portBase first of the nine loopback ports the run uses ({@code BENCH_PORT_BASE}; 8090):
 *     roles, target farm, blackbox exporter, webhook receiver and the bench's own Redis (see the
 *     port methods), so that two runs on one machine can stay apart
 * @param database prefix of the PostgreSQL databases the run drops and creates ({@code
 *     BENCH_DATABASE}; upwatch_bench)
 * @param intervalSeconds check interval of every end-to-end URL ({@code BENCH_INTERVAL}; 10 s)
 * @param ramp the end-to-end capacity ramp
 * @param proberTasks checks per drain of the monitoring worker alone ({@code BENCH_PROBER_TASKS};
 *     30,000)
 * @param ingestResults results per drain of the local worker's ingestion alone ({@code
 *     BENCH_INGEST_RESULTS}; 60,000)
 * @param baselineSeconds length of each baseline and closed-loop API load ({@code
 *     BENCH_BASELINE_SECONDS}; 10 s)
 * @param apiUrls URLs with a day of history for the API phase ({@code BENCH_API_URLS}; 10,000)
 * @param apiOpenLoopRate stats requests a second of the API's open-loop load ({@code
 *     BENCH_API_OPEN_RATE}; 200)
 * @param apiOpenLoopSeconds length of the open-loop load ({@code BENCH_API_OPEN_SECONDS}; 20 s)
 * @param pingRate heartbeat pings a second of the burst ({@code BENCH_PING_RATE}; 5,000)
 * @param pingSeconds length of the burst ({@code BENCH_PING_SECONDS}; 5 s)
 * @param roleEnv settings for every role the run starts: each {@code BENCH_ROLE_<NAME>=value} of
 *     the environment becomes {@code <NAME>=value} (e.g. {@code
 *     BENCH_ROLE_LOCAL_WORKER_CONCURRENCY=2}), to measure a setting without changing its default;
 *     none
 */
record Settings(
    Set<String> phases,
    int portBase,
    String database,
    int intervalSeconds,
    RampPlan ramp,
    int proberTasks,
    int ingestResults,
    int baselineSeconds,
    int apiUrls,
    int apiOpenLoopRate,
    int apiOpenLoopSeconds,
    int pingRate,
    int pingSeconds,
    Map<String, String> roleEnv) {

  private static final String ROLE_PREFIX = "BENCH_ROLE_";

  static Settings from(Map<String, String> env) {
    int interval = number(env, "BENCH_INTERVAL", 10);
    Set<String> phases =
        new LinkedHashSet<>(
            Arrays.asList(
                value(env, "BENCH_PHASES", String.join(",", Benchmark.PHASES)).split(",")));
    phases.retainAll(Benchmark.PHASES);
    return new Settings(
        Set.copyOf(phases),
        number(env, "BENCH_PORT_BASE", 8090),
        value(env, "BENCH_DATABASE", "upwatch_bench"),
        interval,
        RampPlan.from(env, interval),
        number(env, "BENCH_PROBER_TASKS", 30_000),
        number(env, "BENCH_INGEST_RESULTS", 60_000),
        number(env, "BENCH_BASELINE_SECONDS", 10),
        number(env, "BENCH_API_URLS", 10_000),
        number(env, "BENCH_API_OPEN_RATE", 200),
        number(env, "BENCH_API_OPEN_SECONDS", 20),
        number(env, "BENCH_PING_RATE", 5000),
        number(env, "BENCH_PING_SECONDS", 5),
        roleEnv(env));
  }

  private static Map<String, String> roleEnv(Map<String, String> env) {
    Map<String, String> roles = new TreeMap<>();
    env.forEach(
        (name, value) -> {
          if (name.startsWith(ROLE_PREFIX) && name.length() > ROLE_PREFIX.length()) {
            roles.put(name.substring(ROLE_PREFIX.length()), value);
          }
        });
    return Map.copyOf(roles);
  }

  int endToEndApiPort() {
    return portBase;
  }

  int localWorkerPort() {
    return portBase + 1;
  }

  /** The monitoring worker's port, alone and end to end (never both at once). */
  int monitoringWorkerPort() {
    return portBase + 2;
  }

  int apiAlonePort() {
    return portBase + 3;
  }

  int pingApiPort() {
    return portBase + 4;
  }

  /** The target farm's port on each of its addresses (127.0.0.2 and up). */
  int farmPort() {
    return portBase + 5;
  }

  int blackboxPort() {
    return portBase + 6;
  }

  int webhookPort() {
    return portBase + 7;
  }

  int redisPort() {
    return portBase + 8;
  }

  /** Fails when a port of the run's range is taken: another run, or another service. */
  void checkPortsFree() {
    for (int port = portBase; port <= redisPort(); port++) {
      try (var socket = new ServerSocket()) {
        socket.bind(new InetSocketAddress("127.0.0.1", port));
      } catch (IOException e) {
        throw new IllegalStateException(
            "Port "
                + port
                + " is in use; the bench needs "
                + portBase
                + "-"
                + redisPort()
                + " (choose another range with BENCH_PORT_BASE)");
      }
    }
  }

  static String value(Map<String, String> env, String name, String fallback) {
    String value = env.get(name);
    return value == null || value.isBlank() ? fallback : value.strip();
  }

  static int number(Map<String, String> env, String name, int fallback) {
    String value = value(env, name, null);
    if (value == null) {
      return fallback;
    }
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " must be a whole number, not '" + value + "'");
    }
  }
}
