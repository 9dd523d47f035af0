package io.upwatch.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** The machine a report was made on. */
final class Machine {

  private Machine() {}

  static Map<String, Object> describe() {
    Map<String, Object> machine = new LinkedHashMap<>();
    machine.put("cores", Runtime.getRuntime().availableProcessors());
    machine.put("memoryGib", Math.round(memTotalKib() / 1024.0 / 1024.0 * 10) / 10.0);
    machine.put("cpu", cpuModel());
    machine.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
    machine.put("java", System.getProperty("java.version"));
    return machine;
  }

  private static long memTotalKib() {
    return firstMatching(Path.of("/proc/meminfo"), "MemTotal:")
        .map(line -> Long.parseLong(line.replaceAll("\\D", "")))
        .orElse(0L);
  }

  private static String cpuModel() {
    return firstMatching(Path.of("/proc/cpuinfo"), "model name")
        .map(line -> line.substring(line.indexOf(':') + 1).strip())
        .orElse("unknown");
  }

  private static java.util.Optional<String> firstMatching(Path file, String prefix) {
    try (var lines = Files.lines(file)) {
      return lines.filter(l -> l.startsWith(prefix)).findFirst();
    } catch (IOException e) {
      return java.util.Optional.empty();
    }
  }
}
