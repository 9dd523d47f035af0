package io.upwatch.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** A child process of the benchmark, with its CPU time and peak memory read from /proc. */
final class Proc implements AutoCloseable {

  private static final double TICKS_PER_SECOND = 100.0;

  final String name;
  final Process process;

  private Proc(String name, Process process) {
    this.name = name;
    this.process = process;
  }

  static Proc start(String name, Path logs, Map<String, String> env, List<String> command)
      throws IOException {
    Files.createDirectories(logs);
    var builder =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(logs.resolve(name + ".log").toFile());
    builder.environment().putAll(env);
    return new Proc(name, builder.start());
  }

  void awaitHttp(String url, Duration timeout) throws Exception {
    Instant deadline = Instant.now().plus(timeout);
    try (HttpClient http = HttpClient.newHttpClient()) {
      while (Instant.now().isBefore(deadline)) {
        if (!process.isAlive()) {
          throw new IllegalStateException(name + " exited; see its log");
        }
        try {
          var request =
              HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(2)).build();
          if (http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
            return;
          }
        } catch (IOException notYet) {
          // keep waiting
        }
        Thread.sleep(500);
      }
    }
    throw new IllegalStateException(name + " not ready at " + url);
  }

  long pid() {
    return process.pid();
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      process.destroyForcibly();
    }
  }

  /** User plus system CPU seconds the process has used so far; 0 if it is gone. */
  static double cpuSeconds(long pid) {
    try {
      return cpuTicks(Files.readString(Path.of("/proc", Long.toString(pid), "stat")))
          / TICKS_PER_SECOND;
    } catch (IOException | RuntimeException gone) {
      return 0;
    }
  }

  /**
   * User plus system CPU seconds used so far by the process's threads whose name starts with {@code
   * prefix} (e.g. {@code "C2 CompilerThre"}: the kernel cuts names at 15 characters).
   */
  static double threadCpuSeconds(long pid, String prefix) {
    try (var threads = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
      long ticks = 0;
      for (Path thread : threads.toList()) {
        try {
          String stat = Files.readString(thread.resolve("stat"));
          String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
          if (name.startsWith(prefix)) {
            ticks += cpuTicks(stat);
          }
        } catch (IOException | RuntimeException ended) {
          // A thread that ended meanwhile: its time is in no thread's figure any more.
        }
      }
      return ticks / TICKS_PER_SECOND;
    } catch (IOException | RuntimeException gone) {
      return 0;
    }
  }

  /** User plus system clock ticks of a process's or thread's {@code stat} line. */
  private static long cpuTicks(String stat) {
    // After the name in parentheses (which may hold spaces): utime and stime are fields 14 and 15.
    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
  }

  /** When the process started, in clock ticks since boot; 0 if it is gone. */
  static long startTicks(long pid) {
    try {
      String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
      return Long.parseLong(stat.substring(stat.lastIndexOf(')') + 2).split(" ")[19]);
    } catch (IOException | RuntimeException gone) {
      return 0;
    }
  }

  /** Clock ticks since boot now, comparable with {@link #startTicks}. */
  static long uptimeTicks() {
    try {
      String uptime = Files.readString(Path.of("/proc/uptime"));
      return (long) (Double.parseDouble(uptime.split(" ")[0]) * TICKS_PER_SECOND);
    } catch (IOException | RuntimeException e) {
      return 0;
    }
  }

  /** Peak resident set size (VmHWM) in MiB; 0 if the process is gone. */
  static double peakRssMib(long pid) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
        if (line.startsWith("VmHWM:")) {
          return Long.parseLong(line.replaceAll("\\D", "")) / 1024.0;
        }
      }
    } catch (IOException | RuntimeException gone) {
      // fall through
    }
    return 0;
  }

  /**
   * Pids of running processes of the program {@code name} ({@code /proc/<pid>/comm}, e.g. {@code
   * postgres}, {@code redis-server}). Not the command line: the benchmark's JVMs (the harness, the
   * target farm) carry postgresql-*.jar on theirs and were counted as PostgreSQL.
   */
  static List<Long> pidsOf(String name) {
    try (var processes = Files.list(Path.of("/proc"))) {
      return processes
          .filter(p -> p.getFileName().toString().matches("\\d+"))
          .filter(
              p -> {
                try {
                  return Files.readString(p.resolve("comm")).strip().equals(name);
                } catch (IOException e) {
                  return false;
                }
              })
          .map(p -> Long.parseLong(p.getFileName().toString()))
          .toList();
    } catch (IOException e) {
      return List.of();
    }
  }
}
