package io.upwatch.testing;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Lints a scrape of {@code /actuator/prometheus} with {@code promtool check metrics}, Prometheus'
 * own check of its naming and documentation conventions. promtool comes with Debian's {@code
 * prometheus} package, which {@code ./upwatch test} installs; without it the check fails rather
 * than passing unchecked.
 */
public final class Promtool {

  /** The prefix of the project's own metrics; Spring's, the JVM's and Hikari's are not linted. */
  public static final String PROJECT_PREFIX = "upwatch_";

  private Promtool() {}

  /**
   * promtool's findings on the project's metric families in a scrape; empty when there are none.
   */
  public static List<String> findingsOnProjectMetrics(String scrape) {
    return check(projectFamilies(scrape));
  }

  /** The samples, HELP, TYPE and UNIT lines of the families whose names start with the prefix. */
  static String projectFamilies(String scrape) {
    return scrape
        .lines()
        .filter(line -> metricName(line).startsWith(PROJECT_PREFIX))
        .collect(Collectors.joining("\n", "", "\n"));
  }

  private static String metricName(String line) {
    for (String comment : List.of("# HELP ", "# TYPE ", "# UNIT ")) {
      if (line.startsWith(comment)) {
        return line.substring(comment.length());
      }
    }
    return line;
  }

  private static List<String> check(String exposition) {
    Path promtool =
        find()
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "promtool is not on the PATH: install Debian's prometheus package"
                            + " (apt-get install prometheus) or run ./upwatch test, which does"));
    try {
      Process process =
          new ProcessBuilder(promtool.toString(), "check", "metrics")
              .redirectErrorStream(true)
              .start();
      try (var stdin = process.getOutputStream()) {
        stdin.write(exposition.getBytes(UTF_8));
      }
      String output = new String(process.getInputStream().readAllBytes(), UTF_8);
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IllegalStateException("promtool check metrics did not finish in 30 s");
      }
      return output.lines().filter(line -> !line.isBlank()).toList();
    } catch (IOException e) {
      throw new IllegalStateException("cannot run " + promtool, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while running promtool", e);
    }
  }

  private static Optional<Path> find() {
    String path = System.getenv().getOrDefault("PATH", "");
    return Stream.of(path.split(File.pathSeparator))
        .filter(dir -> !dir.isBlank())
        .map(dir -> Path.of(dir, "promtool"))
        .filter(Files::isExecutable)
        .findFirst();
  }
}
