package io.upwatch.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * A JFR recording of one role during one measured phase, started and dumped with the {@code jcmd}
 * of the JDK that runs the benchmark, summarised as the methods that were on top of the stack most
 * often (self samples): where the CPU time of the phase went.
 */
final class Profile {

  private static final int TOP = 12;

  private final Path jcmd;
  private final Proc proc;
  private final Path file;
  private final String name;
  private final Instant start;

  private Profile(Path jcmd, Proc proc, Path file, String name) {
    this.jcmd = jcmd;
    this.proc = proc;
    this.file = file;
    this.name = name;
    this.start = Instant.now();
  }

  /** Starts recording {@code proc} with the JDK's "profile" settings (a sample every 10 ms). */
  static Profile start(Bench bench, Proc proc, String phase) throws Exception {
    Path jcmd = Path.of(bench.java()).resolveSibling("jcmd");
    Path file = bench.work().resolve("jfr").resolve(phase + ".jfr");
    Files.createDirectories(file.getParent());
    Files.deleteIfExists(file);
    run(jcmd, proc, "JFR.start", "name=" + phase, "settings=profile");
    return new Profile(jcmd, proc, file, phase);
  }

  /** Stops the recording and returns its summary: samples and the top methods by self share. */
  Map<String, Object> stop() throws Exception {
    Instant end = Instant.now();
    run(jcmd, proc, "JFR.stop", "name=" + name, "filename=" + file);
    return summarise(file, start, end);
  }

  static Map<String, Object> summarise(Path file, Instant from, Instant to) throws IOException {
    Map<String, Integer> self = new HashMap<>();
    int samples = 0;
    for (RecordedEvent event : RecordingFile.readAllEvents(file)) {
      if (!event.getEventType().getName().equals("jdk.ExecutionSample")
          || event.getStartTime().isBefore(from)
          || event.getStartTime().isAfter(to)
          || event.getStackTrace() == null
          || event.getStackTrace().getFrames().isEmpty()) {
        continue;
      }
      samples++;
      self.merge(method(event.getStackTrace().getFrames().getFirst()), 1, Integer::sum);
    }
    List<Map.Entry<String, Integer>> ranked = new ArrayList<>(self.entrySet());
    ranked.sort(Map.Entry.<String, Integer>comparingByValue().reversed());
    List<Map<String, Object>> top = new ArrayList<>();
    for (var entry : ranked.subList(0, Math.min(TOP, ranked.size()))) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("method", entry.getKey());
      row.put("selfPercent", ProberBench.round(100.0 * entry.getValue() / samples));
      top.add(row);
    }
    Map<String, Object> summary = new LinkedHashMap<>();
    summary.put("recording", file.getFileName().toString());
    summary.put("cpuSamples", samples);
    summary.put("topSelf", top);
    return summary;
  }

  /** {@code o.e.j.i.ManagedSelector.select}: packages abbreviated, class and method in full. */
  private static String method(RecordedFrame frame) {
    String[] parts = frame.getMethod().getType().getName().split("\\.");
    var name = new StringBuilder();
    for (int i = 0; i < parts.length - 1; i++) {
      name.append(parts[i].charAt(0)).append('.');
    }
    return name.append(parts[parts.length - 1])
        .append('.')
        .append(frame.getMethod().getName())
        .toString();
  }

  private static void run(Path jcmd, Proc proc, String... command) throws Exception {
    List<String> line = new ArrayList<>(List.of(jcmd.toString(), Long.toString(proc.pid())));
    line.addAll(List.of(command));
    Process p = new ProcessBuilder(line).redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes());
    if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
      throw new IllegalStateException(String.join(" ", line) + " failed:\n" + output);
    }
  }
}
